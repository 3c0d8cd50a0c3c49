using Ebops.Operator.Resources;
using Ebops.Operator.Resources.Ec2;
using Ebops.Operator.Runtime.Reconciliation;

namespace Ebops.Operator.Controllers.BeanstalkApp;

/// <summary>
/// The app's own security group (component <c>instance-security-group</c>): attached to every environment's instances,
/// the source RdsDatabase's <c>fromSecurityGroupOf</c> resolves to. Found by the id in status, the adoption field
/// <c>securityGroupId</c>, or its ownership tags.
/// </summary>
internal sealed class SecurityGroupSync(SecurityGroupManager groups)
{
    public const string Component = "instance-security-group";

    /// <summary>The adoption field naming an existing group to adopt.</summary>
    public const string AdoptionField = "securityGroupId";

    private const string Field = "spec.securityGroup";

    public static SecurityGroupDesired Desired(AppContext ctx, string? vpcId, string? groupId) => new(
        ctx.Owner,
        Component,
        AwsNames.Compose(255, AwsNames.Alphanumeric, "ebops", ctx.Namespace, ctx.Name, "app"),
        $"Instances of BeanstalkApp {ctx.Namespace}/{ctx.Name} (managed by ebops)",
        vpcId,
        [.. (ctx.Spec.SecurityGroup?.Ingress ?? []).Select(r => IngressRule.TcpFromCidr(r.Port, r.FromCidr, r.Description))],
        groupId);

    /// <summary>Reads the group; <paramref name="vpcId"/> null on the steady path (nothing is created there).</summary>
    public async Task<SecurityGroupState> ObserveAsync(AppContext ctx, string? vpcId, ReadMode mode, CancellationToken cancellationToken)
    {
        var adoptId = ctx.Policy.AdoptionField(AdoptionField);
        var desired = Desired(ctx, vpcId, ctx.Status.InstanceSecurityGroupId ?? adoptId);
        var observed = await groups.ReadAsync(desired, mode, cancellationToken).ConfigureAwait(false);
        if (observed is null && desired.GroupId is not null)
        {
            // The remembered group is gone (deleted by hand): look for ours by tag before creating another.
            desired = desired with { GroupId = null };
            observed = await groups.ReadAsync(desired, ReadMode.Live, cancellationToken).ConfigureAwait(false);
        }

        if (observed is null)
        {
            if (ctx.Policy.Adoption == AdoptionPolicy.Adopt && adoptId is not null)
            {
                throw new TerminalException($"security group {adoptId} does not exist, and adopt does not create it",
                    "metadata.annotations." + Entities.EbopsAnnotations.AdoptionFields, BeanstalkAppReasons.AdoptionTargetMissing);
            }

            return new SecurityGroupState(desired, null, false, Delta.Empty);
        }

        desired = desired with { GroupId = observed.GroupId };
        var adopt = !ctx.Owner.Owns(observed.Tags, Component);
        if (adopt && (ResourceOwner.IsManaged(observed.Tags) || ctx.Policy.Adoption == AdoptionPolicy.None))
        {
            var conflict = ResourceOwner.IsManaged(observed.Tags)
                ? UnmanagedResourceException.OwnedByOther(SecurityGroupManager.ResourceType, observed.GroupId, observed.Tags)
                : UnmanagedResourceException.NotManaged(SecurityGroupManager.ResourceType, observed.GroupId);
            throw new TerminalException(conflict.Message, "metadata.annotations." + Entities.EbopsAnnotations.AdoptionFields, BeanstalkAppReasons.NotManaged);
        }

        if (vpcId is not null && observed.VpcId != vpcId)
        {
            throw new TerminalException(
                $"the app's security group {observed.GroupId} is in {observed.VpcId}; moving the app to {vpcId} is not supported (create a new BeanstalkApp)",
                "spec.network", BeanstalkAppReasons.VpcChanged);
        }

        return new SecurityGroupState(desired, observed, adopt, adopt ? Delta.Empty : groups.Diff(desired, observed));
    }

    /// <summary>Creates, adopts or updates the group as <paramref name="state"/> says; returns it.</summary>
    public async Task<SecurityGroupObserved> ApplyAsync(SecurityGroupState state, CancellationToken cancellationToken)
    {
        try
        {
            var observed = state.Observed ?? await AwsFailures.GuardAsync(Field, () => groups.CreateAsync(state.Desired, cancellationToken)).ConfigureAwait(false);
            if (state.Adopt)
            {
                observed = await AwsFailures.GuardAsync(Field, () => groups.AdoptAsync(state.Desired, observed, cancellationToken)).ConfigureAwait(false);
            }

            var delta = groups.Diff(state.Desired with { GroupId = observed.GroupId }, observed);
            return delta.IsEmpty
                ? observed
                : await AwsFailures.GuardAsync(Field + ".ingress", () => groups.UpdateAsync(state.Desired with { GroupId = observed.GroupId }, observed, delta, cancellationToken))
                    .ConfigureAwait(false);
        }
        catch (UnmanagedResourceException e)
        {
            throw new TerminalException(e.Message, Field, BeanstalkAppReasons.NotManaged, e);
        }
    }

    /// <summary>Steady-state check from the shared snapshot: the group in status exists, is ours and has the spec's rules.</summary>
    public async Task<bool> InLineAsync(AppContext ctx, CancellationToken cancellationToken)
    {
        if (ctx.Status.InstanceSecurityGroupId is not { } id)
        {
            return false;
        }

        var desired = Desired(ctx, null, id);
        return await groups.ReadAsync(desired, ReadMode.Cached, cancellationToken).ConfigureAwait(false) is { } observed
            && ctx.Owner.Owns(observed.Tags, Component)
            && groups.Diff(desired, observed).IsEmpty;
    }

    /// <summary>The spec fields behind a delta of the group.</summary>
    public static IEnumerable<string> PathsOf(Delta delta) =>
        delta.Fields.Select(f => f == "Ingress" ? Field + ".ingress" : Field);
}
