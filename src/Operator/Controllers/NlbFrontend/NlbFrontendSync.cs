using Ebops.Operator.Entities;
using Ebops.Operator.Resources;
using Ebops.Operator.Resources.Ec2;
using Ebops.Operator.Resources.Elbv2;
using Ebops.Operator.Runtime.Reconciliation;
using Ebops.Operator.Runtime.Events;

namespace Ebops.Operator.Controllers.NlbFrontend;

/// <summary>
/// The act phase of an NlbFrontend reconcile, one AWS object at a time in dependency order (Elastic IPs, NLB, target
/// groups, listener): read (from the snapshot when steady), create what is missing, adopt or refuse what is in the
/// way, correct drift. Paused: reads only, and <see cref="NlbPass"/> records what would have been written.
/// </summary>
internal sealed class NlbFrontendSync(
    NetworkLoadBalancerManager loadBalancers,
    TargetGroupManager targetGroups,
    ListenerManager listeners,
    ElasticIpManager addresses,
    IEventRecorder events)
{
    /// <summary>The load balancer's lifecycle state from the shared state snapshot; null when it does not exist.</summary>
    public Task<string?> ReadLoadBalancerStateAsync(string arn, CancellationToken cancellationToken) => loadBalancers.ReadStateAsync(arn, cancellationToken);

    public async Task<NetworkLoadBalancerObserved?> ReadLoadBalancerAsync(NlbPass pass, CancellationToken cancellationToken)
    {
        var name = NlbDesiredState.LoadBalancerName(pass.Owner, pass.Policy);
        var nlb = await NlbGuard.RunAsync("spec.subnets", () => loadBalancers.ReadAsync(name, pass.Mode, cancellationToken)).ConfigureAwait(false);
        if (nlb is null && pass.Policy.Adoption == AdoptionPolicy.Adopt && pass.Policy.AdoptionField(NlbDesiredState.AdoptLoadBalancerName) is not null)
        {
            throw new TerminalException($"load balancer {name} does not exist; ebops.io/adoption-policy adopt never creates it",
                "metadata.annotations." + EbopsAnnotations.AdoptionFields, NlbReasons.NameConflict);
        }

        return nlb;
    }

    /// <summary>The Elastic IPs, then the NLB: created when missing (after the pre-flight checks), else kept in line.</summary>
    public async Task<(NetworkLoadBalancerObserved? LoadBalancer, IReadOnlyDictionary<string, ElasticIpObserved?> Addresses)> EnsureLoadBalancerAsync(
        NlbPass pass, NetworkLoadBalancerObserved? nlb, CancellationToken cancellationToken)
    {
        var adopt = nlb is not null && MustAdopt(pass, nlb.Tags, NetworkLoadBalancerDesired.Component, "load balancer", nlb.Name, "metadata.name");
        var found = await EnsureAddressesAsync(pass, nlb, cancellationToken).ConfigureAwait(false);
        var allocations = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var subnet in pass.Entity.Spec.Subnets)
        {
            var id = found.GetValueOrDefault(subnet.SubnetId)?.AllocationId ?? nlb?.Zones.FirstOrDefault(z => z.SubnetId == subnet.SubnetId)?.AllocationId;
            if (id is not null)
            {
                allocations[subnet.SubnetId] = id;
            }
        }

        if (nlb is null && allocations.Count < pass.Entity.Spec.Subnets.Count)
        {
            // Paused before every address exists: the load balancer cannot be created either.
            pass.Missing.Add("network load balancer " + NlbDesiredState.LoadBalancerName(pass.Owner, pass.Policy));
            return (null, found);
        }

        var desired = NlbDesiredState.LoadBalancer(pass.Owner, NlbDesiredState.LoadBalancerName(pass.Owner, pass.Policy), pass.Entity.Spec, allocations, adopt || nlb?.IsAdopted == true);
        var result = await EnsureAsync(pass, "network load balancer " + desired.Name, "spec.subnets", loadBalancers, desired, nlb, adopt, NlbDesiredState.LoadBalancerField, cancellationToken).ConfigureAwait(false);
        if (result is not null && NetworkLoadBalancerManager.FixedDiff(desired, result) is { IsEmpty: false } fixedDelta)
        {
            pass.Fixed.Add($"spec.subnets: network load balancer {result.Name} differs ({fixedDelta}) and AWS cannot change its subnets or Elastic IPs; delete and re-create the NlbFrontend to move it");
        }

        return (result, found);
    }

    /// <summary>The target group of each colour (port: the backend ALB's listener port, else the group's own).</summary>
    public async Task<IReadOnlyDictionary<DeploymentColor, TargetGroupObserved>> EnsureTargetGroupsAsync(
        NlbPass pass, NetworkLoadBalancerObserved nlb, int? albListenerPort, CancellationToken cancellationToken)
    {
        var result = new Dictionary<DeploymentColor, TargetGroupObserved>();
        foreach (var color in NlbDesiredState.Colors)
        {
            var name = NlbDesiredState.TargetGroupName(pass.Owner, pass.Policy, color);
            var observed = await NlbGuard.RunAsync("spec.healthCheck", () => targetGroups.ReadAsync(name, pass.Mode, cancellationToken)).ConfigureAwait(false);
            if (observed is null && pass.Policy.Adoption == AdoptionPolicy.Adopt && name != Elbv2Names.TargetGroup(pass.Owner, NlbDesiredState.ColorName(color)))
            {
                throw new TerminalException($"target group {name} does not exist; ebops.io/adoption-policy adopt never creates it",
                    "metadata.annotations." + EbopsAnnotations.AdoptionFields, NlbReasons.NameConflict);
            }

            var adopt = observed is not null && MustAdopt(pass, observed.Tags, NlbDesiredState.TargetGroupComponent(color), "target group", name, "metadata.name");
            if ((albListenerPort ?? observed?.Port) is not { } port || nlb.VpcId is not { } vpc)
            {
                continue;
            }

            var desired = NlbDesiredState.TargetGroup(pass.Owner, name, color, vpc, port, pass.Entity.Spec, adopt || observed?.IsAdopted == true);
            var ensured = await EnsureAsync(pass, "target group " + name, "spec.healthCheck", targetGroups, desired, observed, adopt, NlbDesiredState.TargetGroupField, cancellationToken).ConfigureAwait(false);
            if (ensured is null)
            {
                continue;
            }

            if (TargetGroupManager.FixedDiff(desired, ensured) is { IsEmpty: false } fixedDelta)
            {
                pass.Fixed.Add($"{NlbDesiredState.TargetGroupField(fixedDelta.Fields[0])}: target group {name} differs ({fixedDelta}) and AWS cannot change that on an existing group");
            }

            result[color] = ensured;
        }

        return result;
    }

    /// <summary>The listener: created forwarding to blue; afterwards its forward is reported when edited outside ebops, never reverted.</summary>
    public async Task<ListenerObserved?> EnsureListenerAsync(
        NlbPass pass, NetworkLoadBalancerObserved nlb, IReadOnlyDictionary<DeploymentColor, TargetGroupObserved> groups, CancellationToken cancellationToken)
    {
        if (!groups.TryGetValue(DeploymentColor.Blue, out var blue))
        {
            return null;
        }

        var probe = NlbDesiredState.Listener(pass.Owner, nlb.Arn, pass.Entity.Spec, blue.Arn, pass.Entity.Status?.ListenerArn, adopted: false);
        var observed = await NlbGuard.RunAsync("spec.listener.port", () => listeners.ReadAsync(probe, pass.Mode, cancellationToken)).ConfigureAwait(false);
        var adopt = observed is not null && MustAdopt(pass, observed.Tags, ListenerDesired.Component, "listener", observed.Arn, "spec.listener.port");
        var desired = probe with { Adopted = adopt || observed?.IsAdopted == true };
        var listener = await EnsureAsync(pass, "listener on port " + desired.Port, "spec.listener.port", listeners, desired, observed, adopt, NlbDesiredState.ListenerField, cancellationToken).ConfigureAwait(false);
        if (listener?.ForwardEditedOutsideEbops == true)
        {
            // A cached read may have caught a release's switch half done: look again once no switch is in flight.
            listener = await NlbGuard.RunAsync("spec.listener.port", () => listeners.ReadSettledAsync(listener.Arn, cancellationToken)).ConfigureAwait(false) ?? listener;
        }

        if (listener?.ForwardEditedOutsideEbops == true)
        {
            pass.ListenerDrift = NlbDecisions.ListenerDriftMessage(listener, groups.ToDictionary(g => g.Key, g => g.Value.Arn));
            await events.RecordAsync(pass.Entity, EventTypes.Warning, NlbReasons.ListenerDrift, "Observe", pass.ListenerDrift, cancellationToken).ConfigureAwait(false);
        }

        return listener;
    }

    /// <summary>Target health of the colours where it matters now (see <see cref="NlbDecisions.NeedsHealth"/>).</summary>
    public async Task<IReadOnlyDictionary<DeploymentColor, IReadOnlyList<TargetHealthObserved>>> ReadHealthAsync(
        NlbPass pass, bool steady, Entities.BeanstalkApp? app, IReadOnlyDictionary<DeploymentColor, TargetGroupObserved> groups, CancellationToken cancellationToken)
    {
        var result = new Dictionary<DeploymentColor, IReadOnlyList<TargetHealthObserved>>();
        foreach (var (color, group) in groups)
        {
            var previous = pass.Entity.Status?.TargetGroups?.FirstOrDefault(g => g.Color == color && g.Arn == group.Arn);
            if (NlbDecisions.NeedsHealth(steady, previous, NlbDecisions.AlbOf(app, color))
                && await NlbGuard.RunAsync("spec.healthCheck", () => targetGroups.ReadHealthAsync(group.Arn, cancellationToken)).ConfigureAwait(false) is { } health)
            {
                result[color] = health;
            }
        }

        return result;
    }

    private async Task<Dictionary<string, ElasticIpObserved?>> EnsureAddressesAsync(NlbPass pass, NetworkLoadBalancerObserved? nlb, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, ElasticIpObserved?>(StringComparer.Ordinal);
        foreach (var subnet in pass.Entity.Spec.Subnets)
        {
            var field = NlbDesiredState.ElasticIpField(pass.Entity.Spec, subnet.SubnetId);
            var desired = NlbDesiredState.ElasticIp(pass.Owner, subnet);
            var observed = await NlbGuard.RunAsync(field, () => addresses.ReadAsync(desired, pass.Mode, cancellationToken)).ConfigureAwait(false);
            if (desired.Given || (observed is null && nlb is not null))
            {
                // A given address is never changed; a load balancer that exists keeps the addresses it has.
                result[subnet.SubnetId] = observed;
                continue;
            }

            result[subnet.SubnetId] = await EnsureAsync(pass, $"Elastic IP of {subnet.SubnetId}", field, addresses, desired, observed, adopting: false, _ => field, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>True when an object at ebops' name should be adopted; throws when it is in the way (not this owner's).</summary>
    private static bool MustAdopt(NlbPass pass, IReadOnlyDictionary<string, string> tags, string component, string resourceType, string identifier, string field)
    {
        if (pass.Owner.Owns(tags, component))
        {
            return false;
        }

        if (!ResourceOwner.IsManaged(tags) && pass.Policy.Adoption != AdoptionPolicy.None)
        {
            return true;
        }

        var conflict = ResourceOwner.IsManaged(tags)
            ? UnmanagedResourceException.OwnedByOther(resourceType, identifier, tags)
            : UnmanagedResourceException.NotManaged(resourceType, identifier);
        throw new TerminalException(conflict.Message, field, NlbReasons.NameConflict, conflict);
    }

    private async Task<TObserved?> EnsureAsync<TDesired, TObserved>(
        NlbPass pass, string what, string field, IResourceManager<TDesired, TObserved> manager, TDesired desired, TObserved? observed,
        bool adopting, Func<string, string> fieldOf, CancellationToken cancellationToken)
        where TDesired : class
        where TObserved : class
    {
        if (observed is null)
        {
            if (pass.Policy.Paused)
            {
                pass.Missing.Add(what);
                return null;
            }

            var created = await NlbGuard.RunAsync(field, () => manager.CreateAsync(desired, cancellationToken)).ConfigureAwait(false);
            await events.RecordAsync(pass.Entity, EventTypes.Normal, NlbReasons.Created, "Create", "created " + what, cancellationToken).ConfigureAwait(false);
            return created;
        }

        var delta = manager.Diff(desired, observed);
        if (delta.IsEmpty)
        {
            return observed;
        }

        var fields = delta.Fields.Select(fieldOf).Distinct(StringComparer.Ordinal).ToList();
        if (pass.Policy.Paused)
        {
            pass.Differs.AddRange(fields.Select(f => $"{f} ({what})"));
            return observed;
        }

        var drift = !adopting && !pass.SpecChanged;
        var (type, reason, note) = adopting ? (EventTypes.Normal, NlbReasons.Adopted, $"adopting {what}: adding the ebops ownership tags")
            : drift ? (EventTypes.Warning, NlbReasons.DriftDetected, $"{what} differs from the spec ({delta}); correcting {string.Join(", ", fields)}")
            : (EventTypes.Normal, NlbReasons.Updated, $"updating {what}: {delta}");
        await events.RecordAsync(pass.Entity, type, reason, "Update", note, cancellationToken).ConfigureAwait(false);
        var updated = await NlbGuard.RunAsync(field, () => manager.UpdateAsync(desired, observed, delta, cancellationToken)).ConfigureAwait(false);
        if (drift)
        {
            pass.Corrected.AddRange(fields);
        }

        return updated;
    }
}
