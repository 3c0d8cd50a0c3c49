using Ebops.Sandbox.Aws.Core;

namespace Ebops.Operator.Tests.Reliability.Soak;

/// <summary>
/// The soak's faults, drawn from one seeded <see cref="Random"/>: each wave of releases gets one or two of the
/// simulator's API faults (30 % throttling, 10 % 5xx, 2 s added latency, each for 5 to 20 simulated minutes, or an
/// outage of 1 to 3 minutes), on every service or on one, starting within the wave's first 10 minutes. Every fourth
/// wave (the 2nd, 6th, ...) one application's new version never turns healthy (its instances answer 500), so that
/// release must end Aborted; every other release must end Succeeded.
/// </summary>
internal sealed class SoakFaultPlan(int seed)
{
    public const string Throttling = "throttling";
    public const string ServerErrors = "5xx";
    public const string Latency = "latency";
    public const string Outage = "outage";
    public const string BrokenVersion = "broken version";

    private static readonly string[] Kinds = [Throttling, ServerErrors, Latency, Outage];
    private static readonly string?[] Services = [null, null, "elasticbeanstalk", "elasticloadbalancing", "ec2", "s3"];
    private readonly Random random = new(seed);

    /// <summary>The faults of wave <paramref name="wave"/> (1-based), added to <paramref name="sim"/> from
    /// <paramref name="start"/>; returns them, and the application whose version is broken (if any).</summary>
    public (IReadOnlyList<SoakFault> Faults, SoakApp? Broken) Apply(int wave, DateTimeOffset start, SimWorld sim, IReadOnlyList<SoakApp> apps, Func<SoakApp, string> label)
    {
        var faults = new List<SoakFault>();
        foreach (var kind in Kinds.OrderBy(_ => random.Next()).Take(1 + random.Next(2)).ToList())
        {
            var service = Services[random.Next(Services.Length)];
            var from = TimeSpan.FromSeconds(random.Next(0, 600));
            var length = kind == Outage ? TimeSpan.FromSeconds(random.Next(60, 181)) : TimeSpan.FromSeconds(random.Next(300, 1201));
            var rule = kind switch
            {
                Throttling => FaultRule.Throttle(service, fraction: 0.3),
                ServerErrors => FaultRule.ServerError(service, fraction: 0.1),
                Latency => FaultRule.Delay(service, TimeSpan.FromSeconds(2)),
                _ => FaultRule.Outage(service, start, start),
            };
            sim.Faults.Add(rule with { From = start + from, Until = start + from + length });
            faults.Add(new SoakFault(kind, service, from, length));
        }

        SoakApp? broken = null;
        if (wave % 4 == 2)
        {
            broken = apps[random.Next(apps.Count)];
            sim.Faults.BreakVersion(label(broken), VersionFaultMode.Http500);
            faults.Add(new SoakFault(BrokenVersion, broken.Name, TimeSpan.Zero, TimeSpan.Zero));
        }

        return (faults, broken);
    }
}
