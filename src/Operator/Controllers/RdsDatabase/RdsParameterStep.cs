using Ebops.Operator.Resources;
using Ebops.Operator.Resources.Rds;
using Ebops.Operator.Runtime.Reconciliation;

namespace Ebops.Operator.Controllers.RdsDatabase;

/// <summary>
/// The owned DB parameter group of <c>spec.parameters</c> (its name carries the family). Its values are read only
/// when the spec changed, while anything is in motion, or every Nth steady poll (DescribeDBParameters is paginated
/// and the one expensive read); a drifted value is set back with the apply method its apply type needs.
/// </summary>
internal sealed class RdsParameterStep(ParameterGroupManager parameterGroups, ParameterAudit audit)
{
    private const string Field = "spec.parameters.overrides";

    /// <summary>Forgets what is remembered about the RdsDatabase with <paramref name="uid"/> (it is gone).</summary>
    public void Forget(string uid) => audit.Forget(uid);

    public async Task ReconcileAsync(RdsReconcile ctx, CancellationToken cancellationToken)
    {
        var adoptName = ctx.Policy.AdoptionField(RdsDesired.ParameterGroupField);
        if (RdsDesired.ParameterGroup(ctx.Spec, ctx.Owner, adoptName) is not { } desired)
        {
            return;
        }

        var observed = await parameterGroups.ReadAsync(desired.Name, ctx.Mode, cancellationToken).ConfigureAwait(false);
        if (observed is null && adoptName is not null && ctx.Policy.Adoption == AdoptionPolicy.Adopt)
        {
            throw Adoption.Missing($"DB parameter group {adoptName}", RdsDesired.ParameterGroupField);
        }

        // Until the instance uses it, a group found by name is only used once its tags say it is ours (or it is adopted).
        var inUse = ctx.Status.ParameterGroup?.Name is { } current && string.Equals(current, desired.Name, StringComparison.OrdinalIgnoreCase);
        if ((observed is null || !inUse) && !ctx.Paused)
        {
            observed = await Adoption.CreateOrAdoptAsync(ctx, Field,
                () => parameterGroups.CreateAsync(desired, cancellationToken),
                () => parameterGroups.ReadAsync(desired.Name, ReadMode.Live, cancellationToken),
                found => parameterGroups.AdoptAsync(desired, found, cancellationToken)).ConfigureAwait(false);
            if (observed.UserParameters is not null)
            {
                audit.Read(ctx.Uid, ctx.Now);
            }
        }

        if (observed is null)
        {
            ctx.PausedDifferences.Add($"DB parameter group {desired.Name} does not exist");
            return;
        }

        if (observed.Family != desired.Family)
        {
            throw new TerminalException($"DB parameter group {observed.Name} has family {observed.Family}, not {desired.Family}", "spec.parameters.family", "FamilyMismatch");
        }

        if (observed.UserParameters is null
            && RdsDecisions.ReadParameterValues(ctx.SpecChanged, ctx.Mode, audit.LastRead(ctx.Uid), ctx.Now, ctx.Policy.PollInterval))
        {
            observed = await AwsFailures.GuardAsync(Field, () => parameterGroups.WithValuesAsync(observed, cancellationToken)).ConfigureAwait(false);
            audit.Read(ctx.Uid, ctx.Now);
        }

        var delta = parameterGroups.Diff(desired, observed);
        if (await ctx.ShouldCorrectAsync(delta, $"DB parameter group {observed.Name}", cancellationToken).ConfigureAwait(false))
        {
            await AwsFailures.GuardAsync(Field, () => parameterGroups.UpdateAsync(desired, observed, delta, cancellationToken)).ConfigureAwait(false);
            ctx.ParametersChanged = true;
        }

        ctx.ParameterGroupName = observed.Name;
    }
}
