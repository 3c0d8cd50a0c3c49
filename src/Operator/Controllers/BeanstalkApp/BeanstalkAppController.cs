using Ebops.Operator.Entities;
using Ebops.Operator.Resources;
using Ebops.Operator.Resources.ElasticBeanstalk;
using Ebops.Operator.Runtime.Cache;
using Ebops.Operator.Runtime.Reconciliation;
using Ebops.Operator.Runtime.Events;
using Ebops.Operator.Runtime.Status;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ebops.Operator.Controllers.BeanstalkApp;

/// <summary>
/// BeanstalkApp: the Elastic Beanstalk application (with its version lifecycle), the app's own security group, and
/// the configuration template environments are created from; it reports the blue and green environments (which
/// BlueGreenRelease creates) and publishes <c>status.configurationHash</c> so a release can bring a changed
/// configuration to production blue/green. Steady polls read shared snapshots; the full template is compared when
/// the spec, a database or a Secret changed, or every <see cref="BeanstalkAppSettings.TemplateCompareEvery"/> polls.
/// </summary>
internal sealed class BeanstalkAppController : IResourceController<Entities.BeanstalkApp>, IReferences<Entities.BeanstalkApp>
{
    private readonly ControllerSettings settings;
    private readonly BeanstalkAppSettings appSettings;
    private readonly EnvironmentNetworkResolver networks;
    private readonly EnvFromResolver envFrom;
    private readonly ApplicationSync applicationSync;
    private readonly SecurityGroupSync groupSync;
    private readonly TemplateSync templateSync;
    private readonly EnvironmentObserver observer;
    private readonly BeanstalkAppFinalizer finalizer;
    private readonly TemplateCompareSchedule schedule;
    private readonly IEventRecorder events;
    private readonly TimeProvider time;
    private readonly ILogger<BeanstalkAppController> log;

    public BeanstalkAppController(BeanstalkAppManagers managers, BeanstalkAppCaches caches, TemplateCompareSchedule schedule,
        IOptions<ControllerSettings> settings, IOptions<BeanstalkAppSettings> appSettings, IEventRecorder events, TimeProvider time,
        ILogger<BeanstalkAppController> log)
    {
        this.settings = settings.Value;
        this.appSettings = appSettings.Value;
        networks = managers.Networks;
        envFrom = new EnvFromResolver(caches.Databases, caches.Secrets);
        applicationSync = new ApplicationSync(managers.Applications);
        groupSync = new SecurityGroupSync(managers.SecurityGroups);
        templateSync = new TemplateSync(managers.Templates, caches.SecretStore);
        observer = new EnvironmentObserver(managers.Environments, caches.Releases);
        finalizer = new BeanstalkAppFinalizer(managers, caches.Frontends, events, schedule, this.settings, time, log);
        this.schedule = schedule;
        this.events = events;
        this.time = time;
        this.log = log;
    }

    public async Task<ReconcileResult> ReconcileAsync(Entities.BeanstalkApp entity, CancellationToken cancellationToken)
    {
        var ctx = Context(entity);
        var steady = IsSteady(entity);
        if (!steady)
        {
            Conditions.MarkReconciling(entity, time, BeanstalkAppReasons.Progressing,
                "bringing the application, its security group and its configuration template in line with the spec");
        }

        var environments = await observer.ReportAsync(ctx, steady && !AnyBusy(ctx.Status) ? ReadMode.Cached : ReadMode.Recent, cancellationToken)
            .ConfigureAwait(false);
        var env = envFrom.Resolve(entity);
        if (env.Waiting is { } waiting)
        {
            return Wait(ctx, waiting);
        }

        var every = ctx.Policy.PollInterval * Math.Max(1, appSettings.TemplateCompareEvery) - ctx.Policy.PollInterval / 2;
        var due = !steady || schedule.IsDue(ctx.Uid, env.Fingerprint, ctx.Now, every);
        if (!due && await applicationSync.InLineAsync(ctx, cancellationToken).ConfigureAwait(false)
            && await groupSync.InLineAsync(ctx, cancellationToken).ConfigureAwait(false))
        {
            return Next(ctx, environments);
        }

        // Steady and due by the schedule: the application and group come from the snapshots, only the template is read.
        // Otherwise (a change, or the snapshots showed a difference) everything is read live before acting on it.
        return await SyncAsync(ctx, env, environments, steady && due ? ReadMode.Cached : ReadMode.Live, cancellationToken).ConfigureAwait(false);
    }

    public Task<ReconcileResult> FinalizeAsync(Entities.BeanstalkApp entity, CancellationToken cancellationToken) =>
        finalizer.FinalizeAsync(Context(entity), cancellationToken);

    public IEnumerable<ReferencedObject> GetReferences(Entities.BeanstalkApp entity) =>
    [
        .. (entity.Spec.EnvFrom ?? []).Select(s => new ReferencedObject(Entities.RdsDatabase.KindName, s.RdsDatabaseRef.Name)),
        .. envFrom.SecretsOf(entity).Select(ReferencedObject.Secret),
        .. observer.ReleasesOf(entity).Select(name => new ReferencedObject(Entities.BlueGreenRelease.KindName, name)),
        // A release created after this app's last reconcile: its environments and active colour are reported at once.
        ReferencedObject.ReferrersOf(Entities.BlueGreenRelease.KindName),
        .. finalizer.FrontendsOf(entity).Select(name => new ReferencedObject(Entities.NlbFrontend.KindName, name)),
    ];

    /// <summary>
    /// Full comparison: read everything (the application and group from the snapshots when <paramref name="mode"/>
    /// allows; the template always), check every setting that will be written, then write what differs.
    /// </summary>
    private async Task<ReconcileResult> SyncAsync(AppContext ctx, EnvFromResolution env, IReadOnlyList<EbEnvironment> environments, ReadMode mode,
        CancellationToken cancellationToken)
    {
        var generationSeen = ctx.Status.ObservedGeneration == ctx.Generation;
        var network = await NetworkAsync(ctx, cancellationToken).ConfigureAwait(false);
        var application = await applicationSync.ObserveAsync(ctx, mode, cancellationToken).ConfigureAwait(false);
        var group = await groupSync.ObserveAsync(ctx, network.VpcId, mode, cancellationToken).ConfigureAwait(false);
        var template = await templateSync.ObserveAsync(ctx, network, group.Observed?.GroupId, env, application.Observed is not null, cancellationToken)
            .ConfigureAwait(false);
        if (template.Waiting is { } waiting)
        {
            return Wait(ctx, waiting);
        }

        var pending = Pending(application, group, template);
        if (ctx.Policy.Paused)
        {
            return Paused(ctx, network, application, group, template, pending, environments);
        }

        // Every setting to be written is checked before the first write: bad input touches nothing in AWS.
        if (template.Observed is null || !template.Delta.IsEmpty)
        {
            await templateSync.ValidateAsync(template, cancellationToken).ConfigureAwait(false);
        }

        var app = await applicationSync.ApplyAsync(application, cancellationToken).ConfigureAwait(false);
        var sg = await groupSync.ApplyAsync(group, cancellationToken).ConfigureAwait(false);
        if (sg.GroupId != group.Observed?.GroupId)
        {
            template = await templateSync.ObserveAsync(ctx, network, sg.GroupId, env, true, cancellationToken, template.Plan).ConfigureAwait(false);
            if (template.Observed is null || !template.Delta.IsEmpty)
            {
                await templateSync.ValidateAsync(template, cancellationToken).ConfigureAwait(false);
            }
        }

        await templateSync.ApplyAsync(template, cancellationToken).ConfigureAwait(false);
        await templateSync.DeleteStaleAsync(ctx, app, cancellationToken).ConfigureAwait(false);

        Record(ctx, network, app, sg.GroupId, template.Plan!);
        await CreatedEventsAsync(ctx, application.Observed is null ? app.Name : null, group.Observed is null ? sg.GroupId : null,
            template.Observed is null ? template.Plan!.Desired.TemplateName : null, cancellationToken).ConfigureAwait(false);
        var drift = generationSeen && pending.Count > 0 && application.Observed is not null && group.Observed is not null && template.Observed is not null
            && (schedule.LastInputs(ctx.Uid) ?? env.Fingerprint) == env.Fingerprint;
        await MarkAppliedAsync(ctx, pending, drift, cancellationToken).ConfigureAwait(false);
        schedule.Compared(ctx.Uid, env.Fingerprint, ctx.Now);
        return Next(ctx, environments);
    }

    private async Task<EbEnvironmentNetwork> NetworkAsync(AppContext ctx, CancellationToken cancellationToken)
    {
        var spec = ctx.Spec.Network;
        var request = new EbNetworkRequest(spec?.VpcId, spec?.InstanceSubnets ?? [], spec?.LoadBalancerSubnets ?? [], spec?.AssociatePublicIpAddress ?? false);
        var result = await AwsFailures.GuardAsync("spec.network", () => networks.ResolveAsync(request, cancellationToken)).ConfigureAwait(false);
        if (result.Problem is { } problem)
        {
            throw new TerminalException(problem.Message, NetworkField(problem.Field), BeanstalkAppReasons.InvalidNetwork);
        }

        return result.Network!;
    }

    /// <summary>The spec field of a network problem's field (<c>InstanceSubnets[1]</c> is <c>spec.network.instanceSubnets[1]</c>).</summary>
    internal static string NetworkField(string field) =>
        field.Length == 0 ? "spec.network" : "spec.network." + char.ToLowerInvariant(field[0]) + field[1..];

    /// <summary>The spec fields (or missing objects) where AWS differs from the spec.</summary>
    private static List<string> Pending(ApplicationState application, SecurityGroupState group, TemplateState template)
    {
        var pending = new List<string>();
        if (application.Observed is null)
        {
            pending.Add("spec.applicationName (application missing)");
        }

        if (group.Observed is null)
        {
            pending.Add("spec.securityGroup (security group missing)");
        }

        if (template.Observed is null)
        {
            pending.Add("configuration template missing");
        }

        pending.AddRange(ApplicationSync.PathsOf(application.Delta));
        pending.AddRange(SecurityGroupSync.PathsOf(group.Delta));
        pending.AddRange(TemplateSync.PathsOf(template.Plan!, template.Delta));
        return [.. pending.Distinct(StringComparer.Ordinal)];
    }

    private void Record(AppContext ctx, EbEnvironmentNetwork network, EbApplicationObserved app, string groupId, TemplatePlan plan)
    {
        var status = ctx.Status;
        status.ApplicationArn = app.Arn;
        status.Aws = new AwsResourceMetadata { Arn = app.Arn, Region = app.Region, OwnerAccountId = app.AccountId };
        status.VpcId = network.VpcId;
        status.InstanceSecurityGroupId = groupId;
        status.TemplateName = plan.Desired.TemplateName;
        status.ConfigurationHash = plan.Desired.ConfigurationHash();
        status.AppliedOptionSettings = plan.RawKeys.Count == 0 ? null : [.. plan.RawKeys];
        status.ObservedGeneration = ctx.Generation;
    }

    /// <summary>A Normal Created event for each AWS object this reconcile created (null: it existed).</summary>
    private async Task CreatedEventsAsync(AppContext ctx, string? application, string? securityGroup, string? template, CancellationToken cancellationToken)
    {
        string?[] created =
        [
            application is null ? null : "application " + application,
            securityGroup is null ? null : "security group " + securityGroup,
            template is null ? null : "configuration template " + template,
        ];
        foreach (var what in created.OfType<string>())
        {
            await events.RecordAsync(ctx.App, EventTypes.Normal, BeanstalkAppReasons.Created, "Create", "created " + what, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Synced and Ready after the writes. A difference found although neither the spec nor what it references changed
    /// since the last comparison is drift (someone changed AWS): an event names the spec fields.
    /// </summary>
    private async Task MarkAppliedAsync(AppContext ctx, IReadOnlyList<string> pending, bool drift, CancellationToken cancellationToken)
    {
        var app = ctx.App;
        var fields = string.Join(", ", pending);
        if (drift)
        {
            Log.DriftDetected(log, ctx.Namespace, ctx.Name, fields);
            await events.RecordAsync(app, EventTypes.Warning, SyncConditions.DriftDetected, "Reconcile", $"AWS differed from the spec in {fields}; corrected",
                cancellationToken).ConfigureAwait(false);
            Conditions.Set(app, time, ConditionTypes.Synced, ConditionStatus.True, BeanstalkAppReasons.DriftCorrected, "corrected " + fields);
        }
        else
        {
            if (pending.Count > 0)
            {
                Log.Applied(log, ctx.Namespace, ctx.Name, fields);
            }

            SyncConditions.MarkSynced(app, time);
        }

        Conditions.MarkReady(app, time, BeanstalkAppReasons.Reconciled);
    }

    private ReconcileResult Paused(AppContext ctx, EbEnvironmentNetwork network, ApplicationState application, SecurityGroupState group,
        TemplateState template, IReadOnlyList<string> pending, IReadOnlyList<EbEnvironment> environments)
    {
        var message = pending.Count == 0 ? "paused: no AWS writes; in sync" : "paused: no AWS writes; differs: " + string.Join(", ", pending);
        Log.Paused(log, ctx.Namespace, ctx.Name, pending.Count == 0 ? "nothing" : string.Join(", ", pending));
        SyncConditions.MarkPaused(ctx.App, time, message);
        if (application.Observed is { } app && group.Observed is { } sg && template.Observed is not null)
        {
            Record(ctx, network, app, sg.GroupId, template.Plan!);
            Conditions.MarkReady(ctx.App, time, BeanstalkAppReasons.Paused, message);
        }
        else
        {
            ctx.Status.ObservedGeneration = ctx.Generation;
            Conditions.MarkNotReady(ctx.App, time, BeanstalkAppReasons.Paused, message);
        }

        return Next(ctx, environments);
    }

    private ReconcileResult Wait(AppContext ctx, string message)
    {
        Log.Waiting(log, ctx.Namespace, ctx.Name, message);
        Conditions.MarkReconciling(ctx.App, time, BeanstalkAppReasons.WaitingForDatabase, message);
        ctx.Status.ObservedGeneration = ctx.Generation;
        return ReconcileResult.RequeueAfter(settings.DependencyRequeue, message);
    }

    /// <summary>Look again soon while an environment is changing (status follows the release), else at the poll interval.</summary>
    private ReconcileResult Next(AppContext ctx, IReadOnlyList<EbEnvironment> environments) =>
        environments.Any(e => e.IsTransitional)
            ? ReconcileResult.RequeueAfter(settings.BusyRequeue, "an environment is changing")
            : ReconcileResult.RequeueAfter(ctx.Policy.PollInterval, "poll");

    private AppContext Context(Entities.BeanstalkApp entity) =>
        new(entity, ObjectPolicy.Of(entity, DeletionPolicy.Delete, settings), ResourceOwners.For(entity, settings), time.GetUtcNow());

    /// <summary>Steady: this generation was reconciled, in sync and Ready; steady polls read snapshots.</summary>
    private static bool IsSteady(Entities.BeanstalkApp entity) =>
        entity.Status?.ObservedGeneration == entity.Metadata.Generation
        && Conditions.IsTrue(entity.Status, ConditionTypes.Synced)
        && Conditions.IsTrue(entity.Status, ConditionTypes.Ready);

    private static bool AnyBusy(BeanstalkAppStatus status) =>
        (status.Environments ?? []).Any(e => e.Status is null || Aws.ElasticBeanstalk.ElasticBeanstalkStatuses.EnvironmentTransitional.Contains(e.Status));
}
