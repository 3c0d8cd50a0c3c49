using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Aws.Ec2;

/// <summary>
/// Elastic IP allocations: deterministic public IPs from the documentation ranges, association with a load balancer's
/// network interface, and EC2's rules (an associated address cannot be released or associated elsewhere). Every member
/// takes <see cref="SimWorld.Gate"/>; what leaves the store is a snapshot.
/// </summary>
internal sealed class AddressStore(SimWorld world)
{
    private const string Service = "ec2";
    private readonly Dictionary<string, Ec2Address> addresses = new(StringComparer.Ordinal);
    private int addressCounter;

    /// <summary>AllocateAddress (only the vpc domain exists today).</summary>
    public Ec2Address Allocate(string domain, IReadOnlyDictionary<string, string> tags)
    {
        if (domain != "vpc")
        {
            throw SimErrors.Invalid($"Invalid value '{domain}' for domain.");
        }

        lock (world.Gate)
        {
            var address = new Ec2Address(world.Ids.AllocationId(), NextPublicIpLocked());
            foreach (var (key, value) in tags)
            {
                address.Tags[key] = value;
            }

            addresses[address.AllocationId] = address;
            world.Faults.NoteCreated(Service, address.AllocationId);
            return address.Snapshot();
        }
    }

    /// <summary>DescribeAddresses: by allocation ids and public IPs (each must exist), or all visible ones, filtered.</summary>
    public IReadOnlyList<Ec2Address> Describe(IReadOnlyList<string> allocationIds, IReadOnlyList<string> publicIps, IReadOnlyList<Ec2Filter> filters)
    {
        lock (world.Gate)
        {
            var selected = new List<Ec2Address>();
            foreach (var id in allocationIds)
            {
                selected.Add(addresses.TryGetValue(id, out var a) && !Hidden(id) ? a : throw Ec2Errors.AllocationMissing(id));
            }

            foreach (var ip in publicIps)
            {
                selected.Add(addresses.Values.FirstOrDefault(a => a.PublicIp == ip)
                    ?? throw new AwsSimException(Ec2Errors.AddressNotFound, $"Address '{ip}' not found."));
            }

            var source = allocationIds.Count > 0 || publicIps.Count > 0 ? selected.Distinct() : addresses.Values.Where(a => !Hidden(a.AllocationId));
            return [.. Ec2Filters.Apply(source, filters, a => a.Tags,
                new Dictionary<string, Func<Ec2Address, IEnumerable<string?>>>
                {
                    ["allocation-id"] = a => [a.AllocationId],
                    ["public-ip"] = a => [a.PublicIp],
                    ["domain"] = _ => ["vpc"],
                    ["association-id"] = a => [a.AssociationId],
                    ["network-interface-id"] = a => [a.NetworkInterfaceId],
                }).Select(a => a.Snapshot())];
        }
    }

    /// <summary>ReleaseAddress by allocation id, or by public IP when no id is given.</summary>
    public void Release(string? allocationId, string? publicIp)
    {
        lock (world.Gate)
        {
            Ec2Address address;
            if (allocationId is not null)
            {
                address = addresses.GetValueOrDefault(allocationId) ?? throw Ec2Errors.AllocationMissing(allocationId);
            }
            else
            {
                var ip = publicIp ?? throw SimErrors.Missing("AllocationId");
                address = addresses.Values.FirstOrDefault(a => a.PublicIp == ip)
                    ?? throw new AwsSimException("AuthFailure", "You do not have permission to access the specified resource.");
            }

            if (address.AssociationId is not null)
            {
                throw new AwsSimException(Ec2Errors.AddressInUse, $"The address with allocation id [{address.AllocationId}] is in use.");
            }

            addresses.Remove(address.AllocationId);
        }
    }

    /// <summary>The public IP of an allocation, or null when it does not exist.</summary>
    public string? PublicIpOf(string allocationId)
    {
        lock (world.Gate)
        {
            return addresses.TryGetValue(allocationId, out var address) ? address.PublicIp : null;
        }
    }

    /// <summary>Associates an allocation with a network interface (again with the same one is a no-op).</summary>
    public void Associate(string allocationId, string networkInterfaceId)
    {
        lock (world.Gate)
        {
            var address = addresses.GetValueOrDefault(allocationId) ?? throw Ec2Errors.AllocationMissing(allocationId);
            if (address.NetworkInterfaceId is not null && address.NetworkInterfaceId != networkInterfaceId)
            {
                throw new AwsSimException(Ec2Errors.AlreadyAssociated,
                    $"resource {allocationId} is already associated with associate-id {address.AssociationId}");
            }

            address.NetworkInterfaceId = networkInterfaceId;
            address.AssociationId ??= world.Ids.Ec2Style("eipassoc");
        }
    }

    /// <summary>Ends an association; no-op when the allocation does not exist or is not associated.</summary>
    public void Disassociate(string allocationId)
    {
        lock (world.Gate)
        {
            if (addresses.TryGetValue(allocationId, out var address))
            {
                address.NetworkInterfaceId = null;
                address.AssociationId = null;
            }
        }
    }

    /// <summary>The live tags of an allocation (call under the gate), or null when it does not exist.</summary>
    public Dictionary<string, string>? TagsOfLocked(string allocationId) => addresses.GetValueOrDefault(allocationId)?.Tags;

    /// <summary>Every tag of every allocation (call under the gate).</summary>
    public IEnumerable<Ec2TagEntry> AllTagsLocked() =>
        addresses.Values.SelectMany(a => a.Tags.Select(t => new Ec2TagEntry(a.AllocationId, "elastic-ip", t.Key, t.Value)));

    /// <summary>Snapshots for the state dump (call under the gate).</summary>
    public IReadOnlyList<Ec2Address> SnapshotLocked() => [.. addresses.Values.Select(a => a.Snapshot())];

    /// <summary>Deterministic public IPs from the documentation ranges (TEST-NET-3, then TEST-NET-2).</summary>
    private string NextPublicIpLocked()
    {
        var n = addressCounter++;
        return n < 240 ? $"203.0.113.{10 + n}" : $"198.51.100.{10 + ((n - 240) % 240)}";
    }

    private bool Hidden(string id) => world.Faults.IsHidden(Service, id);
}
