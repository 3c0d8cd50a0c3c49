using System.Text.RegularExpressions;
using Ebops.Sandbox.Aws.Core;
using Microsoft.Extensions.Logging;
using C = Ebops.Sandbox.Aws.ElasticBeanstalk.EbConstants;
using E = Ebops.Sandbox.Aws.ElasticBeanstalk.EbConstants.Errors;

namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>
/// Environment lifecycles. Statuses are functions of the clock (an operation's start and end); data-plane effects
/// happen at the calls: CreateEnvironment builds the environment (<see cref="EnvironmentProvisioner"/>),
/// UpdateEnvironment scales and starts a deployment of the new version as its DeploymentPolicy says
/// (<see cref="EbDeployments"/>; Updating until it ends), TerminateEnvironment stops the instances and deletes the ALB,
/// target group and security groups. Option settings are checked against the platform's catalogue first.
/// </summary>
internal sealed partial class EnvironmentStore(
    SimWorld world,
    EbStores stores,
    EnvironmentProvisioner provisioner,
    EbInstances instances,
    EbDeployments deployments,
    EnvironmentEvents events,
    ILogger log)
{
    private EnvironmentIndex Environments => stores.Environments;

    public EbEnvironment Create(EbEnvironmentInput input, string requestId)
    {
        CheckNames(input);
        lock (world.Gate)
        {
            var now = world.Time.GetUtcNow();
            stores.Applications.Find(input.ApplicationName);
            if (Environments.NameTaken(input.Name, now))
            {
                throw EbErrors.Invalid($"Environment {input.Name} already exists.");
            }

            if (Environments.LiveCount() >= world.Options.Quotas.EbEnvironments)
            {
                throw new AwsSimException(E.TooManyEnvironments, $"You cannot have more than {world.Options.Quotas.EbEnvironments} environments.");
            }

            var cname = input.CnamePrefix is null
                ? $"{input.Name}.eba-{world.Ids.Alnum(8)}.{world.Region}.elasticbeanstalk.com".ToLowerInvariant()
                : EbArn.Cname(world, input.CnamePrefix);
            if (!Environments.CnameAvailable(cname))
            {
                throw EbErrors.Invalid($"DNS name ({cname}) is not available.");
            }

            var (platform, baseOptions) = SourceOf(input);
            if (input.VersionLabel is { } label)
            {
                stores.Versions.CheckExists(input.ApplicationName, label);
            }

            var options = Configure(platform, baseOptions, input.Options, input.OptionsToRemove);
            var environment = NewEnvironment(input, platform, cname, options, now);
            provisioner.Provision(environment, EbOptionSettings.Capacity(options).Min);
            Environments.Add(environment);
            world.Faults.NoteCreated(C.SigningName, environment.Id);
            events.Launching(environment, requestId);
            Log.EnvironmentCreated(log, environment.Name, environment.Id, environment.VersionLabel, environment.Instances.Count, cname);
            return environment;
        }
    }

    public IReadOnlyList<EbEnvironment> Describe(EbEnvironmentQuery query)
    {
        lock (world.Gate)
        {
            var now = world.Time.GetUtcNow();
            var result = Environments.All()
                .Where(e => !world.Faults.IsHidden(C.SigningName, e.Id))
                .Where(e => query.ApplicationName is null || e.ApplicationName == query.ApplicationName)
                .Where(e => query.VersionLabel is null || e.VersionLabel == query.VersionLabel)
                .Where(e => query.EnvironmentIds.Count == 0 || query.EnvironmentIds.Contains(e.Id))
                .Where(e => query.EnvironmentNames.Count == 0 || query.EnvironmentNames.Contains(e.Name))
                .Where(e => e.StatusAt(now) != C.Terminated
                    || (query.IncludeDeleted && e.OperationEnds >= (query.IncludedDeletedBackTo ?? now - C.TerminatedRetention)))
                .ToList();
            foreach (var environment in result)
            {
                stores.Health.Of(environment);
            }

            return result;
        }
    }

    public EbEnvironment Update(EbEnvironmentUpdate update, string requestId)
    {
        List<DataPlane.InstanceServer> stopped;
        EbEnvironment environment;
        lock (world.Gate)
        {
            var now = world.Time.GetUtcNow();
            environment = Environments.Find(update.EnvironmentId, update.EnvironmentName);
            if (environment.StatusAt(now) != C.Ready)
            {
                throw EbErrors.NotReady(environment.Name);
            }

            if (update.VersionLabel is { } label)
            {
                stores.Versions.CheckExists(environment.ApplicationName, label);
            }

            var rollback = new EbRollback(environment.VersionLabel, environment.TemplateName, environment.Options, environment.Instances.Count);
            IReadOnlyList<EbOptionSetting> baseOptions = environment.Options;
            if (update.TemplateName is not null)
            {
                baseOptions = EbOptionSettings.Merge(baseOptions, stores.Templates.Find(environment.ApplicationName, update.TemplateName).Options, []);
            }

            var options = Configure(environment.Platform, baseOptions, update.Options, update.OptionsToRemove);
            if (update.VersionLabel is not null)
            {
                EbDeployments.CheckSupported(options);
            }

            environment.Options = options;
            environment.TemplateName = update.TemplateName ?? environment.TemplateName;
            environment.RollbackTo = rollback;
            stopped = Apply(environment, update, now, requestId);
        }

        foreach (var server in stopped)
        {
            _ = server.DisposeAsync().AsTask();
        }

        return environment;
    }

    public void SwapCnames(string? sourceId, string? sourceName, string? destinationId, string? destinationName, string requestId)
    {
        lock (world.Gate)
        {
            var now = world.Time.GetUtcNow();
            var source = Environments.Find(sourceId, sourceName);
            var destination = Environments.Find(destinationId, destinationName);
            if (source.Id == destination.Id)
            {
                throw EbErrors.Invalid("Source and destination environments must be different.");
            }

            foreach (var environment in new[] { source, destination })
            {
                if (environment.StatusAt(now) != C.Ready)
                {
                    throw EbErrors.NotReady(environment.Name);
                }
            }

            (source.Cname, destination.Cname) = (destination.Cname, source.Cname);
            source.Updated = destination.Updated = now;
            events.Swapped(source, destination, now, requestId);
            Log.CnamesSwapped(log, source.Name, destination.Name);
        }
    }

    /// <summary>
    /// Cancels an update in progress: the environment is <c>Aborting</c> while it rolls back to the version, template,
    /// settings and instance count it had before the update, then <c>Ready</c>.
    /// </summary>
    public void AbortUpdate(string? id, string? name, string requestId)
    {
        List<DataPlane.InstanceServer> stopped;
        lock (world.Gate)
        {
            var now = world.Time.GetUtcNow();
            var environment = Environments.Find(id, name);
            if (environment.StatusAt(now) != C.Updating || environment.RollbackTo is not { } previous)
            {
                throw EbErrors.Invalid($"Environment named {environment.Name} is in an invalid state for this operation. Must be pending deployment.");
            }

            deployments.Cancel(environment);
            environment.Options = previous.Options;
            environment.TemplateName = previous.TemplateName;
            environment.RollbackTo = null;
            environment.Operation = C.Aborting;
            environment.OperationStarted = now;
            environment.OperationEnds = now + world.Timing.Of(C.UpdateTime);
            environment.Updated = now;
            if (environment.VersionLabel != previous.VersionLabel)
            {
                environment.VersionLabel = previous.VersionLabel;
                instances.Deploy(environment, previous.VersionLabel ?? C.SampleApplication, now);
            }

            var (min, max) = EbOptionSettings.Capacity(environment.Options);
            stopped = instances.Scale(environment, Math.Clamp(previous.InstanceCount, min, max), requestId);
            provisioner.Reconfigure(environment);
            events.Aborting(environment, requestId);
        }

        foreach (var server in stopped)
        {
            _ = server.DisposeAsync().AsTask();
        }
    }

    public async ValueTask<EbEnvironment> TerminateAsync(string? id, string? name, string requestId)
    {
        EbEnvironment environment;
        List<ValueTask> disposals;
        EbEnvironmentResources resources;
        lock (world.Gate)
        {
            var now = world.Time.GetUtcNow();
            environment = Environments.Find(id, name);
            deployments.Cancel(environment);
            environment.Operation = C.Terminating;
            environment.OperationStarted = now;
            environment.OperationEnds = now + world.Timing.Of(C.TerminateTime);
            environment.Updated = now;
            // The ALB goes with the environment: no request metrics are reported for it any more.
            environment.MetricSamples.Clear();
            events.Terminating(environment, requestId);
            Log.EnvironmentTerminating(log, environment.Name);
            resources = new(environment.LoadBalancerArn, environment.TargetGroupArn, environment.InstanceSecurityGroup, environment.LoadBalancerSecurityGroup);
            disposals = instances.StopAll(environment);
        }

        foreach (var disposal in disposals)
        {
            await disposal.ConfigureAwait(false);
        }

        await provisioner.DeprovisionAsync(environment, resources, requestId).ConfigureAwait(false);
        return environment;
    }

    /// <summary>Deletes an application with its versions and templates; running environments only when forced (then terminated).</summary>
    public async ValueTask DeleteApplicationAsync(string name, bool terminateEnvironmentsByForce, string requestId)
    {
        IReadOnlyList<EbEnvironment> running;
        lock (world.Gate)
        {
            var app = stores.Applications.Find(name);
            running = Environments.LiveOf(name);
            if (running.Count > 0 && !terminateEnvironmentsByForce)
            {
                throw EbErrors.Invalid($"Unable to delete application {name} because it has running environments: {string.Join(", ", running.Select(e => e.Name))}.");
            }

            stores.Applications.Remove(app);
            stores.Versions.RemoveAllOf(name);
            stores.Templates.RemoveAllOf(name);
        }

        foreach (var environment in running)
        {
            await TerminateAsync(environment.Id, null, requestId).ConfigureAwait(false);
        }
    }

    public EbResourceSummary Resources(string? id, string? name)
    {
        lock (world.Gate)
        {
            var environment = Environments.Find(id, name);
            return new(environment.Name, [.. environment.Instances.Select(i => i.Id)], environment.LoadBalancerArn, environment.AutoScalingGroup, environment.LaunchTemplateId);
        }
    }

    public (bool Available, string FullyQualifiedCname) CheckDnsAvailability(string prefix)
    {
        var cname = EbArn.Cname(world, prefix);
        return (Environments.CnameAvailable(cname), cname);
    }

    public string StatusOf(EbEnvironment environment) => environment.StatusAt(world.Time.GetUtcNow());

    /// <summary>
    /// The configuration after a change: the settings checked against the platform's catalogue, merged, the whole
    /// checked again (capacity, batch size, properties' size), then against what the simulator can build.
    /// </summary>
    private static List<EbOptionSetting> Configure(EbPlatform platform, IReadOnlyList<EbOptionSetting> baseOptions, IReadOnlyList<EbOptionSetting> options, IReadOnlyList<EbOptionSetting> remove)
    {
        EbOptionValidator.ThrowFirstError(EbOptionValidator.Check(EbOptionCatalog.For(platform), options, remove));
        var merged = EbOptionSettings.Merge(baseOptions, options, remove);
        EbOptionValidator.ThrowFirstError(EbOptionValidator.CheckConfiguration(merged));
        EbOptionSettings.CheckSimulatorLimits(merged);
        return merged;
    }

    // Called under the gate once the update is known to be valid.
    private List<DataPlane.InstanceServer> Apply(EbEnvironment environment, EbEnvironmentUpdate update, DateTimeOffset now, string requestId)
    {
        var (min, max) = EbOptionSettings.Capacity(environment.Options);
        environment.Description = update.Description ?? environment.Description;
        environment.Operation = C.Updating;
        environment.OperationStarted = now;
        environment.OperationEnds = now + world.Timing.Of(C.UpdateTime);
        environment.Updated = now;
        events.UpdateStarting(environment, requestId);
        var stopped = instances.Scale(environment, Math.Clamp(environment.Instances.Count, min, max), requestId);
        provisioner.Reconfigure(environment);
        if (update.VersionLabel is { } label)
        {
            var previous = environment.VersionLabel;
            environment.VersionLabel = label;
            deployments.Start(environment, label, previous, requestId);
        }
        else
        {
            events.Updated(environment, requestId);
        }

        Log.EnvironmentUpdated(log, environment.Name, environment.VersionLabel, environment.Instances.Count);
        return stopped;
    }

    private (EbPlatform Platform, IReadOnlyList<EbOptionSetting> BaseOptions) SourceOf(EbEnvironmentInput input)
    {
        if (input.TemplateName is not null)
        {
            var template = stores.Templates.Find(input.ApplicationName, input.TemplateName);
            var platform = input.SolutionStackName is null && input.PlatformArn is null
                ? template.Platform
                : stores.Platforms.Resolve(input.SolutionStackName, input.PlatformArn);
            return (platform, template.Options);
        }

        return input.SolutionStackName is not null || input.PlatformArn is not null
            ? (stores.Platforms.Resolve(input.SolutionStackName, input.PlatformArn), [])
            : throw new AwsSimException(E.InvalidParameterCombination, "One of SolutionStackName, PlatformArn or TemplateName must be specified.");
    }

    private EbEnvironment NewEnvironment(EbEnvironmentInput input, EbPlatform platform, string cname, List<EbOptionSetting> options, DateTimeOffset now)
    {
        var id = world.Ids.EnvironmentId();
        var stack = $"awseb-{id}-stack";
        var environment = new EbEnvironment
        {
            Id = id,
            Name = input.Name,
            ApplicationName = input.ApplicationName,
            Arn = EbArn.Of(world, $"environment/{input.ApplicationName}/{input.Name}"),
            Description = input.Description,
            Platform = platform,
            TemplateName = input.TemplateName,
            VersionLabel = input.VersionLabel,
            Cname = cname,
            Created = now,
            Updated = now,
            Operation = C.Launching,
            OperationStarted = now,
            OperationEnds = now + world.Timing.Of(C.LaunchTime),
            Options = options,
            StackName = stack,
            AutoScalingGroup = $"{stack}-AWSEBAutoScalingGroup-{world.Ids.Alnum(12).ToUpperInvariant()}",
            LaunchTemplateId = "lt-" + world.Ids.HexString(17),
        };
        environment.Tags.Add(input.Tags);
        environment.Tags.Add([new(C.TagEnvironmentName, input.Name), new(C.TagEnvironmentId, id), new("Name", input.Name)]);
        return environment;
    }

    private static void CheckNames(EbEnvironmentInput input)
    {
        if (!EnvironmentNamePattern().IsMatch(input.Name))
        {
            throw EbErrors.Invalid($"Value {input.Name} for parameter EnvironmentName is invalid. Environment name must be 4 to 40 characters in length. It can only contain letters, numbers, and hyphens. It can't start or end with a hyphen.");
        }

        if (input.TierName is not null and not "WebServer")
        {
            throw EbErrors.Invalid($"Tier '{input.TierName}' is not supported by this simulator (WebServer only).");
        }

        if (input.CnamePrefix is { } prefix && !CnamePattern().IsMatch(prefix))
        {
            throw EbErrors.Invalid($"Value {prefix} for parameter CNAMEPrefix is invalid. It must be 4 to 63 characters: letters, numbers and hyphens, not starting or ending with a hyphen.");
        }
    }

    [GeneratedRegex("^[a-zA-Z0-9](?:[a-zA-Z0-9-]{2,38})[a-zA-Z0-9]$")]
    private static partial Regex EnvironmentNamePattern();

    [GeneratedRegex("^[a-zA-Z0-9](?:[a-zA-Z0-9-]{2,61})[a-zA-Z0-9]$")]
    private static partial Regex CnamePattern();
}
