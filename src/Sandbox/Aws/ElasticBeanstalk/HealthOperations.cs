using System.Xml.Linq;
using Ebops.Sandbox.Aws.Core;
using C = Ebops.Sandbox.Aws.ElasticBeanstalk.EbConstants;
using X = Ebops.Sandbox.Aws.Core.SimXml;

namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>DescribeEnvironmentHealth, DescribeInstancesHealth (AttributeNames pick the members; none means All).</summary>
internal sealed class HealthOperations(SimWorld world, HealthStore health, EbPaging paging) : ISimOperations
{
    private static readonly (string Name, double Fraction)[] Percentiles =
        [("P999", 0.999), ("P99", 0.99), ("P95", 0.95), ("P90", 0.90), ("P85", 0.85), ("P75", 0.75), ("P50", 0.50), ("P10", 0.10)];

    public void Register(OperationTable table) => table
        .Add("DescribeEnvironmentHealth", DescribeEnvironmentHealth)
        .Add("DescribeInstancesHealth", DescribeInstancesHealth);

    private SimResponse DescribeEnvironmentHealth(SimRequest request, SimParams p)
    {
        var report = health.Describe(p.Get("EnvironmentId"), p.Get("EnvironmentName"));
        var (environment, current) = (report.Environment, report.Health);
        var want = Wanted(p);
        return EbXml.Respond(
            request,
            X.Opt("EnvironmentName", environment.Name),
            want("HealthStatus") ? X.Opt("HealthStatus", current.HealthStatus) : null,
            want("Status") ? X.Opt("Status", environment.StatusAt(world.Time.GetUtcNow())) : null,
            want("Color") ? X.Opt("Color", current.Color) : null,
            want("Causes") ? X.Strings("Causes", current.Causes) : null,
            want("ApplicationMetrics") ? Metrics(report.Metrics, report.DurationSeconds) : null,
            want("InstancesHealth") ? X.E("InstancesHealth", [.. EbHealthRules.Statuses.Select(k => X.Opt(k, current.Instances[k]))]) : null,
            want("RefreshedAt") ? X.Opt("RefreshedAt", world.Time.GetUtcNow()) : null);
    }

    private SimResponse DescribeInstancesHealth(SimRequest request, SimParams p)
    {
        var report = health.Describe(p.Get("EnvironmentId"), p.Get("EnvironmentName"));
        var environment = report.Environment;
        var want = Wanted(p);
        var page = paging.Page(health.InstancesOf(environment), p, request.Action);
        var instanceType = environment.Option(C.LaunchConfigurationNamespace, "InstanceType") ?? "t3.micro";
        return EbXml.Respond(
            request,
            X.Members("InstanceHealthList", page.Items, i =>
            {
                var status = report.Health.InstanceStatus.GetValueOrDefault(i.Id, C.NoData);
                return
                [
                    X.Opt("InstanceId", i.Id),
                    want("HealthStatus") ? X.Opt("HealthStatus", status) : null,
                    want("Color") ? X.Opt("Color", status switch { C.Ok or C.Info => C.Green, C.Severe => C.Red, C.Warning => C.Yellow, _ => C.Grey }) : null,
                    want("Causes") ? X.Strings("Causes", Causes(status)) : null,
                    want("LaunchedAt") ? X.Opt("LaunchedAt", i.LaunchedAt) : null,
                    want("Deployment") ? X.E("Deployment", X.Opt("VersionLabel", i.Server.VersionLabel), X.Opt("DeploymentId", i.DeploymentId), X.Opt("Status", i.DeploymentStatus), X.Opt("DeploymentTime", i.DeployedAt)) : null,
                    want("AvailabilityZone") ? X.Opt("AvailabilityZone", i.AvailabilityZone) : null,
                    want("InstanceType") ? X.Opt("InstanceType", instanceType) : null,
                ];
            }),
            want("RefreshedAt") ? X.Opt("RefreshedAt", world.Time.GetUtcNow()) : null,
            X.Opt("NextToken", page.NextToken));
    }

    private static string[] Causes(string status) => status switch
    {
        C.Severe => ["Instance failed ELB health checks."],
        C.Info => ["Performing application deployment."],
        _ => [],
    };

    private static Func<string, bool> Wanted(SimParams p)
    {
        var names = p.Members("AttributeNames");
        return name => names.Count == 0 || names.Contains("All") || names.Contains(name);
    }

    private static XElement? Metrics(EbMetricSample? metrics, int duration)
    {
        if (metrics is null)
        {
            return null;
        }

        return X.E(
            "ApplicationMetrics",
            X.Opt("Duration", duration),
            X.Opt("RequestCount", (int)Math.Min(int.MaxValue, metrics.Requests)),
            X.E("StatusCodes", X.Opt("Status2xx", (int)metrics.Status2xx), X.Opt("Status3xx", (int)metrics.Status3xx), X.Opt("Status4xx", (int)metrics.Status4xx), X.Opt("Status5xx", (int)metrics.Status5xx)),
            metrics.Latencies.Count == 0 ? null : X.E(
                "Latency",
                [.. Percentiles.Select(p => X.Opt(p.Name, Math.Round(metrics.Latencies.Percentile(p.Fraction)!.Value.TotalSeconds, 3, MidpointRounding.AwayFromZero)))]));
    }
}
