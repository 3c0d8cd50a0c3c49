using System.Globalization;

namespace Ebops.Operator.Tests.Reliability.Soak;

/// <summary>
/// The soak's size and seed: 3 applications (one per cut-over method) × 2 releases by default, 50 × 20 with
/// <c>EBOPS_LONG_TESTS=1</c>; <c>EBOPS_SOAK_APPS</c> and <c>EBOPS_SOAK_RELEASES</c> set either (a medium run, to
/// measure). <c>EBOPS_SOAK_SEED</c> replays a run with the seed it printed.
/// </summary>
internal sealed record SoakSettings
{
    public const int DefaultSeed = 20261205;

    public int Apps { get; init; } = 3;

    /// <summary>Releases per application after its first one.</summary>
    public int Releases { get; init; } = 2;

    /// <summary>The seed of the fault plan and of the simulator's draws.</summary>
    public int Seed { get; init; } = DefaultSeed;

    /// <summary>Load clients per frontend (NLB, or the environment's CNAME for CnameSwap; half on one kept-alive
    /// connection, half opening one per request), each sending one request after every step of the simulation.</summary>
    public int LoadClients { get; init; } = 4;

    public static SoakSettings Current
    {
        get
        {
            var size = LongTests.Enabled ? new SoakSettings { Apps = 50, Releases = 20 } : new SoakSettings();
            return size with
            {
                Apps = Number("EBOPS_SOAK_APPS") ?? size.Apps,
                Releases = Number("EBOPS_SOAK_RELEASES") ?? size.Releases,
                Seed = Number("EBOPS_SOAK_SEED") ?? DefaultSeed,
            };
        }
    }

    private static int? Number(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;
}
