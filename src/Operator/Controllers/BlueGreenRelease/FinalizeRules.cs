using Ebops.Operator.Entities;

namespace Ebops.Operator.Controllers.BlueGreenRelease;

/// <summary>
/// Deleting a BlueGreenRelease: the environment that serves traffic is left alone (the app keeps running); the other
/// one, when this release created it (a green that was never promoted, a blue kept for rollback, an aborted green kept
/// for inspection), leaves its target group and is terminated. A listener split between both colours (a weighted shift
/// in progress) is first put back on the serving colour.
/// </summary>
internal static class FinalizeRules
{
    public static ReleaseDecision Finalizing(ReleaseContext ctx)
    {
        var status = ctx.Status;
        var serving = Serving(ctx);
        status.ActiveColor = serving;
        if (ctx.UsesFrontend && serving is { } keep && ctx.Seen.ListenerColor is null && ctx.Seen.Environment(keep) is not null)
        {
            return ctx.Act(new SwitchListener(keep), $"putting every new connection back on {ctx.EnvironmentName(keep)} before the release is deleted");
        }

        foreach (var color in new[] { DeploymentColor.Blue, DeploymentColor.Green }.Where(c => c != serving))
        {
            var environment = ctx.Seen.Environment(color);
            if (environment is { ReleaseNumber: null } && !ctx.Seen.RegisteredAlbs.ContainsKey(color))
            {
                // Not created by this release (built by hand or adopted): never touched.
                continue;
            }

            if (EndRules.Retire(ctx, color) is { } step)
            {
                return step;
            }
        }

        var kept = serving is { } s && ctx.Seen.Environment(s) is { } e ? $"{e.Name} keeps serving" : "no environment served traffic";
        status.Message = $"deleted: {kept}";
        return new ReleaseDecision(null, null, ctx.Events, null);
    }

    /// <summary>The colour that serves, as AWS shows it: a listener (or the production CNAME) already moved to the other
    /// colour wins over a status that did not record it yet.</summary>
    private static DeploymentColor? Serving(ReleaseContext ctx)
    {
        if (ctx.Status.ActiveColor is not { } active)
        {
            return null;
        }

        var other = active.Other();
        if (ctx.UsesFrontend)
        {
            return ctx.Seen.ListenerColor == other && ctx.Seen.Environment(other) is not null ? other : active;
        }

        var production = ctx.Status.Traffic?.ProductionCname;
        return production is not null && ctx.Seen.Environment(other)?.Cname == production ? other : active;
    }
}
