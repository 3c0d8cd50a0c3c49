using Ebops.Operator.Aws.Core;
using Ebops.Operator.Aws.ElasticBeanstalk;
using Microsoft.Extensions.Logging;

namespace Ebops.Operator.Resources.ElasticBeanstalk;

/// <summary>
/// Application versions: a label names one S3 bundle forever, so a version is created once and never changed. A create
/// repeated after a lost response finds the label taken and is done.
/// </summary>
public sealed class ApplicationVersionManager(IElasticBeanstalkApi eb, ILogger<ApplicationVersionManager> log)
{
    /// <summary>True when the application has a version with this label (one DescribeApplicationVersions).</summary>
    public async Task<bool> ExistsAsync(string applicationName, string versionLabel, CancellationToken cancellationToken) =>
        await eb.FindApplicationVersionAsync(applicationName, versionLabel, cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>
    /// Registers <paramref name="versionLabel"/> with the bundle at <c>s3://bucket/key</c>, tagged with
    /// <paramref name="tags"/>; a label that exists already is left as it is. EB refuses a bundle it cannot read
    /// (<c>InvalidParameterCombination</c>, a terminal <see cref="AwsApiException"/>).
    /// </summary>
    public async Task CreateAsync(string applicationName, string versionLabel, string bucket, string key, IReadOnlyDictionary<string, string> tags,
        CancellationToken cancellationToken)
    {
        try
        {
            await eb.CreateApplicationVersionAsync(new()
            {
                ApplicationName = applicationName,
                VersionLabel = versionLabel,
                SourceBundle = new SourceBundle { S3Bucket = bucket, S3Key = key },
                Process = false,
                Tags = [.. tags.Select(t => new Tag { Key = t.Key, Value = t.Value })],
            }, cancellationToken).ConfigureAwait(false);
            Log.VersionCreated(log, applicationName, versionLabel, bucket, key);
        }
        catch (AwsApiException e) when (e.IsAlreadyExists)
        {
            // Created by an earlier attempt whose response was lost: a label never changes its bundle.
        }
    }
}
