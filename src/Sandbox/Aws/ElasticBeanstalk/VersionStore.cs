using Ebops.Sandbox.Aws.Core;
using C = Ebops.Sandbox.Aws.ElasticBeanstalk.EbConstants;
using E = Ebops.Sandbox.Aws.ElasticBeanstalk.EbConstants.Errors;

namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>
/// Application versions: the source bundle must be in the simulated S3; processing takes 10 s (scaled); a version
/// an environment runs cannot be deleted; the application's lifecycle rules delete the oldest unused versions when a
/// new one is created.
/// </summary>
internal sealed class VersionStore(SimWorld world, ApplicationStore applications, EnvironmentIndex environments, EbEventLog events)
{
    private readonly List<EbApplicationVersion> versions = [];

    public EbApplicationVersion Create(EbVersionInput input, string requestId)
    {
        if (input.Label.Length is < 1 or > 100)
        {
            throw EbErrors.Invalid("Value at 'versionLabel' failed to satisfy constraint: Member must have length between 1 and 100");
        }

        lock (world.Gate)
        {
            if (!applications.Exists(input.ApplicationName))
            {
                _ = input.AutoCreateApplication
                    ? applications.Create(input.ApplicationName, null, [])
                    : throw EbErrors.NoApplication(input.ApplicationName);
            }

            CheckNew(input);
            var app = applications.Find(input.ApplicationName);
            ApplyLifecycle(app, requestId);
            if (versions.Count >= world.Options.Quotas.EbApplicationVersions)
            {
                throw new AwsSimException(E.TooManyApplicationVersions, $"You cannot have more than {world.Options.Quotas.EbApplicationVersions} Application Versions.");
            }

            var now = world.Time.GetUtcNow();
            var version = new EbApplicationVersion
            {
                ApplicationName = input.ApplicationName,
                Label = input.Label,
                Arn = EbArn.Of(world, $"applicationversion/{input.ApplicationName}/{input.Label}"),
                Description = input.Description,
                S3Bucket = input.S3Bucket,
                S3Key = input.S3Key,
                Created = now,
                Updated = now,
                ProcessedAt = input.Process ? now + world.Timing.Of(C.ProcessTime) : null,
            };
            version.Tags.Add(input.Tags);
            versions.Add(version);
            events.Add(now, "INFO", $"Created new Application Version ({input.Label})", input.ApplicationName, null, input.Label, null, requestId);
            return version;
        }
    }

    /// <summary>The versions of an application (or all), newest first.</summary>
    public IReadOnlyList<EbApplicationVersion> Describe(string? application, IReadOnlyList<string> labels)
    {
        lock (world.Gate)
        {
            return [.. versions
                .Where(v => (application is null || v.ApplicationName == application) && (labels.Count == 0 || labels.Contains(v.Label)))
                .OrderByDescending(v => v.Created)];
        }
    }

    public void Delete(string application, string label, bool deleteSourceBundle)
    {
        lock (world.Gate)
        {
            applications.Find(application);
            var version = versions.FirstOrDefault(v => v.ApplicationName == application && v.Label == label) ?? throw EbErrors.NoVersion(label);
            var users = environments.LiveOf(application).Where(e => e.VersionLabel == label).ToList();
            var now = world.Time.GetUtcNow();
            if (users.Any(e => e.StatusAt(now) != C.Ready))
            {
                throw new AwsSimException(E.OperationInProgress, "Unable to perform the specified operation because another operation that effects an element in this activity is already in progress.");
            }

            if (users.Count > 0)
            {
                throw EbErrors.Invalid($"Unable to delete application version {label} because it is being used by environment(s): {string.Join(", ", users.Select(u => u.Name))}.");
            }

            versions.Remove(version);
            if (deleteSourceBundle && version.S3Bucket is not null)
            {
                world.S3.DeleteObject(version.S3Bucket, version.S3Key!);
            }
        }
    }

    /// <summary>The labels of an application's versions, newest first.</summary>
    public IReadOnlyList<string> LabelsOf(string application) => [.. Describe(application, []).Select(v => v.Label)];

    /// <summary><c>No Application Version named 'x' found.</c> unless the application has that version.</summary>
    public void CheckExists(string application, string label)
    {
        lock (world.Gate)
        {
            if (versions.All(v => v.ApplicationName != application || v.Label != label))
            {
                throw EbErrors.NoVersion(label);
            }
        }
    }

    /// <summary>The versions of an application in the order they were created (the state dump).</summary>
    public IReadOnlyList<EbApplicationVersion> CreatedOf(string application)
    {
        lock (world.Gate)
        {
            return [.. versions.Where(v => v.ApplicationName == application)];
        }
    }

    public EbApplicationVersion? FindByArn(string arn)
    {
        lock (world.Gate)
        {
            return versions.FirstOrDefault(v => v.Arn == arn);
        }
    }

    public void RemoveAllOf(string application)
    {
        lock (world.Gate)
        {
            versions.RemoveAll(v => v.ApplicationName == application);
        }
    }

    private void CheckNew(EbVersionInput input)
    {
        if (versions.Any(v => v.ApplicationName == input.ApplicationName && v.Label == input.Label))
        {
            throw EbErrors.Invalid($"Application Version {input.Label} already exists.");
        }

        if ((input.S3Bucket is null) != (input.S3Key is null))
        {
            throw new AwsSimException(E.InvalidParameterCombination, "Both S3 bucket and key must be specified.");
        }

        if (input.S3Bucket is { } bucket && world.S3.GetObject(bucket, input.S3Key!) is null)
        {
            var reason = world.S3.BucketExists(bucket) ? "Not Found" : "The specified bucket does not exist";
            throw new AwsSimException(E.InvalidParameterCombination, $"Unable to download from S3 location (Bucket: {bucket}  Key: {input.S3Key}). Reason: {reason}");
        }
    }

    // Called under the gate. Deletes at most 100 versions per call, as the lifecycle policy does.
    private void ApplyLifecycle(EbApplication app, string requestId)
    {
        if (!app.MaxCountEnabled && !app.MaxAgeEnabled)
        {
            return;
        }

        var now = world.Time.GetUtcNow();
        var inUse = environments.LiveOf(app.Name).Select(e => e.VersionLabel).ToHashSet();
        var candidates = versions.Where(v => v.ApplicationName == app.Name && !inUse.Contains(v.Label)).OrderBy(v => v.Created).ToList();
        var doomed = new List<(EbApplicationVersion Version, bool DeleteSource)>();
        if (app.MaxAgeEnabled)
        {
            doomed.AddRange(candidates.Where(v => now - v.Created > TimeSpan.FromDays(app.MaxAgeInDays)).Select(v => (v, app.MaxAgeDeleteSource)));
        }

        if (app.MaxCountEnabled)
        {
            var excess = versions.Count(v => v.ApplicationName == app.Name) - doomed.Count - app.MaxCount + 1;
            doomed.AddRange(candidates.Where(v => doomed.All(d => d.Version != v)).Take(Math.Max(0, excess)).Select(v => (v, app.MaxCountDeleteSource)));
        }

        foreach (var (version, deleteSource) in doomed.Take(100))
        {
            versions.Remove(version);
            if (deleteSource && version.S3Bucket is not null)
            {
                world.S3.DeleteObject(version.S3Bucket, version.S3Key!);
            }

            events.Add(now, "INFO", $"Application version {version.Label} was deleted by the application version lifecycle policy.", app.Name, null, version.Label, null, requestId);
        }
    }
}
