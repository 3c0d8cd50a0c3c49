using Ebops.Operator.Entities;
using Ebops.Operator.Resources;
using Ebops.Operator.Resources.Ec2;
using Ebops.Operator.Resources.Rds;
using Ebops.Operator.Runtime.Cache;
using Ebops.Operator.Runtime.Reconciliation;

namespace Ebops.Operator.Controllers.RdsDatabase;

/// <summary>
/// The DB subnet group (owned, from <c>spec.network.subnets</c>, or an existing one by name) and the owned security
/// group with the spec's inbound rules. A rule from a BeanstalkApp's security group waits (without blocking the
/// database) until that app reports one; an app being deleted loses its rule, so its own group can be deleted.
/// </summary>
internal sealed class RdsNetworkStep(SubnetGroupManager subnetGroups, SubnetGroupPreflight subnetChecks, SecurityGroupManager securityGroups,
    IResourceCache<Entities.BeanstalkApp> apps)
{
    private const string WaitingForBeanstalkApp = "WaitingForBeanstalkApp";

    public async Task ReconcileAsync(RdsReconcile ctx, CancellationToken cancellationToken)
    {
        await SubnetGroupAsync(ctx, cancellationToken).ConfigureAwait(false);
        await SecurityGroupAsync(ctx, cancellationToken).ConfigureAwait(false);
    }

    private async Task SubnetGroupAsync(RdsReconcile ctx, CancellationToken cancellationToken)
    {
        const string Field = "spec.network.subnets";
        if (ctx.Spec.Network?.SubnetGroupName is { } existingName)
        {
            var existing = await subnetGroups.ReadAsync(existingName, ctx.Mode, cancellationToken).ConfigureAwait(false)
                ?? throw new TerminalException($"DB subnet group {existingName} does not exist", "spec.network.subnetGroupName", "SubnetGroupNotFound");
            (ctx.SubnetGroupName, ctx.VpcId) = (existing.Name, existing.VpcId);
            return;
        }

        var adoptName = ctx.Policy.AdoptionField(RdsDesired.SubnetGroupField);
        if (RdsDesired.SubnetGroup(ctx.Spec, ctx.Owner, adoptName) is not { } desired)
        {
            return;
        }

        var observed = await subnetGroups.ReadAsync(desired.Name, ctx.Mode, cancellationToken).ConfigureAwait(false);
        if (observed is null && adoptName is not null && ctx.Policy.Adoption == AdoptionPolicy.Adopt)
        {
            throw Adoption.Missing($"DB subnet group {adoptName}", RdsDesired.SubnetGroupField);
        }

        // Before the instance exists, a group found by name is only used once its tags say it is ours (or it is adopted).
        if ((observed is null || ctx.Status.Aws is null) && !ctx.Paused)
        {
            if (observed is null)
            {
                await CheckSubnetsAsync(desired.SubnetIds, cancellationToken).ConfigureAwait(false);
            }

            observed = await Adoption.CreateOrAdoptAsync(ctx, Field,
                () => subnetGroups.CreateAsync(desired, cancellationToken),
                () => subnetGroups.ReadAsync(desired.Name, ReadMode.Live, cancellationToken),
                found => subnetGroups.AdoptAsync(desired, found, cancellationToken)).ConfigureAwait(false);
        }

        if (observed is null)
        {
            ctx.PausedDifferences.Add($"DB subnet group {desired.Name} does not exist");
            return;
        }

        var delta = subnetGroups.Diff(desired, observed);
        if (!delta.IsEmpty && ctx.Mode != ReadMode.Live)
        {
            observed = await subnetGroups.ReadAsync(desired.Name, ReadMode.Live, cancellationToken).ConfigureAwait(false) ?? observed;
            delta = subnetGroups.Diff(desired, observed);
        }

        if (await ctx.ShouldCorrectAsync(delta, $"DB subnet group {desired.Name}", cancellationToken).ConfigureAwait(false))
        {
            await CheckSubnetsAsync(desired.SubnetIds, cancellationToken).ConfigureAwait(false);
            observed = await AwsFailures.GuardAsync(Field, () => subnetGroups.UpdateAsync(desired, observed, delta, cancellationToken)).ConfigureAwait(false);
        }

        (ctx.SubnetGroupName, ctx.VpcId) = (observed.Name, observed.VpcId);
    }

    /// <summary>Subnets RDS would refuse stall naming the one at fault, before CreateDBSubnetGroup or ModifyDBSubnetGroup.</summary>
    private async Task CheckSubnetsAsync(IReadOnlyList<string> subnetIds, CancellationToken cancellationToken)
    {
        const string Field = "spec.network.subnets";
        var problem = await AwsFailures.GuardAsync(Field, () => subnetChecks.CheckAsync(subnetIds, cancellationToken)).ConfigureAwait(false);
        if (problem is not null)
        {
            throw new TerminalException(problem.Message, problem.Index is { } i ? $"{Field}[{i}]" : Field, "InvalidSubnets");
        }
    }

    private async Task SecurityGroupAsync(RdsReconcile ctx, CancellationToken cancellationToken)
    {
        const string Field = "spec.network.securityGroup";
        var (rules, waiting) = RdsDesired.Ingress(ctx.Spec, source => GroupOf(ctx.Namespace, source));
        var adoptId = ctx.Policy.AdoptionField(RdsDesired.SecurityGroupField);
        if (RdsDesired.SecurityGroup(ctx.Spec, ctx.Owner, ctx.VpcId, rules, ctx.Status.SecurityGroupId ?? adoptId) is not { } desired)
        {
            return;
        }

        var observed = await securityGroups.ReadAsync(desired, ctx.Mode, cancellationToken).ConfigureAwait(false);
        if (observed is null && ctx.Status.SecurityGroupId is not null)
        {
            // The recorded group is gone (deleted behind ebops' back): find ours by tag or make a new one.
            desired = desired with { GroupId = adoptId };
            observed = await securityGroups.ReadAsync(desired, ReadMode.Live, cancellationToken).ConfigureAwait(false);
        }

        observed = await EnsureAsync(ctx, desired, observed, adoptId, cancellationToken).ConfigureAwait(false);
        if (observed is null)
        {
            return;
        }

        desired = desired with { GroupId = observed.GroupId };
        var delta = securityGroups.Diff(desired, observed);
        if (!delta.IsEmpty && ctx.Mode != ReadMode.Live)
        {
            observed = await securityGroups.ReadAsync(desired, ReadMode.Live, cancellationToken).ConfigureAwait(false) ?? observed;
            delta = securityGroups.Diff(desired, observed);
        }

        // The last reconcile waited for an app's group: the rule from it is new, not drift.
        var waited = ctx.Status.Conditions?.Any(c => c.Reason == WaitingForBeanstalkApp) == true;
        if (await ctx.ShouldCorrectAsync(delta, $"security group {observed.GroupId}", cancellationToken, expected: waited).ConfigureAwait(false))
        {
            observed = await AwsFailures.GuardAsync(Field, () => securityGroups.UpdateAsync(desired, observed, delta, cancellationToken)).ConfigureAwait(false);
        }

        ctx.SecurityGroupId = ctx.Status.SecurityGroupId = observed.GroupId;
        foreach (var app in waiting)
        {
            ctx.Wait(WaitingForBeanstalkApp, $"the rule from {app}'s security group waits for it to have one", ctx.Settings.DependencyRequeue, blocking: false);
        }
    }

    private async Task<SecurityGroupObserved?> EnsureAsync(RdsReconcile ctx, SecurityGroupDesired desired, SecurityGroupObserved? observed, string? adoptId,
        CancellationToken cancellationToken)
    {
        const string Field = "spec.network.securityGroup";
        if (observed is not null)
        {
            // A group named by an adoption field is adopted when it is not ours yet.
            return desired.Owner.Owns(observed.Tags, desired.Component) || ctx.Paused || ctx.Policy.Adoption == AdoptionPolicy.None
                ? observed
                : await AwsFailures.GuardAsync(Field, () => securityGroups.AdoptAsync(desired, observed, cancellationToken)).ConfigureAwait(false);
        }

        if (adoptId is not null && ctx.Policy.Adoption == AdoptionPolicy.Adopt)
        {
            throw Adoption.Missing($"security group {adoptId}", RdsDesired.SecurityGroupField);
        }

        if (ctx.Paused || desired.VpcId is null)
        {
            ctx.PausedDifferences.Add($"security group {desired.GroupName} does not exist");
            return null;
        }

        var create = desired with { GroupId = null };
        return await Adoption.CreateOrAdoptAsync(ctx, Field,
            () => securityGroups.CreateAsync(create, cancellationToken),
            () => securityGroups.FindByNameAsync(create.VpcId!, create.GroupName, cancellationToken),
            found => securityGroups.AdoptAsync(create, found, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>The security group of a referenced resource from the watch cache; null while it has none (or is going away).</summary>
    private string? GroupOf(string ns, SecurityGroupOwnerReference source) =>
        apps.Get(ns, source.Name) is { Metadata.DeletionTimestamp: null, Status.InstanceSecurityGroupId: { Length: > 0 } id } ? id : null;
}
