using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Cache;
using Ebops.Operator.Runtime.Reconciliation;
using Ebops.Operator.Runtime.Events;
using Ebops.Operator.Runtime.Status;
using Microsoft.Extensions.Options;

namespace Ebops.Operator.Controllers.RdsDatabase;

/// <summary>
/// Reconciles an RdsDatabase: check the spec (schema gaps and RDS's catalogue) before any write, resolve the master
/// password, then the subnet group and security group, the parameter group, and the instance (with rotation, the
/// reboot policy and the connection Secret), and say in the conditions what it waits for. Steady passes read from
/// shared snapshots and write nothing. Deletion follows the deletion policy (see <see cref="RdsFinalizer"/>).
/// </summary>
internal sealed class RdsDatabaseController(
    IOptions<ControllerSettings> settings,
    TimeProvider time,
    IEventRecorder events,
    RdsSpecChecks checks,
    RdsSecrets secrets,
    RdsNetworkStep network,
    RdsParameterStep parameters,
    RdsInstanceStep instance,
    RdsFinalizer finalizer)
    : IResourceController<Entities.RdsDatabase>, IReferences<Entities.RdsDatabase>
{
    public async Task<ReconcileResult> ReconcileAsync(Entities.RdsDatabase entity, CancellationToken cancellationToken)
    {
        var ctx = new RdsReconcile(entity, settings.Value, time, events);
        RdsSpecChecks.CheckSpec(entity.Spec);
        if (!Conditions.IsTrue(ctx.Status, ConditionTypes.Ready))
        {
            Conditions.MarkReconciling(entity, time, "Reconciling", $"reconciling DB instance {entity.Spec.Identifier}");
        }

        if (!secrets.IsSynced)
        {
            ctx.Wait("WaitingForSecretCache", "waiting for the Secret cache to sync", ctx.Settings.DependencyRequeue);
            return RdsConditions.Finish(ctx);
        }

        var version = await checks.CheckCatalogAsync(entity.Spec, cancellationToken).ConfigureAwait(false);
        var observed = await instance.PreflightAsync(ctx, cancellationToken).ConfigureAwait(false);
        if (observed is null || !string.Equals(observed.Effective("DBInstanceClass", observed.InstanceClass), entity.Spec.InstanceClass, StringComparison.Ordinal))
        {
            // Before anything is created for an instance RDS would refuse.
            await checks.CheckInstanceClassAsync(entity.Spec, version, cancellationToken).ConfigureAwait(false);
        }

        var password = await secrets.ResolveMasterAsync(ctx, cancellationToken).ConfigureAwait(false);
        if (password is null)
        {
            return RdsConditions.Finish(ctx);
        }

        if (RdsDecisions.PasswordHash(ctx.Uid, password.Sha256) != ctx.Status.PasswordSecretHash)
        {
            // A password RDS has not been given yet (a new instance, a rotation) is read now and checked against RDS's
            // rules, so one RDS would refuse stalls before the network, the parameter group or the instance is written.
            password = password with { Value = await secrets.RevealMasterAsync(ctx, password, cancellationToken).ConfigureAwait(false) };
        }

        await network.ReconcileAsync(ctx, cancellationToken).ConfigureAwait(false);
        await parameters.ReconcileAsync(ctx, cancellationToken).ConfigureAwait(false);
        await instance.ReconcileAsync(ctx, observed, password, cancellationToken).ConfigureAwait(false);
        return RdsConditions.Finish(ctx);
    }

    public async Task<ReconcileResult> FinalizeAsync(Entities.RdsDatabase entity, CancellationToken cancellationToken)
    {
        var ctx = new RdsReconcile(entity, settings.Value, time, events);
        var result = await finalizer.FinalizeAsync(ctx, cancellationToken).ConfigureAwait(false);
        if (result.IsDone)
        {
            parameters.Forget(ctx.Uid);
        }

        if (ctx.Waits.FirstOrDefault() is { } wait)
        {
            Conditions.MarkReconciling(entity, time, wait.Reason, wait.Message);
        }

        return result;
    }

    public IEnumerable<ReferencedObject> GetReferences(Entities.RdsDatabase entity)
    {
        yield return ReferencedObject.Secret(entity.Spec.MasterPassword.SecretRef.Name);
        if (entity.Spec.ConnectionSecret?.Name is { } connection)
        {
            yield return ReferencedObject.Secret(connection);
        }

        foreach (var rule in entity.Spec.Network?.SecurityGroup?.Ingress ?? [])
        {
            if (rule.FromSecurityGroupOf is { } source)
            {
                yield return new ReferencedObject(source.Kind.ToString(), source.Name);
            }
        }
    }
}
