using System.Globalization;
using Ebops.Operator.Aws.Core;
using Ebops.Operator.Aws.Elbv2;
using Ebops.Operator.Entities;
using Ebops.Operator.Resources.ElasticBeanstalk;
using Ebops.Operator.Resources.Elbv2;
using Microsoft.Extensions.Logging;

namespace Ebops.Operator.Controllers.BlueGreenRelease;

/// <summary>
/// Measures one gate round against green: EB enhanced health (every instance Ok), target health (its ALB in the NLB
/// target group, or its instances behind its own ALB without a frontend), an HTTP GET of its environment URL, and while
/// baking its 5xx share. A measurement that fails itself (throttling, an AWS timeout) is Inconclusive, never Failed.
/// </summary>
internal sealed class GateMeasurer(EnvironmentManager environments, TargetGroupManager targetGroups, HttpProbe probe, ILogger<GateMeasurer> logger)
{
    public async Task<IReadOnlyList<GateCheckResult>> MeasureAsync(IReadOnlyList<HealthGateCheck> checks, GateTarget target, CancellationToken cancellationToken)
    {
        var results = new List<GateCheckResult>();
        var health = target.Green.Health;
        foreach (var check in checks)
        {
            try
            {
                if ((check.EbHealth is not null || check.Name == BakeRules.ErrorRateCheck) && health is null)
                {
                    health = await environments.ReadHealthAsync(target.Green.Environment, cancellationToken).ConfigureAwait(false);
                }

                results.Add(await MeasureAsync(check, target, health, cancellationToken).ConfigureAwait(false));
            }
            catch (AwsApiException e) when (!e.IsTerminal && !cancellationToken.IsCancellationRequested)
            {
                Log.CheckInconclusive(logger, check.Name, target.Green.View.Name, e.Code);
                results.Add(new GateCheckResult(check.Name, GateCheckPhase.Inconclusive, $"could not measure: {e.Service} {e.Operation} answered {e.Code}"));
            }
        }

        return results;
    }

    private async Task<GateCheckResult> MeasureAsync(HealthGateCheck check, GateTarget target, EbEnvironmentHealth? health, CancellationToken cancellationToken)
    {
        if (check.EbHealth is { } eb)
        {
            return EbHealth(check.Name, eb, health!);
        }

        if (check.TargetHealth is not null)
        {
            return target.UsesFrontend
                ? InGroup(check.Name, target.TargetHealthInGroup)
                : await BehindAlbAsync(check.Name, target.Green, cancellationToken).ConfigureAwait(false);
        }

        if (check.Http is { } http)
        {
            return await HttpAsync(check.Name, http, target.Green, cancellationToken).ConfigureAwait(false);
        }

        return ErrorRate(check.Name, health!.Metrics, target.Gate.MaxErrorPercent);
    }

    /// <summary>
    /// Enhanced health no worse than minStatus, and every instance no worse either. Health EB has not determined yet
    /// (Pending, NoData, Unknown: an environment that just launched) is inconclusive, not a failure.
    /// </summary>
    public static GateCheckResult EbHealth(string name, EbHealthCheck check, EbEnvironmentHealth health)
    {
        var allowed = check.MinStatus switch
        {
            EbHealthStatus.Ok => new[] { "Ok" },
            EbHealthStatus.Info => ["Ok", "Info"],
            _ => ["Ok", "Info", "Warning"],
        };
        var instances = health.Instances;
        var good = instances.Ok + (check.MinStatus >= EbHealthStatus.Info ? instances.Info : 0) + (check.MinStatus >= EbHealthStatus.Warning ? instances.Warning : 0);
        var undetermined = instances.Pending + instances.NoData + instances.Unknown;
        var evidence = $"health {health.HealthStatus ?? "unknown"}, {good}/{instances.Total} instances {(check.MinStatus == EbHealthStatus.Ok ? "Ok" : "at least " + check.MinStatus)}";
        if (health.Causes.Count > 0)
        {
            evidence += ": " + string.Join("; ", health.Causes.Take(2));
        }

        var phase = allowed.Contains(health.HealthStatus) && instances.Total > 0 && good == instances.Total ? GateCheckPhase.Successful
            : health.HealthStatus is null or "Pending" or "NoData" or "Unknown" || good + undetermined == instances.Total ? GateCheckPhase.Inconclusive
            : GateCheckPhase.Failed;
        return new GateCheckResult(name, phase, evidence);
    }

    /// <summary>Healthy passes; still being checked (initial) or not checked yet (unused: not forwarded to) is
    /// inconclusive; anything else (unhealthy, draining, not registered) fails.</summary>
    private static GateCheckResult InGroup(string name, string? state) => state switch
    {
        Elbv2Statuses.TargetHealthy => new GateCheckResult(name, GateCheckPhase.Successful, "ALB healthy in its NLB target group"),
        Elbv2Statuses.TargetInitial or Elbv2Statuses.TargetUnused => new GateCheckResult(name, GateCheckPhase.Inconclusive, $"ALB {state} in its NLB target group (not checked yet)"),
        _ => new GateCheckResult(name, GateCheckPhase.Failed, $"ALB {state ?? "not registered"} in its NLB target group"),
    };

    private async Task<GateCheckResult> BehindAlbAsync(string name, EnvironmentSnapshot green, CancellationToken cancellationToken)
    {
        if (green.View.AlbArn is not { } alb)
        {
            return new GateCheckResult(name, GateCheckPhase.Inconclusive, "the environment's load balancer is not known yet");
        }

        var targets = await targetGroups.ReadLoadBalancerTargetHealthAsync(alb, cancellationToken).ConfigureAwait(false);
        var healthy = targets.Count(t => t.IsHealthy);
        var checking = targets.Count(t => t.State == Elbv2Statuses.TargetInitial);
        var evidence = $"{healthy}/{targets.Count} instances healthy behind the environment's ALB";
        var phase = targets.Count > 0 && healthy == targets.Count ? GateCheckPhase.Successful
            : targets.Count == 0 || healthy + checking == targets.Count ? GateCheckPhase.Inconclusive
            : GateCheckPhase.Failed;
        return new GateCheckResult(name, phase, evidence);
    }

    private async Task<GateCheckResult> HttpAsync(string name, HttpCheck http, EnvironmentSnapshot green, CancellationToken cancellationToken)
    {
        if (green.View.Cname is not { Length: > 0 } host)
        {
            return new GateCheckResult(name, GateCheckPhase.Inconclusive, "the environment has no URL yet");
        }

        var body = http.ExpectBody?.Replace("{version}", green.View.VersionLabel ?? "", StringComparison.Ordinal);
        var (passed, evidence) = await probe.GetAsync(new Uri($"http://{host}{http.Path}"), new HttpExpectation(http.ExpectStatus, body),
            TimeSpan.FromSeconds(http.TimeoutSeconds), cancellationToken).ConfigureAwait(false);
        return new GateCheckResult(name, passed ? GateCheckPhase.Successful : GateCheckPhase.Failed, $"GET {http.Path}: {evidence}");
    }

    /// <summary>Green's 5xx share of its requests in EB's last metrics window; no requests passes.</summary>
    public static GateCheckResult ErrorRate(string name, EbApplicationMetrics? metrics, int maxPercent)
    {
        var requests = metrics?.RequestCount ?? 0;
        if (requests == 0)
        {
            return new GateCheckResult(name, GateCheckPhase.Successful, "no requests in the last metrics window");
        }

        var percent = 100.0 * (metrics!.Status5xx ?? 0) / requests;
        var evidence = $"{percent.ToString("0.##", CultureInfo.InvariantCulture)}% 5xx of {requests} requests (at most {maxPercent}%)";
        return new GateCheckResult(name, percent <= maxPercent ? GateCheckPhase.Successful : GateCheckPhase.Failed, evidence);
    }
}
