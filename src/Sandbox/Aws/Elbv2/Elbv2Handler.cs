using System.Text.Json.Nodes;
using System.Xml.Linq;
using Ebops.Sandbox.Aws.Core;
using Ebops.Sandbox.Aws.QueryKit;
using C = Ebops.Sandbox.Aws.Elbv2.Elbv2Constants;

namespace Ebops.Sandbox.Aws.Elbv2;

/// <summary>
/// The ELBv2 (2015-12-01) Query-protocol handler: parses the flattened parameters, calls <see cref="Elbv2State"/>,
/// and renders the response in the element names of the official model's output shapes.
/// </summary>
public sealed class Elbv2Handler(Elbv2State state, SimPaging? paging = null) : IAwsServiceHandler, ISimStateSource, IAsyncDisposable
{
    private static readonly QueryXmlWriter X = new(C.XmlNamespace);
    private readonly SimPaging _paging = paging ?? new SimPaging(new Dictionary<string, int>(), C.MaxPageSize);

    /// <summary>The handler registered in <see cref="SimServices"/>: the world's shared ELBv2 state and pagination.</summary>
    public Elbv2Handler(SimWorld world)
        : this(Elbv2State.For(world), world.Paging)
    {
    }

    /// <summary>
    /// A handler factory for <see cref="AwsSimulatorOptions.Services"/> with data-plane options, e.g. NLB listeners on
    /// fixed loopback ports from a base: <c>options.Services[i] = Elbv2Handler.WithOptions(new() { NlbListenerBasePort = 18080 })</c>
    /// (it must come before the EB handler, which shares the same state).
    /// </summary>
    public static Func<SimWorld, IAwsServiceHandler> WithOptions(Elbv2Options options)
        => world => new Elbv2Handler(Elbv2State.For(world, options with { Seed = options.Seed ?? world.Options.Seed }), world.Paging);

    public string SigningName => C.SigningName;

    public string StateName => C.SigningName;

    public Elbv2State State => state;

    public async ValueTask<SimResponse> HandleAsync(SimRequest request, CancellationToken cancellationToken)
    {
        var p = new QueryParams(request.Parameters, static (_, message) => Elbv2Errors.Validation(message));
        var id = request.RequestId;
        switch (request.Action)
        {
            case "CreateLoadBalancer":
                return X.Response(request.Action, id, X.L("LoadBalancers", [state.CreateLoadBalancer(ParseCreateLoadBalancer(p))], LoadBalancerXml));
            case "DescribeLoadBalancers":
            {
                var all = state.DescribeLoadBalancers(p.List("LoadBalancerArns"), p.List("Names"));
                var (page, next) = Paginate(all, p, request.Action);
                return X.Response(request.Action, id, X.L("LoadBalancers", page, LoadBalancerXml), X.E("NextMarker", next));
            }

            case "DeleteLoadBalancer":
                await state.DeleteLoadBalancerAsync(p.Required("LoadBalancerArn")).ConfigureAwait(false);
                return X.Response(request.Action, id);
            case "DescribeLoadBalancerAttributes":
                return X.Response(request.Action, id, AttributesXml(state.DescribeLoadBalancerAttributes(p.Required("LoadBalancerArn"))));
            case "ModifyLoadBalancerAttributes":
            {
                var changed = ParseAttributes(p);
                var all = state.ModifyLoadBalancerAttributes(p.Required("LoadBalancerArn"), changed);
                return X.Response(request.Action, id, AttributesXml(all));
            }

            case "CreateTargetGroup":
                return X.Response(request.Action, id, X.L("TargetGroups", [state.CreateTargetGroup(ParseTargetGroup(p, create: true))], TargetGroupXml));
            case "DescribeTargetGroups":
            {
                var all = state.DescribeTargetGroups(p.Get("LoadBalancerArn"), p.List("TargetGroupArns"), p.List("Names"));
                var (page, next) = Paginate(all, p, request.Action);
                return X.Response(request.Action, id, X.L("TargetGroups", page, TargetGroupXml), X.E("NextMarker", next));
            }

            case "ModifyTargetGroup":
                return X.Response(request.Action, id, X.L("TargetGroups", [state.ModifyTargetGroup(p.Required("TargetGroupArn"), ParseTargetGroup(p, create: false))], TargetGroupXml));
            case "DeleteTargetGroup":
                await state.DeleteTargetGroupAsync(p.Required("TargetGroupArn")).ConfigureAwait(false);
                return X.Response(request.Action, id);
            case "DescribeTargetGroupAttributes":
                return X.Response(request.Action, id, AttributesXml(state.DescribeTargetGroupAttributes(p.Required("TargetGroupArn"))));
            case "ModifyTargetGroupAttributes":
                return X.Response(request.Action, id, AttributesXml(state.ModifyTargetGroupAttributes(p.Required("TargetGroupArn"), ParseAttributes(p))));
            case "RegisterTargets":
                state.RegisterTargets(p.Required("TargetGroupArn"), ParseTargets(p));
                return X.Response(request.Action, id);
            case "DeregisterTargets":
                state.DeregisterTargets(p.Required("TargetGroupArn"), ParseTargets(p));
                return X.Response(request.Action, id);
            case "DescribeTargetHealth":
            {
                var health = state.DescribeTargetHealth(p.Required("TargetGroupArn"), ParseTargets(p));
                return X.Response(request.Action, id, X.L("TargetHealthDescriptions", health, h =>
                [
                    X.S("Target", X.E("Id", h.Id), X.E("Port", h.Port)),
                    X.E("HealthCheckPort", h.HealthCheckPort),
                    X.S("TargetHealth", X.E("State", h.State), X.E("Reason", h.Reason), X.E("Description", h.Description)),
                ]));
            }

            case "CreateListener":
            {
                var listener = state.CreateListener(
                    p.Required("LoadBalancerArn"),
                    p.Get("Protocol"),
                    p.Int("Port"),
                    ParseActions(p),
                    p.Tags(),
                    p.Structs("Certificates").Count > 0);
                return X.Response(request.Action, id, X.L("Listeners", [listener], ListenerXml));
            }

            case "DescribeListeners":
            {
                var all = state.DescribeListeners(p.Get("LoadBalancerArn"), p.List("ListenerArns"));
                var (page, next) = Paginate(all, p, request.Action);
                return X.Response(request.Action, id, X.L("Listeners", page, ListenerXml), X.E("NextMarker", next));
            }

            case "ModifyListener":
            {
                var actions = p.Has("DefaultActions") ? ParseActions(p) : null;
                var listener = state.ModifyListener(p.Required("ListenerArn"), p.Get("Protocol"), p.Int("Port"), actions, p.Structs("Certificates").Count > 0);
                return X.Response(request.Action, id, X.L("Listeners", [listener], ListenerXml));
            }

            case "DeleteListener":
                await state.DeleteListenerAsync(p.Required("ListenerArn")).ConfigureAwait(false);
                return X.Response(request.Action, id);
            case "AddTags":
                state.AddTags(RequiredList(p, "ResourceArns"), p.Tags());
                return X.Response(request.Action, id);
            case "RemoveTags":
                state.RemoveTags(RequiredList(p, "ResourceArns"), RequiredList(p, "TagKeys"));
                return X.Response(request.Action, id);
            case "DescribeTags":
                return X.Response(request.Action, id, X.L("TagDescriptions", state.DescribeTags(RequiredList(p, "ResourceArns")), d => [X.E("ResourceArn", d.Arn), X.Tags("Tags", d.Tags)]));
            default:
                throw new AwsSimException(C.Errors.InvalidAction, $"The action {request.Action} is not valid for this web service.");
        }
    }

    private static IReadOnlyList<string> RequiredList(QueryParams p, string name)
    {
        var list = p.List(name);
        return list.Count > 0 ? list : throw Elbv2Errors.Validation($"1 validation error detected: Value null at '{char.ToLowerInvariant(name[0])}{name[1..]}' failed to satisfy constraint: Member must not be null");
    }

    private (IReadOnlyList<T> Items, string? Next) Paginate<T>(IReadOnlyList<T> all, QueryParams p, string action)
    {
        var size = p.Int("PageSize");
        if (size is < 1 or > C.MaxPageSize)
        {
            throw Elbv2Errors.Validation($"Page size must be between 1 and {C.MaxPageSize}");
        }

        var page = _paging.Page(C.SigningName, action, all, p.Get("Marker"), size, invalidTokenCode: C.Errors.ValidationError);
        return (page.Items, page.NextToken);
    }

    public JsonNode DumpState() => state.DumpState();

    public ValueTask DisposeAsync() => state.DisposeAsync();

    private static CreateLoadBalancerInput ParseCreateLoadBalancer(QueryParams p)
    {
        var subnets = p.List("Subnets").Select(s => new SubnetMappingInput(s, null)).ToList();
        var mappings = p.Structs("SubnetMappings").Select(m => new SubnetMappingInput(m.Required("SubnetId"), m.Get("AllocationId"))).ToList();
        if (subnets.Count > 0 && mappings.Count > 0)
        {
            throw Elbv2Errors.Validation("You can specify subnets or subnet mappings, but not both");
        }

        return new CreateLoadBalancerInput(
            p.Required("Name"),
            p.Get("Type"),
            p.Get("Scheme"),
            mappings.Count > 0 ? mappings : subnets,
            p.List("SecurityGroups"),
            p.Tags(),
            p.Get("IpAddressType"));
    }

    private static TargetGroupInput ParseTargetGroup(QueryParams p, bool create) => new()
    {
        Name = create ? p.Required("Name") : null,
        TargetType = p.Get("TargetType"),
        Protocol = p.Get("Protocol"),
        ProtocolVersion = p.Get("ProtocolVersion"),
        Port = p.Int("Port"),
        VpcId = p.Get("VpcId"),
        HealthCheckProtocol = p.Get("HealthCheckProtocol"),
        HealthCheckPort = p.Get("HealthCheckPort"),
        HealthCheckPath = p.Get("HealthCheckPath"),
        HealthCheckEnabled = p.Bool("HealthCheckEnabled"),
        HealthCheckIntervalSeconds = p.Int("HealthCheckIntervalSeconds"),
        HealthCheckTimeoutSeconds = p.Int("HealthCheckTimeoutSeconds"),
        HealthyThresholdCount = p.Int("HealthyThresholdCount"),
        UnhealthyThresholdCount = p.Int("UnhealthyThresholdCount"),
        Matcher = p.Get("Matcher.HttpCode"),
        IpAddressType = p.Get("IpAddressType"),
        Tags = p.Tags(),
    };

    private static List<TargetInput> ParseTargets(QueryParams p)
        => [.. p.Structs("Targets").Select(t => new TargetInput(t.Required("Id"), t.Int("Port"), t.Get("AvailabilityZone")))];

    private static List<KeyValuePair<string, string>> ParseAttributes(QueryParams p)
    {
        var attributes = p.Structs("Attributes").Select(a => new KeyValuePair<string, string>(a.Required("Key"), a.Get("Value") ?? string.Empty)).ToList();
        return attributes.Count > 0 ? attributes : throw Elbv2Errors.Validation("At least one attribute must be specified");
    }

    private static List<ListenerAction> ParseActions(QueryParams p)
        => [.. p.Structs("DefaultActions").Select(a =>
        {
            var forward = a.Struct("ForwardConfig");
            var groups = forward.Structs("TargetGroups").Select(g => (g.Required("TargetGroupArn"), g.Int("Weight"))).ToList();
            var fixedResponse = a.Struct("FixedResponseConfig");
            return new ListenerAction(
                a.Required("Type"),
                a.Int("Order"),
                a.Get("TargetGroupArn"),
                groups.Count > 0 ? groups : null,
                forward.Bool("TargetGroupStickinessConfig.Enabled"),
                forward.Int("TargetGroupStickinessConfig.DurationSeconds"),
                fixedResponse.Get("StatusCode"),
                fixedResponse.Get("ContentType"),
                fixedResponse.Get("MessageBody"));
        })];

    private static XElement AttributesXml(IReadOnlyDictionary<string, string> attributes)
        => X.L("Attributes", attributes.OrderBy(a => a.Key, StringComparer.Ordinal), a => [X.E("Key", a.Key), X.E("Value", a.Value)]);

    private object?[] LoadBalancerXml(LoadBalancer lb) =>
    [
        X.E("LoadBalancerArn", lb.Arn),
        X.E("DNSName", lb.DnsName),
        X.E("CanonicalHostedZoneId", lb.CanonicalHostedZoneId),
        X.E("CreatedTime", lb.CreatedAt),
        X.E("LoadBalancerName", lb.Name),
        X.E("Scheme", lb.Scheme),
        X.E("VpcId", lb.VpcId),
        X.S("State", X.E("Code", lb.StateAt(state.Time.GetUtcNow()))),
        X.E("Type", lb.Type),
        X.L("AvailabilityZones", lb.Zones, z =>
        [
            X.E("ZoneName", z.ZoneName),
            X.E("SubnetId", z.SubnetId),
            lb.IsApplication
                ? null
                : X.L("LoadBalancerAddresses", z.AllocationId is null ? [] : new[] { z }, a => [X.E("IpAddress", a.IpAddress), X.E("AllocationId", a.AllocationId)]),
        ]),
        lb.SecurityGroups.Count > 0 || lb.IsApplication ? X.Strings("SecurityGroups", lb.SecurityGroups) : null,
        X.E("IpAddressType", lb.IpAddressType),
    ];

    private object?[] TargetGroupXml(TargetGroup g) =>
    [
        X.E("TargetGroupArn", g.Arn),
        X.E("TargetGroupName", g.Name),
        X.E("Protocol", g.Protocol),
        X.E("Port", g.Port),
        X.E("VpcId", g.VpcId),
        X.E("HealthCheckProtocol", g.HealthCheckProtocol),
        X.E("HealthCheckPort", g.HealthCheckPort),
        X.E("HealthCheckEnabled", g.HealthCheckEnabled),
        X.E("HealthCheckIntervalSeconds", g.HealthCheckIntervalSeconds),
        X.E("HealthCheckTimeoutSeconds", g.HealthCheckTimeoutSeconds),
        X.E("HealthyThresholdCount", g.HealthyThresholdCount),
        X.E("UnhealthyThresholdCount", g.UnhealthyThresholdCount),
        g.HealthCheckPath.Length > 0 ? X.E("HealthCheckPath", g.HealthCheckPath) : null,
        g.Matcher is null ? null : X.S("Matcher", X.E("HttpCode", g.Matcher)),
        X.Strings("LoadBalancerArns", state.LoadBalancerArnsOf(g)),
        X.E("TargetType", g.TargetType),
        X.E("ProtocolVersion", g.ProtocolVersion),
        X.E("IpAddressType", g.IpAddressType),
    ];

    private static object?[] ListenerXml(Listener l) =>
    [
        X.E("ListenerArn", l.Arn),
        X.E("LoadBalancerArn", l.LoadBalancerArn),
        X.E("Port", l.Port),
        X.E("Protocol", l.Protocol),
        X.L("DefaultActions", l.DefaultActions, a =>
        [
            X.E("Type", a.Type),
            X.E("TargetGroupArn", a.Type == C.Forward ? a.PrimaryTargetGroupArn() : null),
            X.E("Order", a.Order),
            a.FixedStatusCode is null ? null : X.S("FixedResponseConfig", X.E("MessageBody", a.FixedMessageBody), X.E("StatusCode", a.FixedStatusCode), X.E("ContentType", a.FixedContentType)),
            a.Type != C.Forward ? null : X.S(
                "ForwardConfig",
                X.L("TargetGroups", a.ForwardGroups ?? [(a.TargetGroupArn!, (int?)1)], g => [X.E("TargetGroupArn", g.Arn), X.E("Weight", g.Weight ?? 1)]),
                X.S("TargetGroupStickinessConfig", X.E("Enabled", a.StickinessEnabled ?? false), X.E("DurationSeconds", a.StickinessSeconds))),
        ]),
    ];
}
