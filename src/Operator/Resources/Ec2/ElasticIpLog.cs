using Microsoft.Extensions.Logging;

namespace Ebops.Operator.Resources.Ec2;

/// <summary>Log messages of the Elastic IP manager: allocation ids, public IPs and subnets only.</summary>
internal static partial class ElasticIpLog
{
    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Allocated Elastic IP {AllocationId} ({PublicIp}) for subnet {SubnetId}")]
    public static partial void Allocated(ILogger logger, string allocationId, string publicIp, string subnetId);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Warning, Message = "AllocateAddress for subnet {SubnetId} failed with {ErrorCode}; it may have been executed, so no new address is allocated before {RetryAfter}")]
    public static partial void AllocationAmbiguous(ILogger logger, string subnetId, string errorCode, DateTimeOffset retryAfter);

    [LoggerMessage(EventId = 5203, Level = LogLevel.Information, Message = "Releasing Elastic IP {AllocationId}")]
    public static partial void Releasing(ILogger logger, string allocationId);

    [LoggerMessage(EventId = 5204, Level = LogLevel.Information, Message = "Tagged Elastic IP {AllocationId} with {Keys}")]
    public static partial void Tagged(ILogger logger, string allocationId, string keys);

    [LoggerMessage(EventId = 5205, Level = LogLevel.Warning, Message = "Elastic IPs {AllocationIds} carry the same ownership tags {Key}; using {Kept}")]
    public static partial void Duplicates(ILogger logger, string allocationIds, string key, string kept);
}
