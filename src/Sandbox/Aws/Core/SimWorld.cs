using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace Ebops.Sandbox.Aws.Core;

/// <summary>
/// The simulated AWS account shared by every service: clock, time scale, identity, id generator, the network and the
/// object store, fault injection, the call log and pagination.
/// <para><b>The shape of a service.</b> A service is a thin <see cref="SimServiceHandler"/> created by a factory
/// <c>Func&lt;SimWorld, IAwsServiceHandler&gt;</c> (the simulator's <c>SimServices</c> list) that receives the world. The
/// handler lists one <see cref="ISimOperations"/> per aggregate; each registers its actions in the handler's
/// <see cref="OperationTable"/>, parses parameters, calls its store and renders XML. A store holds the aggregate's
/// state and AWS's rules (no XML), takes <see cref="Gate"/> itself and never awaits while holding it:</para>
/// <code>
/// internal sealed class ExampleHandler(SimWorld world)
///     : SimServiceHandler("example", SimParamErrors.Default, new WidgetOperations(WidgetStore.For(world)));
///
/// internal sealed class WidgetOperations(WidgetStore store) : ISimOperations
/// {
///     public void Register(OperationTable table) => table
///         .Add("CreateWidget", (request, p) => SimXml.QueryResponse(request, Render(store.Create(p.Required("Name")))))
///         .Add("DeleteWidget", async (request, p, ct) => { await store.DeleteAsync(p.Required("Name")); return SimXml.QueryResponse(request); });
/// }
///
/// internal sealed class WidgetStore(SimWorld world)
/// {
///     public static WidgetStore For(SimWorld world) => world.Shared(() => new WidgetStore(world));
///     public Widget Create(string name) { lock (world.Gate) { /* rules; lifecycle = f(world.Time.GetUtcNow(), recorded times) */ } }
/// }
/// </code>
/// <list type="bullet">
/// <item><see cref="Time"/> + <see cref="Timing"/>: durations are <c>world.Timing.Of(TimeSpan.FromMinutes(5))</c>; compute
/// states lazily from recorded transition times so advancing a FakeTimeProvider changes what describes return.</item>
/// <item><see cref="Gate"/>: one lock for all simulated state; take it for every read or write of service state (the
/// services call each other, e.g. EC2 asks RDS which groups are in use, so one lock rules out deadlocks). Never await
/// while holding it.</item>
/// <item><see cref="Network"/>: VPCs, subnets, security groups, Elastic IPs (<see cref="ISimNetwork"/>, the EC2
/// simulation). <see cref="S3"/>: buckets and objects (<see cref="ISimObjectStore"/>, the S3 simulation). Both come
/// from <see cref="SimWorldOptions"/>, so this layer depends on neither simulation.</item>
/// <item><see cref="Ids"/>: AWS-shaped ids and ARNs. <see cref="Paging"/>: Marker/NextToken pages with configurable sizes.</item>
/// <item><see cref="RateLimits"/>: AWS-like token buckets the front end applies before a handler runs (off unless
/// configured).</item>
/// <item><see cref="Faults"/>: stores call <c>Faults.NoteCreated(service, id)</c> on create and
/// <c>Faults.IsHidden(service, id)</c> in describes (eventual consistency); the data plane reads
/// <c>Faults.VersionFault(label)</c> and <c>Faults.InstanceFailuresOf(envId)</c>.</item>
/// <item><see cref="Shared{T}"/>: one instance per type for state two services share (EB environments own ALBs that
/// ELBv2 describes); stores are reached this way. <see cref="Service{T}"/>: another registered handler by type.</item>
/// <item><see cref="AddSecurityGroupUsage"/>: report groups in use so EC2's DeleteSecurityGroup answers
/// DependencyViolation.</item>
/// </list>
/// </summary>
public sealed class SimWorld
{
    private readonly List<IAwsServiceHandler> services = [];
    private readonly List<ISimStateSource> stateSources = [];
    private readonly List<Func<IEnumerable<SecurityGroupUse>>> securityGroupUsages = [];
    private readonly Dictionary<Type, object> shared = [];
    private readonly ISimNetwork? network;
    private readonly ISimObjectStore? objectStore;

    /// <summary>Creates a world (tests may build one directly and call handlers in process); the network and the
    /// object store are created last, from <see cref="SimWorldOptions.Network"/> and <see cref="SimWorldOptions.ObjectStore"/>.</summary>
    public SimWorld(SimWorldOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Time = options.TimeProvider;
        Timing = options.Timing;
        AccountId = options.AccountId;
        Region = options.Region;
        LoggerFactory = options.LoggerFactory;
        Ids = new SimIds(options.Seed, Region, AccountId);
        Faults = new FaultInjector(Time, options.Seed);
        Calls = new CallLog();
        RateLimits = new SimRateLimits(options.RateLimits, Time, Timing);
        Paging = new SimPaging(options.PageSizesView, options.DefaultPageSize);
        network = options.Network?.Invoke(this);
        objectStore = options.ObjectStore?.Invoke(this);
    }

    public SimWorldOptions Options { get; }

    /// <summary>The clock every lifecycle reads.</summary>
    public TimeProvider Time { get; }

    /// <summary>The time-scale knob: <c>Timing.Of(realistic)</c>.</summary>
    public SimTiming Timing { get; }

    public string AccountId { get; }

    public string Region { get; }

    public ILoggerFactory LoggerFactory { get; }

    public SimIds Ids { get; }

    public FaultInjector Faults { get; }

    public CallLog Calls { get; }

    /// <summary>API rate limits (from <see cref="SimWorldOptions.RateLimits"/>), applied by the front end.</summary>
    public SimRateLimits RateLimits { get; }

    public SimPaging Paging { get; }

    /// <summary>The one lock over all simulated state (see the class remarks).</summary>
    public Lock Gate { get; } = new();

    /// <summary>VPCs, subnets, security groups, Elastic IPs: what EB, ELBv2 and RDS need from EC2.</summary>
    public ISimNetwork Network => network
        ?? throw new InvalidOperationException("This world has no network: set SimWorldOptions.Network.");

    /// <summary>The same network; kept for callers that read <c>world.Ec2.SecurityGroups</c>.</summary>
    public ISimNetwork Ec2 => Network;

    /// <summary>S3 buckets and objects; <c>World.S3.PutObject(bucket, key, bytes)</c> seeds a bundle.</summary>
    public ISimObjectStore S3 => objectStore
        ?? throw new InvalidOperationException("This world has no object store: set SimWorldOptions.ObjectStore.");

    /// <summary>The simulator's endpoint once its server is listening (null for an in-process world).</summary>
    public Uri? Endpoint { get; internal set; }

    /// <summary>Sees every request a handler answered successfully and its response (tests validate both against the
    /// official models).</summary>
    internal Action<SimRequest, SimResponse>? ResponseObserver { get; set; }

    /// <summary>The registered handlers.</summary>
    public IReadOnlyList<IAwsServiceHandler> Services
    {
        get
        {
            lock (Gate)
            {
                return [.. services];
            }
        }
    }

    /// <summary>The registered handler of type <typeparamref name="T"/>, or null.</summary>
    public T? Service<T>() where T : class => Services.OfType<T>().FirstOrDefault();

    /// <summary>One shared instance of <typeparamref name="T"/> per world, created on first use.</summary>
    public T Shared<T>(Func<T> create) where T : class
    {
        lock (Gate)
        {
            if (!shared.TryGetValue(typeof(T), out var value))
            {
                value = create();
                shared[typeof(T)] = value;
            }

            return (T)value;
        }
    }

    /// <summary>Registers a source of security groups in use (called under <see cref="Gate"/>).</summary>
    public void AddSecurityGroupUsage(Func<IEnumerable<SecurityGroupUse>> usage)
    {
        lock (Gate)
        {
            securityGroupUsages.Add(usage);
        }
    }

    /// <summary>Every security group use reported by any service (call under <see cref="Gate"/>).</summary>
    public IEnumerable<SecurityGroupUse> SecurityGroupUses() => securityGroupUsages.SelectMany(u => u());

    /// <summary>Adds something to the state dump that is not a handler.</summary>
    public void AddStateSource(ISimStateSource source)
    {
        lock (Gate)
        {
            stateSources.Add(source);
        }
    }

    /// <summary>The whole simulated account as JSON, secrets redacted.</summary>
    public JsonObject DumpState()
    {
        lock (Gate)
        {
            var root = new JsonObject
            {
                ["time"] = Time.GetUtcNow().ToString("O"),
                ["accountId"] = AccountId,
                ["region"] = Region,
                ["timeScale"] = Timing.Scale,
            };
            ISimStateSource?[] parts = [network as ISimStateSource, objectStore as ISimStateSource];
            foreach (var source in parts.OfType<ISimStateSource>().Concat(services.OfType<ISimStateSource>()).Concat(stateSources))
            {
                root[source.StateName] = source.DumpState();
            }

            root["faults"] = FaultsJson();
            root["rateLimits"] = RateLimits.DumpState();
            SimRedaction.Redact(root);
            return root;
        }
    }

    internal void Register(IAwsServiceHandler handler)
    {
        lock (Gate)
        {
            if (services.Any(s => s.SigningName == handler.SigningName))
            {
                throw new InvalidOperationException($"A handler for '{handler.SigningName}' is already registered.");
            }

            services.Add(handler);
        }
    }

    internal IAwsServiceHandler? HandlerFor(string signingName)
    {
        lock (Gate)
        {
            return services.FirstOrDefault(s => s.SigningName == signingName);
        }
    }

    internal JsonObject FaultsJson() => new()
    {
        ["rules"] = new JsonArray([.. Faults.Rules.Select(r => (JsonNode)FaultJson.ToJson(r))]),
        ["consistencyWindows"] = new JsonObject(Faults.ConsistencyWindows.Select(kv =>
            KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value.TotalSeconds))),
        ["brokenVersions"] = new JsonObject(Faults.BrokenVersions.Select(kv =>
            KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value.ToString()))),
        ["instanceFailures"] = new JsonArray([.. Faults.InstanceFailures.Select(f => (JsonNode)new JsonObject
        {
            ["environmentId"] = f.EnvironmentId,
            ["instanceId"] = f.InstanceId,
            ["requestedAt"] = f.RequestedAt.ToString("O"),
        })]),
    };
}
