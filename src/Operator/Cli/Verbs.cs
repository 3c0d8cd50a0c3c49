using System.CommandLine;

namespace Ebops.Operator.Cli;

/// <summary>The list of verbs. Each verb lives in its own file and is added here with one line.</summary>
internal static class Verbs
{
    public static IEnumerable<Command> All()
    {
        yield return VersionVerb.Create();
        yield return RunVerb.Create();
        yield return GenerateCrdsVerb.Create();
        yield return SandboxVerb.Create();
        yield return DemoVerb.Create();
        yield return GenerateArgoCdVerb.Create();
        foreach (var signal in Controllers.BlueGreenRelease.ReleaseSignals.All)
        {
            yield return SignalVerb.Create(signal);
        }

        yield return StatusVerb.Create();
    }
}
