using Ebops.Operator.Entities;
using Ebops.Sandbox.Aws.Core;
using static Ebops.Operator.Tests.Controllers.Support.Release.ReleaseScript;

namespace Ebops.Operator.Tests.Reliability.Soak;

/// <summary>
/// The soak's check of what one wave of releases did in AWS: for every application exactly one green created and
/// exactly one environment terminated (blue when its release succeeded, green otherwise), no environment terminated
/// twice over the whole soak, and no two identical successful creates.
/// </summary>
internal sealed class SoakAudit
{
    private readonly HashSet<string> terminated = new(StringComparer.Ordinal);

    /// <summary>Environments terminated so far.</summary>
    public int Terminated => terminated.Count;

    /// <param name="what">Names the wave (and the seed) in failure messages.</param>
    /// <param name="calls">The wave's successful creates and terminations.</param>
    /// <param name="blues">Each application's serving environment when the wave started.</param>
    /// <param name="phases">How each application's release ended.</param>
    public void Check(string what, IReadOnlyList<SimCall> calls, IReadOnlyDictionary<string, string> blues, IReadOnlyDictionary<string, ReleasePhase> phases)
    {
        var terminations = calls.Where(c => c.Service == Eb && c.Action == "TerminateEnvironment").Select(c => c.Parameter("EnvironmentId") ?? "").ToList();
        foreach (var (app, phase) in phases)
        {
            var greens = calls.Count(c => c.Service == Eb && c.Action == "CreateEnvironment" && c.Parameter("ApplicationName") == app);
            Assert.True(greens == 1, $"{what}: {app}: {greens} environments created (one green expected)");
            var blueTerminated = terminations.Count(id => id == blues[app]);
            Assert.True(blueTerminated == (phase == ReleasePhase.Succeeded ? 1 : 0), $"{what}: {app} ended {phase}, its blue was terminated {blueTerminated} times");
        }

        Assert.True(terminations.Count == phases.Count, $"{what}: {terminations.Count} environments terminated for {phases.Count} releases");
        foreach (var id in terminations)
        {
            Assert.True(terminated.Add(id), $"{what}: environment {id} terminated twice");
        }

        var duplicates = calls.Where(c => c.Action.StartsWith("Create", StringComparison.Ordinal))
            .GroupBy(c => c.Service + " " + c.Action + " " + string.Join("&", c.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value)))
            .Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"{what}: duplicated {string.Join("; ", duplicates)}");
    }
}
