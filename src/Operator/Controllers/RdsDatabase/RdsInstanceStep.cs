using Ebops.Operator.Aws.Rds;
using Ebops.Operator.Resources;
using Ebops.Operator.Resources.Rds;
using Ebops.Operator.Runtime.Reconciliation;

namespace Ebops.Operator.Controllers.RdsDatabase;

/// <summary>
/// The DB instance: created (or taken over, or adopted) with the groups the earlier steps settled, then, only while
/// it is available, brought in line with the spec, given a rotated master password, rebooted as the reboot policy
/// says, and its replaced parameter group retired. Anything transitional is waited for, never acted on.
/// </summary>
internal sealed class RdsInstanceStep(DbInstanceManager instances, RdsSecrets secrets, RdsMaintenance maintenance,
    IStatusCheckpoint<Entities.RdsDatabase>? checkpoint = null)
{
    /// <summary>
    /// Reads the instance before anything else is written: an instance with our identifier that ebops may not take (no
    /// adoption policy, or another owner's) stops the reconcile before any group is created for it.
    /// </summary>
    public async Task<DbInstanceObserved?> PreflightAsync(RdsReconcile ctx, CancellationToken cancellationToken)
    {
        var observed = await instances.ReadAsync(ctx.Spec.Identifier, ctx.Mode, cancellationToken).ConfigureAwait(false);
        if (observed is not null && !ctx.Owner.Owns(observed.Tags, DbInstanceDesired.Component))
        {
            if (ResourceOwner.IsManaged(observed.Tags))
            {
                throw new TerminalException(UnmanagedResourceException.OwnedByOther(DbInstanceManager.ResourceType, observed.Identifier, observed.Tags).Message,
                    "spec.identifier", Adoption.NotManagedReason);
            }

            if (ctx.Policy.Adoption == AdoptionPolicy.None)
            {
                throw new TerminalException(UnmanagedResourceException.NotManaged(DbInstanceManager.ResourceType, observed.Identifier).Message,
                    "spec.identifier", Adoption.NotManagedReason);
            }
        }

        return observed;
    }

    public async Task ReconcileAsync(RdsReconcile ctx, DbInstanceObserved? observed, MasterPassword password, CancellationToken cancellationToken)
    {
        if (observed is not null && ctx.ParametersChanged)
        {
            // What the preflight read predates the parameter change: its apply status is about to move.
            observed = await instances.ReadAsync(observed.Identifier, ReadMode.Live, cancellationToken).ConfigureAwait(false);
        }

        observed = await EnsureAsync(ctx, observed, password, cancellationToken).ConfigureAwait(false);
        if (observed is null)
        {
            return;
        }

        RdsStatusMapper.Apply(ctx.Status, observed);
        if (observed.IsAvailable)
        {
            observed = await ApplySpecAsync(ctx, observed, cancellationToken).ConfigureAwait(false);
        }

        if (observed.IsAvailable)
        {
            observed = await maintenance.RotatePasswordAsync(ctx, observed, password, cancellationToken).ConfigureAwait(false);
        }

        if (observed.IsAvailable)
        {
            await maintenance.RebootIfDueAsync(ctx, observed, cancellationToken).ConfigureAwait(false);
            await maintenance.RetireParameterGroupAsync(ctx, observed, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            WaitFor(ctx, observed);
        }

        if (observed.EndpointAddress is { } host && observed.EndpointPort is { } port)
        {
            await secrets.WriteConnectionAsync(ctx, host, port, password, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<DbInstanceObserved?> EnsureAsync(RdsReconcile ctx, DbInstanceObserved? observed, MasterPassword password, CancellationToken cancellationToken)
    {
        var identifier = ctx.Spec.Identifier;
        if (observed is not null)
        {
            return await ClaimAsync(ctx, observed, cancellationToken).ConfigureAwait(false);
        }

        if (ctx.Policy.Adoption == AdoptionPolicy.Adopt)
        {
            throw new TerminalException($"adoption-policy adopt: DB instance {identifier} does not exist (use adopt-or-create to have it created)",
                "metadata.annotations." + Entities.EbopsAnnotations.AdoptionPolicy, "AdoptionTargetMissing");
        }

        if (ctx.Paused)
        {
            ctx.PausedDifferences.Add($"DB instance {identifier} does not exist");
            return null;
        }

        var value = await secrets.RevealMasterAsync(ctx, password, cancellationToken).ConfigureAwait(false);
        var desired = RdsDesired.Instance(ctx.Spec, ctx.Owner, ctx.SubnetGroupName, ctx.ParameterGroupName, ctx.SecurityGroupId, value);
        var before = ctx.Status.PasswordSecretHash;
        // Stored before RDS is asked: a process that dies right after the create took effect must not, once restarted,
        // take the instance for one whose password was never set and reset it.
        ctx.Status.PasswordSecretHash = RdsDecisions.PasswordHash(ctx.Uid, password.Sha256);
        if (checkpoint is not null && before != ctx.Status.PasswordSecretHash)
        {
            await checkpoint.SaveAsync(ctx.Entity, cancellationToken).ConfigureAwait(false);
        }

        var created = false;
        var instance = await Adoption.CreateOrAdoptAsync(ctx, "spec",
            async () =>
            {
                var result = await instances.CreateOrTakeOverAsync(desired, cancellationToken).ConfigureAwait(false);
                created = result.Created;
                return result.Instance;
            },
            () => instances.ReadAsync(identifier, ReadMode.Live, cancellationToken),
            found => instances.AdoptAsync(desired, found, cancellationToken)).ConfigureAwait(false);
        if (created)
        {
            await ctx.EventAsync("Created", $"creating DB instance {identifier}", cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // A taken-over or adopted instance runs with a password of its own: it gets ours once it is available.
            ctx.Status.PasswordSecretHash = before;
        }

        return instance;
    }

    private async Task<DbInstanceObserved> ClaimAsync(RdsReconcile ctx, DbInstanceObserved observed, CancellationToken cancellationToken)
    {
        // PreflightAsync refused what may not be taken: an instance that is not ours here is one to adopt.
        if (ctx.Owner.Owns(observed.Tags, DbInstanceDesired.Component))
        {
            return observed;
        }

        if (ctx.Paused)
        {
            ctx.PausedDifferences.Add($"DB instance {observed.Identifier} would be adopted");
            return observed;
        }

        var desired = RdsDesired.Instance(ctx.Spec, ctx.Owner, ctx.SubnetGroupName, ctx.ParameterGroupName, ctx.SecurityGroupId, null);
        var adopted = await AwsFailures.GuardAsync("spec.identifier", () => instances.AdoptAsync(desired, observed, cancellationToken)).ConfigureAwait(false);
        await ctx.EventAsync("Adopted", $"adopted DB instance {observed.Identifier}", cancellationToken).ConfigureAwait(false);
        return adopted;
    }

    private async Task<DbInstanceObserved> ApplySpecAsync(RdsReconcile ctx, DbInstanceObserved observed, CancellationToken cancellationToken)
    {
        var desired = RdsDesired.Instance(ctx.Spec, ctx.Owner, ctx.SubnetGroupName, ctx.ParameterGroupName, ctx.SecurityGroupId, null);
        var delta = instances.Diff(desired, observed);
        if (!delta.IsEmpty && ctx.Mode != ReadMode.Live)
        {
            observed = await instances.ReadAsync(desired.Identifier, ReadMode.Live, cancellationToken).ConfigureAwait(false) ?? observed;
            RdsStatusMapper.Apply(ctx.Status, observed);
            delta = observed.IsAvailable ? instances.Diff(desired, observed) : Delta.Empty;
        }

        if (EngineVersions.IsDowngrade(desired.EngineVersion, observed.EngineVersion))
        {
            ctx.Wait("VersionNotApplied", $"spec.engineVersion {desired.EngineVersion} is lower than the running {observed.EngineVersion}: versions only move up",
                ctx.Policy.PollInterval, blocking: false);
        }

        if (!await ctx.ShouldCorrectAsync(delta, $"DB instance {observed.Identifier}", cancellationToken).ConfigureAwait(false))
        {
            return observed;
        }

        if (delta.Has("ParameterGroupName") && observed.ParameterGroupName is { } replaced && !replaced.StartsWith("default.", StringComparison.Ordinal))
        {
            ctx.Status.ParameterGroup ??= new Entities.ParameterGroupStatus();
            ctx.Status.ParameterGroup.Retiring = replaced;
        }

        var fields = delta.Fields.Where(f => f != "Tags").Select(RdsDecisions.SpecField).ToList();
        var updated = await AwsFailures.GuardAsync(fields.Count == 1 ? fields[0] : "spec",
            () => instances.UpdateAsync(desired, observed, delta, cancellationToken)).ConfigureAwait(false);
        RdsStatusMapper.Apply(ctx.Status, updated);
        return updated;
    }

    private static void WaitFor(RdsReconcile ctx, DbInstanceObserved observed)
    {
        var identifier = observed.Identifier;
        if (RdsStatuses.Terminal.Contains(observed.Status))
        {
            throw new TerminalException($"DB instance {identifier} is {observed.Status}; fix the cause in AWS or the spec", "spec", "InstanceFailed");
        }

        if (observed.Status == RdsStatuses.Stopped)
        {
            ctx.Wait("WaitingForInstance", $"DB instance {identifier} is stopped: ebops neither starts nor changes a stopped instance", ctx.Policy.PollInterval);
            return;
        }

        var reason = observed.Status == RdsStatuses.Rebooting ? "WaitingForReboot" : "WaitingForInstance";
        ctx.Wait(reason, $"waiting for DB instance {identifier}: {observed.Status}", ctx.Settings.BusyRequeue);
    }
}
