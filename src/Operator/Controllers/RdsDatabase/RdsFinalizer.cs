using Ebops.Operator.Aws.Core;
using Ebops.Operator.Aws.Rds;
using Ebops.Operator.Resources;
using Ebops.Operator.Resources.Ec2;
using Ebops.Operator.Resources.Rds;
using Ebops.Operator.Runtime.Reconciliation;

namespace Ebops.Operator.Controllers.RdsDatabase;

/// <summary>
/// Deletion. <c>retain</c> (or an adopted instance without an explicit <c>delete</c>) leaves everything in AWS. Otherwise
/// the instance goes first, with a final snapshot unless <c>spec.deletion.finalSnapshot</c> is false: its name is
/// chosen once and written to status before the delete call, so a retry never takes a second one. Deletion
/// protection stops everything (Stalled) until the spec turns it off. Then the subnet group, the parameter groups and
/// the security group, each deleted and read again until gone. When a snapshot or a retained instance remains, a
/// generated master password Secret is orphaned (not garbage-collected with the object): it opens them.
/// </summary>
internal sealed class RdsFinalizer(
    DbInstanceManager instances, SubnetGroupManager subnetGroups, ParameterGroupManager parameterGroups, SecurityGroupManager securityGroups, RdsSecrets secrets)
{
    public async Task<ReconcileResult> FinalizeAsync(RdsReconcile ctx, CancellationToken cancellationToken)
    {
        var instance = await instances.ReadAsync(ctx.Spec.Identifier, ReadMode.Live, cancellationToken).ConfigureAwait(false);
        var ours = instance is not null && ctx.Owner.Owns(instance.Tags, DbInstanceDesired.Component);
        var retain = ctx.Policy.Deletion == DeletionPolicy.Retain || (instance is { Adopted: true } && !ctx.Policy.DeletionPolicyExplicit);
        if (retain || (instance is not null && !ours))
        {
            // Nothing is deleted; the password of what remains must outlive this object.
            await OrphanPasswordAsync(ctx, instance is not null, cancellationToken).ConfigureAwait(false);
            return ReconcileResult.Done;
        }

        if (instance is not null)
        {
            return await DeleteInstanceAsync(ctx, instance, cancellationToken).ConfigureAwait(false);
        }

        await OrphanPasswordAsync(ctx, ctx.Status.FinalSnapshotIdentifier is not null, cancellationToken).ConfigureAwait(false);
        return await DeleteGroupsAsync(ctx, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ReconcileResult> DeleteInstanceAsync(RdsReconcile ctx, DbInstanceObserved instance, CancellationToken cancellationToken)
    {
        RdsStatusMapper.Apply(ctx.Status, instance);
        if (instance.Status == RdsStatuses.Deleting)
        {
            return Waiting(ctx, $"waiting for DB instance {instance.Identifier} to be deleted");
        }

        if (ctx.Spec.Deletion.DeletionProtection)
        {
            throw new TerminalException($"deletion protection is on: set spec.deletion.deletionProtection to false to delete DB instance {instance.Identifier} (the finalizer stays until then)",
                "spec.deletion.deletionProtection", "DeletionProtected");
        }

        if (instance.DeletionProtection)
        {
            // The spec says off: turn AWS's protection off first (only an available instance can be modified).
            if (!instance.IsAvailable)
            {
                return Waiting(ctx, $"waiting for DB instance {instance.Identifier} ({instance.Status}) to turn its deletion protection off");
            }

            var desired = RdsDesired.Instance(ctx.Spec, ctx.Owner, null, null, null, null);
            await instances.UpdateAsync(desired, instance, new DeltaBuilder().Add("DeletionProtection", true, "false", "true").Build(), cancellationToken).ConfigureAwait(false);
            return Waiting(ctx, $"turned deletion protection of DB instance {instance.Identifier} off");
        }

        if (ctx.Spec.Deletion.FinalSnapshot && ctx.Status.FinalSnapshotIdentifier is null)
        {
            // Recorded in status before the delete call (the runtime writes status when this pass ends).
            ctx.Status.FinalSnapshotIdentifier = RdsNames.FinalSnapshot(instance.Identifier, ctx.Now);
            return ReconcileResult.RequeueAfter(TimeSpan.FromSeconds(1), "recorded the final snapshot's name");
        }

        if (instance.Status == RdsStatuses.Creating && ctx.Spec.Deletion.FinalSnapshot)
        {
            return Waiting(ctx, $"waiting for DB instance {instance.Identifier} to finish creating: a final snapshot cannot be taken before");
        }

        var snapshot = ctx.Spec.Deletion.FinalSnapshot ? ctx.Status.FinalSnapshotIdentifier : null;
        await AwsFailures.GuardAsync("spec.deletion", () => instances.DeleteAsync(instance, snapshot, cancellationToken)).ConfigureAwait(false);
        await ctx.EventAsync("Deleting", snapshot is null
            ? $"deleting DB instance {instance.Identifier} without a final snapshot (spec.deletion.finalSnapshot: false)"
            : $"deleting DB instance {instance.Identifier} with final snapshot {snapshot}", cancellationToken).ConfigureAwait(false);
        return Waiting(ctx, $"waiting for DB instance {instance.Identifier} to be deleted");
    }

    private async Task<ReconcileResult> DeleteGroupsAsync(RdsReconcile ctx, CancellationToken cancellationToken)
    {
        ctx.Status.InstanceStatus = null;
        ctx.Status.Endpoint = null;
        var subnetGroup = RdsDesired.SubnetGroup(ctx.Spec, ctx.Owner, ctx.Policy.AdoptionField(RdsDesired.SubnetGroupField))?.Name;
        if (subnetGroup is not null && await subnetGroups.ReadAsync(subnetGroup, ReadMode.Live, cancellationToken).ConfigureAwait(false) is { } sn)
        {
            var tagged = await subnetGroups.WithTagsAsync(sn, cancellationToken).ConfigureAwait(false);
            if (Deletable(ctx, tagged.Tags!, SubnetGroupDesired.Component))
            {
                return await TryDeleteAsync(ctx, $"DB subnet group {sn.Name}", () => subnetGroups.DeleteAsync(sn, cancellationToken)).ConfigureAwait(false);
            }
        }

        foreach (var name in ParameterGroupNames(ctx))
        {
            if (await parameterGroups.ReadAsync(name, ReadMode.Live, cancellationToken).ConfigureAwait(false) is { } pg)
            {
                var tagged = await parameterGroups.WithTagsAsync(pg, cancellationToken).ConfigureAwait(false);
                if (Deletable(ctx, tagged.Tags!, ParameterGroupDesired.Component))
                {
                    return await TryDeleteAsync(ctx, $"DB parameter group {pg.Name}", () => parameterGroups.DeleteAsync(pg, cancellationToken)).ConfigureAwait(false);
                }
            }
        }

        var group = ctx.Status.SecurityGroupId is { } id
            ? await securityGroups.FindByIdAsync(id, ReadMode.Live, cancellationToken).ConfigureAwait(false)
            : await securityGroups.FindOwnedAsync(ctx.Owner, RdsNames.SecurityGroupComponent, cancellationToken).ConfigureAwait(false);
        if (group is not null && Deletable(ctx, group.Tags, RdsNames.SecurityGroupComponent))
        {
            return await TryDeleteAsync(ctx, $"security group {group.GroupId}", () => securityGroups.DeleteAsync(group, cancellationToken)).ConfigureAwait(false);
        }

        return ReconcileResult.Done;
    }

    private static IEnumerable<string> ParameterGroupNames(RdsReconcile ctx)
    {
        var names = new List<string?>
        {
            RdsDesired.ParameterGroup(ctx.Spec, ctx.Owner, ctx.Policy.AdoptionField(RdsDesired.ParameterGroupField))?.Name,
            ctx.Status.ParameterGroup?.Name,
            ctx.Status.ParameterGroup?.Retiring,
        };
        return names.OfType<string>().Where(n => !n.StartsWith("default.", StringComparison.Ordinal)).Distinct(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Ours, and not adopted unless the deletion policy says delete explicitly.</summary>
    private static bool Deletable(RdsReconcile ctx, IReadOnlyDictionary<string, string> tags, string component) =>
        ctx.Owner.Owns(tags, component)
        && (!(tags.TryGetValue(OwnershipTags.Adopted, out var adopted) && adopted == "true") || ctx.Policy.DeletionPolicyExplicit);

    /// <summary>Deletes one object and looks again on the next pass (done only once every read says gone).</summary>
    private static async Task<ReconcileResult> TryDeleteAsync(RdsReconcile ctx, string what, Func<Task> delete)
    {
        try
        {
            await AwsFailures.GuardAsync("metadata.finalizers", delete).ConfigureAwait(false);
        }
        catch (AwsApiException e) when (e.Kind == AwsErrorKind.Conflict)
        {
            return Waiting(ctx, $"{what} is still in use ({e.Code}); deleting it later");
        }

        return Waiting(ctx, $"deleted {what}; confirming it is gone");
    }

    private async Task OrphanPasswordAsync(RdsReconcile ctx, bool somethingRemains, CancellationToken cancellationToken)
    {
        if (somethingRemains && await secrets.OrphanMasterAsync(ctx, cancellationToken).ConfigureAwait(false))
        {
            await ctx.EventAsync("SecretOrphaned",
                $"kept Secret {ctx.Spec.MasterPassword.SecretRef.Name}: it holds the master password of what remains in AWS", cancellationToken).ConfigureAwait(false);
        }
    }

    private static ReconcileResult Waiting(RdsReconcile ctx, string message)
    {
        ctx.Wait("Deleting", message, ctx.Settings.BusyRequeue);
        return ReconcileResult.RequeueAfter(ctx.Settings.BusyRequeue, message);
    }
}
