using System.Text.Json.Nodes;
using System.Xml.Linq;
using Ebops.Sandbox.Aws.Core;
using X = Ebops.Sandbox.Aws.Core.SimXml;
using C = Ebops.Sandbox.Aws.Elbv2.Elbv2Constants;

namespace Ebops.Sandbox.Aws.Elbv2;

/// <summary>
/// The ELBv2 (2015-12-01) Query-protocol handler: parses the flattened parameters, calls <see cref="Elbv2State"/>,
/// and renders the response in the element names of the official model's output shapes.
/// </summary>
public sealed class Elbv2Handler(Elbv2State state, SimPaging? paging = null) : IAwsServiceHandler, ISimStateSource, IAsyncDisposable
{
    private static readonly SimParamErrors ParamErrors = SimParamErrors.Validation(
        static (_, message) => Elbv2Errors.Validation(message),
        static (_, message) => Elbv2Errors.Validation(message));

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
        var p = new SimParams(request.Parameters, ParamErrors);
        var id = request.RequestId;
        switch (request.Action)
        {
            case "CreateLoadBalancer":
                return Respond(request.Action, id, X.Members("LoadBalancers", [state.CreateLoadBalancer(ParseCreateLoadBalancer(p))], LoadBalancerXml));
            case "DescribeLoadBalancers":
            {
                var all = state.DescribeLoadBalancers(p.Members("LoadBalancerArns"), p.Members("Names"));
                var (page, next) = Paginate(all, p, request.Action);
                return Respond(request.Action, id, X.Members("LoadBalancers", page, LoadBalancerXml), X.Opt("NextMarker", next));
            }

            case "DeleteLoadBalancer":
                await state.DeleteLoadBalancerAsync(p.Required("LoadBalancerArn")).ConfigureAwait(false);
                return Respond(request.Action, id);
            case "DescribeLoadBalancerAttributes":
                return Respond(request.Action, id, AttributesXml(state.DescribeLoadBalancerAttributes(p.Required("LoadBalancerArn"))));
            case "ModifyLoadBalancerAttributes":
            {
                var changed = ParseAttributes(p);
                var all = state.ModifyLoadBalancerAttributes(p.Required("LoadBalancerArn"), changed);
                return Respond(request.Action, id, AttributesXml(all));
            }

            case "CreateTargetGroup":
                return Respond(request.Action, id, X.Members("TargetGroups", [state.CreateTargetGroup(ParseTargetGroup(p, create: true))], TargetGroupXml));
            case "DescribeTargetGroups":
            {
                var all = state.DescribeTargetGroups(p.Get("LoadBalancerArn"), p.Members("TargetGroupArns"), p.Members("Names"));
                var (page, next) = Paginate(all, p, request.Action);
                return Respond(request.Action, id, X.Members("TargetGroups", page, TargetGroupXml), X.Opt("NextMarker", next));
            }

            case "ModifyTargetGroup":
                return Respond(request.Action, id, X.Members("TargetGroups", [state.ModifyTargetGroup(p.Required("TargetGroupArn"), ParseTargetGroup(p, create: false))], TargetGroupXml));
            case "DeleteTargetGroup":
                await state.DeleteTargetGroupAsync(p.Required("TargetGroupArn")).ConfigureAwait(false);
                return Respond(request.Action, id);
            case "DescribeTargetGroupAttributes":
                return Respond(request.Action, id, AttributesXml(state.DescribeTargetGroupAttributes(p.Required("TargetGroupArn"))));
            case "ModifyTargetGroupAttributes":
                return Respond(request.Action, id, AttributesXml(state.ModifyTargetGroupAttributes(p.Required("TargetGroupArn"), ParseAttributes(p))));
            case "RegisterTargets":
                state.RegisterTargets(p.Required("TargetGroupArn"), ParseTargets(p));
                return Respond(request.Action, id);
            case "DeregisterTargets":
                state.DeregisterTargets(p.Required("TargetGroupArn"), ParseTargets(p));
                return Respond(request.Action, id);
            case "DescribeTargetHealth":
            {
                var health = state.DescribeTargetHealth(p.Required("TargetGroupArn"), ParseTargets(p));
                return Respond(request.Action, id, X.Members("TargetHealthDescriptions", health, h =>
                [
                    X.E("Target", X.Opt("Id", h.Id), X.Opt("Port", h.Port)),
                    X.Opt("HealthCheckPort", h.HealthCheckPort),
                    X.E("TargetHealth", X.Opt("State", h.State), X.Opt("Reason", h.Reason), X.Opt("Description", h.Description)),
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
                return Respond(request.Action, id, X.Members("Listeners", [listener], ListenerXml));
            }

            case "DescribeListeners":
            {
                var all = state.DescribeListeners(p.Get("LoadBalancerArn"), p.Members("ListenerArns"));
                var (page, next) = Paginate(all, p, request.Action);
                return Respond(request.Action, id, X.Members("Listeners", page, ListenerXml), X.Opt("NextMarker", next));
            }

            case "ModifyListener":
            {
                var actions = p.Has("DefaultActions") ? ParseActions(p) : null;
                var listener = state.ModifyListener(p.Required("ListenerArn"), p.Get("Protocol"), p.Int("Port"), actions, p.Structs("Certificates").Count > 0);
                return Respond(request.Action, id, X.Members("Listeners", [listener], ListenerXml));
            }

            case "DeleteListener":
                await state.DeleteListenerAsync(p.Required("ListenerArn")).ConfigureAwait(false);
                return Respond(request.Action, id);
            case "AddTags":
                state.AddTags(RequiredList(p, "ResourceArns"), p.Tags());
                return Respond(request.Action, id);
            case "RemoveTags":
                state.RemoveTags(RequiredList(p, "ResourceArns"), RequiredList(p, "TagKeys"));
                return Respond(request.Action, id);
            case "DescribeTags":
                return Respond(request.Action, id, X.Members("TagDescriptions", state.DescribeTags(RequiredList(p, "ResourceArns")), d => [X.Opt("ResourceArn", d.Arn), X.Tags("Tags", d.Tags)]));
            default:
                throw new AwsSimException(C.Errors.InvalidAction, $"The action {request.Action} is not valid for this web service.");
        }
    }

    private static IReadOnlyList<string> RequiredList(SimParams p, string name)
    {
        var list = p.Members(name);
        return list.Count > 0 ? list : throw Elbv2Errors.Validation($"1 validation error detected: Value null at '{char.ToLowerInvariant(name[0])}{name[1..]}' failed to satisfy constraint: Member must not be null");
    }

    private (IReadOnlyList<T> Items, string? Next) Paginate<T>(IReadOnlyList<T> all, SimParams p, string action)
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

    private static CreateLoadBalancerInput ParseCreateLoadBalancer(SimParams p)
    {
        var subnets = p.Members("Subnets").Select(s => new SubnetMappingInput(s, null)).ToList();
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
            p.Members("SecurityGroups"),
            p.Tags(),
            p.Get("IpAddressType"));
    }

    private static TargetGroupInput ParseTargetGroup(SimParams p, bool create) => new()
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

    private static List<TargetInput> ParseTargets(SimParams p)
        => [.. p.Structs("Targets").Select(t => new TargetInput(t.Required("Id"), t.Int("Port"), t.Get("AvailabilityZone")))];

    private static List<KeyValuePair<string, string>> ParseAttributes(SimParams p)
    {
        var attributes = p.Structs("Attributes").Select(a => new KeyValuePair<string, string>(a.Required("Key"), a.Get("Value") ?? string.Empty)).ToList();
        return attributes.Count > 0 ? attributes : throw Elbv2Errors.Validation("At least one attribute must be specified");
    }

    private static List<ListenerAction> ParseActions(SimParams p)
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
        => X.Members("Attributes", attributes.OrderBy(a => a.Key, StringComparer.Ordinal), a => [X.Opt("Key", a.Key), X.Opt("Value", a.Value)]);

    private object?[] LoadBalancerXml(LoadBalancer lb) =>
    [
        X.Opt("LoadBalancerArn", lb.Arn),
        X.Opt("DNSName", lb.DnsName),
        X.Opt("CanonicalHostedZoneId", lb.CanonicalHostedZoneId),
        X.Opt("CreatedTime", lb.CreatedAt),
        X.Opt("LoadBalancerName", lb.Name),
        X.Opt("Scheme", lb.Scheme),
        X.Opt("VpcId", lb.VpcId),
        X.E("State", X.Opt("Code", lb.StateAt(state.Time.GetUtcNow()))),
        X.Opt("Type", lb.Type),
        X.Members("AvailabilityZones", lb.Zones, z =>
        [
            X.Opt("ZoneName", z.ZoneName),
            X.Opt("SubnetId", z.SubnetId),
            lb.IsApplication
                ? null
                : X.Members("LoadBalancerAddresses", z.AllocationId is null ? [] : new[] { z }, a => [X.Opt("IpAddress", a.IpAddress), X.Opt("AllocationId", a.AllocationId)]),
        ]),
        lb.SecurityGroups.Count > 0 || lb.IsApplication ? X.Strings("SecurityGroups", lb.SecurityGroups) : null,
        X.Opt("IpAddressType", lb.IpAddressType),
    ];

    private object?[] TargetGroupXml(TargetGroup g) =>
    [
        X.Opt("TargetGroupArn", g.Arn),
        X.Opt("TargetGroupName", g.Name),
        X.Opt("Protocol", g.Protocol),
        X.Opt("Port", g.Port),
        X.Opt("VpcId", g.VpcId),
        X.Opt("HealthCheckProtocol", g.HealthCheckProtocol),
        X.Opt("HealthCheckPort", g.HealthCheckPort),
        X.Opt("HealthCheckEnabled", g.HealthCheckEnabled),
        X.Opt("HealthCheckIntervalSeconds", g.HealthCheckIntervalSeconds),
        X.Opt("HealthCheckTimeoutSeconds", g.HealthCheckTimeoutSeconds),
        X.Opt("HealthyThresholdCount", g.HealthyThresholdCount),
        X.Opt("UnhealthyThresholdCount", g.UnhealthyThresholdCount),
        g.HealthCheckPath.Length > 0 ? X.Opt("HealthCheckPath", g.HealthCheckPath) : null,
        g.Matcher is null ? null : X.E("Matcher", X.Opt("HttpCode", g.Matcher)),
        X.Strings("LoadBalancerArns", state.LoadBalancerArnsOf(g)),
        X.Opt("TargetType", g.TargetType),
        X.Opt("ProtocolVersion", g.ProtocolVersion),
        X.Opt("IpAddressType", g.IpAddressType),
    ];

    private static object?[] ListenerXml(Listener l) =>
    [
        X.Opt("ListenerArn", l.Arn),
        X.Opt("LoadBalancerArn", l.LoadBalancerArn),
        X.Opt("Port", l.Port),
        X.Opt("Protocol", l.Protocol),
        X.Members("DefaultActions", l.DefaultActions, a =>
        [
            X.Opt("Type", a.Type),
            X.Opt("TargetGroupArn", a.Type == C.Forward ? a.PrimaryTargetGroupArn() : null),
            X.Opt("Order", a.Order),
            a.FixedStatusCode is null ? null : X.E("FixedResponseConfig", X.Opt("MessageBody", a.FixedMessageBody), X.Opt("StatusCode", a.FixedStatusCode), X.Opt("ContentType", a.FixedContentType)),
            a.Type != C.Forward ? null : X.E(
                "ForwardConfig",
                X.Members("TargetGroups", a.ForwardGroups ?? [(a.TargetGroupArn!, (int?)1)], g => [X.Opt("TargetGroupArn", g.Arn), X.Opt("Weight", g.Weight ?? 1)]),
                X.E("TargetGroupStickinessConfig", X.Opt("Enabled", a.StickinessEnabled ?? false), X.Opt("DurationSeconds", a.StickinessSeconds))),
        ]),
    ];

    // This service has always answered without an XML declaration and with a Result element (empty for outputs
    // without members); kept byte-for-byte.
    private static SimResponse Respond(string action, string requestId, params object?[] result) =>
        SimXml.QueryResponse(C.XmlNamespace, action, requestId, result, declaration: false);
}
