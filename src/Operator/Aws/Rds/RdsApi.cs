using Ebops.Operator.Aws.Core;

namespace Ebops.Operator.Aws.Rds;

/// <summary>The RDS facade over the SDK pipeline; operation methods are generated.</summary>
internal sealed partial class RdsApi(QueryServiceClient client) : IRdsApi
{
    internal QueryServiceClient Client { get; } = client;

    public async Task<DBInstance?> FindDBInstanceAsync(string identifier, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await DescribeDBInstancesAsync(new() { DBInstanceIdentifier = identifier }, cancellationToken).ConfigureAwait(false);
            return response.DBInstances?.FirstOrDefault();
        }
        catch (AwsApiException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    public async Task<DBParameterGroup?> FindDBParameterGroupAsync(string name, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await DescribeDBParameterGroupsAsync(new() { DBParameterGroupName = name }, cancellationToken).ConfigureAwait(false);
            return response.DBParameterGroups?.FirstOrDefault();
        }
        catch (AwsApiException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    public async Task<DBSubnetGroup?> FindDBSubnetGroupAsync(string name, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await DescribeDBSubnetGroupsAsync(new() { DBSubnetGroupName = name }, cancellationToken).ConfigureAwait(false);
            return response.DBSubnetGroups?.FirstOrDefault();
        }
        catch (AwsApiException e) when (e.IsNotFound)
        {
            return null;
        }
    }
}
