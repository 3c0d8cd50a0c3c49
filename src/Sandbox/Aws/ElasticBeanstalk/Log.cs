using Microsoft.Extensions.Logging;

namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

internal static partial class Log
{
    [LoggerMessage(EventId = 5301, Level = LogLevel.Information, Message = "Environment {EnvironmentName} ({EnvironmentId}) launching version {VersionLabel} with {Instances} instance(s) at {Cname}")]
    public static partial void EnvironmentCreated(ILogger logger, string environmentName, string environmentId, string? versionLabel, int instances, string cname);

    [LoggerMessage(EventId = 5302, Level = LogLevel.Information, Message = "Environment {EnvironmentName} updating (version {VersionLabel}, {Instances} instance(s))")]
    public static partial void EnvironmentUpdated(ILogger logger, string environmentName, string? versionLabel, int instances);

    [LoggerMessage(EventId = 5303, Level = LogLevel.Information, Message = "Environment {EnvironmentName} terminating")]
    public static partial void EnvironmentTerminating(ILogger logger, string environmentName);

    [LoggerMessage(EventId = 5304, Level = LogLevel.Information, Message = "Swapped CNAMEs of {SourceEnvironmentName} and {DestinationEnvironmentName}")]
    public static partial void CnamesSwapped(ILogger logger, string sourceEnvironmentName, string destinationEnvironmentName);

    [LoggerMessage(EventId = 5305, Level = LogLevel.Warning, Message = "Environment {EnvironmentName}: {Message}")]
    public static partial void EnvironmentError(ILogger logger, string environmentName, string message);

    [LoggerMessage(EventId = 5306, Level = LogLevel.Information, Message = "Environment {EnvironmentName} deploying version {VersionLabel} ({Policy}, {Batches} batch(es))")]
    public static partial void DeploymentStarted(ILogger logger, string environmentName, string versionLabel, string policy, int batches);

    [LoggerMessage(EventId = 5307, Level = LogLevel.Information, Message = "Environment {EnvironmentName} deployed version {VersionLabel}")]
    public static partial void DeploymentCompleted(ILogger logger, string environmentName, string versionLabel);

    [LoggerMessage(EventId = 5308, Level = LogLevel.Warning, Message = "Environment {EnvironmentName} failed to deploy version {VersionLabel}: {Reason}")]
    public static partial void DeploymentFailed(ILogger logger, string environmentName, string versionLabel, string reason);
}
