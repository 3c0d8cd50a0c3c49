using System.Globalization;
using Ebops.Sandbox.Aws.Core;
using Ebops.Sandbox.Aws.DataPlane;
using C = Ebops.Sandbox.Aws.Elbv2.Elbv2Constants;
using E = Ebops.Sandbox.Aws.Elbv2.Elbv2Constants.Errors;

namespace Ebops.Sandbox.Aws.Elbv2;

/// <summary>
/// Load balancers: creation with ELBv2's placement rules (one VPC, one subnet per zone, an ALB in two zones, Elastic
/// IPs only on internet-facing NLBs), idempotent for the same settings; states from the clock (provisioning until
/// CreatedAt + 3 min scaled); attributes; deletion (idempotent, refused under deletion protection or while the ALB is an
/// NLB target). Every member takes <see cref="SimWorld.Gate"/> and awaits only after releasing it.
/// </summary>
internal sealed class LoadBalancerStore(Elbv2Resources resources)
{
    private SimWorld World => resources.World;

    /// <summary>Security groups attached to load balancers (EC2 refuses to delete them: DependencyViolation).</summary>
    public IEnumerable<SecurityGroupUse> SecurityGroupsInUse()
    {
        lock (resources.Gate)
        {
            return [.. resources.LoadBalancers.SelectMany(b => b.SecurityGroups.Select(g => new SecurityGroupUse(g, b.Arn)))];
        }
    }

    public LoadBalancer Create(CreateLoadBalancerInput input)
    {
        var (type, scheme) = ValidateRequest(input);
        lock (resources.Gate)
        {
            var placed = PlaceLocked(input, type, scheme);
            if (resources.LoadBalancers.FirstOrDefault(b => b.Name == input.Name) is { } existing)
            {
                // CreateLoadBalancer is idempotent: the same settings answer the existing load balancer.
                return SameSettings(existing, input, type, scheme, placed)
                    ? existing
                    : throw new AwsSimException(E.DuplicateLoadBalancerName, $"A load balancer with the same name '{input.Name}' exists, but with different settings");
            }

            CheckAllocationsLocked(placed);
            var lb = BuildLocked(input, type, scheme, placed[0].VpcId);
            lb.Zones = AttachElasticIpsLocked(placed);
            resources.LoadBalancers.Add(lb);
            World.Faults.NoteCreated(C.SigningName, lb.Arn);
            Log.LoadBalancerCreated(resources.Log, lb.Name, lb.Type, lb.DnsName);
            return lb;
        }
    }

    public IReadOnlyList<LoadBalancer> Describe(IReadOnlyList<string> arns, IReadOnlyList<string> names)
    {
        if (arns.Count > 0 && names.Count > 0)
        {
            throw Elbv2Errors.Validation("Load balancer names and load balancer ARNs cannot be specified at the same time");
        }

        lock (resources.Gate)
        {
            // Eventual consistency (fault injection): right after a create, a describe may not see the new resource.
            var visible = resources.LoadBalancers.Where(b => !resources.Hidden(b.Arn)).ToList();
            if (arns.Count > 0)
            {
                return arns.Any(a => visible.All(b => b.Arn != a))
                    ? throw Elbv2Errors.LoadBalancerNotFound()
                    : [.. arns.Distinct().Select(a => visible.First(b => b.Arn == a))];
            }

            if (names.Count > 0)
            {
                var missing = names.Where(n => visible.All(b => b.Name != n)).ToList();
                return missing.Count > 0
                    ? throw Elbv2Errors.LoadBalancerNotFound(string.Join(", ", missing))
                    : [.. names.Distinct().Select(n => visible.First(b => b.Name == n))];
            }

            return visible;
        }
    }

    public async ValueTask DeleteAsync(string arn)
    {
        List<Listener> removed;
        lock (resources.Gate)
        {
            var lb = resources.LoadBalancers.FirstOrDefault(b => b.Arn == arn);
            if (lb is null)
            {
                // DeleteLoadBalancer is idempotent on AWS: deleting an absent load balancer succeeds.
                return;
            }

            if (lb.Attributes.GetValueOrDefault("deletion_protection.enabled") == "true")
            {
                throw new AwsSimException(E.OperationNotPermitted, $"Load balancer '{arn}' cannot be deleted because deletion protection is enabled");
            }

            if (lb.IsApplication && resources.TargetGroups.Any(t => t.TargetType == C.TargetTypeAlb && t.Targets.ContainsKey(arn) && t.Runtime.IsRegistered(arn)))
            {
                throw Elbv2Errors.ResourceInUse($"Load balancer '{arn}' cannot be deleted because it is currently associated with another load balancer");
            }

            removed = [.. resources.Listeners.Where(l => l.LoadBalancerArn == arn)];
            resources.Listeners.RemoveAll(l => l.LoadBalancerArn == arn);
            foreach (var zone in lb.Zones.Where(z => z.AllocationId is not null))
            {
                resources.Network.DisassociateElasticIp(zone.AllocationId!);
            }

            resources.LoadBalancers.Remove(lb);
            resources.RecomputeUsageLocked();
            Log.LoadBalancerDeleted(resources.Log, arn);
        }

        foreach (var listener in removed)
        {
            await listener.DisposeProxyAsync().ConfigureAwait(false);
        }
    }

    public IReadOnlyDictionary<string, string> DescribeAttributes(string arn)
    {
        lock (resources.Gate)
        {
            return new Dictionary<string, string>(resources.FindLoadBalancerLocked(arn).Attributes);
        }
    }

    public IReadOnlyDictionary<string, string> ModifyAttributes(string arn, IReadOnlyList<KeyValuePair<string, string>> attributes)
    {
        lock (resources.Gate)
        {
            var lb = resources.FindLoadBalancerLocked(arn);
            foreach (var (key, value) in attributes)
            {
                CheckAttribute(lb, key, value);
            }

            foreach (var (key, value) in attributes)
            {
                lb.Attributes[key] = value;
            }

            foreach (var listener in resources.Listeners.Where(l => l.LoadBalancerArn == arn && l.Alb is not null))
            {
                ApplyAlbAttributes(World.Timing, lb, listener.Alb!);
            }

            return new Dictionary<string, string>(lb.Attributes);
        }
    }

    /// <summary>ALB's timeouts are data-plane behaviour of a client connection, scaled like every other duration.</summary>
    public static void ApplyAlbAttributes(SimTiming timing, LoadBalancer lb, AlbProxy alb)
    {
        alb.IdleTimeout = TimeSpan.FromSeconds(int.Parse(lb.Attributes["idle_timeout.timeout_seconds"], CultureInfo.InvariantCulture));
        var keepAlive = timing.Of(TimeSpan.FromSeconds(int.Parse(lb.Attributes["client_keep_alive.seconds"], CultureInfo.InvariantCulture)));
        alb.ClientKeepAlive = keepAlive > TimeSpan.Zero ? keepAlive : Timeout.InfiniteTimeSpan;
    }

    private static (string Type, string Scheme) ValidateRequest(CreateLoadBalancerInput input)
    {
        var type = input.Type ?? C.Application;
        if (type is not (C.Application or C.Network))
        {
            throw Elbv2Errors.Validation(type == "gateway"
                ? "Gateway Load Balancers are not supported by this simulator"
                : $"Load balancer type '{type}' is not valid");
        }

        Elbv2Names.Validate(input.Name, "load balancer");
        if (input.Name.StartsWith("internal-", StringComparison.Ordinal))
        {
            throw Elbv2Errors.Validation("Load balancer names cannot start with 'internal-'");
        }

        var scheme = input.Scheme ?? C.InternetFacing;
        return scheme is C.InternetFacing or C.Internal
            ? (type, scheme)
            : throw Elbv2Errors.Validation($"Scheme '{scheme}' must be one of [internet-facing, internal]");
    }

    /// <summary>Resolves the subnets (the default ones when none are named) and checks ELBv2's placement rules.</summary>
    private List<SubnetPlacement> PlaceLocked(CreateLoadBalancerInput input, string type, string scheme)
    {
        var subnets = input.Subnets.Count > 0 ? input.Subnets : [.. resources.Network.DefaultSubnets().Select(s => new SubnetMappingInput(s, null))];
        var placed = subnets.Select(mapping => resources.Network.FindSubnet(mapping.SubnetId) is { } found
            ? new SubnetPlacement(mapping.SubnetId, found.VpcId, found.AvailabilityZone, mapping.AllocationId)
            : throw new AwsSimException(E.SubnetNotFound, $"The subnet ID '{mapping.SubnetId}' is not valid")).ToList();
        if (placed.Select(p => p.VpcId).Distinct().Count() > 1)
        {
            throw Elbv2Errors.InvalidConfiguration("All subnets must belong to the same VPC");
        }

        if (placed.Select(p => p.Zone).Distinct().Count() != placed.Count)
        {
            throw Elbv2Errors.InvalidConfiguration("A load balancer cannot be attached to multiple subnets in the same Availability Zone");
        }

        if (type == C.Application && placed.Count < 2)
        {
            throw Elbv2Errors.Validation("At least two subnets in two different Availability Zones must be specified");
        }

        if (placed.Any(p => p.AllocationId is not null) && (type == C.Application || scheme == C.Internal))
        {
            throw Elbv2Errors.InvalidConfiguration(type == C.Application
                ? "You cannot specify Elastic IP addresses for Application Load Balancers"
                : "You cannot specify Elastic IP addresses for internal load balancers");
        }

        if (input.SecurityGroups.FirstOrDefault(g => !resources.Network.SecurityGroupExists(g)) is { } missingGroup)
        {
            throw new AwsSimException(E.InvalidSecurityGroup, $"Security group '{missingGroup}' does not exist");
        }

        return input.Tags.Count > C.MaxTagsPerResource
            ? throw new AwsSimException(E.TooManyTags, "The quota for the number of tags that can be assigned to a load balancer has been reached")
            : placed;
    }

    /// <summary>The settings a CreateLoadBalancer call describes, compared with an existing load balancer of that name.</summary>
    private static bool SameSettings(LoadBalancer existing, CreateLoadBalancerInput input, string type, string scheme, List<SubnetPlacement> placed) =>
        existing.Type == type
        && existing.Scheme == scheme
        && existing.IpAddressType == (input.IpAddressType ?? "ipv4")
        && existing.Zones.Select(z => (z.SubnetId, z.AllocationId)).Order().SequenceEqual(placed.Select(p => (p.SubnetId, p.AllocationId)).Order())
        && existing.SecurityGroups.Order(StringComparer.Ordinal).SequenceEqual(input.SecurityGroups.Distinct().Order(StringComparer.Ordinal));

    private void CheckAllocationsLocked(List<SubnetPlacement> placed)
    {
        var allocations = placed.Where(p => p.AllocationId is not null).Select(p => p.AllocationId!).ToList();
        if (allocations.Distinct().Count() != allocations.Count)
        {
            throw Elbv2Errors.InvalidConfiguration("The same Elastic IP allocation cannot be used in two subnets");
        }

        if (allocations.FirstOrDefault(a => resources.Network.FindElasticIp(a) is null) is { } unknown)
        {
            throw new AwsSimException(E.AllocationIdNotFound, $"Elastic IP allocation '{unknown}' not found");
        }
    }

    /// <summary>One zone per placement; Elastic IPs are associated with the node's network interface (all or none).</summary>
    private List<LoadBalancerZone> AttachElasticIpsLocked(List<SubnetPlacement> placed)
    {
        var zones = new List<LoadBalancerZone>();
        try
        {
            foreach (var placement in placed)
            {
                var eni = resources.Ids.NetworkInterfaceId();
                zones.Add(new LoadBalancerZone(placement.SubnetId, placement.Zone, eni, placement.AllocationId,
                    placement.AllocationId is { } allocation ? AssociateLocked(allocation, eni) : null));
            }
        }
        catch
        {
            foreach (var zone in zones.Where(z => z.AllocationId is not null))
            {
                resources.Network.DisassociateElasticIp(zone.AllocationId!);
            }

            throw;
        }

        return zones;
    }

    private string? AssociateLocked(string allocationId, string networkInterfaceId)
    {
        try
        {
            resources.Network.AssociateElasticIp(allocationId, networkInterfaceId);
        }
        catch (AwsSimException ex) when (ex.Code.Contains("NotFound", StringComparison.Ordinal))
        {
            throw new AwsSimException(E.AllocationIdNotFound, $"Elastic IP allocation '{allocationId}' not found");
        }
        catch (AwsSimException ex)
        {
            throw Elbv2Errors.InvalidConfiguration($"Elastic IP allocation '{allocationId}' cannot be used: {ex.Message}");
        }

        return resources.Network.FindElasticIp(allocationId);
    }

    private LoadBalancer BuildLocked(CreateLoadBalancerInput input, string type, string scheme, string vpcId)
    {
        var region = World.Region;
        var id = resources.Ids.HexString(16);
        var internalPrefix = scheme == C.Internal ? "internal-" : string.Empty;
        var dnsName = type == C.Application
            ? $"{internalPrefix}{input.Name}-{resources.Ids.Digits(10)}.{region}.elb.amazonaws.com"
            : $"{internalPrefix}{input.Name}-{resources.Ids.HexString(16)}.elb.{region}.amazonaws.com";
        var now = World.Time.GetUtcNow();
        var lb = new LoadBalancer
        {
            Arn = resources.Arn($"loadbalancer/{(type == C.Application ? "app" : "net")}/{input.Name}/{id}"),
            Name = input.Name,
            Type = type,
            Scheme = scheme,
            VpcId = vpcId,
            DnsName = dnsName,
            CanonicalHostedZoneId = type == C.Application ? C.AlbHostedZoneId : C.NlbHostedZoneId,
            CreatedAt = now,
            ActiveAt = now + World.Timing.Of(C.ProvisioningTime),
            IpAddressType = input.IpAddressType ?? "ipv4",
            SecurityGroups = [.. input.SecurityGroups],
        };
        foreach (var (key, value) in DefaultAttributes(type))
        {
            lb.Attributes[key] = value;
        }

        lb.Tags.Add(input.Tags);
        return lb;
    }

    private static void CheckAttribute(LoadBalancer lb, string key, string value)
    {
        if (!lb.Attributes.ContainsKey(key))
        {
            throw Elbv2Errors.Validation($"Load balancer attribute key '{key}' is not recognized");
        }

        if (key is "idle_timeout.timeout_seconds" or "client_keep_alive.seconds" && !int.TryParse(value, out _))
        {
            throw Elbv2Errors.Validation($"Load balancer attribute '{key}' must be a number");
        }

        if (key.EndsWith(".enabled", StringComparison.Ordinal) && value is not ("true" or "false"))
        {
            throw Elbv2Errors.Validation($"Load balancer attribute '{key}' must be 'true' or 'false'");
        }
    }

    private static IEnumerable<KeyValuePair<string, string>> DefaultAttributes(string type)
    {
        yield return new("deletion_protection.enabled", "false");
        yield return new("access_logs.s3.enabled", "false");
        yield return new("access_logs.s3.bucket", string.Empty);
        yield return new("access_logs.s3.prefix", string.Empty);
        if (type == C.Application)
        {
            yield return new("idle_timeout.timeout_seconds", "60");
            yield return new("client_keep_alive.seconds", "3600");
            yield return new("routing.http2.enabled", "true");
            yield return new("routing.http.drop_invalid_header_fields.enabled", "false");
            yield return new("load_balancing.cross_zone.enabled", "true");
        }
        else
        {
            yield return new("load_balancing.cross_zone.enabled", "false");
            yield return new("dns_record.client_routing_policy", "any_availability_zone");
        }
    }
}
