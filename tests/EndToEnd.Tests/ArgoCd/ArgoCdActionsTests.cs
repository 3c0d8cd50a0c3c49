using System.Text.Json.Nodes;
using Ebops.Operator.Controllers.BlueGreenRelease;
using Ebops.Operator.Entities;

namespace Ebops.EndToEnd.Tests.ArgoCd;

/// <summary>The BlueGreenRelease actions of the shipped argocd-cm, run by the real Lua 5.1 interpreter in Argo CD's sandbox.</summary>
public sealed class ArgoCdActionsTests
{
    public static TheoryData<string> Fixtures() => new(ReleaseFixtures.All.Select(f => f.Name));

    [Fact]
    public void The_release_has_exactly_the_four_signal_actions()
    {
        Assert.Equal(ReleaseSignals.All.Select(ReleaseSignals.Name).Order(), ArgoCdConfig.ActionNames("BlueGreenRelease").Order());
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task Discovery_enables_exactly_the_signals_the_release_takes_in_its_phase(string fixture)
    {
        var release = ReleaseFixtures.All.Single(f => f.Name == fixture).Release;

        var actions = (await ArgoCdVm.RunAsync(ArgoCdConfig.Discovery("BlueGreenRelease"), ReleaseFixtures.Json(release)))!.AsObject();

        Assert.Equal(ReleaseSignals.All.Select(ReleaseSignals.Name).Order(), actions.Select(a => a.Key).Order());
        foreach (var signal in ReleaseSignals.All)
        {
            var enabled = !(bool)actions[ReleaseSignals.Name(signal)]!["disabled"]!;
            Assert.True(ReleaseSignals.Accepts(signal, release.Spec, release.Status) == enabled,
                $"{fixture}: discovery {(enabled ? "enables" : "disables")} {ReleaseSignals.Name(signal)}");
            Assert.NotNull((string?)actions[ReleaseSignals.Name(signal)]!["displayName"]);
        }
    }

    public static TheoryData<string> Signals() => new(ReleaseSignals.All.Select(ReleaseSignals.Name));

    [Theory]
    [MemberData(nameof(Signals))]
    public async Task An_action_sets_the_two_signal_annotations_and_changes_nothing_else(string signal)
    {
        var release = ReleaseFixtures.All.Single(f => f.Name == "AwaitingPromotion (manual)").Release;
        var before = ReleaseFixtures.Json(release);

        var after = (await ArgoCdVm.RunAsync(ArgoCdConfig.Action("BlueGreenRelease", signal), before))!;

        var expected = before.DeepClone();
        expected["metadata"]!["annotations"]![EbopsAnnotations.Signal] = signal;
        expected["metadata"]!["annotations"]![EbopsAnnotations.SignalBy] = "argocd";
        Assert.True(JsonNode.DeepEquals(Normalize(expected), Normalize(after)), after.ToJsonString());
    }

    [Fact]
    public async Task An_action_on_an_object_without_annotations_creates_them()
    {
        var release = ReleaseFixtures.All.Single(f => f.Name == "Baking").Release;
        release.Metadata.Annotations = null;

        var after = (await ArgoCdVm.RunAsync(ArgoCdConfig.Action("BlueGreenRelease", "rollback"), ReleaseFixtures.Json(release)))!;

        Assert.Equal("rollback", (string?)after["metadata"]!["annotations"]![EbopsAnnotations.Signal]);
        Assert.Equal("argocd", (string?)after["metadata"]!["annotations"]![EbopsAnnotations.SignalBy]);
    }

    /// <summary>Lua numbers come back as doubles and keys sorted; compare values, not spelling.</summary>
    private static JsonNode? Normalize(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Normalize(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Normalize).ToArray()),
        JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.Number =>
            JsonValue.Create(double.Parse(value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture)),
        _ => node?.DeepClone(),
    };
}
