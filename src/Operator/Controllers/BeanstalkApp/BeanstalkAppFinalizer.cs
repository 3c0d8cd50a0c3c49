using Ebops.Operator.Aws.Core;
using Ebops.Operator.Entities;
using Ebops.Operator.Resources;
using Ebops.Operator.Resources.ElasticBeanstalk;
using Ebops.Operator.Runtime.Cache;
using Ebops.Operator.Runtime.Reconciliation;
using Ebops.Operator.Runtime.Events;
using Ebops.Operator.Runtime.Status;
using Microsoft.Extensions.Logging;

namespace Ebops.Operator.Controllers.BeanstalkApp;

/// <summary>
/// Deletion of a BeanstalkApp. <c>retain</c>: everything stays. Otherwise running environments refuse the deletion
/// (Stalled, event) unless <c>ebops.io/deletion-policy: delete</c> is written explicitly, which terminates them, but
/// only once no NlbFrontend sends them traffic any more (its network load balancer goes first); then the templates,
/// the application (never forcing environments) and the security group go, each confirmed by a read. Adopted objects,
/// and objects ebops does not own, stay unless the policy is explicit.
/// </summary>
internal sealed class BeanstalkAppFinalizer(BeanstalkAppManagers managers, IResourceCache<Entities.NlbFrontend> frontends, IEventRecorder events,
    TemplateCompareSchedule schedule, ControllerSettings settings, TimeProvider time, ILogger log)
{
    /// <summary>The NlbFrontends (same namespace, from the watch cache) whose backend is this app.</summary>
    public IEnumerable<string> FrontendsOf(Entities.BeanstalkApp app) =>
        frontends.List(app.Metadata.NamespaceProperty ?? "", f => f.Spec.BackendRef.Name == app.Metadata.Name).Select(f => f.Metadata.Name);

    public async Task<ReconcileResult> FinalizeAsync(AppContext ctx, CancellationToken cancellationToken)
    {
        if (ctx.Policy.Deletion == DeletionPolicy.Retain)
        {
            return Retained(ctx, "deletion policy retain");
        }

        if (ctx.Policy.Paused)
        {
            SyncConditions.MarkPaused(ctx.App, time, "paused: deletion waits; no AWS writes");
            return ReconcileResult.RequeueAfter(ctx.Policy.PollInterval, "paused");
        }

        var environments = await managers.Environments.ReadAllAsync(ctx.ApplicationName, ReadMode.Live, cancellationToken).ConfigureAwait(false);
        if (await EnvironmentsAsync(ctx, environments, cancellationToken).ConfigureAwait(false) is { } waitForEnvironments)
        {
            return waitForEnvironments;
        }

        if (await ApplicationAsync(ctx, cancellationToken).ConfigureAwait(false) is { } waitForApplication)
        {
            return waitForApplication;
        }

        if (await SecurityGroupAsync(ctx, cancellationToken).ConfigureAwait(false) is { } waitForGroup)
        {
            return waitForGroup;
        }

        schedule.Forget(ctx.Uid);
        return ReconcileResult.Done;
    }

    private async Task<ReconcileResult?> EnvironmentsAsync(AppContext ctx, IReadOnlyList<EbEnvironment> environments, CancellationToken cancellationToken)
    {
        var running = environments.Where(e => !e.IsTerminatingOrTerminated).ToList();
        if (running.Count > 0 && !ctx.Policy.DeletionPolicyExplicit)
        {
            var names = string.Join(", ", running.Select(e => e.Name));
            var message = $"environments {names} are running; set {EbopsAnnotations.DeletionPolicy}: {EbopsAnnotations.DeletionPolicyDelete} to terminate them with the app, or retain to keep them";
            Log.DeletionRefused(log, ctx.Namespace, ctx.Name, names);
            Conditions.MarkStalled(ctx.App, time, BeanstalkAppReasons.DeletionRefused, message);
            await events.RecordAsync(ctx.App, EventTypes.Warning, BeanstalkAppReasons.DeletionRefused, "Delete", message, cancellationToken).ConfigureAwait(false);

            // An annotation change does not bump the generation: look again rather than wait for a spec change.
            return ReconcileResult.RequeueAfter(settings.DependencyRequeue, "deletion refused: environments are running");
        }

        if (running.Count > 0 && FrontendsOf(ctx.App).ToList() is { Count: > 0 } fronting)
        {
            // The frontend's listener forwards to these environments' ALBs: its load balancer goes first, so no client is
            // sent to an environment that is shutting down (the frontend is a referenced object: its deletion requeues this).
            var message = $"waiting for NlbFrontend {string.Join(", ", fronting)} (spec.backendRef: {ctx.Name}) to be deleted before terminating {string.Join(", ", running.Select(e => e.Name))}";
            Conditions.MarkReconciling(ctx.App, time, BeanstalkAppReasons.WaitingForFrontend, message);
            return ReconcileResult.RequeueAfter(settings.DependencyRequeue, message);
        }

        foreach (var environment in running)
        {
            Log.Deleting(log, ctx.Namespace, ctx.Name, "terminating environment " + environment.Name);
            await managers.Environments.TerminateAsync(environment, cancellationToken).ConfigureAwait(false);
        }

        if (environments.Count > 0)
        {
            Conditions.MarkReconciling(ctx.App, time, BeanstalkAppReasons.Deleting, "waiting for environments to terminate: " + string.Join(", ", environments.Select(e => e.Name)));
            return ReconcileResult.RequeueAfter(settings.BusyRequeue, "environments terminating");
        }

        return null;
    }

    private async Task<ReconcileResult?> ApplicationAsync(AppContext ctx, CancellationToken cancellationToken)
    {
        var application = await managers.Applications.ReadAsync(ctx.ApplicationName, ReadMode.Live, cancellationToken).ConfigureAwait(false);
        if (application is null)
        {
            return null;
        }

        var tags = await managers.Applications.ReadTagsAsync(application, cancellationToken).ConfigureAwait(false);
        var adopted = tags.TryGetValue(OwnershipTags.Adopted, out var value) && value == "true";
        if (!ctx.Owner.Owns(tags, ApplicationSync.Component) || (adopted && !ctx.Policy.DeletionPolicyExplicit))
        {
            // Not ours, or adopted without an explicit delete: left as it is (its templates with it).
            Log.Retained(log, ctx.Namespace, ctx.Name, "application " + ctx.ApplicationName + (adopted ? " was adopted" : " is not ebops-owned"));
            return null;
        }

        foreach (var template in application.ConfigurationTemplates.Where(t => t.StartsWith(TemplatePlanner.TemplatePrefix(ctx.ApplicationName), StringComparison.Ordinal)))
        {
            await managers.Templates.DeleteAsync(ctx.ApplicationName, template, cancellationToken).ConfigureAwait(false);
        }

        Log.Deleting(log, ctx.Namespace, ctx.Name, "application " + ctx.ApplicationName);
        await managers.Applications.DeleteAsync(application, cancellationToken).ConfigureAwait(false);
        if (await managers.Applications.ReadAsync(ctx.ApplicationName, ReadMode.Live, cancellationToken).ConfigureAwait(false) is not null)
        {
            return ReconcileResult.RequeueAfter(settings.BusyRequeue, "waiting for the application to be deleted");
        }

        return null;
    }

    private async Task<ReconcileResult?> SecurityGroupAsync(AppContext ctx, CancellationToken cancellationToken)
    {
        var desired = SecurityGroupSync.Desired(ctx, null, ctx.Status.InstanceSecurityGroupId);
        var group = await managers.SecurityGroups.ReadAsync(desired, ReadMode.Live, cancellationToken).ConfigureAwait(false);
        if (group is null || !ctx.Owner.Owns(group.Tags, SecurityGroupSync.Component) || (group.Adopted && !ctx.Policy.DeletionPolicyExplicit))
        {
            return null;
        }

        Log.Deleting(log, ctx.Namespace, ctx.Name, "security group " + group.GroupId);
        try
        {
            await managers.SecurityGroups.DeleteAsync(group, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsApiException e) when (e.Kind == AwsErrorKind.Conflict)
        {
            // Still attached to the network interfaces of terminated instances for a while (DependencyViolation).
            return ReconcileResult.RequeueAfter(settings.BusyRequeue, "security group still in use");
        }

        return await managers.SecurityGroups.FindByIdAsync(group.GroupId, ReadMode.Live, cancellationToken).ConfigureAwait(false) is null
            ? null
            : ReconcileResult.RequeueAfter(settings.BusyRequeue, "waiting for the security group to be deleted");
    }

    private ReconcileResult Retained(AppContext ctx, string why)
    {
        Log.Retained(log, ctx.Namespace, ctx.Name, why);
        schedule.Forget(ctx.Uid);
        return ReconcileResult.Done;
    }
}
