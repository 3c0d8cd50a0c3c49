using System.Net;
using System.Text.Json.Nodes;
using Ebops.Sandbox.Aws.Core;
using Microsoft.Extensions.Logging;
using C = Ebops.Sandbox.Aws.ElasticBeanstalk.EbConstants;

namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>
/// The world's one Elastic Beanstalk simulation: builds the stores (one per aggregate: applications, versions,
/// templates, environments, health, events, tags, configurations) and the data plane they drive, and offers what
/// in-process callers (tests, the demo) read directly. The handler's operations use the same stores.
/// </summary>
public sealed class ElasticBeanstalkState : IAsyncDisposable
{
    private readonly SimWorld world;
    private readonly EbLoadBalancing loadBalancing;
    private readonly EbInstances instances;

    private ElasticBeanstalkState(SimWorld world)
    {
        this.world = world;
        var log = world.LoggerFactory.CreateLogger("Ebops.Sandbox.Aws.ElasticBeanstalk");
        loadBalancing = new EbLoadBalancing(world);
        var events = new EbEventLog(world);
        var applications = new ApplicationStore(world);
        var environments = new EnvironmentIndex(world);
        var platforms = new PlatformStore(world.Region);
        Stores = new EbStores(
            applications,
            new VersionStore(world, applications, environments, events),
            new TemplateStore(world, applications, environments, platforms),
            environments,
            platforms,
            new HealthStore(world, environments, loadBalancing, events),
            events);
        instances = new EbInstances(world, loadBalancing, events);
        var provisioner = new EnvironmentProvisioner(world, loadBalancing, instances, events, log);
        var deployments = new EbDeployments(world, instances, loadBalancing, events, log);
        Environments = new EnvironmentStore(world, Stores, provisioner, instances, deployments, new EnvironmentEvents(world, events), log);
        Configurations = new ConfigurationStore(world, Stores);
        Tags = new TagStore(world, Stores);
        world.Faults.Changed += instances.ApplyFaults;
        world.AddSecurityGroupUsage(environments.SecurityGroupsInUse);
    }

    internal EbStores Stores { get; }

    internal EnvironmentStore Environments { get; }

    internal ConfigurationStore Configurations { get; }

    internal TagStore Tags { get; }

    /// <summary>The world's one EB simulation (shared by the handler and in-process callers).</summary>
    public static ElasticBeanstalkState For(SimWorld world) => world.Shared(() => new ElasticBeanstalkState(world));

    /// <summary>
    /// The loopback endpoint behind an environment CNAME (e.g. <c>web-blue.ap-northeast-2.elasticbeanstalk.com</c>):
    /// its ALB's HTTP:80 listener; null when no live environment has that CNAME. Follows SwapEnvironmentCNAMEs.
    /// </summary>
    public IPEndPoint? ResolveCname(string cname) =>
        Stores.Environments.LoadBalancerOfCname(cname) is { } alb ? loadBalancing.Endpoint(alb) : null;

    /// <summary>The instance ids of an environment (for fault injection and tests).</summary>
    public IReadOnlyList<string> InstanceIds(string environmentId)
    {
        lock (world.Gate)
        {
            return [.. Stores.Environments.All().FirstOrDefault(e => e.Id == environmentId)?.Instances.Select(i => i.Id) ?? []];
        }
    }

    /// <summary>The instance security groups of live environments.</summary>
    internal IEnumerable<SecurityGroupUse> SecurityGroupsInUse() => Stores.Environments.SecurityGroupsInUse();

    /// <summary>Applications (versions, templates) and environments (status, health, load balancer, instances).</summary>
    public JsonNode DumpState()
    {
        lock (world.Gate)
        {
            var now = world.Time.GetUtcNow();
            return new JsonObject
            {
                ["applications"] = new JsonArray([.. Stores.Applications.All().Select(a => (JsonNode)new JsonObject
                {
                    ["name"] = a.Name,
                    ["tags"] = a.Tags.ToJson(),
                    ["versions"] = new JsonArray([.. Stores.Versions.CreatedOf(a.Name).Select(v => (JsonNode)new JsonObject
                    {
                        ["label"] = v.Label,
                        ["status"] = v.StatusAt(now),
                        ["bundle"] = v.S3Bucket is null ? null : $"s3://{v.S3Bucket}/{v.S3Key}",
                        ["fault"] = world.Faults.VersionFault(v.Label)?.ToString(),
                    })]),
                    ["templates"] = new JsonArray([.. Stores.Templates.NamesOf(a.Name).Select(t => (JsonNode)t)]),
                })]),
                ["environments"] = new JsonArray([.. Stores.Environments.All().Select(e => (JsonNode)Dump(e, now))]),
            };
        }
    }

    public async ValueTask DisposeAsync()
    {
        world.Faults.Changed -= instances.ApplyFaults;
        await Stores.Health.DisposeAsync().ConfigureAwait(false);
        await instances.StopAllAsync(Stores.Environments.All()).ConfigureAwait(false);
    }

    private JsonObject Dump(EbEnvironment e, DateTimeOffset now)
    {
        var health = Stores.Health.Of(e);
        return new JsonObject
        {
            ["id"] = e.Id,
            ["name"] = e.Name,
            ["application"] = e.ApplicationName,
            ["status"] = e.StatusAt(now),
            ["tags"] = e.Tags.ToJson(),
            ["health"] = health.Color,
            ["healthStatus"] = health.HealthStatus,
            ["version"] = e.VersionLabel,
            ["cname"] = e.Cname,
            ["loadBalancer"] = e.LoadBalancerArn,
            ["loopback"] = e.LoadBalancerArn is null ? null : loadBalancing.Endpoint(e.LoadBalancerArn)?.ToString(),
            ["instances"] = new JsonArray([.. e.Instances.Select(i => (JsonNode)new JsonObject
            {
                ["id"] = i.Id,
                ["endpoint"] = i.Server.Endpoint.ToString(),
                ["version"] = i.Server.VersionLabel,
                ["behavior"] = i.Server.Behavior.Kind.ToString(),
            })]),

            // Environment variables may hold secrets (RDS_PASSWORD): the dump names them only.
            ["environmentVariables"] = new JsonArray([.. e.Options.Where(o => o.Namespace == C.AppEnvironmentNamespace).Select(o => (JsonNode)o.OptionName)]),
        };
    }
}
