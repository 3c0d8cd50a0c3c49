using System.Text.Json.Nodes;
using Ebops.Operator.Controllers.BlueGreenRelease;
using Ebops.Operator.Entities;
using Ebops.Operator.Tests.Controllers.Support.Release;
using static Ebops.Operator.Tests.Controllers.Support.Release.ReleaseScript;

namespace Ebops.Operator.Tests.Controllers.BlueGreenRelease;

/// <summary>The gate's http check with expectBody: green must answer with the text, {version} being its own label.</summary>
public sealed class ReleaseHttpBodyTests
{
    [Fact]
    public async Task A_green_answering_with_its_own_version_passes_the_body_check()
    {
        await using var world = await ReleaseWorld.StartAsync();
        await world.SetUpAsync("1.0.1");

        await world.PatchSpecAsync(HttpOnly("\"version\":\"{version}\""));
        await world.SetVersionAsync("1.0.2");
        var released = await world.UntilAsync(r => IsReady(r, "1.0.2"), TimeSpan.FromHours(1), "1.0.2 is released");

        Assert.Equal("1.0.2", released.Status!.StableVersion);
    }

    [Fact]
    public async Task A_green_without_the_expected_text_fails_the_gate_and_the_release_aborts()
    {
        await using var world = await ReleaseWorld.StartAsync();
        await world.SetUpAsync("1.0.1");
        var current = await world.CurrentAsync();

        await world.PatchSpecAsync(HttpOnly("\"version\":\"9.9.9\""));
        await world.SetVersionAsync("1.0.2");
        var aborting = await world.UntilPhaseAsync(ReleasePhase.Aborting);

        Assert.Equal(ReleaseReasons.GateFailed, aborting.Status!.Reason);
        Assert.Contains(aborting.Status.Gate!.Checks!, c => c.Phase == GateCheckPhase.Failed && c.Message!.Contains("HTTP 200, body without \"\"version\":\"9.9.9\"\"", StringComparison.Ordinal));
        Assert.Equal("1.0.1", current.Status!.StableVersion);
    }

    private static JsonObject HttpOnly(string text) => new()
    {
        ["healthGate"] = new JsonObject
        {
            ["checks"] = new JsonArray(new JsonObject
            {
                ["name"] = "http-root",
                ["http"] = new JsonObject { ["path"] = "/", ["expectBody"] = text },
            }),
        },
    };
}
