using Ebops.Sandbox.Aws.Core;
using Ebops.Sandbox.Aws.DataPlane;
using C = Ebops.Sandbox.Aws.Elbv2.Elbv2Constants;
using E = Ebops.Sandbox.Aws.Elbv2.Elbv2Constants.Errors;

namespace Ebops.Sandbox.Aws.Elbv2;

/// <summary>
/// Target groups: creation with AWS's defaults per protocol and target type (idempotent for the same settings),
/// describes, health check changes (applied to the data plane's checks at once), attributes, deletion (refused while a
/// listener forwards to the group). Every member takes <see cref="SimWorld.Gate"/> and awaits only after releasing it.
/// </summary>
internal sealed class TargetGroupStore(Elbv2Resources resources)
{
    /// <summary>NLB target groups only: close open connections to a target when its deregistration delay ends.</summary>
    private const string ConnectionTermination = "deregistration_delay.connection_termination.enabled";

    private SimWorld World => resources.World;

    public TargetGroup Create(TargetGroupInput input)
    {
        var resolved = Resolve(input);
        lock (resources.Gate)
        {
            if (resources.TargetGroups.FirstOrDefault(t => t.Name == resolved.Name) is { } existing)
            {
                // CreateTargetGroup is idempotent: the same settings answer the existing target group.
                return SameSettings(existing, resolved)
                    ? existing
                    : throw new AwsSimException(E.DuplicateTargetGroupName, $"A target group with the same name '{resolved.Name}' exists, but with different settings");
            }

            var arn = resources.Arn($"targetgroup/{resolved.Name}/{resources.Ids.HexString(16)}");
            var group = resolved.ToGroup(arn, new TargetGroupRuntime(resolved.Name, resolved.Settings(World.Timing), World.Time));
            foreach (var (key, value) in DefaultAttributes(group))
            {
                group.Attributes[key] = value;
            }

            group.Runtime.TerminateConnectionsOnDeregistration = group.Attributes.GetValueOrDefault(ConnectionTermination) == "true";
            group.Tags.Add(input.Tags);
            resources.TargetGroups.Add(group);
            World.Faults.NoteCreated(C.SigningName, arn);
            return group;
        }
    }

    public IReadOnlyList<TargetGroup> Describe(string? loadBalancerArn, IReadOnlyList<string> arns, IReadOnlyList<string> names)
    {
        lock (resources.Gate)
        {
            var visible = resources.TargetGroups.Where(t => !resources.Hidden(t.Arn)).ToList();
            IEnumerable<TargetGroup> groups = visible;
            if (loadBalancerArn is not null)
            {
                resources.FindLoadBalancerLocked(loadBalancerArn);
                groups = groups.Where(g => resources.LoadBalancerArnsLocked(g).Contains(loadBalancerArn));
            }

            if (arns.Count > 0)
            {
                groups = arns.Any(a => visible.All(t => t.Arn != a))
                    ? throw Elbv2Errors.TargetGroupNotFound()
                    : groups.Where(g => arns.Contains(g.Arn));
            }

            if (names.Count > 0)
            {
                var missing = names.Where(n => visible.All(t => t.Name != n)).ToList();
                groups = missing.Count > 0
                    ? throw Elbv2Errors.TargetGroupNotFound(string.Join(", ", missing))
                    : groups.Where(g => names.Contains(g.Name));
            }

            return [.. groups];
        }
    }

    /// <summary>The load balancers whose listeners forward to the group.</summary>
    public IReadOnlyList<string> LoadBalancerArnsOf(TargetGroup group)
    {
        lock (resources.Gate)
        {
            return resources.LoadBalancerArnsLocked(group);
        }
    }

    /// <summary>ModifyTargetGroup: health check settings (unset members keep their values).</summary>
    public TargetGroup Modify(string arn, TargetGroupInput input)
    {
        lock (resources.Gate)
        {
            var group = resources.FindTargetGroupLocked(arn);
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
            TargetGroupHealthCheck.Validate(interval, timeout, healthy, unhealthy);
            group.HealthCheckProtocol = checkProtocol;
            group.HealthCheckPort = input.HealthCheckPort ?? group.HealthCheckPort;
            group.HealthCheckPath = checksHttp ? input.HealthCheckPath ?? (group.HealthCheckPath.Length > 0 ? group.HealthCheckPath : "/") : string.Empty;
            group.HealthCheckEnabled = input.HealthCheckEnabled ?? group.HealthCheckEnabled;
            group.HealthCheckIntervalSeconds = interval;
            group.HealthCheckTimeoutSeconds = timeout;
            group.HealthyThresholdCount = healthy;
            group.UnhealthyThresholdCount = unhealthy;
            group.Matcher = checksHttp ? input.Matcher ?? group.Matcher ?? "200" : null;
            group.Runtime.HealthCheck = TargetGroupHealthCheck.Settings(World.Timing, group);
            return group;
        }
    }

    public async ValueTask DeleteAsync(string arn)
    {
        TargetGroup? group;
        lock (resources.Gate)
        {
            group = resources.TargetGroups.FirstOrDefault(t => t.Arn == arn);
            if (group is null)
            {
                return;
            }

            if (resources.Listeners.Any(l => l.TargetGroupArns().Contains(arn)))
            {
                throw Elbv2Errors.ResourceInUse($"Target group '{arn}' is currently in use by a listener or a rule");
            }

            resources.TargetGroups.Remove(group);
        }

        await group.Runtime.DisposeAsync().ConfigureAwait(false);
    }

    public IReadOnlyDictionary<string, string> DescribeAttributes(string arn)
    {
        lock (resources.Gate)
        {
            return new Dictionary<string, string>(resources.FindTargetGroupLocked(arn).Attributes);
        }
    }

    public IReadOnlyDictionary<string, string> ModifyAttributes(string arn, IReadOnlyList<KeyValuePair<string, string>> attributes)
    {
        lock (resources.Gate)
        {
            var group = resources.FindTargetGroupLocked(arn);
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

                if (key == ConnectionTermination && value is not ("true" or "false"))
                {
                    throw Elbv2Errors.Validation($"The value of '{key}' must be 'true' or 'false'");
                }
            }

            foreach (var (key, value) in attributes)
            {
                group.Attributes[key] = value;
            }

            group.Runtime.TerminateConnectionsOnDeregistration = group.Attributes.GetValueOrDefault(ConnectionTermination) == "true";

            return new Dictionary<string, string>(group.Attributes);
        }
    }

    /// <summary>CreateTargetGroup's parameters checked and completed with AWS's defaults.</summary>
    private static ResolvedTargetGroup Resolve(TargetGroupInput input)
    {
        var name = input.Name ?? throw Elbv2Errors.Validation("A target group name must be specified");
        Elbv2Names.Validate(name, "target group");
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
        return ResolveHealthCheck(input, name, targetType, protocol, port, vpcId);
    }

    private static ResolvedTargetGroup ResolveHealthCheck(TargetGroupInput input, string name, string targetType, string protocol, int port, string vpcId)
    {
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
        TargetGroupHealthCheck.Validate(interval, timeout, healthy, unhealthy);
        return new ResolvedTargetGroup(
            name, targetType, protocol, http ? input.ProtocolVersion ?? "HTTP1" : null, port, vpcId, input.IpAddressType ?? "ipv4",
            checkProtocol, input.HealthCheckPort ?? C.TrafficPort, checksHttp ? input.HealthCheckPath ?? "/" : string.Empty,
            input.HealthCheckEnabled ?? true, interval, timeout, healthy, unhealthy,
            checksHttp ? input.Matcher ?? (http ? "200" : "200-399") : null);
    }

    /// <summary>The settings a CreateTargetGroup call describes, compared with an existing group of that name.</summary>
    private static bool SameSettings(TargetGroup existing, ResolvedTargetGroup resolved) =>
        resolved == ResolvedTargetGroup.Of(existing);

    private static IEnumerable<KeyValuePair<string, string>> DefaultAttributes(TargetGroup group)
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
            // The API reference: true by default for new UDP and TCP_UDP groups, false otherwise.
            yield return new(ConnectionTermination, group.Protocol is "UDP" or "TCP_UDP" ? "true" : "false");
            yield return new("preserve_client_ip.enabled", group.TargetType == C.TargetTypeIp ? "false" : "true");
            yield return new("proxy_protocol_v2.enabled", "false");
        }
    }
}
