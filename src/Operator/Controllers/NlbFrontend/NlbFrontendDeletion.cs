using Ebops.Operator.Entities;
using Ebops.Operator.Resources;
using Ebops.Operator.Resources.Ec2;
using Ebops.Operator.Resources.Elbv2;
using Ebops.Operator.Runtime.Reconciliation;
using Ebops.Operator.Runtime.Events;

namespace Ebops.Operator.Controllers.NlbFrontend;

/// <summary>
/// Deletes an NlbFrontend's AWS objects in reverse dependency order (listener, target groups, NLB, then the Elastic
/// IPs ebops allocated), each read, deleted, and read again; done only once every read says gone. Given Elastic IPs
/// are never released; adopted objects are kept unless the deletion policy says delete explicitly; objects of other
/// owners are never touched.
/// </summary>
internal sealed class NlbFrontendDeletion(
    NetworkLoadBalancerManager loadBalancers,
    TargetGroupManager targetGroups,
    ListenerManager listeners,
    ElasticIpManager addresses,
    IEventRecorder events)
{
    /// <summary>Null when everything is gone (or kept); otherwise what ebops still waits for.</summary>
    public async Task<string?> DeleteAsync(NlbPass pass, CancellationToken cancellationToken)
    {
        var name = NlbDesiredState.LoadBalancerName(pass.Owner, pass.Policy);
        var nlb = await loadBalancers.ReadAsync(name, ReadMode.Live, cancellationToken).ConfigureAwait(false);
        var ownsNlb = nlb is not null && pass.Owner.Owns(nlb.Tags, NetworkLoadBalancerDesired.Component);
        if (ownsNlb && await DeleteListenerAsync(pass, nlb!, cancellationToken).ConfigureAwait(false) is { } listenerWait)
        {
            return listenerWait;
        }

        foreach (var color in NlbDesiredState.Colors)
        {
            var groupName = NlbDesiredState.TargetGroupName(pass.Owner, pass.Policy, color);
            var group = await targetGroups.ReadAsync(groupName, ReadMode.Live, cancellationToken).ConfigureAwait(false);
            if (group is not null && pass.Owner.Owns(group.Tags, NlbDesiredState.TargetGroupComponent(color))
                && await Removable(pass, "target group " + groupName, group.IsAdopted, cancellationToken).ConfigureAwait(false))
            {
                await targetGroups.DeleteAsync(group, cancellationToken).ConfigureAwait(false);
                if (await targetGroups.ReadAsync(groupName, ReadMode.Live, cancellationToken).ConfigureAwait(false) is not null)
                {
                    return $"waiting for target group {groupName} to be deleted";
                }
            }
        }

        if (ownsNlb && await Removable(pass, "network load balancer " + name, nlb!.IsAdopted, cancellationToken).ConfigureAwait(false))
        {
            await events.RecordAsync(pass.Entity, EventTypes.Normal, NlbReasons.Deleting, "Delete", $"deleting network load balancer {name}", cancellationToken).ConfigureAwait(false);
            await loadBalancers.DeleteAsync(nlb, cancellationToken).ConfigureAwait(false);
            if (await loadBalancers.ReadAsync(name, ReadMode.Live, cancellationToken).ConfigureAwait(false) is not null)
            {
                return $"waiting for network load balancer {name} to be deleted";
            }
        }

        return await ReleaseAddressesAsync(pass, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string?> DeleteListenerAsync(NlbPass pass, NetworkLoadBalancerObserved nlb, CancellationToken cancellationToken)
    {
        var desired = new ListenerDesired(pass.Owner, nlb.Arn, pass.Entity.Spec.Listener.Port, "", pass.Entity.Status?.ListenerArn);
        var listener = await listeners.ReadAsync(desired, ReadMode.Live, cancellationToken).ConfigureAwait(false);
        if (listener is null || !pass.Owner.Owns(listener.Tags, ListenerDesired.Component)
            || !await Removable(pass, "listener " + listener.Arn, listener.IsAdopted, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        await listeners.DeleteAsync(listener, cancellationToken).ConfigureAwait(false);
        return await listeners.ReadAsync(desired with { ListenerArn = listener.Arn }, ReadMode.Live, cancellationToken).ConfigureAwait(false) is { } still
            && still.Arn == listener.Arn
            ? $"waiting for listener {listener.Arn} to be deleted"
            : null;
    }

    private async Task<string?> ReleaseAddressesAsync(NlbPass pass, CancellationToken cancellationToken)
    {
        foreach (var subnet in pass.Entity.Spec.Subnets.Where(s => s.AllocationId is null))
        {
            var desired = NlbDesiredState.ElasticIp(pass.Owner, subnet);
            var address = await addresses.ReadAsync(desired, ReadMode.Live, cancellationToken).ConfigureAwait(false);
            if (address is null)
            {
                continue;
            }

            if (address.IsAssociated)
            {
                // The load balancer's network interfaces let go of their addresses a while after it is deleted.
                return $"waiting for Elastic IP {address.AllocationId} ({address.PublicIp}) to be released by the load balancer";
            }

            await addresses.DeleteAsync(address, cancellationToken).ConfigureAwait(false);
            if (await addresses.ReadAsync(desired, ReadMode.Live, cancellationToken).ConfigureAwait(false) is not null)
            {
                return $"waiting for Elastic IP {address.AllocationId} to be released";
            }
        }

        return null;
    }

    private async Task<bool> Removable(NlbPass pass, string what, bool adopted, CancellationToken cancellationToken)
    {
        if (!adopted || pass.Policy.DeletionPolicyExplicit)
        {
            return true;
        }

        await events.RecordAsync(pass.Entity, EventTypes.Normal, NlbReasons.Kept, "Delete",
            $"kept {what}: it was adopted, and ebops deletes adopted objects only when ebops.io/deletion-policy says delete", cancellationToken).ConfigureAwait(false);
        return false;
    }
}
