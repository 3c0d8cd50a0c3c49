using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ebops.Sandbox.Aws.Core;
using Ebops.Sandbox.Aws.DataPlane;
using Ebops.Sandbox.Aws.Elbv2;
using Microsoft.Extensions.Logging;
using C = Ebops.Sandbox.Aws.ElasticBeanstalk.EbConstants;
using E = Ebops.Sandbox.Aws.ElasticBeanstalk.EbConstants.Errors;

namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>
/// The Elastic Beanstalk simulation's state and operations. Statuses are functions of the clock (an operation's start
/// and end); data-plane effects happen at the calls: CreateEnvironment starts the instance servers and builds the
/// environment's ALB in the ELBv2 simulation, UpdateEnvironment deploys the new version in place and scales, and
/// TerminateEnvironment stops the servers and deletes the ALB, target group and security groups. Health comes from
/// the ALB's real health checks of the instances. All state is guarded by <see cref="SimWorld.Gate"/>.
/// </summary>
public sealed partial class ElasticBeanstalkState : IAsyncDisposable
{
    private readonly SimWorld _world;
    private readonly Lock _gate;
    private readonly Elbv2State _elb;
    private readonly InstanceRegistry _registry;
    private readonly List<EbApplication> _applications = [];
    private readonly List<EbApplicationVersion> _versions = [];
    private readonly List<EbConfigurationTemplate> _templates = [];
    private readonly List<EbEnvironment> _environments = [];
    private readonly List<EbEvent> _events = [];
    private static readonly TimeSpan MetricsWindow = TimeSpan.FromSeconds(10);
    private readonly ITimer _healthMonitor;
    private readonly ILogger _log;
    private long _eventSequence;

    private ElasticBeanstalkState(SimWorld world)
    {
        _world = world;
        _gate = world.Gate;
        _elb = Elbv2State.For(world);
        _registry = world.Shared(() => new InstanceRegistry());
        _log = world.LoggerFactory.CreateLogger("Ebops.Sandbox.Aws.ElasticBeanstalk");
        Platforms = EbPlatformCatalog.For(world.Region);
        world.Faults.Changed += ApplyFaults;
        world.AddSecurityGroupUsage(SecurityGroupsInUse);

        // EB's health agent reports every 10 seconds; refreshing on that cadence dates health-transition events
        // when they happen rather than when someone next asks.
        var period = Max(world.Timing.Of(TimeSpan.FromSeconds(10)), TimeSpan.FromMilliseconds(10));
        _healthMonitor = world.Time.CreateTimer(_ => RefreshAllHealth(), null, period, period);
    }

    internal IReadOnlyList<EbPlatform> Platforms { get; }

    internal DateTimeOffset Now => _world.Time.GetUtcNow();

    /// <summary>The world's one EB state (shared by the handler and in-process callers).</summary>
    public static ElasticBeanstalkState For(SimWorld world) => world.Shared(() => new ElasticBeanstalkState(world));

    /// <summary>
    /// The loopback endpoint behind an environment CNAME (e.g. <c>web-blue.ap-northeast-2.elasticbeanstalk.com</c>):
    /// its ALB's HTTP:80 listener; null when no live environment has that CNAME. Follows SwapEnvironmentCNAMEs.
    /// </summary>
    public System.Net.IPEndPoint? ResolveCname(string cname)
    {
        string? alb;
        lock (_gate)
        {
            alb = _environments.FirstOrDefault(e => !e.IsTerminatingOrTerminated && string.Equals(e.Cname, cname, StringComparison.OrdinalIgnoreCase))?.LoadBalancerArn;
        }

        return alb is null ? null : _elb.FindEndpoint(alb, 80);
    }

    /// <summary>The instance ids of an environment (for fault injection and tests).</summary>
    public IReadOnlyList<string> InstanceIds(string environmentId)
    {
        lock (_gate)
        {
            return [.. _environments.FirstOrDefault(e => e.Id == environmentId)?.Instances.Select(i => i.Id) ?? []];
        }
    }

    internal IEnumerable<SecurityGroupUse> SecurityGroupsInUse()
    {
        lock (_gate)
        {
            return [.. _environments.Where(e => !e.IsTerminatingOrTerminated && e.InstanceSecurityGroup is not null)
                .Select(e => new SecurityGroupUse(e.InstanceSecurityGroup!, e.Arn))];
        }
    }

    // ---------------------------------------------------------------- applications

    internal EbApplication CreateApplication(string name, string? description, IReadOnlyList<KeyValuePair<string, string>> tags)
    {
        ValidateApplicationName(name);
        lock (_gate)
        {
            if (_applications.Any(a => a.Name == name))
            {
                throw EbErrors.Invalid($"Application {name} already exists.");
            }

            if (_applications.Count >= C.MaxApplications)
            {
                throw new AwsSimException(E.TooManyApplications, "You cannot have more than 75 applications.");
            }

            var now = Now;
            var app = new EbApplication { Name = name, Arn = Arn($"application/{name}"), Description = description, Created = now, Updated = now };
            app.Tags.Add(tags);
            _applications.Add(app);
            return app;
        }
    }

    internal IReadOnlyList<EbApplication> DescribeApplications(IReadOnlyList<string> names)
    {
        lock (_gate)
        {
            return [.. _applications.Where(a => names.Count == 0 || names.Contains(a.Name))];
        }
    }

    internal IReadOnlyList<string> VersionLabelsOf(string application)
    {
        lock (_gate)
        {
            return [.. _versions.Where(v => v.ApplicationName == application).OrderByDescending(v => v.Created).Select(v => v.Label)];
        }
    }

    internal IReadOnlyList<string> TemplateNamesOf(string application)
    {
        lock (_gate)
        {
            return [.. _templates.Where(t => t.ApplicationName == application).Select(t => t.Name)];
        }
    }

    internal EbApplication UpdateApplicationResourceLifecycle(string name, Action<EbApplication> apply)
    {
        lock (_gate)
        {
            var app = FindApplicationLocked(name);
            apply(app);
            app.Updated = Now;
            return app;
        }
    }

    internal async ValueTask DeleteApplicationAsync(string name, bool terminateEnvironmentsByForce, string requestId)
    {
        List<EbEnvironment> running;
        lock (_gate)
        {
            var app = FindApplicationLocked(name);
            running = [.. _environments.Where(e => e.ApplicationName == name && !e.IsTerminatingOrTerminated)];
            if (running.Count > 0 && !terminateEnvironmentsByForce)
            {
                throw EbErrors.Invalid($"Unable to delete application {name} because it has running environments: {string.Join(", ", running.Select(e => e.Name))}.");
            }

            _applications.Remove(app);
            _versions.RemoveAll(v => v.ApplicationName == name);
            _templates.RemoveAll(t => t.ApplicationName == name);
        }

        foreach (var environment in running)
        {
            await TerminateEnvironmentAsync(environment.Id, null, requestId).ConfigureAwait(false);
        }
    }

    // ---------------------------------------------------------------- versions

    internal EbApplicationVersion CreateApplicationVersion(
        string application,
        string label,
        string? description,
        string? bucket,
        string? key,
        bool autoCreate,
        bool process,
        IReadOnlyList<KeyValuePair<string, string>> tags,
        string requestId)
    {
        if (label.Length is < 1 or > 100)
        {
            throw EbErrors.Invalid("Value at 'versionLabel' failed to satisfy constraint: Member must have length between 1 and 100");
        }

        lock (_gate)
        {
            if (_applications.All(a => a.Name != application))
            {
                if (!autoCreate)
                {
                    throw EbErrors.NoApplication(application);
                }

                CreateApplication(application, null, []);
            }

            if (_versions.Any(v => v.ApplicationName == application && v.Label == label))
            {
                throw EbErrors.Invalid($"Application Version {label} already exists.");
            }

            if ((bucket is null) != (key is null))
            {
                throw new AwsSimException(E.InvalidParameterCombination, "Both S3 bucket and key must be specified.");
            }

            if (bucket is not null && _world.S3.GetObject(bucket, key!) is null)
            {
                var reason = _world.S3.BucketExists(bucket) ? "Not Found" : "The specified bucket does not exist";
                throw new AwsSimException(E.InvalidParameterCombination, $"Unable to download from S3 location (Bucket: {bucket}  Key: {key}). Reason: {reason}");
            }

            var app = FindApplicationLocked(application);
            ApplyLifecycleLocked(app, requestId);
            if (_versions.Count >= C.MaxApplicationVersions)
            {
                throw new AwsSimException(E.TooManyApplicationVersions, "You cannot have more than 1000 Application Versions.");
            }

            var now = Now;
            var version = new EbApplicationVersion
            {
                ApplicationName = application,
                Label = label,
                Arn = Arn($"applicationversion/{application}/{label}"),
                Description = description,
                S3Bucket = bucket,
                S3Key = key,
                Created = now,
                Updated = now,
                ProcessedAt = process ? now + _world.Timing.Of(C.ProcessTime) : null,
            };
            version.Tags.Add(tags);
            _versions.Add(version);
            AddEventLocked(now, "INFO", $"Created new Application Version ({label})", application, null, label, null, requestId);
            return version;
        }
    }

    internal IReadOnlyList<EbApplicationVersion> DescribeApplicationVersions(string? application, IReadOnlyList<string> labels)
    {
        lock (_gate)
        {
            return [.. _versions
                .Where(v => (application is null || v.ApplicationName == application) && (labels.Count == 0 || labels.Contains(v.Label)))
                .OrderByDescending(v => v.Created)];
        }
    }

    internal void DeleteApplicationVersion(string application, string label, bool deleteSourceBundle)
    {
        lock (_gate)
        {
            FindApplicationLocked(application);
            var version = _versions.FirstOrDefault(v => v.ApplicationName == application && v.Label == label) ?? throw EbErrors.NoVersion(label);
            var users = _environments.Where(e => e.ApplicationName == application && e.VersionLabel == label && !e.IsTerminatingOrTerminated).ToList();
            var now = Now;
            if (users.Any(e => e.StatusAt(now) != C.Ready))
            {
                throw new AwsSimException(E.OperationInProgress, "Unable to perform the specified operation because another operation that effects an element in this activity is already in progress.");
            }

            if (users.Count > 0)
            {
                throw EbErrors.Invalid($"Unable to delete application version {label} because it is being used by environment(s): {string.Join(", ", users.Select(u => u.Name))}.");
            }

            _versions.Remove(version);
            if (deleteSourceBundle && version.S3Bucket is not null)
            {
                _world.S3.DeleteObject(version.S3Bucket, version.S3Key!);
            }
        }
    }

    // ---------------------------------------------------------------- configuration templates

    internal EbConfigurationTemplate CreateConfigurationTemplate(
        string application,
        string name,
        string? solutionStack,
        string? platformArn,
        (string Application, string Template)? source,
        string? environmentId,
        string? description,
        IReadOnlyList<EbOptionSetting> options,
        IReadOnlyList<KeyValuePair<string, string>> tags)
    {
        lock (_gate)
        {
            FindApplicationLocked(application);
            if (_templates.Any(t => t.ApplicationName == application && t.Name == name))
            {
                throw EbErrors.Invalid($"Configuration Template {name} already exists.");
            }

            EbPlatform platform;
            var baseOptions = new List<EbOptionSetting>();
            if (solutionStack is not null || platformArn is not null)
            {
                platform = ResolvePlatform(solutionStack, platformArn);
            }
            else if (source is { } from)
            {
                var template = FindTemplateLocked(from.Application, from.Template);
                platform = template.Platform;
                baseOptions.AddRange(template.Options);
            }
            else if (environmentId is not null)
            {
                var environment = _environments.FirstOrDefault(e => e.Id == environmentId && !e.IsTerminatingOrTerminated) ?? throw EbErrors.NoEnvironment(null, environmentId);
                platform = environment.Platform;
                baseOptions.AddRange(environment.Options);
            }
            else
            {
                throw new AwsSimException(E.InvalidParameterCombination, "One of SolutionStackName, PlatformArn, SourceConfiguration or EnvironmentId must be specified.");
            }

            ValidateOptions(options);
            var now = Now;
            var created = new EbConfigurationTemplate
            {
                ApplicationName = application,
                Name = name,
                Platform = platform,
                Description = description,
                Created = now,
                Updated = now,
                Options = Merge(baseOptions, options, []),
            };
            created.Tags.Add(tags);
            _templates.Add(created);
            return created;
        }
    }

    internal EbConfigurationTemplate UpdateConfigurationTemplate(string application, string name, string? description, IReadOnlyList<EbOptionSetting> options, IReadOnlyList<EbOptionSetting> remove)
    {
        lock (_gate)
        {
            FindApplicationLocked(application);
            var template = FindTemplateLocked(application, name);
            ValidateOptions(options);
            template.Options = Merge(template.Options, options, remove);
            template.Description = description ?? template.Description;
            template.Updated = Now;
            return template;
        }
    }

    internal void DeleteConfigurationTemplate(string application, string name)
    {
        lock (_gate)
        {
            FindApplicationLocked(application);
            _templates.Remove(FindTemplateLocked(application, name));
        }
    }

    /// <summary>One configuration description: a template's, or an environment's (DeploymentStatus deployed).</summary>
    internal (EbPlatform Platform, string Application, string? Template, string? Environment, string? Description, string? DeploymentStatus, DateTimeOffset Created, DateTimeOffset Updated, IReadOnlyList<EbOptionSetting> Options)
        DescribeConfigurationSettings(string application, string? templateName, string? environmentName)
    {
        if ((templateName is null) == (environmentName is null))
        {
            throw new AwsSimException(E.InvalidParameterCombination, "You must specify either TemplateName or EnvironmentName, but not both.");
        }

        lock (_gate)
        {
            FindApplicationLocked(application);
            if (templateName is not null)
            {
                var template = FindTemplateLocked(application, templateName);
                return (template.Platform, application, template.Name, null, template.Description, null, template.Created, template.Updated, Effective(template.Options));
            }

            var environment = FindEnvironmentLocked(null, environmentName);
            return (environment.Platform, application, environment.TemplateName, environment.Name, environment.Description, "deployed", environment.Created, environment.Updated, Effective(environment.Options));
        }
    }

    // ---------------------------------------------------------------- environments

    internal EbEnvironment CreateEnvironment(
        string application,
        string name,
        string? cnamePrefix,
        string? description,
        string? solutionStack,
        string? platformArn,
        string? templateName,
        string? versionLabel,
        string? tierName,
        IReadOnlyList<EbOptionSetting> options,
        IReadOnlyList<EbOptionSetting> remove,
        IReadOnlyList<KeyValuePair<string, string>> tags,
        string requestId)
    {
        if (!EnvironmentNamePattern().IsMatch(name))
        {
            throw EbErrors.Invalid($"Value {name} for parameter EnvironmentName is invalid. Environment name must be 4 to 40 characters in length. It can only contain letters, numbers, and hyphens. It can't start or end with a hyphen.");
        }

        if (tierName is not null and not "WebServer")
        {
            throw EbErrors.Invalid($"Tier '{tierName}' is not supported by this simulator (WebServer only).");
        }

        if (cnamePrefix is not null && !CnamePattern().IsMatch(cnamePrefix))
        {
            throw EbErrors.Invalid($"Value {cnamePrefix} for parameter CNAMEPrefix is invalid. It must be 4 to 63 characters: letters, numbers and hyphens, not starting or ending with a hyphen.");
        }

        lock (_gate)
        {
            var now = Now;
            FindApplicationLocked(application);
            if (_environments.Any(e => e.Name == name && e.StatusAt(now) != C.Terminated))
            {
                throw EbErrors.Invalid($"Environment {name} already exists.");
            }

            if (_environments.Count(e => !e.IsTerminatingOrTerminated) >= C.MaxEnvironments)
            {
                throw new AwsSimException(E.TooManyEnvironments, "You cannot have more than 200 environments.");
            }

            var cname = cnamePrefix is null
                ? $"{name}.eba-{_world.Ids.Alnum(8)}.{_world.Region}.elasticbeanstalk.com".ToLowerInvariant()
                : FullCname(cnamePrefix);
            if (!CnameAvailableLocked(cname))
            {
                throw EbErrors.Invalid($"DNS name ({cname}) is not available.");
            }

            EbPlatform platform;
            var baseOptions = new List<EbOptionSetting>();
            if (templateName is not null)
            {
                var template = FindTemplateLocked(application, templateName);
                platform = solutionStack is null && platformArn is null ? template.Platform : ResolvePlatform(solutionStack, platformArn);
                baseOptions.AddRange(template.Options);
            }
            else if (solutionStack is not null || platformArn is not null)
            {
                platform = ResolvePlatform(solutionStack, platformArn);
            }
            else
            {
                throw new AwsSimException(E.InvalidParameterCombination, "One of SolutionStackName, PlatformArn or TemplateName must be specified.");
            }

            if (versionLabel is not null && _versions.All(v => v.ApplicationName != application || v.Label != versionLabel))
            {
                throw EbErrors.NoVersion(versionLabel);
            }

            ValidateOptions(options);
            var merged = Merge(baseOptions, options, remove);
            var (min, max) = Capacity(merged);
            ValidateEnvironmentOptions(merged);

            var id = _world.Ids.EnvironmentId();
            var stack = $"awseb-{id}-stack";
            var environment = new EbEnvironment
            {
                Id = id,
                Name = name,
                ApplicationName = application,
                Arn = Arn($"environment/{application}/{name}"),
                Description = description,
                Platform = platform,
                TemplateName = templateName,
                VersionLabel = versionLabel,
                Cname = cname,
                Created = now,
                Updated = now,
                Operation = C.Launching,
                OperationStarted = now,
                OperationEnds = now + _world.Timing.Of(C.LaunchTime),
                Options = merged,
                StackName = stack,
                AutoScalingGroup = $"{stack}-AWSEBAutoScalingGroup-{_world.Ids.Alnum(12).ToUpperInvariant()}",
                LaunchTemplateId = "lt-" + _world.Ids.HexString(17),
            };
            environment.Tags.Add(tags);
            environment.Tags.Add([new(C.TagEnvironmentName, name), new(C.TagEnvironmentId, id), new("Name", name)]);

            try
            {
                BuildEnvironmentLocked(environment, min);
            }
            catch
            {
                // Roll back what was built so a failed create leaves nothing behind (EB rolls back its stack too).
                TearDownDataPlaneLocked(environment, out var disposals);
                _ = Task.WhenAll(disposals.Select(d => d.AsTask()));
                throw;
            }

            _environments.Add(environment);
            _world.Faults.NoteCreated(C.SigningName, id);
            ScheduleLaunchEventsLocked(environment, requestId);
            Log.EnvironmentCreated(_log, name, id, versionLabel, environment.Instances.Count, cname);
            return environment;
        }
    }

    internal IReadOnlyList<EbEnvironment> DescribeEnvironments(
        string? application,
        string? versionLabel,
        IReadOnlyList<string> ids,
        IReadOnlyList<string> names,
        bool includeDeleted,
        DateTimeOffset? deletedBackTo)
    {
        lock (_gate)
        {
            var now = Now;
            var result = _environments
                .Where(e => !_world.Faults.IsHidden(C.SigningName, e.Id))
                .Where(e => application is null || e.ApplicationName == application)
                .Where(e => versionLabel is null || e.VersionLabel == versionLabel)
                .Where(e => ids.Count == 0 || ids.Contains(e.Id))
                .Where(e => names.Count == 0 || names.Contains(e.Name))
                .Where(e => e.StatusAt(now) != C.Terminated
                    || (includeDeleted && e.OperationEnds >= (deletedBackTo ?? now - C.TerminatedRetention)))
                .ToList();
            foreach (var environment in result)
            {
                RefreshHealthLocked(environment, now);
            }

            return result;
        }
    }

    internal EbEnvironment UpdateEnvironment(
        string? id,
        string? name,
        string? description,
        string? versionLabel,
        string? templateName,
        IReadOnlyList<EbOptionSetting> options,
        IReadOnlyList<EbOptionSetting> remove,
        string requestId)
    {
        List<InstanceServer> stopped;
        EbEnvironment environment;
        lock (_gate)
        {
            var now = Now;
            environment = FindEnvironmentLocked(id, name);
            if (environment.StatusAt(now) != C.Ready)
            {
                throw EbErrors.NotReady(environment.Name);
            }

            if (versionLabel is not null && _versions.All(v => v.ApplicationName != environment.ApplicationName || v.Label != versionLabel))
            {
                throw EbErrors.NoVersion(versionLabel);
            }

            var baseOptions = environment.Options;
            if (templateName is not null)
            {
                baseOptions = Merge(baseOptions, FindTemplateLocked(environment.ApplicationName, templateName).Options, []);
                environment.TemplateName = templateName;
            }

            ValidateOptions(options);
            var merged = Merge(baseOptions, options, remove);
            var (min, max) = Capacity(merged);
            ValidateEnvironmentOptions(merged);

            environment.Options = merged;
            environment.Description = description ?? environment.Description;
            environment.Operation = C.Updating;
            environment.OperationStarted = now;
            environment.OperationEnds = now + _world.Timing.Of(C.UpdateTime);
            environment.Updated = now;
            AddEventLocked(now, "INFO", "Environment update is starting.", environment, requestId);

            if (versionLabel is not null)
            {
                environment.VersionLabel = versionLabel;
                foreach (var instance in environment.Instances)
                {
                    instance.Server.Deploy(versionLabel);
                    instance.DeploymentId++;
                    instance.DeployedAt = now;
                }

                AddEventLocked(now, "INFO", $"Deploying new version to instance(s).", environment, requestId);
                AddEventLocked(environment.OperationEnds, "INFO", "Instance deployment completed successfully.", environment, requestId);
                AddEventLocked(environment.OperationEnds, "INFO", "New application version was deployed to running EC2 instances.", environment, requestId);
            }

            stopped = ScaleLocked(environment, Math.Clamp(environment.Instances.Count, min, max), requestId);
            UpdateTargetGroupLocked(environment);
            AddEventLocked(environment.OperationEnds, "INFO", "Environment update completed successfully.", environment, requestId);
            Log.EnvironmentUpdated(_log, environment.Name, environment.VersionLabel, environment.Instances.Count);
        }

        foreach (var server in stopped)
        {
            _ = server.DisposeAsync().AsTask();
        }

        return environment;
    }

    internal (EbEnvironment Source, EbEnvironment Destination) SwapEnvironmentCnames(string? sourceId, string? sourceName, string? destinationId, string? destinationName, string requestId)
    {
        lock (_gate)
        {
            var now = Now;
            var source = FindEnvironmentLocked(sourceId, sourceName);
            var destination = FindEnvironmentLocked(destinationId, destinationName);
            if (source.Id == destination.Id)
            {
                throw EbErrors.Invalid("Source and destination environments must be different.");
            }

            if (source.StatusAt(now) != C.Ready)
            {
                throw EbErrors.NotReady(source.Name);
            }

            if (destination.StatusAt(now) != C.Ready)
            {
                throw EbErrors.NotReady(destination.Name);
            }

            (source.Cname, destination.Cname) = (destination.Cname, source.Cname);
            source.Updated = destination.Updated = now;
            foreach (var environment in new[] { source, destination })
            {
                AddEventLocked(now, "INFO", "swapEnvironmentCNAMEs is starting.", environment, requestId);
                AddEventLocked(now, "INFO", $"Completed swapping CNAMEs for environments '{source.Name}' and '{destination.Name}'.", environment, requestId);
            }

            Log.CnamesSwapped(_log, source.Name, destination.Name);
            return (source, destination);
        }
    }

    internal async ValueTask<EbEnvironment> TerminateEnvironmentAsync(string? id, string? name, string requestId)
    {
        EbEnvironment environment;
        List<ValueTask> disposals;
        (string? Alb, string? TargetGroup, string? InstanceGroup, string? LoadBalancerGroup) resources;
        lock (_gate)
        {
            var now = Now;
            environment = FindEnvironmentLocked(id, name);
            environment.Operation = C.Terminating;
            environment.OperationStarted = now;
            environment.OperationEnds = now + _world.Timing.Of(C.TerminateTime);
            environment.Updated = now;
            AddEventLocked(now, "INFO", "terminateEnvironment is starting.", environment, requestId);
            AddEventLocked(now, "INFO", $"Waiting for EC2 instances to terminate. This may take a few minutes.", environment, requestId);
            AddEventLocked(environment.OperationEnds, "INFO", $"Deleted security group named: {environment.InstanceSecurityGroup}", environment, requestId);
            AddEventLocked(environment.OperationEnds, "INFO", "terminateEnvironment completed successfully.", environment, requestId);
            Log.EnvironmentTerminating(_log, environment.Name);
            resources = (environment.LoadBalancerArn, environment.TargetGroupArn, environment.InstanceSecurityGroup, environment.LoadBalancerSecurityGroup);
            TearDownInstancesLocked(environment, out disposals);
        }

        foreach (var disposal in disposals)
        {
            await disposal.ConfigureAwait(false);
        }

        await DeleteLoadBalancingAsync(environment, resources.Alb, resources.TargetGroup, requestId).ConfigureAwait(false);
        foreach (var group in new[] { resources.InstanceGroup, resources.LoadBalancerGroup })
        {
            if (group is null)
            {
                continue;
            }

            try
            {
                _world.Network.DeleteServiceSecurityGroup(group);
            }
            catch (AwsSimException ex)
            {
                lock (_gate)
                {
                    AddEventLocked(Now, "ERROR", $"Deleting security group named: {group} failed. Reason: {ex.Message}", environment, requestId);
                }
            }
        }

        return environment;
    }

    internal (IReadOnlyList<string> Instances, string? LoadBalancer, string AutoScalingGroup, string LaunchTemplate, string Name) DescribeEnvironmentResources(string? id, string? name)
    {
        lock (_gate)
        {
            var environment = FindEnvironmentLocked(id, name);
            return ([.. environment.Instances.Select(i => i.Id)], environment.LoadBalancerArn, environment.AutoScalingGroup, environment.LaunchTemplateId, environment.Name);
        }
    }

    /// <summary>
    /// Health, plus the request metrics of the last 10 seconds (realistic, scaled) as EB reports them: the ALB's
    /// counters now minus the newest sample at least that old (or since launch when there is none yet).
    /// </summary>
    internal (EbEnvironment Environment, EbHealth Health, EbMetricSample? Metrics, int DurationSeconds) DescribeHealth(string? id, string? name)
    {
        lock (_gate)
        {
            var now = Now;
            var environment = FindEnvironmentLocked(id, name, allowTerminated: true);
            var health = RefreshHealthLocked(environment, now);
            var counters = environment.LoadBalancerArn is null ? null : _elb.AlbCounters(environment.LoadBalancerArn, 80);
            if (counters is null)
            {
                return (environment, health, null, 0);
            }

            var window = _world.Timing.Of(MetricsWindow);
            var baseline = environment.MetricSamples.LastOrDefault(s => s.At <= now - window)
                ?? new EbMetricSample(environment.Created, 0, 0, 0, 0, 0, TimeSpan.Zero);
            var current = Sample(now, counters);
            var delta = new EbMetricSample(
                baseline.At,
                current.Requests - baseline.Requests,
                current.Status2xx - baseline.Status2xx,
                current.Status3xx - baseline.Status3xx,
                current.Status4xx - baseline.Status4xx,
                current.Status5xx - baseline.Status5xx,
                current.Latency - baseline.Latency);
            var elapsed = now - baseline.At;
            var duration = _world.Timing.Scale > 0 ? elapsed.TotalSeconds / _world.Timing.Scale : MetricsWindow.TotalSeconds;
            return (environment, health, delta, (int)Math.Round(Math.Min(duration, int.MaxValue)));
        }
    }

    internal IReadOnlyList<EbInstance> Instances(EbEnvironment environment)
    {
        lock (_gate)
        {
            return [.. environment.Instances];
        }
    }

    internal string StatusOf(EbEnvironment environment) => environment.StatusAt(Now);

    internal EbHealth HealthOf(EbEnvironment environment)
    {
        lock (_gate)
        {
            return RefreshHealthLocked(environment, Now);
        }
    }

    internal bool CheckDnsAvailability(string prefix, out string fullCname)
    {
        fullCname = FullCname(prefix);
        lock (_gate)
        {
            return CnameAvailableLocked(fullCname);
        }
    }

    // ---------------------------------------------------------------- events

    internal IReadOnlyList<EbEvent> DescribeEvents(
        string? application,
        string? versionLabel,
        string? templateName,
        string? environmentId,
        string? environmentName,
        string? requestId,
        string? severity,
        DateTimeOffset? start,
        DateTimeOffset? end)
    {
        string[] levels = ["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"];
        var minimum = severity is null ? 0 : Array.IndexOf(levels, severity);
        if (minimum < 0)
        {
            throw EbErrors.Invalid($"Value {severity} for parameter Severity is invalid.");
        }

        lock (_gate)
        {
            var now = Now;
            foreach (var environment in _environments)
            {
                RefreshHealthLocked(environment, now);
            }

            string? environmentNameOfId = environmentId is null ? null : _environments.FirstOrDefault(e => e.Id == environmentId)?.Name ?? "\0";
            return [.. _events
                .Where(e => e.Date <= now)
                .Where(e => application is null || e.ApplicationName == application)
                .Where(e => versionLabel is null || e.VersionLabel == versionLabel)
                .Where(e => templateName is null || e.TemplateName == templateName)
                .Where(e => environmentName is null || e.EnvironmentName == environmentName)
                .Where(e => environmentNameOfId is null || e.EnvironmentName == environmentNameOfId)
                .Where(e => requestId is null || e.RequestId == requestId)
                .Where(e => Array.IndexOf(levels, e.Severity) >= minimum)
                .Where(e => start is null || e.Date >= start)
                .Where(e => end is null || e.Date < end)
                .OrderByDescending(e => e.Date)
                .ThenByDescending(e => e.Sequence)];
        }
    }

    // ---------------------------------------------------------------- tags

    internal (string Arn, IReadOnlyList<KeyValuePair<string, string>> Tags) ListTags(string arn)
    {
        lock (_gate)
        {
            return (arn, [.. FindTagsLocked(arn).Items]);
        }
    }

    internal void UpdateTags(string arn, IReadOnlyList<KeyValuePair<string, string>> add, IReadOnlyList<string> remove)
    {
        foreach (var key in add.Select(t => t.Key).Concat(remove))
        {
            if (key.StartsWith("elasticbeanstalk:", StringComparison.Ordinal) || key.StartsWith("aws:", StringComparison.Ordinal))
            {
                throw EbErrors.Invalid($"Tag key '{key}' is reserved: keys starting with 'elasticbeanstalk:' or 'aws:' cannot be added or removed.");
            }
        }

        lock (_gate)
        {
            var tags = FindTagsLocked(arn);
            if (tags.CountAfterAdding(add) > C.MaxTags)
            {
                throw new AwsSimException(E.TooManyTags, "The quota for the number of tags that can be assigned to a resource has been reached.");
            }

            tags.Remove(remove);
            tags.Add(add);
        }
    }

    public JsonNode DumpState()
    {
        lock (_gate)
        {
            var now = Now;
            return new JsonObject
            {
                ["applications"] = new JsonArray([.. _applications.Select(a => (JsonNode)new JsonObject
                {
                    ["name"] = a.Name,
                    ["versions"] = new JsonArray([.. _versions.Where(v => v.ApplicationName == a.Name).Select(v => (JsonNode)new JsonObject
                    {
                        ["label"] = v.Label,
                        ["status"] = v.StatusAt(now),
                        ["bundle"] = v.S3Bucket is null ? null : $"s3://{v.S3Bucket}/{v.S3Key}",
                        ["fault"] = _world.Faults.VersionFault(v.Label)?.ToString(),
                    })]),
                    ["templates"] = new JsonArray([.. _templates.Where(t => t.ApplicationName == a.Name).Select(t => (JsonNode)t.Name)]),
                })]),
                ["environments"] = new JsonArray([.. _environments.Select(e =>
                {
                    var health = RefreshHealthLocked(e, now);
                    return (JsonNode)new JsonObject
                    {
                        ["id"] = e.Id,
                        ["name"] = e.Name,
                        ["application"] = e.ApplicationName,
                        ["status"] = e.StatusAt(now),
                        ["health"] = health.Color,
                        ["healthStatus"] = health.HealthStatus,
                        ["version"] = e.VersionLabel,
                        ["cname"] = e.Cname,
                        ["loadBalancer"] = e.LoadBalancerArn,
                        ["loopback"] = e.LoadBalancerArn is null ? null : _elb.FindEndpoint(e.LoadBalancerArn, 80)?.ToString(),
                        ["instances"] = new JsonArray([.. e.Instances.Select(i => (JsonNode)new JsonObject
                        {
                            ["id"] = i.Id,
                            ["endpoint"] = i.Server.Endpoint.ToString(),
                            ["version"] = i.Server.VersionLabel,
                            ["behavior"] = i.Server.Behavior.Kind.ToString(),
                        })]),

                        // Environment variables may hold secrets (RDS_PASSWORD): the dump names them only.
                        ["environmentVariables"] = new JsonArray([.. e.Options.Where(o => o.Namespace == C.AppEnvironmentNamespace).Select(o => (JsonNode)o.OptionName)]),
                    };
                })]),
            };
        }
    }

    public async ValueTask DisposeAsync()
    {
        _world.Faults.Changed -= ApplyFaults;
        await _healthMonitor.DisposeAsync().ConfigureAwait(false);
        List<InstanceServer> servers;
        lock (_gate)
        {
            servers = [.. _environments.SelectMany(e => e.Instances).Select(i => i.Server)];
            foreach (var environment in _environments)
            {
                environment.Instances.Clear();
            }
        }

        foreach (var server in servers)
        {
            _registry.Remove(server.InstanceId);
            await server.DisposeAsync().ConfigureAwait(false);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static void ValidateApplicationName(string name)
    {
        if (name.Length is < 1 or > 100 || name.Contains('/', StringComparison.Ordinal))
        {
            throw EbErrors.Invalid($"Value {name} for parameter ApplicationName is invalid. It must be 1 to 100 characters and cannot contain '/'.");
        }
    }

    private static void ValidateOptions(IReadOnlyList<EbOptionSetting> options)
    {
        foreach (var option in options)
        {
            if (option.Namespace is C.AsgNamespace && option.OptionName is "MinSize" or "MaxSize"
                && (!int.TryParse(option.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var size) || size is < 0 or > 10000))
            {
                throw EbErrors.Invalid($"Invalid option value: '{option.Value}' (Namespace: '{option.Namespace}', OptionName: '{option.OptionName}'): Value is not an integer between 0 and 10000.");
            }
        }
    }

    private static List<EbOptionSetting> Merge(IEnumerable<EbOptionSetting> baseOptions, IEnumerable<EbOptionSetting> changes, IEnumerable<EbOptionSetting> remove)
    {
        var result = baseOptions.ToList();
        foreach (var change in changes)
        {
            result.RemoveAll(o => o.Namespace == change.Namespace && o.OptionName == change.OptionName && o.ResourceName == change.ResourceName);
            result.Add(change);
        }

        foreach (var removed in remove)
        {
            result.RemoveAll(o => o.Namespace == removed.Namespace && o.OptionName == removed.OptionName);
        }

        return result;
    }

    private static (int Min, int Max) Capacity(IReadOnlyList<EbOptionSetting> options)
    {
        var min = int.Parse(Value(options, C.AsgNamespace, "MinSize") ?? "1", CultureInfo.InvariantCulture);
        var max = int.Parse(Value(options, C.AsgNamespace, "MaxSize") ?? "4", CultureInfo.InvariantCulture);
        return min > max
            ? throw EbErrors.Invalid($"Invalid option specification (Namespace: '{C.AsgNamespace}', OptionName: 'MinSize'): MinSize ({min}) must be less than or equal to MaxSize ({max}).")
            : (min, max);
    }

    private static string? Value(IReadOnlyList<EbOptionSetting> options, string ns, string name)
        => options.LastOrDefault(o => o.Namespace == ns && o.OptionName == name)?.Value;

    /// <summary>What DescribeConfigurationSettings reports: EB's defaults overlaid with what was set.</summary>
    private static List<EbOptionSetting> Effective(IReadOnlyList<EbOptionSetting> options)
    {
        List<EbOptionSetting> defaults =
        [
            new(C.AsgNamespace, "MinSize", "1"),
            new(C.AsgNamespace, "MaxSize", "4"),
            new(C.EnvironmentNamespace, "EnvironmentType", "LoadBalanced"),
            new(C.EnvironmentNamespace, "LoadBalancerType", "application"),
            new(C.EnvironmentNamespace, "ServiceRole", "aws-elasticbeanstalk-service-role"),
            new(C.ProcessNamespace, "HealthCheckPath", "/"),
            new(C.ProcessNamespace, "Port", "80"),
            new(C.ProcessNamespace, "Protocol", "HTTP"),
            new(C.ProcessNamespace, "MatcherHTTPCode", "200"),
            new(C.ProcessNamespace, "HealthCheckInterval", "15"),
            new(C.ProcessNamespace, "HealthCheckTimeout", "5"),
            new(C.ProcessNamespace, "HealthyThresholdCount", "3"),
            new(C.ProcessNamespace, "UnhealthyThresholdCount", "5"),
            new(C.ProcessNamespace, "DeregistrationTimeout", "20"),
            new(C.ListenerNamespace, "ListenerEnabled", "true"),
            new(C.ListenerNamespace, "Protocol", "HTTP"),
            new(C.LaunchConfigurationNamespace, "InstanceType", "t3.micro"),
            new(C.LaunchConfigurationNamespace, "IamInstanceProfile", "aws-elasticbeanstalk-ec2-role"),
            new("aws:ec2:instances", "InstanceTypes", "t3.micro, t3.small"),
            new("aws:elasticbeanstalk:healthreporting:system", "SystemType", "enhanced"),
            new("aws:elasticbeanstalk:command", "DeploymentPolicy", "AllAtOnce"),
        ];
        return Merge(defaults, options, []);
    }

    private static void ValidateEnvironmentOptions(IReadOnlyList<EbOptionSetting> options)
    {
        var type = Value(options, C.EnvironmentNamespace, "LoadBalancerType") ?? "application";
        if (type != "application")
        {
            throw EbErrors.Invalid($"LoadBalancerType '{type}' is not supported by this simulator (application only).");
        }

        var environmentType = Value(options, C.EnvironmentNamespace, "EnvironmentType") ?? "LoadBalanced";
        if (environmentType != "LoadBalanced")
        {
            throw EbErrors.Invalid($"EnvironmentType '{environmentType}' is not supported by this simulator (LoadBalanced only).");
        }
    }

    private static string HealthCheckPath(IReadOnlyList<EbOptionSetting> options)
        => Value(options, C.ProcessNamespace, "HealthCheckPath") ?? Value(options, C.ListenerNamespace, "HealthCheckPath") ?? "/";

    private static int IntOption(IReadOnlyList<EbOptionSetting> options, string name, int fallback)
        => int.TryParse(Value(options, C.ProcessNamespace, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private string Arn(string resource) => $"arn:aws:elasticbeanstalk:{_world.Region}:{_world.AccountId}:{resource}";

    private string FullCname(string prefix) => $"{prefix}.{_world.Region}.elasticbeanstalk.com".ToLowerInvariant();

    private bool CnameAvailableLocked(string cname)
        => _environments.All(e => e.IsTerminatingOrTerminated || !string.Equals(e.Cname, cname, StringComparison.OrdinalIgnoreCase));

    private EbPlatform ResolvePlatform(string? solutionStack, string? platformArn)
    {
        if (platformArn is not null)
        {
            return Platforms.FirstOrDefault(p => p.Arn == platformArn) ?? throw EbErrors.Invalid($"No Platform named '{platformArn}' found.");
        }

        return Platforms.FirstOrDefault(p => p.SolutionStackName == solutionStack) ?? throw EbErrors.Invalid($"No Solution Stack named '{solutionStack}' found.");
    }

    private EbApplication FindApplicationLocked(string name)
        => _applications.FirstOrDefault(a => a.Name == name) ?? throw EbErrors.NoApplication(name);

    private EbConfigurationTemplate FindTemplateLocked(string application, string name)
        => _templates.FirstOrDefault(t => t.ApplicationName == application && t.Name == name)
            ?? throw EbErrors.Invalid($"No Configuration Template named '{application}/{name}' found.");

    private EbEnvironment FindEnvironmentLocked(string? id, string? name, bool allowTerminated = false)
    {
        if (id is null && name is null)
        {
            throw EbErrors.Missing("EnvironmentId or EnvironmentName");
        }

        return _environments.LastOrDefault(e =>
                (id is null || e.Id == id) && (name is null || e.Name == name)
                && (allowTerminated || !e.IsTerminatingOrTerminated))
            ?? throw EbErrors.NoEnvironment(name, id);
    }

    private TagList FindTagsLocked(string arn)
    {
        if (_applications.FirstOrDefault(a => a.Arn == arn) is { } app)
        {
            return app.Tags;
        }

        if (_environments.FirstOrDefault(e => e.Arn == arn && !e.IsTerminatingOrTerminated) is { } environment)
        {
            return environment.Tags;
        }

        if (_versions.FirstOrDefault(v => v.Arn == arn) is { } version)
        {
            return version.Tags;
        }

        throw new AwsSimException(E.ResourceNotFound, $"Resource with ARN: {arn} not found.");
    }

    private void BuildEnvironmentLocked(EbEnvironment environment, int instances)
    {
        var options = environment.Options;
        var securityGroups = (Value(options, C.LaunchConfigurationNamespace, "SecurityGroups") ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var securityGroup in securityGroups)
        {
            if (!_world.Network.SecurityGroupExists(securityGroup))
            {
                throw EbErrors.Invalid($"The security group '{securityGroup}' does not exist");
            }
        }

        var subnets = (Value(options, C.VpcNamespace, "ELBSubnets") ?? Value(options, C.VpcNamespace, "Subnets") ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToList();
        if (subnets.Count == 0)
        {
            subnets = [.. _world.Network.DefaultSubnets()];
        }

        var vpc = Value(options, C.VpcNamespace, "VPCId")
            ?? _world.Network.FindSubnet(subnets[0])?.VpcId
            ?? throw EbErrors.Invalid($"The subnet '{subnets[0]}' does not exist");
        Dictionary<string, string> sgTags = new() { [C.TagEnvironmentName] = environment.Name, [C.TagEnvironmentId] = environment.Id, ["aws:cloudformation:stack-name"] = environment.StackName };
        environment.LoadBalancerSecurityGroup = _world.Network.CreateServiceSecurityGroup(
            vpc,
            $"{environment.StackName}-AWSEBLoadBalancerSecurityGroup-{_world.Ids.Alnum(12).ToUpperInvariant()}",
            "Elastic Beanstalk created security group used when no ELB security groups are specified during ELB creation",
            sgTags);
        environment.InstanceSecurityGroup = _world.Network.CreateServiceSecurityGroup(
            vpc,
            $"{environment.StackName}-AWSEBSecurityGroup-{_world.Ids.Alnum(12).ToUpperInvariant()}",
            "SecurityGroup for ElasticBeanstalk environment.",
            sgTags);

        List<KeyValuePair<string, string>> tags =
        [
            new(C.TagEnvironmentName, environment.Name),
            new(C.TagEnvironmentId, environment.Id),
            new("aws:cloudformation:stack-name", environment.StackName),
            new("Name", environment.Name),
        ];
        var lb = _elb.CreateLoadBalancer(new CreateLoadBalancerInput(
            $"awseb-AWSEB-{_world.Ids.Alnum(13).ToUpperInvariant()}",
            Elbv2Constants.Application,
            Elbv2Constants.InternetFacing,
            [.. subnets.Select(s => new SubnetMappingInput(s, null))],
            [environment.LoadBalancerSecurityGroup],
            tags));
        environment.LoadBalancerArn = lb.Arn;
        environment.LoadBalancerDns = lb.DnsName;

        var group = _elb.CreateTargetGroup(new TargetGroupInput
        {
            Name = $"awseb-AWSEB-{_world.Ids.Alnum(12).ToUpperInvariant()}",
            Protocol = "HTTP",
            Port = 80,
            VpcId = vpc,
            HealthCheckPath = HealthCheckPath(options),
            HealthCheckIntervalSeconds = IntOption(options, "HealthCheckInterval", 15),
            HealthCheckTimeoutSeconds = IntOption(options, "HealthCheckTimeout", 5),
            HealthyThresholdCount = IntOption(options, "HealthyThresholdCount", 3),
            UnhealthyThresholdCount = IntOption(options, "UnhealthyThresholdCount", 5),
            Matcher = Value(options, C.ProcessNamespace, "MatcherHTTPCode") ?? "200",
            Tags = tags,
        });
        environment.TargetGroupArn = group.Arn;
        _elb.ModifyTargetGroupAttributes(group.Arn, [new("deregistration_delay.timeout_seconds", IntOption(options, "DeregistrationTimeout", 20).ToString(CultureInfo.InvariantCulture))]);

        ScaleLocked(environment, instances, requestId: null);
        _elb.CreateListener(lb.Arn, "HTTP", 80, [new ListenerAction(Elbv2Constants.Forward, null, group.Arn, null, null, null, null, null, null)], tags, hasCertificate: false);
    }

    /// <summary>Starts or stops instances to reach <paramref name="count"/>; returns the servers to dispose (outside the lock).</summary>
    private List<InstanceServer> ScaleLocked(EbEnvironment environment, int count, string? requestId)
    {
        var now = Now;
        var zones = _world.Network.DefaultSubnets().Select(s => _world.Network.FindSubnet(s)?.AvailabilityZone ?? _world.Region + "a").ToList();
        var started = new List<string>();
        while (environment.Instances.Count < count)
        {
            var id = _world.Ids.InstanceId();
            EbInstance? instance = null;
            var server = new InstanceServer(id, environment.VersionLabel ?? "Sample Application", () => BehaviorOf(environment, id, instance), _world.Time);
            instance = new EbInstance { Id = id, Server = server, AvailabilityZone = zones[environment.Instances.Count % zones.Count], LaunchedAt = now, DeployedAt = now };
            environment.Instances.Add(instance);
            _registry.Add(server);
            started.Add(id);
        }

        if (started.Count > 0 && environment.TargetGroupArn is not null)
        {
            _elb.RegisterTargets(environment.TargetGroupArn, [.. started.Select(s => new TargetInput(s, null))]);
            if (requestId is not null)
            {
                AddEventLocked(now, "INFO", $"Added instance [{string.Join(", ", started)}] to your environment.", environment, requestId);
            }
        }

        var stopped = new List<InstanceServer>();
        while (environment.Instances.Count > count)
        {
            var instance = environment.Instances[^1];
            environment.Instances.RemoveAt(environment.Instances.Count - 1);
            if (environment.TargetGroupArn is not null)
            {
                _elb.DeregisterTargets(environment.TargetGroupArn, [new TargetInput(instance.Id, null)]);
            }

            _registry.Remove(instance.Id);
            stopped.Add(instance.Server);
            if (requestId is not null)
            {
                AddEventLocked(now, "INFO", $"Removed instance [{instance.Id}] from your environment.", environment, requestId);
            }
        }

        return stopped;
    }

    private void UpdateTargetGroupLocked(EbEnvironment environment)
    {
        if (environment.TargetGroupArn is null)
        {
            return;
        }

        var options = environment.Options;
        _elb.ModifyTargetGroup(environment.TargetGroupArn, new TargetGroupInput
        {
            HealthCheckPath = HealthCheckPath(options),
            HealthCheckIntervalSeconds = IntOption(options, "HealthCheckInterval", 15),
            HealthCheckTimeoutSeconds = IntOption(options, "HealthCheckTimeout", 5),
            HealthyThresholdCount = IntOption(options, "HealthyThresholdCount", 3),
            UnhealthyThresholdCount = IntOption(options, "UnhealthyThresholdCount", 5),
            Matcher = Value(options, C.ProcessNamespace, "MatcherHTTPCode") ?? "200",
        });
    }

    private InstanceBehavior BehaviorOf(EbEnvironment environment, string instanceId, EbInstance? instance)
    {
        var failures = _world.Faults.InstanceFailuresOf(environment.Id);
        if (failures.Count > 0)
        {
            // "Any one instance" is the first one launched that is still running (deterministic). The lock is taken
            // only while a failure is requested, so healthy traffic never contends on it.
            string? picked;
            lock (_gate)
            {
                picked = environment.Instances.FirstOrDefault()?.Id;
            }

            if (failures.Any(f => f.InstanceId == instanceId || (f.InstanceId is null && picked == instanceId)))
            {
                return InstanceBehavior.Http500;
            }
        }

        var version = instance?.Server.VersionLabel ?? environment.VersionLabel;
        return version is null ? InstanceBehavior.Healthy : _world.Faults.VersionFault(version) switch
        {
            VersionFaultMode.Http500 => InstanceBehavior.Http500,
            VersionFaultMode.Slow => InstanceBehavior.Slow(Max(_world.Timing.Of(C.SlowResponse), C.MinSlowResponse)),
            VersionFaultMode.Refuse => InstanceBehavior.Refuse,
            _ => InstanceBehavior.Healthy,
        };
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static EbMetricSample Sample(DateTimeOffset at, ProxyCounters counters)
        => new(at, counters.RequestCount, counters.Status2xx, counters.Status3xx, counters.Status4xx, counters.Status5xx, counters.TotalLatency);

    private void RefreshAllHealth()
    {
        lock (_gate)
        {
            var now = Now;
            foreach (var environment in _environments.Where(e => e.StatusAt(now) is C.Ready or C.Updating))
            {
                RefreshHealthLocked(environment, now);
                if (environment.LoadBalancerArn is not null && _elb.AlbCounters(environment.LoadBalancerArn, 80) is { } counters)
                {
                    environment.MetricSamples.Add(Sample(now, counters));
                    if (environment.MetricSamples.Count > 6)
                    {
                        environment.MetricSamples.RemoveAt(0);
                    }
                }
            }
        }
    }

    private void ApplyFaults()
    {
        foreach (var server in _registry.All)
        {
            server.ApplyBehavior();
        }
    }

    private void TearDownInstancesLocked(EbEnvironment environment, out List<ValueTask> disposals)
    {
        disposals = [];
        foreach (var instance in environment.Instances)
        {
            _registry.Remove(instance.Id);
            disposals.Add(instance.Server.DisposeAsync());
        }

        environment.Instances.Clear();
    }

    private void TearDownDataPlaneLocked(EbEnvironment environment, out List<ValueTask> disposals)
    {
        TearDownInstancesLocked(environment, out disposals);
        disposals.Add(DeleteLoadBalancingAsync(environment, environment.LoadBalancerArn, environment.TargetGroupArn, null));
        foreach (var group in new[] { environment.InstanceSecurityGroup, environment.LoadBalancerSecurityGroup })
        {
            if (group is not null)
            {
                try
                {
                    _world.Network.DeleteServiceSecurityGroup(group);
                }
                catch (AwsSimException)
                {
                    // Best effort while rolling back a failed create.
                }
            }
        }
    }

    private async ValueTask DeleteLoadBalancingAsync(EbEnvironment environment, string? alb, string? targetGroup, string? requestId)
    {
        try
        {
            if (alb is not null)
            {
                await _elb.DeleteLoadBalancerAsync(alb).ConfigureAwait(false);
            }

            if (targetGroup is not null)
            {
                await _elb.DeleteTargetGroupAsync(targetGroup).ConfigureAwait(false);
            }
        }
        catch (AwsSimException ex) when (requestId is not null)
        {
            // As on AWS, an ALB still registered behind an NLB cannot be deleted; the environment terminates anyway
            // and the failure shows up as an ERROR event.
            var message = $"Deleting load balancer named: {alb} failed. Reason: {ex.Code}: {ex.Message}";
            Log.EnvironmentError(_log, environment.Name, message);
            lock (_gate)
            {
                AddEventLocked(Now, "ERROR", message, environment, requestId);
            }
        }
    }

    private EbHealth RefreshHealthLocked(EbEnvironment environment, DateTimeOffset now)
    {
        var health = ComputeHealthLocked(environment, now);
        var status = environment.StatusAt(now);
        if (status is C.Ready or C.Updating && environment.LastHealthStatus is { } previous && previous != health.HealthStatus)
        {
            var worse = Rank(health.HealthStatus) > Rank(previous);
            AddEventLocked(now, worse ? "WARN" : "INFO", $"Environment health has transitioned from {previous} to {health.HealthStatus}.", environment, null);
        }

        environment.LastHealthStatus = health.HealthStatus;
        return health;

        static int Rank(string s) => s switch { C.Ok => 0, C.Info => 1, C.Pending => 2, C.Warning => 3, C.Degraded => 4, C.Severe => 5, _ => 2 };
    }

    private EbHealth ComputeHealthLocked(EbEnvironment environment, DateTimeOffset now)
    {
        var status = environment.StatusAt(now);
        var counts = new Dictionary<string, int>
        {
            [C.NoData] = 0, [C.Unknown] = 0, [C.Pending] = 0, [C.Ok] = 0, [C.Info] = 0, [C.Warning] = 0, [C.Degraded] = 0, [C.Severe] = 0,
        };
        var perInstance = new Dictionary<string, string>(StringComparer.Ordinal);
        if (status is C.Terminating or C.Terminated)
        {
            return new EbHealth(C.Grey, C.Suspended, [], counts, perInstance);
        }

        var targets = environment.TargetGroupArn is null ? null : _elb.TargetHealth(environment.TargetGroupArn);
        foreach (var instance in environment.Instances)
        {
            var state = targets?.FirstOrDefault(t => t.Id == instance.Id)?.State;
            var instanceStatus = status == C.Launching ? C.Pending : state switch
            {
                TargetHealthStates.Healthy => C.Ok,
                TargetHealthStates.Unhealthy => C.Severe,
                TargetHealthStates.Initial => C.Pending,
                _ => C.NoData,
            };
            counts[instanceStatus]++;
            perInstance[instance.Id] = instanceStatus;
        }

        if (status == C.Launching)
        {
            return new EbHealth(C.Grey, C.Pending, [], counts, perInstance);
        }

        var total = environment.Instances.Count;
        var severe = counts[C.Severe];
        if (total == 0)
        {
            return new EbHealth(C.Grey, C.NoData, [], counts, perInstance);
        }

        if (severe > 0)
        {
            var cause = severe == total
                ? "ELB health is failing or not available for all instances."
                : $"ELB health is failing or not available for {severe} out of {total} instances.";
            return severe == total ? new EbHealth(C.Red, C.Severe, [cause], counts, perInstance)
                : severe * 2 >= total ? new EbHealth(C.Red, C.Degraded, [cause], counts, perInstance)
                : new EbHealth(C.Yellow, C.Warning, [cause], counts, perInstance);
        }

        if (counts[C.Ok] == total)
        {
            return status == C.Updating
                ? new EbHealth(C.Green, C.Info, ["Command is executing on all instances."], counts, perInstance)
                : new EbHealth(C.Green, C.Ok, [], counts, perInstance);
        }

        return counts[C.Ok] > 0
            ? new EbHealth(C.Green, C.Info, [$"{total - counts[C.Ok]} out of {total} instances are still being checked by the load balancer."], counts, perInstance)
            : new EbHealth(C.Grey, C.Pending, ["Initialization in progress: instances are being checked by the load balancer."], counts, perInstance);
    }

    private void ApplyLifecycleLocked(EbApplication app, string requestId)
    {
        if (!app.MaxCountEnabled && !app.MaxAgeEnabled)
        {
            return;
        }

        var now = Now;
        var inUse = _environments.Where(e => e.ApplicationName == app.Name && !e.IsTerminatingOrTerminated).Select(e => e.VersionLabel).ToHashSet();
        var candidates = _versions.Where(v => v.ApplicationName == app.Name && !inUse.Contains(v.Label)).OrderBy(v => v.Created).ToList();
        var doomed = new List<(EbApplicationVersion Version, bool DeleteSource)>();
        if (app.MaxAgeEnabled)
        {
            doomed.AddRange(candidates.Where(v => now - v.Created > TimeSpan.FromDays(app.MaxAgeInDays)).Select(v => (v, app.MaxAgeDeleteSource)));
        }

        if (app.MaxCountEnabled)
        {
            var excess = _versions.Count(v => v.ApplicationName == app.Name) - doomed.Count - app.MaxCount + 1;
            doomed.AddRange(candidates.Where(v => doomed.All(d => d.Version != v)).Take(Math.Max(0, excess)).Select(v => (v, app.MaxCountDeleteSource)));
        }

        foreach (var (version, deleteSource) in doomed.Take(100))
        {
            _versions.Remove(version);
            if (deleteSource && version.S3Bucket is not null)
            {
                _world.S3.DeleteObject(version.S3Bucket, version.S3Key!);
            }

            AddEventLocked(now, "INFO", $"Application version {version.Label} was deleted by the application version lifecycle policy.", app.Name, null, version.Label, null, requestId);
        }
    }

    private void ScheduleLaunchEventsLocked(EbEnvironment environment, string requestId)
    {
        var start = environment.OperationStarted;
        var span = environment.OperationEnds - start;
        DateTimeOffset At(double fraction) => start + (span * fraction);
        AddEventLocked(start, "INFO", "createEnvironment is starting.", environment, requestId);
        AddEventLocked(At(0.02), "INFO", $"Using elasticbeanstalk-{_world.Region}-{_world.AccountId} as Amazon S3 storage bucket for environment data.", environment, requestId);
        AddEventLocked(At(0.1), "INFO", $"Created security group named: {environment.LoadBalancerSecurityGroup}", environment, requestId);
        AddEventLocked(At(0.15), "INFO", $"Created target group named: {environment.TargetGroupArn}", environment, requestId);
        AddEventLocked(At(0.2), "INFO", $"Created security group named: {environment.InstanceSecurityGroup}", environment, requestId);
        AddEventLocked(At(0.3), "INFO", $"Created Auto Scaling launch configuration named: {environment.LaunchTemplateId}", environment, requestId);
        AddEventLocked(At(0.4), "INFO", $"Created Auto Scaling group named: {environment.AutoScalingGroup}", environment, requestId);
        AddEventLocked(At(0.45), "INFO", "Waiting for EC2 instances to launch. This may take a few minutes.", environment, requestId);
        AddEventLocked(At(0.6), "INFO", $"Created load balancer named: {environment.LoadBalancerArn}", environment, requestId);
        AddEventLocked(At(0.65), "INFO", $"Created Load Balancer listener named: HTTP:80", environment, requestId);
        AddEventLocked(At(0.9), "INFO", "Instance deployment completed successfully.", environment, requestId);
        AddEventLocked(environment.OperationEnds, "INFO", $"Application available at {environment.Cname}.", environment, requestId);
        AddEventLocked(environment.OperationEnds, "INFO", $"Successfully launched environment: {environment.Name}", environment, requestId);
        AddEventLocked(environment.OperationEnds, "INFO", "createEnvironment completed successfully.", environment, requestId);
    }

    private void AddEventLocked(DateTimeOffset date, string severity, string message, EbEnvironment environment, string? requestId)
        => AddEventLocked(date, severity, message, environment.ApplicationName, environment.Name, environment.VersionLabel, environment.TemplateName, requestId);

    private void AddEventLocked(DateTimeOffset date, string severity, string message, string application, string? environment, string? version, string? template, string? requestId)
        => _events.Add(new EbEvent(date, ++_eventSequence, severity, message, application, environment, version, template, requestId));

    [GeneratedRegex("^[a-zA-Z0-9](?:[a-zA-Z0-9-]{2,38})[a-zA-Z0-9]$")]
    private static partial Regex EnvironmentNamePattern();

    [GeneratedRegex("^[a-zA-Z0-9](?:[a-zA-Z0-9-]{2,61})[a-zA-Z0-9]$")]
    private static partial Regex CnamePattern();
}
