using System.CommandLine;

namespace Ebops.Operator.Cli;

/// <summary><c>status NAME</c> (also <c>kubectl ebops status NAME</c>): the release's state as a person reads it.</summary>
internal static class StatusVerb
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "Name of the BlueGreenRelease." };
        var flags = new KubectlFlags();
        var command = new Command("status", "Show a release: phase, gate checks, traffic, plan and history.");
        command.Arguments.Add(name);
        flags.AddTo(command);
        command.SetAction((parse, ct) => PluginCall.RunAsync(parse, flags, async (releases, ns, output) =>
        {
            var release = await releases.GetAsync(ns, parse.GetValue(name)!, ct).ConfigureAwait(false);
            if (release is null)
            {
                return output.NotFound(ns, parse.GetValue(name)!);
            }

            output.Write(ReleaseStatusView.Render(release, TimeProvider.System.GetUtcNow()));
            return 0;
        }));
        return command;
    }
}
