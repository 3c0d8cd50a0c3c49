using System.CommandLine;
using System.Net;
using System.Text.Json.Nodes;
using Ebops.Operator.Controllers.BlueGreenRelease;
using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Api;
using k8s.Autorest;

namespace Ebops.Operator.Cli;

/// <summary>
/// <c>promote | abort | retry | rollback NAME</c> (also <c>kubectl ebops ...</c>): sets <c>ebops.io/signal</c> and
/// <c>ebops.io/signal-by</c> on the BlueGreenRelease with one merge patch, nothing else. It refuses up front when the
/// release does not exist or its phase does not take the signal (<see cref="ReleaseSignals"/>); the patch carries the
/// resourceVersion it checked, so a release that moved on meanwhile is read and checked again.
/// </summary>
internal static class SignalVerb
{
    private const int Attempts = 3;

    public static Command Create(ReleaseSignal signal)
    {
        var verb = ReleaseSignals.Name(signal);
        var name = new Argument<string>("name") { Description = "Name of the BlueGreenRelease." };
        var who = new Option<string>("--who") { Description = "Who sends the signal (recorded as promotedBy and in events; default: the OS user)." };
        var flags = new KubectlFlags();
        var command = new Command(verb, Description(signal) + " Sets the ebops.io/signal annotation, which ebops applies once and removes: Git does not drift.");
        command.Arguments.Add(name);
        command.Options.Add(who);
        flags.AddTo(command);
        command.SetAction((parse, ct) => PluginCall.RunAsync(parse, flags, async (releases, ns, output) =>
        {
            var sender = parse.GetValue(who) is { Length: > 0 } given ? given : Environment.UserName;
            return await SendAsync(releases, ns, parse.GetValue(name)!, signal, sender, output, ct).ConfigureAwait(false);
        }));
        return command;
    }

    private static string Description(ReleaseSignal signal) => signal switch
    {
        ReleaseSignal.Promote => "Promote a release: the cut-over (phase AwaitingPromotion) or the next weighted step.",
        ReleaseSignal.Abort => "Abort a release before its cut-over (or during weighted steps); blue keeps serving.",
        ReleaseSignal.Retry => "Start a release that ended Aborted, RolledBack or Failed again.",
        _ => "Roll back: move traffic back to blue while it still runs (Baking, RetiringBlue, weighted steps).",
    };

    private static async Task<int> SendAsync(IResourceClient<BlueGreenRelease> releases, string ns, string name, ReleaseSignal signal, string sender,
        PluginOutput output, CancellationToken ct)
    {
        var verb = ReleaseSignals.Name(signal);
        for (var attempt = 1; ; attempt++)
        {
            var release = await releases.GetAsync(ns, name, ct).ConfigureAwait(false);
            if (release is null)
            {
                return output.NotFound(ns, name);
            }

            if (ReleaseSignals.Refusal(signal, release.Spec, release.Status) is { } refusal)
            {
                return output.Fail($"cannot {verb} {ns}/{name}: {refusal}");
            }

            var patch = new JsonObject
            {
                ["metadata"] = new JsonObject
                {
                    ["resourceVersion"] = release.Metadata.ResourceVersion,
                    ["annotations"] = new JsonObject { [EbopsAnnotations.Signal] = verb, [EbopsAnnotations.SignalBy] = sender },
                },
            };
            try
            {
                await releases.PatchAsync(ns, name, patch, ct).ConfigureAwait(false);
            }
            catch (HttpOperationException e) when (e.Response?.StatusCode == HttpStatusCode.Conflict && attempt < Attempts)
            {
                continue;
            }

            output.Line($"{verb} requested for bluegreenrelease/{name} in {ns} by {sender} (phase {release.Status!.Phase}).");
            output.Line("ebops applies it once, then removes the annotation; follow it with: kubectl ebops status " + name + " -n " + ns);
            return 0;
        }
    }
}
