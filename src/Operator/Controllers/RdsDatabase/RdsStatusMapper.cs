using Ebops.Operator.Entities;
using Ebops.Operator.Resources.Rds;

namespace Ebops.Operator.Controllers.RdsDatabase;

/// <summary>Status fields from what RDS describes (pure). Only what the instance reports; nothing that changes per poll.</summary>
public static class RdsStatusMapper
{
    public static void Apply(RdsDatabaseStatus status, DbInstanceObserved instance)
    {
        if (RdsArn.TryParse(instance.Arn) is { } arn)
        {
            status.Aws = new AwsResourceMetadata { Arn = arn.Arn, Region = arn.Region, OwnerAccountId = arn.AccountId };
        }

        status.InstanceStatus = instance.Status;
        status.Endpoint = instance.EndpointAddress is null ? null : new RdsEndpoint { Address = instance.EndpointAddress, Port = instance.EndpointPort };
        status.ParameterGroup = instance.ParameterGroupName is null
            ? null
            : new ParameterGroupStatus
            {
                Name = instance.ParameterGroupName,
                ApplyStatus = instance.ParameterApplyStatus,
                Retiring = status.ParameterGroup?.Retiring,
            };
        status.PendingModifications = instance.PendingModifications.Count == 0
            ? null
            : new Dictionary<string, string>(instance.PendingModifications, StringComparer.Ordinal);
    }
}
