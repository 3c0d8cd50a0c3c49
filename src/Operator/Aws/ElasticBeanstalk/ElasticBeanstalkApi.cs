using Ebops.Operator.Aws.Core;

namespace Ebops.Operator.Aws.ElasticBeanstalk;

/// <summary>The Elastic Beanstalk facade over the SDK pipeline; operation methods are generated.</summary>
internal sealed partial class ElasticBeanstalkApi(QueryServiceClient client) : IElasticBeanstalkApi
{
    internal QueryServiceClient Client { get; } = client;

    public async Task<ApplicationDescription?> FindApplicationAsync(string applicationName, CancellationToken cancellationToken = default)
    {
        var response = await DescribeApplicationsAsync(new() { ApplicationNames = [applicationName] }, cancellationToken).ConfigureAwait(false);
        return response.Applications?.FirstOrDefault(a => a.ApplicationName == applicationName);
    }

    public async Task<ApplicationVersionDescription?> FindApplicationVersionAsync(string applicationName, string versionLabel, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await DescribeApplicationVersionsAsync(
                new() { ApplicationName = applicationName, VersionLabels = [versionLabel] }, cancellationToken).ConfigureAwait(false);
            return response.ApplicationVersions?.FirstOrDefault(v => v.VersionLabel == versionLabel);
        }
        catch (AwsApiException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    public async Task<EnvironmentDescription?> FindEnvironmentAsync(string applicationName, string environmentName, CancellationToken cancellationToken = default)
    {
        var response = await DescribeEnvironmentsAsync(
            new() { ApplicationName = applicationName, EnvironmentNames = [environmentName], IncludeDeleted = false }, cancellationToken).ConfigureAwait(false);
        return response.Environments?.FirstOrDefault(e => e.EnvironmentName == environmentName && e.Status != ElasticBeanstalkStatuses.EnvironmentTerminated);
    }
}
