using System.Text.Json.Nodes;
using Ebops.Operator.Entities;
using Ebops.Operator.Tests.Controllers.Support.Release;
using static Ebops.Operator.Tests.Controllers.Support.Release.ReleaseScript;

namespace Ebops.Operator.Tests.Controllers.BlueGreenRelease;

/// <summary>No cut-over while the app's database is modifying, rebooting or waiting for a reboot.</summary>
public sealed class ReleaseDatabaseGuardTests
{
    [Fact]
    public async Task A_promoted_release_waits_while_the_database_is_modifying_then_cuts_over()
    {
        await using var world = await ReleaseWorld.StartAsync();
        await world.SetUpAsync("1.0.1", database: true);
        await world.PatchSpecAsync(new JsonObject { ["strategy"] = new JsonObject { ["autoPromotion"] = false } });
        await world.SetVersionAsync("1.0.2");
        await world.UntilPhaseAsync(ReleasePhase.AwaitingPromotion);

        // A bigger instance class: RDS modifies the instance for a while.
        await world.PatchAsync<Ebops.Operator.Entities.RdsDatabase>(ReleaseSamples.Database, new JsonObject { ["spec"] = new JsonObject { ["instanceClass"] = "db.t3.small" } });
        await world.RunUntilAsync<Ebops.Operator.Entities.RdsDatabase>(ReleaseSamples.Database, d => d.Status?.InstanceStatus == "modifying", TimeSpan.FromMinutes(10), "the database modifies");
        await world.SignalAsync("promote", "frank");

        var waited = false;
        var done = await world.UntilAsync(r => IsReady(r, "1.0.2"), TimeSpan.FromHours(1), "1.0.2 is released once the database is available", async () =>
        {
            var database = await world.GetAsync<Ebops.Operator.Entities.RdsDatabase>(ReleaseSamples.Database);
            var release = await world.CurrentAsync();
            if (database.Status?.InstanceStatus == "modifying")
            {
                Assert.Equal(ReleasePhase.AwaitingPromotion, release.Status!.Phase);
                waited |= release.Status.Message?.Contains("no cut-over while the database is modifying", StringComparison.Ordinal) == true;
            }
        });

        Assert.True(waited, "the release said why it waited");
        Assert.Equal("frank", done.Status!.History![0].PromotedBy);
        Assert.Equal(["1.0.2"], (await world.RequestsAsync(3)).Keys);
    }
}
