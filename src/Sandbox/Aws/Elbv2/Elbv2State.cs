using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ebops.Sandbox.Aws.Core;
using Ebops.Sandbox.Aws.DataPlane;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using C = Ebops.Sandbox.Aws.Elbv2.Elbv2Constants;
using E = Ebops.Sandbox.Aws.Elbv2.Elbv2Constants.Errors;

namespace Ebops.Sandbox.Aws.Elbv2;

/// <summary>
/// The ELBv2 simulation's state and operations, typed (the Query handler parses and renders around it; the EB
/// simulation calls it directly to create its environments' ALBs). Load balancer states are computed from the clock
/// (provisioning until CreatedAt + 3 min scaled); listeners start their proxies at once; target health comes from the
/// data plane's real health checks.
/// </summary>
public sealed partial class Elbv2State : IAsyncDisposable
{
    private static readonly TimeSpan MinCheckInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MinCheckTimeout = TimeSpan.FromSeconds(2);
    private readonly Lock _gate;
    private readonly ISimNetwork _network;
    private readonly TimeProvider _time;
    private readonly SimTiming _timing;
    private readonly InstanceRegistry _instances;
    private readonly Elbv2Options _options;
    private readonly SimIds _ids;
    private readonly string _region;
    private readonly string _account;
    private readonly FaultInjector? _faults;
    private readonly ILogger _log;
    private readonly List<LoadBalancer> _loadBalancers = [];
    private readonly List<TargetGroup> _targetGroups = [];
    private readonly List<Listener> _listeners = [];

    /// <summary>A standalone state (tests); <paramref name="gate"/> null gives it its own lock.</summary>
    public Elbv2State(
        ISimNetwork network,
        TimeProvider time,
        SimTiming timing,
        InstanceRegistry instances,
        Elbv2Options? options = null,
        string region = SandboxNetwork.Region,
        string account = SandboxNetwork.AccountId,
        Lock? gate = null,
        FaultInjector? faults = null,
        ILogger? logger = null)
    {
        _log = logger ?? NullLogger.Instance;
        _gate = gate ?? new Lock();
        _account = account;
        _faults = faults;
        _network = network;
        _time = time;
        _timing = timing;
        _instances = instances;
        _options = options ?? new Elbv2Options();
        _region = region;
        _ids = new SimIds(_options.Seed, region, account);
    }

    internal TimeProvider Time => _time;

    /// <summary>
    /// The world's one ELBv2 state, shared by the ELBv2 and EB handlers (created on first use with
    /// <paramref name="options"/>; later callers get the existing one). It locks <see cref="SimWorld.Gate"/>.
    /// </summary>
    public static Elbv2State For(SimWorld world, Elbv2Options? options = null)
        => world.Shared(() =>
        {
            var state = new Elbv2State(
                world.Network,
                world.Time,
                world.Timing,
                world.Shared(() => new InstanceRegistry()),
                options ?? new Elbv2Options { Seed = world.Options.Seed },
                world.Region,
                world.AccountId,
                world.Gate,
                world.Faults,
                world.LoggerFactory.CreateLogger("Ebops.Sandbox.Aws.Elbv2"));
            world.AddSecurityGroupUsage(state.SecurityGroupsInUse);
            return state;
        });

    /// <summary>Security groups attached to load balancers (EC2 refuses to delete them: DependencyViolation).</summary>
    public IEnumerable<SecurityGroupUse> SecurityGroupsInUse()
    {
        lock (_gate)
        {
            return [.. _loadBalancers.SelectMany(b => b.SecurityGroups.Select(g => new SecurityGroupUse(g, b.Arn)))];
        }
    }

    /// <summary>Every listener's loopback endpoint (the way to reach a simulated load balancer).</summary>
    public IReadOnlyList<LoadBalancerEndpoint> Endpoints()
    {
        lock (_gate)
        {
            return [.. _listeners.Select(l =>
            {
                var lb = _loadBalancers.First(b => b.Arn == l.LoadBalancerArn);
                return new LoadBalancerEndpoint(lb.Arn, lb.Name, lb.Type, lb.DnsName, l.Arn, l.Protocol, l.Port, l.Loopback);
            })];
        }
    }

    /// <summary>The loopback endpoint of a load balancer's listener, by ARN, name or DNS name; null when there is none.</summary>
    public IPEndPoint? FindEndpoint(string loadBalancer, int port)
        => Endpoints().FirstOrDefault(e => e.Port == port && (e.LoadBalancerArn == loadBalancer || e.LoadBalancerName == loadBalancer || string.Equals(e.DnsName, loadBalancer, StringComparison.OrdinalIgnoreCase)))?.Loopback;

    /// <summary>Request counters of an ALB's listener proxy on <paramref name="port"/>; null when absent.</summary>
    public ProxyCounters? AlbCounters(string loadBalancerArn, int port)
    {
        lock (_gate)
        {
            return _listeners.FirstOrDefault(l => l.LoadBalancerArn == loadBalancerArn && l.Port == port)?.Alb?.Counters;
        }
    }

    /// <summary>Target health of a target group by ARN (all registered targets); null when the group does not exist.</summary>
    public IReadOnlyList<TargetHealthDescription>? TargetHealth(string targetGroupArn)
    {
        lock (_gate)
        {
            return _targetGroups.FirstOrDefault(t => t.Arn == targetGroupArn) is { } group ? DescribeHealthLocked(group, []) : null;
        }
    }

    /// <summary>A JSON snapshot for the simulator's state dump: load balancers (with listener loopback endpoints), target groups and target health.</summary>
    public JsonNode DumpState()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            return new JsonObject
            {
                ["loadBalancers"] = new JsonArray([.. _loadBalancers.Select(b => (JsonNode)new JsonObject
                {
                    ["arn"] = b.Arn,
                    ["name"] = b.Name,
                    ["type"] = b.Type,
                    ["state"] = b.StateAt(now),
                    ["dnsName"] = b.DnsName,
                    ["elasticIps"] = new JsonArray([.. b.Zones.Where(z => z.AllocationId is not null).Select(z => (JsonNode)$"{z.AllocationId}={z.IpAddress}")]),
                    ["listeners"] = new JsonArray([.. _listeners.Where(l => l.LoadBalancerArn == b.Arn).Select(l => (JsonNode)new JsonObject
                    {
                        ["arn"] = l.Arn,
                        ["protocol"] = l.Protocol,
                        ["port"] = l.Port,
                        ["loopback"] = l.Loopback.ToString(),
                        ["forwardTo"] = new JsonArray([.. l.TargetGroupArns().Select(a => (JsonNode)a)]),
                    })]),
                })]),
                ["targetGroups"] = new JsonArray([.. _targetGroups.Select(t => (JsonNode)new JsonObject
                {
                    ["arn"] = t.Arn,
                    ["name"] = t.Name,
                    ["targetType"] = t.TargetType,
                    ["protocol"] = t.Protocol,
                    ["port"] = t.Port,
                    ["targets"] = new JsonArray([.. DescribeHealthLocked(t, []).Select(h => (JsonNode)new JsonObject
                    {
                        ["id"] = h.Id,
                        ["port"] = h.Port,
                        ["state"] = h.State,
                        ["reason"] = h.Reason,
                    })]),
                })]),
            };
        }
    }

    /// <summary>Waits for the health-check rounds in flight (tests advance a FakeTimeProvider, then await this).</summary>
    internal Task HealthRoundsAsync()
    {
        lock (_gate)
        {
            return Task.WhenAll(_targetGroups.Select(t => t.Runtime.LastRound));
        }
    }

    // ---------------------------------------------------------------- load balancers

    internal LoadBalancer CreateLoadBalancer(CreateLoadBalancerInput input)
    {
        var type = input.Type ?? C.Application;
        if (type is not (C.Application or C.Network))
        {
            throw Elbv2Errors.Validation(type == "gateway"
                ? "Gateway Load Balancers are not supported by this simulator"
                : $"Load balancer type '{type}' is not valid");
        }

        ValidateName(input.Name, "load balancer");
        if (input.Name.StartsWith("internal-", StringComparison.Ordinal))
        {
            throw Elbv2Errors.Validation("Load balancer names cannot start with 'internal-'");
        }

        var scheme = input.Scheme ?? C.InternetFacing;
        if (scheme is not (C.InternetFacing or C.Internal))
        {
            throw Elbv2Errors.Validation($"Scheme '{scheme}' must be one of [internet-facing, internal]");
        }

        lock (_gate)
        {
            var subnets = input.Subnets;
            if (subnets.Count == 0)
            {
                subnets = [.. _network.DefaultSubnets().Select(s => new SubnetMappingInput(s, null))];
            }

            var placed = new List<(string SubnetId, string VpcId, string Zone, string? AllocationId)>();
            foreach (var mapping in subnets)
            {
                var found = _network.FindSubnet(mapping.SubnetId) ?? throw new AwsSimException(E.SubnetNotFound, $"The subnet ID '{mapping.SubnetId}' is not valid");
                placed.Add((mapping.SubnetId, found.VpcId, found.AvailabilityZone, mapping.AllocationId));
            }

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

            if (placed.Any(p => p.AllocationId is not null))
            {
                if (type == C.Application)
                {
                    throw Elbv2Errors.InvalidConfiguration("You cannot specify Elastic IP addresses for Application Load Balancers");
                }

                if (scheme == C.Internal)
                {
                    throw Elbv2Errors.InvalidConfiguration("You cannot specify Elastic IP addresses for internal load balancers");
                }
            }

            foreach (var group in input.SecurityGroups)
            {
                if (!_network.SecurityGroupExists(group))
                {
                    throw new AwsSimException(E.InvalidSecurityGroup, $"Security group '{group}' does not exist");
                }
            }

            if (input.Tags.Count > C.MaxTagsPerResource)
            {
                throw new AwsSimException(E.TooManyTags, "The quota for the number of tags that can be assigned to a load balancer has been reached");
            }

            var existing = _loadBalancers.FirstOrDefault(b => b.Name == input.Name);
            if (existing is not null)
            {
                // CreateLoadBalancer is idempotent for identical settings, as on AWS.
                if (existing.Type == type && existing.Scheme == scheme && existing.Zones.Select(z => z.SubnetId).Order().SequenceEqual(placed.Select(p => p.SubnetId).Order()))
                {
                    return existing;
                }

                throw new AwsSimException(E.DuplicateLoadBalancerName, $"A load balancer with the same name '{input.Name}' exists, but with different settings");
            }

            var allocations = placed.Where(p => p.AllocationId is not null).Select(p => p.AllocationId!).ToList();
            if (allocations.Distinct().Count() != allocations.Count)
            {
                throw Elbv2Errors.InvalidConfiguration("The same Elastic IP allocation cannot be used in two subnets");
            }

            foreach (var allocation in allocations)
            {
                if (_network.FindElasticIp(allocation) is null)
                {
                    throw new AwsSimException(E.AllocationIdNotFound, $"Elastic IP allocation '{allocation}' not found");
                }
            }

            var id = _ids.HexString(16);
            var kind = type == C.Application ? "app" : "net";
            var arn = $"arn:aws:elasticloadbalancing:{_region}:{_account}:loadbalancer/{kind}/{input.Name}/{id}";
            var internalPrefix = scheme == C.Internal ? "internal-" : string.Empty;
            var dnsName = type == C.Application
                ? $"{internalPrefix}{input.Name}-{_ids.Digits(10)}.{_region}.elb.amazonaws.com"
                : $"{internalPrefix}{input.Name}-{_ids.HexString(16)}.elb.{_region}.amazonaws.com";

            var zones = new List<LoadBalancerZone>();
            var associated = new List<string>();
            try
            {
                foreach (var (subnetId, _, zone, allocationId) in placed)
                {
                    var eni = _ids.NetworkInterfaceId();
                    string? ip = null;
                    if (allocationId is not null)
                    {
                        try
                        {
                            _network.AssociateElasticIp(allocationId, eni);
                        }
                        catch (AwsSimException ex) when (ex.Code.Contains("NotFound", StringComparison.Ordinal))
                        {
                            throw new AwsSimException(E.AllocationIdNotFound, $"Elastic IP allocation '{allocationId}' not found");
                        }
                        catch (AwsSimException ex)
                        {
                            throw Elbv2Errors.InvalidConfiguration($"Elastic IP allocation '{allocationId}' cannot be used: {ex.Message}");
                        }

                        associated.Add(allocationId);
                        ip = _network.FindElasticIp(allocationId);
                    }

                    zones.Add(new LoadBalancerZone(subnetId, zone, eni, allocationId, ip));
                }
            }
            catch
            {
                foreach (var allocation in associated)
                {
                    _network.DisassociateElasticIp(allocation);
                }

                throw;
            }

            var now = _time.GetUtcNow();
            var lb = new LoadBalancer
            {
                Arn = arn,
                Name = input.Name,
                Type = type,
                Scheme = scheme,
                VpcId = placed[0].VpcId,
                DnsName = dnsName,
                CanonicalHostedZoneId = type == C.Application ? C.AlbHostedZoneId : C.NlbHostedZoneId,
                CreatedAt = now,
                ActiveAt = now + _timing.Of(C.ProvisioningTime),
                IpAddressType = input.IpAddressType ?? "ipv4",
                SecurityGroups = [.. input.SecurityGroups],
                Zones = zones,
            };
            foreach (var (key, value) in DefaultAttributes(type))
            {
                lb.Attributes[key] = value;
            }

            lb.Tags.Add(input.Tags);
            _loadBalancers.Add(lb);
            _faults?.NoteCreated(C.SigningName, arn);
            Log.LoadBalancerCreated(_log, lb.Name, lb.Type, lb.DnsName);
            return lb;
        }
    }

    internal IReadOnlyList<LoadBalancer> DescribeLoadBalancers(IReadOnlyList<string> arns, IReadOnlyList<string> names)
    {
        lock (_gate)
        {
            if (arns.Count > 0 && names.Count > 0)
            {
                throw Elbv2Errors.Validation("Load balancer names and load balancer ARNs cannot be specified at the same time");
            }

            // Eventual consistency (fault injection): right after a create, a describe may not see the new resource.
            var visible = _loadBalancers.Where(b => !Hidden(b.Arn)).ToList();
            if (arns.Count > 0)
            {
                var missing = arns.Where(a => visible.All(b => b.Arn != a)).ToList();
                return missing.Count > 0 ? throw Elbv2Errors.LoadBalancerNotFound() : [.. arns.Distinct().Select(a => visible.First(b => b.Arn == a))];
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

    internal async ValueTask DeleteLoadBalancerAsync(string arn)
    {
        List<Listener> removed;
        lock (_gate)
        {
            var lb = _loadBalancers.FirstOrDefault(b => b.Arn == arn);
            if (lb is null)
            {
                // DeleteLoadBalancer is idempotent on AWS: deleting an absent load balancer succeeds.
                return;
            }

            if (lb.Attributes.GetValueOrDefault("deletion_protection.enabled") == "true")
            {
                throw new AwsSimException(E.OperationNotPermitted, $"Load balancer '{arn}' cannot be deleted because deletion protection is enabled");
            }

            if (lb.IsApplication && _targetGroups.Any(t => t.TargetType == C.TargetTypeAlb && t.Targets.ContainsKey(arn) && t.Runtime.IsRegistered(arn)))
            {
                throw Elbv2Errors.ResourceInUse($"Load balancer '{arn}' cannot be deleted because it is currently associated with another load balancer");
            }

            removed = [.. _listeners.Where(l => l.LoadBalancerArn == arn)];
            _listeners.RemoveAll(l => l.LoadBalancerArn == arn);
            foreach (var zone in lb.Zones.Where(z => z.AllocationId is not null))
            {
                _network.DisassociateElasticIp(zone.AllocationId!);
            }

            _loadBalancers.Remove(lb);
            RecomputeUsageLocked();
            Log.LoadBalancerDeleted(_log, arn);
        }

        foreach (var listener in removed)
        {
            await listener.DisposeProxyAsync().ConfigureAwait(false);
        }
    }

    internal IReadOnlyDictionary<string, string> DescribeLoadBalancerAttributes(string arn)
    {
        lock (_gate)
        {
            return new Dictionary<string, string>(FindLoadBalancerLocked(arn).Attributes);
        }
    }

    internal IReadOnlyDictionary<string, string> ModifyLoadBalancerAttributes(string arn, IReadOnlyList<KeyValuePair<string, string>> attributes)
    {
        lock (_gate)
        {
            var lb = FindLoadBalancerLocked(arn);
            foreach (var (key, value) in attributes)
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

            foreach (var (key, value) in attributes)
            {
                lb.Attributes[key] = value;
            }

            foreach (var listener in _listeners.Where(l => l.LoadBalancerArn == arn && l.Alb is not null))
            {
                ApplyAlbAttributes(lb, listener.Alb!);
            }

            return new Dictionary<string, string>(lb.Attributes);
        }
    }

    // ---------------------------------------------------------------- target groups

    internal TargetGroup CreateTargetGroup(TargetGroupInput input)
    {
        var name = input.Name ?? throw Elbv2Errors.Validation("A target group name must be specified");
        ValidateName(name, "target group");
        var targetType = input.TargetType ?? C.TargetTypeInstance;
        if (targetType is not (C.TargetTypeInstance or C.TargetTypeIp or C.TargetTypeAlb))
        {
            throw Elbv2Errors.Validation(targetType == C.TargetTypeLambda
                ? "Lambda target groups are not supported by this simulator"
                : $"Target type '{targetType}' must be one of [instance, ip, lambda, alb]");
        }

        var protocol = input.Protocol ?? throw Elbv2Errors.Validation("A protocol must be specified");
        if (protocol is not ("HTTP" or "HTTPS" or "TCP" or "TLS" or "UDP" or "TCP_UDP"))
        {
            throw Elbv2Errors.Validation($"Protocol '{protocol}' must be one of [HTTP, HTTPS, TCP, TLS, UDP, TCP_UDP, GENEVE]");
        }

        if (targetType == C.TargetTypeAlb && protocol != "TCP")
        {
            throw Elbv2Errors.Validation("Target groups of type 'alb' support only the 'TCP' protocol");
        }

        var port = input.Port ?? throw Elbv2Errors.Validation("A port must be specified");
        if (port is < 1 or > 65535)
        {
            throw Elbv2Errors.Validation($"Port '{port}' must be between 1 and 65535");
        }

        var vpcId = input.VpcId ?? throw Elbv2Errors.Validation("A VPC ID must be specified");
        var http = protocol is "HTTP" or "HTTPS";
        var checkProtocol = input.HealthCheckProtocol ?? (http ? protocol : targetType == C.TargetTypeAlb ? "HTTP" : "TCP");
        if (targetType == C.TargetTypeAlb && checkProtocol is not ("HTTP" or "HTTPS"))
        {
            throw Elbv2Errors.Validation("Health check protocol for target groups of type 'alb' must be HTTP or HTTPS");
        }

        if (http && checkProtocol == "TCP")
        {
            throw Elbv2Errors.Validation($"Health check protocol 'TCP' is not supported for target groups with the protocol '{protocol}'");
        }

        var checksHttp = checkProtocol is "HTTP" or "HTTPS";
        if (!checksHttp && (input.HealthCheckPath is not null || input.Matcher is not null))
        {
            throw Elbv2Errors.InvalidConfiguration("Custom health check paths and matchers are not supported for TCP health checks");
        }

        var interval = input.HealthCheckIntervalSeconds ?? 30;
        var timeout = input.HealthCheckTimeoutSeconds ?? (http ? 5 : checksHttp ? 6 : 10);
        var healthy = input.HealthyThresholdCount ?? 5;
        var unhealthy = input.UnhealthyThresholdCount ?? 2;
        ValidateHealthCheck(interval, timeout, healthy, unhealthy);

        lock (_gate)
        {
            var existing = _targetGroups.FirstOrDefault(t => t.Name == name);
            if (existing is not null)
            {
                if (existing.Protocol == protocol && existing.Port == port && existing.VpcId == vpcId && existing.TargetType == targetType)
                {
                    return existing;
                }

                throw new AwsSimException(E.DuplicateTargetGroupName, $"A target group with the same name '{name}' exists, but with different settings");
            }

            var arn = $"arn:aws:elasticloadbalancing:{_region}:{_account}:targetgroup/{name}/{_ids.HexString(16)}";
            var group = new TargetGroup
            {
                Arn = arn,
                Name = name,
                TargetType = targetType,
                Protocol = protocol,
                ProtocolVersion = http ? input.ProtocolVersion ?? "HTTP1" : null,
                Port = port,
                VpcId = vpcId,
                IpAddressType = input.IpAddressType ?? "ipv4",
                HealthCheckProtocol = checkProtocol,
                HealthCheckPort = input.HealthCheckPort ?? C.TrafficPort,
                HealthCheckPath = checksHttp ? input.HealthCheckPath ?? "/" : string.Empty,
                HealthCheckEnabled = input.HealthCheckEnabled ?? true,
                HealthCheckIntervalSeconds = interval,
                HealthCheckTimeoutSeconds = timeout,
                HealthyThresholdCount = healthy,
                UnhealthyThresholdCount = unhealthy,
                Matcher = checksHttp ? input.Matcher ?? (http ? "200" : "200-399") : null,
                Runtime = null!,
            };
            var runtime = new TargetGroupRuntime(name, SettingsOf(group), _time);
            group = CopyWithRuntime(group, runtime);
            foreach (var (key, value) in DefaultTargetGroupAttributes(group))
            {
                group.Attributes[key] = value;
            }

            group.Tags.Add(input.Tags);
            _targetGroups.Add(group);
            _faults?.NoteCreated(C.SigningName, arn);
            return group;
        }
    }

    internal IReadOnlyList<TargetGroup> DescribeTargetGroups(string? loadBalancerArn, IReadOnlyList<string> arns, IReadOnlyList<string> names)
    {
        lock (_gate)
        {
            var visible = _targetGroups.Where(t => !Hidden(t.Arn)).ToList();
            IEnumerable<TargetGroup> groups = visible;
            if (loadBalancerArn is not null)
            {
                FindLoadBalancerLocked(loadBalancerArn);
                groups = groups.Where(g => LoadBalancerArnsLocked(g).Contains(loadBalancerArn));
            }

            if (arns.Count > 0)
            {
                if (arns.Any(a => visible.All(t => t.Arn != a)))
                {
                    throw Elbv2Errors.TargetGroupNotFound();
                }

                groups = groups.Where(g => arns.Contains(g.Arn));
            }

            if (names.Count > 0)
            {
                var missing = names.Where(n => visible.All(t => t.Name != n)).ToList();
                if (missing.Count > 0)
                {
                    throw Elbv2Errors.TargetGroupNotFound(string.Join(", ", missing));
                }

                groups = groups.Where(g => names.Contains(g.Name));
            }

            return [.. groups];
        }
    }

    internal IReadOnlyList<string> LoadBalancerArnsOf(TargetGroup group)
    {
        lock (_gate)
        {
            return LoadBalancerArnsLocked(group);
        }
    }

    internal TargetGroup ModifyTargetGroup(string arn, TargetGroupInput input)
    {
        lock (_gate)
        {
            var group = FindTargetGroupLocked(arn);
            var checkProtocol = input.HealthCheckProtocol ?? group.HealthCheckProtocol;
            var checksHttp = checkProtocol is "HTTP" or "HTTPS";
            if (group.TargetType == C.TargetTypeAlb && !checksHttp)
            {
                throw Elbv2Errors.Validation("Health check protocol for target groups of type 'alb' must be HTTP or HTTPS");
            }

            var interval = input.HealthCheckIntervalSeconds ?? group.HealthCheckIntervalSeconds;
            var timeout = input.HealthCheckTimeoutSeconds ?? group.HealthCheckTimeoutSeconds;
            var healthy = input.HealthyThresholdCount ?? group.HealthyThresholdCount;
            var unhealthy = input.UnhealthyThresholdCount ?? group.UnhealthyThresholdCount;
            ValidateHealthCheck(interval, timeout, healthy, unhealthy);
            group.HealthCheckProtocol = checkProtocol;
            group.HealthCheckPort = input.HealthCheckPort ?? group.HealthCheckPort;
            group.HealthCheckPath = checksHttp ? input.HealthCheckPath ?? (group.HealthCheckPath.Length > 0 ? group.HealthCheckPath : "/") : string.Empty;
            group.HealthCheckEnabled = input.HealthCheckEnabled ?? group.HealthCheckEnabled;
            group.HealthCheckIntervalSeconds = interval;
            group.HealthCheckTimeoutSeconds = timeout;
            group.HealthyThresholdCount = healthy;
            group.UnhealthyThresholdCount = unhealthy;
            group.Matcher = checksHttp ? input.Matcher ?? group.Matcher ?? "200" : null;
            group.Runtime.HealthCheck = SettingsOf(group);
            return group;
        }
    }

    internal async ValueTask DeleteTargetGroupAsync(string arn)
    {
        TargetGroup? group;
        lock (_gate)
        {
            group = _targetGroups.FirstOrDefault(t => t.Arn == arn);
            if (group is null)
            {
                return;
            }

            if (_listeners.Any(l => l.TargetGroupArns().Contains(arn)))
            {
                throw Elbv2Errors.ResourceInUse($"Target group '{arn}' is currently in use by a listener or a rule");
            }

            _targetGroups.Remove(group);
        }

        await group.Runtime.DisposeAsync().ConfigureAwait(false);
    }

    internal IReadOnlyDictionary<string, string> DescribeTargetGroupAttributes(string arn)
    {
        lock (_gate)
        {
            return new Dictionary<string, string>(FindTargetGroupLocked(arn).Attributes);
        }
    }

    internal IReadOnlyDictionary<string, string> ModifyTargetGroupAttributes(string arn, IReadOnlyList<KeyValuePair<string, string>> attributes)
    {
        lock (_gate)
        {
            var group = FindTargetGroupLocked(arn);
            foreach (var (key, value) in attributes)
            {
                if (!group.Attributes.ContainsKey(key))
                {
                    throw Elbv2Errors.Validation($"Target group attribute key '{key}' is not recognized");
                }

                if (key == "deregistration_delay.timeout_seconds" && (!int.TryParse(value, out var seconds) || seconds is < 0 or > 3600))
                {
                    throw Elbv2Errors.Validation("Deregistration delay must be between 0 and 3600 seconds");
                }
            }

            foreach (var (key, value) in attributes)
            {
                group.Attributes[key] = value;
            }

            return new Dictionary<string, string>(group.Attributes);
        }
    }

    internal void RegisterTargets(string arn, IReadOnlyList<TargetInput> targets)
    {
        if (targets.Count == 0)
        {
            throw Elbv2Errors.Validation("At least one target must be specified");
        }

        lock (_gate)
        {
            var group = FindTargetGroupLocked(arn);
            var resolved = new List<(string Id, int Port, IPEndPoint Endpoint)>();
            foreach (var target in targets)
            {
                var port = target.Port ?? group.Port;
                resolved.Add((target.Id, port, ResolveTargetLocked(group, target.Id, port)));
            }

            if (group.TargetType == C.TargetTypeAlb)
            {
                var albs = group.Targets.Keys.Where(group.Runtime.IsRegistered).Union(resolved.Select(r => r.Id)).Distinct().Count();
                if (albs > 1)
                {
                    throw new AwsSimException(E.TooManyTargets, "You can register only one Application Load Balancer with a target group of type 'alb'");
                }

                foreach (var (id, _, _) in resolved)
                {
                    var registrations = _targetGroups.Count(t => t != group && t.TargetType == C.TargetTypeAlb && t.Targets.ContainsKey(id) && t.Runtime.IsRegistered(id));
                    if (registrations >= 2)
                    {
                        throw new AwsSimException(E.TooManyRegistrationsForTargetId, $"The Application Load Balancer '{id}' is already the target of two target groups");
                    }
                }
            }

            foreach (var (id, port, endpoint) in resolved)
            {
                group.Targets[id] = port;
                group.Runtime.Register(id, endpoint);
            }
        }
    }

    internal void DeregisterTargets(string arn, IReadOnlyList<TargetInput> targets)
    {
        if (targets.Count == 0)
        {
            throw Elbv2Errors.Validation("At least one target must be specified");
        }

        lock (_gate)
        {
            var group = FindTargetGroupLocked(arn);
            var delay = int.Parse(group.Attributes["deregistration_delay.timeout_seconds"], CultureInfo.InvariantCulture);
            // AWS answers 200 and does nothing for a target that is not registered (e.g. a different port).
            foreach (var target in targets.Where(t => group.Runtime.IsRegistered(t.Id) && (t.Port is null || t.Port == group.Targets.GetValueOrDefault(t.Id, group.Port))))
            {
                group.Runtime.Deregister(target.Id, _timing.Of(TimeSpan.FromSeconds(delay)));
            }
        }
    }

    internal IReadOnlyList<TargetHealthDescription> DescribeTargetHealth(string arn, IReadOnlyList<TargetInput> targets)
    {
        lock (_gate)
        {
            return DescribeHealthLocked(FindTargetGroupLocked(arn), targets);
        }
    }

    // ---------------------------------------------------------------- listeners

    internal Listener CreateListener(string loadBalancerArn, string? protocol, int? port, IReadOnlyList<ListenerAction> actions, IReadOnlyList<KeyValuePair<string, string>> tags, bool hasCertificate)
    {
        lock (_gate)
        {
            var lb = FindLoadBalancerLocked(loadBalancerArn);
            protocol ??= lb.IsApplication ? "HTTP" : "TCP";
            port ??= protocol is "HTTPS" or "TLS" ? 443 : 80;
            ValidateListenerLocked(lb, protocol, port.Value, actions, hasCertificate, except: null);
            var arn = $"arn:aws:elasticloadbalancing:{_region}:{_account}:listener/{(lb.IsApplication ? "app" : "net")}/{lb.Name}/{lb.Arn[(lb.Arn.LastIndexOf('/') + 1)..]}/{_ids.HexString(16)}";
            var primary = PrimaryRuntimeLocked(actions);
            Listener listener;
            if (lb.IsApplication)
            {
                var alb = new AlbProxy(lb.Name, _time) { TargetGroup = primary };
                ApplyAlbAttributes(lb, alb);
                listener = new Listener { Arn = arn, LoadBalancerArn = lb.Arn, Port = port.Value, Protocol = protocol, DefaultActions = [.. actions], Alb = alb };
            }
            else
            {
                listener = new Listener { Arn = arn, LoadBalancerArn = lb.Arn, Port = port.Value, Protocol = protocol, DefaultActions = [.. actions], Nlb = StartNlbProxyLocked() };
                listener.Nlb!.TargetGroup = primary;
            }

            listener.Tags.Add(tags);
            _listeners.Add(listener);
            RecomputeUsageLocked();
            Log.ListenerStarted(_log, protocol, port.Value, lb.Name, listener.Loopback);
            return listener;
        }
    }

    internal IReadOnlyList<Listener> DescribeListeners(string? loadBalancerArn, IReadOnlyList<string> arns)
    {
        lock (_gate)
        {
            if (loadBalancerArn is null && arns.Count == 0)
            {
                throw Elbv2Errors.Validation("You must specify either listener ARNs or a load balancer ARN");
            }

            if (loadBalancerArn is not null)
            {
                FindLoadBalancerLocked(loadBalancerArn);
                return [.. _listeners.Where(l => l.LoadBalancerArn == loadBalancerArn && (arns.Count == 0 || arns.Contains(l.Arn)))];
            }

            var missing = arns.FirstOrDefault(a => _listeners.All(l => l.Arn != a));
            return missing is not null ? throw Elbv2Errors.ListenerNotFound(missing) : [.. arns.Distinct().Select(a => _listeners.First(l => l.Arn == a))];
        }
    }

    internal Listener ModifyListener(string arn, string? protocol, int? port, IReadOnlyList<ListenerAction>? actions, bool hasCertificate)
    {
        lock (_gate)
        {
            var listener = _listeners.FirstOrDefault(l => l.Arn == arn) ?? throw Elbv2Errors.ListenerNotFound(arn);
            var lb = FindLoadBalancerLocked(listener.LoadBalancerArn);
            var newProtocol = protocol ?? listener.Protocol;
            var newPort = port ?? listener.Port;
            var newActions = actions ?? listener.DefaultActions;
            ValidateListenerLocked(lb, newProtocol, newPort, newActions, hasCertificate || listener.Protocol is "HTTPS" or "TLS", except: listener);
            listener.Protocol = newProtocol;
            listener.Port = newPort;
            listener.DefaultActions = [.. newActions];

            // The switch: one reference write in the proxy; new connections (NLB) or requests (ALB) use the new group.
            var primary = PrimaryRuntimeLocked(newActions);
            if (listener.Alb is not null)
            {
                listener.Alb.TargetGroup = primary;
            }
            else
            {
                listener.Nlb!.TargetGroup = primary;
            }

            RecomputeUsageLocked();
            Log.ListenerSwitched(_log, listener.Arn, newActions.FirstOrDefault(a => a.Type == C.Forward)?.PrimaryTargetGroupArn());
            return listener;
        }
    }

    internal async ValueTask DeleteListenerAsync(string arn)
    {
        Listener listener;
        lock (_gate)
        {
            listener = _listeners.FirstOrDefault(l => l.Arn == arn) ?? throw Elbv2Errors.ListenerNotFound(arn);
            _listeners.Remove(listener);
            RecomputeUsageLocked();
        }

        await listener.DisposeProxyAsync().ConfigureAwait(false);
    }

    // ---------------------------------------------------------------- tags

    internal void AddTags(IReadOnlyList<string> arns, IReadOnlyList<KeyValuePair<string, string>> tags)
    {
        if (tags.Select(t => t.Key).Distinct().Count() != tags.Count)
        {
            throw new AwsSimException(E.DuplicateTagKeys, $"Tag key '{tags.GroupBy(t => t.Key).First(g => g.Count() > 1).Key}' is duplicated");
        }

        lock (_gate)
        {
            var lists = arns.Select(FindTagsLocked).ToList();
            if (lists.Any(l => l.CountAfterAdding(tags) > C.MaxTagsPerResource))
            {
                throw new AwsSimException(E.TooManyTags, "The quota for the number of tags that can be assigned to a load balancer has been reached");
            }

            foreach (var list in lists)
            {
                list.Add(tags);
            }
        }
    }

    internal void RemoveTags(IReadOnlyList<string> arns, IReadOnlyList<string> keys)
    {
        lock (_gate)
        {
            foreach (var list in arns.Select(FindTagsLocked).ToList())
            {
                list.Remove(keys);
            }
        }
    }

    internal IReadOnlyList<(string Arn, IReadOnlyList<KeyValuePair<string, string>> Tags)> DescribeTags(IReadOnlyList<string> arns)
    {
        if (arns.Count > 20)
        {
            throw Elbv2Errors.Validation("A maximum of 20 resource ARNs can be described at once");
        }

        lock (_gate)
        {
            return [.. arns.Select(a => (a, (IReadOnlyList<KeyValuePair<string, string>>)[.. FindTagsLocked(a).Items]))];
        }
    }

    public async ValueTask DisposeAsync()
    {
        List<Listener> listeners;
        List<TargetGroup> groups;
        lock (_gate)
        {
            listeners = [.. _listeners];
            groups = [.. _targetGroups];
            _listeners.Clear();
            _targetGroups.Clear();
            _loadBalancers.Clear();
        }

        foreach (var listener in listeners)
        {
            await listener.DisposeProxyAsync().ConfigureAwait(false);
        }

        foreach (var group in groups)
        {
            await group.Runtime.DisposeAsync().ConfigureAwait(false);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static TargetGroup CopyWithRuntime(TargetGroup group, TargetGroupRuntime runtime) => new()
    {
        Arn = group.Arn,
        Name = group.Name,
        TargetType = group.TargetType,
        Protocol = group.Protocol,
        ProtocolVersion = group.ProtocolVersion,
        Port = group.Port,
        VpcId = group.VpcId,
        IpAddressType = group.IpAddressType,
        HealthCheckProtocol = group.HealthCheckProtocol,
        HealthCheckPort = group.HealthCheckPort,
        HealthCheckPath = group.HealthCheckPath,
        HealthCheckEnabled = group.HealthCheckEnabled,
        HealthCheckIntervalSeconds = group.HealthCheckIntervalSeconds,
        HealthCheckTimeoutSeconds = group.HealthCheckTimeoutSeconds,
        HealthyThresholdCount = group.HealthyThresholdCount,
        UnhealthyThresholdCount = group.UnhealthyThresholdCount,
        Matcher = group.Matcher,
        Runtime = runtime,
    };

    private static void ValidateName(string name, string what)
    {
        if (!NamePattern().IsMatch(name))
        {
            throw Elbv2Errors.Validation($"The {what} name '{name}' cannot be longer than '32' characters, can contain only alphanumeric characters and hyphens, and cannot begin or end with a hyphen");
        }
    }

    private static void ValidateHealthCheck(int interval, int timeout, int healthy, int unhealthy)
    {
        if (interval is < 5 or > 300)
        {
            throw Elbv2Errors.Validation("Health check interval must be between 5 and 300 seconds");
        }

        if (timeout is < 2 or > 120)
        {
            throw Elbv2Errors.Validation("Health check timeout must be between 2 and 120 seconds");
        }

        if (timeout >= interval)
        {
            throw Elbv2Errors.Validation("Health check timeout must be smaller than the interval");
        }

        if (healthy is < 2 or > 10 || unhealthy is < 2 or > 10)
        {
            throw Elbv2Errors.Validation("Health check thresholds must be between 2 and 10");
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

    private static IEnumerable<KeyValuePair<string, string>> DefaultTargetGroupAttributes(TargetGroup group)
    {
        yield return new("deregistration_delay.timeout_seconds", "300");
        yield return new("stickiness.enabled", "false");
        if (group.Protocol is "HTTP" or "HTTPS")
        {
            yield return new("stickiness.type", "lb_cookie");
            yield return new("stickiness.lb_cookie.duration_seconds", "86400");
            yield return new("load_balancing.algorithm.type", "round_robin");
            yield return new("slow_start.duration_seconds", "0");
        }
        else
        {
            yield return new("stickiness.type", "source_ip");
            yield return new("deregistration_delay.connection_termination.enabled", "false");
            yield return new("preserve_client_ip.enabled", group.TargetType == C.TargetTypeIp ? "false" : "true");
            yield return new("proxy_protocol_v2.enabled", "false");
        }
    }

    /// <summary>
    /// The data-plane health check: durations scaled like everything else, but never more often than every 100 ms and
    /// never timing out in under 2 s, because the checks are real sockets (a 50 ms timeout would flap under load).
    /// </summary>
    private HealthCheckSettings SettingsOf(TargetGroup group) => new(
        group.HealthCheckProtocol,
        group.HealthCheckPath,
        Max(_timing.Of(TimeSpan.FromSeconds(group.HealthCheckIntervalSeconds)), MinCheckInterval),
        Max(_timing.Of(TimeSpan.FromSeconds(group.HealthCheckTimeoutSeconds)), MinCheckTimeout),
        group.HealthyThresholdCount,
        group.UnhealthyThresholdCount,
        group.Matcher ?? "200");

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private void ApplyAlbAttributes(LoadBalancer lb, AlbProxy alb)
    {
        // ALB's timeouts are data-plane behaviour of a client connection, scaled like every other duration.
        alb.IdleTimeout = TimeSpan.FromSeconds(int.Parse(lb.Attributes["idle_timeout.timeout_seconds"], CultureInfo.InvariantCulture));
        var keepAlive = _timing.Of(TimeSpan.FromSeconds(int.Parse(lb.Attributes["client_keep_alive.seconds"], CultureInfo.InvariantCulture)));
        alb.ClientKeepAlive = keepAlive > TimeSpan.Zero ? keepAlive : Timeout.InfiniteTimeSpan;
    }

    private NlbListenerProxy StartNlbProxyLocked()
    {
        if (_options.NlbListenerBasePort == 0)
        {
            return new NlbListenerProxy();
        }

        var used = _listeners.Where(l => l.Nlb is not null).Select(l => l.Nlb!.Endpoint.Port).ToHashSet();
        for (var port = _options.NlbListenerBasePort; port < _options.NlbListenerBasePort + 1000 && port <= 65535; port++)
        {
            if (used.Contains(port))
            {
                continue;
            }

            try
            {
                return new NlbListenerProxy(port);
            }
            catch (SocketException)
            {
                // Taken by another process: try the next port.
            }
        }

        throw new AwsSimException("InternalFailure", "No free loopback port for the NLB listener", 500, senderFault: false);
    }

    private TargetGroupRuntime? PrimaryRuntimeLocked(IReadOnlyList<ListenerAction> actions)
    {
        var forward = actions.Where(a => a.Type == C.Forward).OrderBy(a => a.Order ?? int.MaxValue).FirstOrDefault();
        var arn = forward?.PrimaryTargetGroupArn();
        return arn is null ? null : _targetGroups.First(t => t.Arn == arn).Runtime;
    }

    private void ValidateListenerLocked(LoadBalancer lb, string protocol, int port, IReadOnlyList<ListenerAction> actions, bool hasCertificate, Listener? except)
    {
        var allowed = lb.IsApplication ? new[] { "HTTP", "HTTPS" } : ["TCP", "TLS", "UDP", "TCP_UDP"];
        if (!allowed.Contains(protocol))
        {
            throw Elbv2Errors.Validation($"Listener protocol '{protocol}' must be one of '{string.Join(", ", allowed)}'");
        }

        if (port is < 1 or > 65535)
        {
            throw Elbv2Errors.Validation($"Listener port '{port}' must be between 1 and 65535");
        }

        if (protocol is "HTTPS" or "TLS" && !hasCertificate)
        {
            throw Elbv2Errors.Validation($"A certificate must be specified for {protocol} listeners");
        }

        if (_listeners.Any(l => l != except && l.LoadBalancerArn == lb.Arn && l.Port == port))
        {
            throw new AwsSimException(E.DuplicateListener, $"A listener already exists on this port for this load balancer '{lb.Arn}'");
        }

        if (actions.Count == 0)
        {
            throw Elbv2Errors.Validation("At least one default action must be specified");
        }

        foreach (var action in actions)
        {
            if (action.Type == C.FixedResponse && !lb.IsApplication)
            {
                throw new AwsSimException(E.InvalidLoadBalancerAction, "Fixed-response actions are supported only by Application Load Balancers");
            }

            if (action.Type is not (C.Forward or C.FixedResponse))
            {
                throw Elbv2Errors.Validation($"Action type '{action.Type}' is not supported by this simulator (forward, fixed-response)");
            }

            if (action.Type == C.Forward && !action.TargetGroupArns().Any())
            {
                throw Elbv2Errors.Validation("A target group ARN must be specified for forward actions");
            }

            foreach (var arn in action.TargetGroupArns())
            {
                var group = _targetGroups.FirstOrDefault(t => t.Arn == arn) ?? throw Elbv2Errors.TargetGroupNotFound(arn);
                var httpGroup = group.Protocol is "HTTP" or "HTTPS";
                if (lb.IsApplication != httpGroup || (lb.IsApplication && group.TargetType == C.TargetTypeAlb))
                {
                    throw new AwsSimException(E.IncompatibleProtocols, $"Listener protocol '{protocol}' is not supported with a target group with the target-type '{group.TargetType}' and protocol '{group.Protocol}'");
                }

                if (group.VpcId != lb.VpcId)
                {
                    throw Elbv2Errors.Validation($"Target group '{arn}' is not in the same VPC as the load balancer");
                }

                var others = LoadBalancerArnsLocked(group).Where(a => a != lb.Arn).ToList();
                if (others.Count > 0)
                {
                    throw new AwsSimException(E.TargetGroupAssociationLimit, $"The following target groups cannot be associated with more than one load balancer: {arn}");
                }
            }
        }
    }

    private IPEndPoint ResolveTargetLocked(TargetGroup group, string id, int port)
    {
        switch (group.TargetType)
        {
            case C.TargetTypeInstance:
                return _instances.EndpointOf(id)
                    ?? throw new AwsSimException(E.InvalidTarget, $"The following targets are not in a running state and can not be registered: '{id}'");
            case C.TargetTypeIp:
                return IPAddress.TryParse(id, out var address)
                    ? new IPEndPoint(IPAddress.IsLoopback(address) ? address : IPAddress.Loopback, port)
                    : throw new AwsSimException(E.InvalidTarget, $"The IP address '{id}' is not valid");
            default:
                var alb = _loadBalancers.FirstOrDefault(b => b.Arn == id);
                if (alb is null || !alb.IsApplication)
                {
                    throw new AwsSimException(E.InvalidTarget, $"The target '{id}' is not a valid Application Load Balancer");
                }

                if (alb.VpcId != group.VpcId)
                {
                    throw new AwsSimException(E.InvalidTarget, $"The Application Load Balancer '{id}' must be in the same VPC as the target group");
                }

                var listener = _listeners.FirstOrDefault(l => l.LoadBalancerArn == id && l.Port == port)
                    ?? throw new AwsSimException(E.InvalidTarget, $"The Application Load Balancer '{id}' must have a listener on port '{port}'");
                return listener.Loopback;
        }
    }

    private List<TargetHealthDescription> DescribeHealthLocked(TargetGroup group, IReadOnlyList<TargetInput> targets)
    {
        // Drop targets whose deregistration delay has run out in the data plane.
        foreach (var gone in group.Targets.Keys.Where(id => !group.Runtime.IsRegistered(id)).ToList())
        {
            group.Targets.Remove(gone);
        }

        var wanted = targets.Count > 0
            ? targets.Select(t => (t.Id, Port: t.Port ?? (group.Targets.TryGetValue(t.Id, out var p) ? p : group.Port)))
            : group.Targets.Select(t => (Id: t.Key, Port: t.Value));
        return [.. wanted.Select(t =>
        {
            var health = group.Runtime.Describe(t.Id, t.Port);
            var checkPort = group.HealthCheckPort == C.TrafficPort ? t.Port.ToString(CultureInfo.InvariantCulture) : group.HealthCheckPort;
            return new TargetHealthDescription(t.Id, t.Port, checkPort, health.State, health.Reason, health.Description);
        })];
    }

    private bool Hidden(string arn) => _faults?.IsHidden(C.SigningName, arn) == true;

    private List<string> LoadBalancerArnsLocked(TargetGroup group)
        => [.. _listeners.Where(l => l.TargetGroupArns().Contains(group.Arn)).Select(l => l.LoadBalancerArn).Distinct()];

    private void RecomputeUsageLocked()
    {
        var used = _listeners.SelectMany(l => l.TargetGroupArns()).ToHashSet(StringComparer.Ordinal);
        foreach (var group in _targetGroups)
        {
            group.Runtime.InUse = used.Contains(group.Arn) && group.HealthCheckEnabled;
        }
    }

    private LoadBalancer FindLoadBalancerLocked(string arn)
        => _loadBalancers.FirstOrDefault(b => b.Arn == arn) ?? throw Elbv2Errors.LoadBalancerNotFound();

    private TargetGroup FindTargetGroupLocked(string arn)
        => _targetGroups.FirstOrDefault(t => t.Arn == arn) ?? throw Elbv2Errors.TargetGroupNotFound();

    private TagList FindTagsLocked(string arn)
    {
        if (_loadBalancers.FirstOrDefault(b => b.Arn == arn) is { } lb)
        {
            return lb.Tags;
        }

        if (_targetGroups.FirstOrDefault(t => t.Arn == arn) is { } group)
        {
            return group.Tags;
        }

        if (_listeners.FirstOrDefault(l => l.Arn == arn) is { } listener)
        {
            return listener.Tags;
        }

        throw arn.Contains(":targetgroup/", StringComparison.Ordinal) ? Elbv2Errors.TargetGroupNotFound()
            : arn.Contains(":listener/", StringComparison.Ordinal) ? Elbv2Errors.ListenerNotFound(arn)
            : Elbv2Errors.LoadBalancerNotFound();
    }

    [GeneratedRegex("^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,30}[a-zA-Z0-9])?$")]
    private static partial Regex NamePattern();
}
