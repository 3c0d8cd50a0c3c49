using Ebops.Operator.Aws.Core;
using Ebops.Operator.Aws.Rds;
using Ebops.Operator.Entities;
using Ebops.Operator.Resources;
using Ebops.Operator.Resources.Rds;

namespace Ebops.Operator.Controllers.RdsDatabase;

/// <summary>
/// What an available instance may need besides its spec fields: the master password from the Secret (rotation,
/// detected from the cache's hash; the value read once, sent once), a reboot for a pending-reboot parameter group (as
/// the reboot policy says), and the deletion of a parameter group another family replaced.
/// </summary>
internal sealed class RdsMaintenance(DbInstanceManager instances, ParameterGroupManager parameterGroups, RdsSecrets secrets)
{
    /// <summary>Sets the master password when the Secret's hash differs from the one last applied.</summary>
    public async Task<DbInstanceObserved> RotatePasswordAsync(RdsReconcile ctx, DbInstanceObserved observed, MasterPassword password, CancellationToken cancellationToken)
    {
        var hash = RdsDecisions.PasswordHash(ctx.Uid, password.Sha256);
        if (ctx.Status.PasswordSecretHash == hash)
        {
            return observed;
        }

        if (ctx.Paused)
        {
            ctx.PausedDifferences.Add("master password (spec.masterPassword.secretRef)");
            return observed;
        }

        var value = await secrets.RevealMasterAsync(ctx, password, cancellationToken).ConfigureAwait(false);
        var changed = await AwsFailures.GuardAsync("spec.masterPassword.secretRef",
            () => instances.ChangeMasterPasswordAsync(observed.Identifier, value, cancellationToken)).ConfigureAwait(false);
        var first = ctx.Status.PasswordSecretHash is null;
        ctx.Status.PasswordSecretHash = hash;
        await ctx.EventAsync(first ? "PasswordSet" : "PasswordRotated",
            $"set the master password of DB instance {observed.Identifier} from Secret {ctx.Spec.MasterPassword.SecretRef.Name}", cancellationToken).ConfigureAwait(false);
        if (changed is null)
        {
            return observed;
        }

        RdsStatusMapper.Apply(ctx.Status, changed);
        return changed;
    }

    /// <summary>Reboots for a pending-reboot parameter group when the policy says now; otherwise says what it waits for.</summary>
    public async Task RebootIfDueAsync(RdsReconcile ctx, DbInstanceObserved observed, CancellationToken cancellationToken)
    {
        var group = observed.ParameterGroupName;
        if (observed.ParameterApplyStatus == RdsStatuses.ParameterApplying)
        {
            ctx.Wait("WaitingForParameters", $"parameter group {group} is applying", ctx.Settings.BusyRequeue);
            return;
        }

        var policy = ctx.Spec.Parameters?.RebootPolicy ?? RebootPolicy.MaintenanceWindow;
        var decision = RdsDecisions.Reboot(policy, observed, ctx.Now);
        switch (decision.Action)
        {
            case RebootAction.RebootNow when ctx.Paused:
                ctx.PausedDifferences.Add($"parameter group {group} waits for a reboot");
                break;
            case RebootAction.RebootNow:
                var rebooting = await AwsFailures.GuardAsync("spec.parameters.rebootPolicy", () => instances.RebootAsync(observed.Identifier, cancellationToken))
                    .ConfigureAwait(false);
                if (rebooting is not null)
                {
                    RdsStatusMapper.Apply(ctx.Status, rebooting);
                }

                await ctx.EventAsync("Rebooting", $"rebooting DB instance {observed.Identifier} to apply parameter group {group} (rebootPolicy {policy})", cancellationToken)
                    .ConfigureAwait(false);
                ctx.Wait("WaitingForReboot", $"rebooting DB instance {observed.Identifier} to apply parameter group {group}", ctx.Settings.BusyRequeue);
                break;
            case RebootAction.WaitForWindow:
                var wait = decision.Wait!.Value;
                ctx.Wait("WaitingForReboot",
                    $"parameter group {group} is pending-reboot; ebops reboots in the maintenance window {observed.PreferredMaintenanceWindow} (opens in {wait:d\\.hh\\:mm})",
                    wait < ctx.Policy.PollInterval ? wait : ctx.Policy.PollInterval, blocking: false);
                break;
            case RebootAction.ReportOnly:
                ctx.Wait("WaitingForReboot", $"parameter group {group} is pending-reboot; reboot DB instance {observed.Identifier} to apply it (rebootPolicy {policy})",
                    ctx.Policy.PollInterval, blocking: false);
                break;
        }
    }

    /// <summary>Deletes the parameter group a family change replaced, once the instance no longer uses it (only ours; an
    /// adopted one only with an explicit deletion policy).</summary>
    public async Task RetireParameterGroupAsync(RdsReconcile ctx, DbInstanceObserved observed, CancellationToken cancellationToken)
    {
        if (ctx.Status.ParameterGroup?.Retiring is not { } retiring || string.Equals(retiring, observed.ParameterGroupName, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        if (ctx.Paused)
        {
            ctx.PausedDifferences.Add($"parameter group {retiring} would be deleted");
            return;
        }

        if (await parameterGroups.ReadAsync(retiring, ReadMode.Live, cancellationToken).ConfigureAwait(false) is { } group)
        {
            var tagged = await parameterGroups.WithTagsAsync(group, cancellationToken).ConfigureAwait(false);
            var ours = ctx.Owner.Owns(tagged.Tags!, ParameterGroupDesired.Component);
            var adopted = tagged.Tags!.TryGetValue(OwnershipTags.Adopted, out var flag) && flag == "true";
            if (ours && (!adopted || ctx.Policy.DeletionPolicyExplicit))
            {
                try
                {
                    await parameterGroups.DeleteAsync(group, cancellationToken).ConfigureAwait(false);
                }
                catch (AwsApiException e) when (e.Kind == AwsErrorKind.Conflict)
                {
                    ctx.Wait("RetiringParameterGroup", $"parameter group {retiring} is still in use; deleting it later", ctx.Settings.BusyRequeue, blocking: false);
                    return;
                }

                await ctx.EventAsync("Deleted", $"deleted parameter group {retiring}, replaced by {observed.ParameterGroupName}", cancellationToken).ConfigureAwait(false);
            }
        }

        ctx.Status.ParameterGroup!.Retiring = null;
    }
}
