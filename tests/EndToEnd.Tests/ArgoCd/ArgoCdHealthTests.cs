using System.Text.Json.Nodes;

namespace Ebops.EndToEnd.Tests.ArgoCd;

/// <summary>The health.lua scripts of the shipped argocd-cm, run by the real Lua 5.1 interpreter in Argo CD's sandbox.</summary>
public sealed class ArgoCdHealthTests
{
    public static TheoryData<string> Fixtures() => new(ReleaseFixtures.All.Select(f => f.Name));

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task A_release_in_every_phase_has_the_health_Argo_CD_should_show(string fixture)
    {
        var (_, release, expected) = ReleaseFixtures.All.Single(f => f.Name == fixture);

        var health = await ArgoCdVm.RunAsync(ArgoCdConfig.Health("BlueGreenRelease"), ReleaseFixtures.Json(release));

        Assert.Equal(expected, (string?)health!["status"]);
        var message = (string?)health["message"];
        var status = release.Status;
        if (status is null || status.ObservedGeneration != release.Metadata.Generation)
        {
            Assert.Equal($"Waiting for ebops to observe generation {release.Metadata.Generation}", message);
        }
        else if (status.Conditions!.Any(c => c is { Type: "Stalled", Status: "True" }))
        {
            Assert.Equal(status.Conditions!.Single(c => c.Type == "Stalled").Message, message);
        }
        else if (expected == "Degraded")
        {
            Assert.Equal($"{status.Phase}: {status.Message}", message);
        }
        else
        {
            Assert.Equal(status.Message, message);
        }
    }

    public static TheoryData<string, string> GenericCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in ArgoCdConfig.Kinds.Where(k => k != "BlueGreenRelease"))
        {
            foreach (var name in GenericObjects.Keys)
            {
                data.Add(kind, name);
            }
        }

        return data;
    }

    /// <summary>Objects of the other kinds (their status is conditions plus fields health ignores), and the expected health.</summary>
    private static readonly Dictionary<string, (JsonObject? Status, string Health, string Message)> GenericObjects = new()
    {
        ["never reconciled"] = (null, "Progressing", "Waiting for ebops to observe generation 4"),
        ["new generation not observed yet"] = (Status(3, ("Ready", "True", "Available", "ready")), "Progressing", "Waiting for ebops to observe generation 4"),
        ["stalled"] = (Status(4, ("Ready", "False", "InvalidSpec", "not ready"), ("Stalled", "True", "InvalidParameterCombination", "RDS refused the instance class")),
            "Degraded", "RDS refused the instance class"),
        ["ready"] = (Status(4, ("Ready", "True", "Available", "myapp-db.abc.rds.amazonaws.com:3306"), ("Stalled", "False", "Recovered", null)), "Healthy",
            "myapp-db.abc.rds.amazonaws.com:3306"),
        ["reconciling"] = (Status(4, ("Ready", "False", "Creating", "DB instance is creating"), ("Reconciling", "True", "Creating", null)), "Progressing",
            "DB instance is creating"),
        ["ready condition from an older generation"] = (Status(4, ("Ready", "True", "Available", "old")), "Progressing", "Reconciling"),
        ["observed but no conditions yet"] = (new JsonObject { ["observedGeneration"] = 4 }, "Progressing", "Reconciling"),
        ["ready without a message"] = (Status(4, ("Ready", "True", "Available", null)), "Healthy", "Available"),
    };

    [Theory]
    [MemberData(nameof(GenericCases))]
    public async Task The_other_kinds_follow_their_conditions(string kind, string name)
    {
        var (status, expected, message) = GenericObjects[name];
        var obj = new JsonObject
        {
            ["apiVersion"] = "ebops.io/v1alpha1",
            ["kind"] = kind,
            ["metadata"] = new JsonObject { ["name"] = "myapp", ["namespace"] = "shop", ["generation"] = 4 },
            ["spec"] = new JsonObject { ["any"] = "thing" },
        };
        if (status is not null)
        {
            obj["status"] = status.DeepClone();
        }

        var health = await ArgoCdVm.RunAsync(ArgoCdConfig.Health(kind), obj);

        Assert.Equal(expected, (string?)health!["status"]);
        Assert.Equal(message, (string?)health["message"]);
    }

    /// <summary>A status observed at generation 4, with conditions; the one named "old" was computed at generation 3.</summary>
    private static JsonObject Status(long observed, params (string Type, string Status, string Reason, string? Message)[] conditions) => new()
    {
        ["observedGeneration"] = observed,
        ["conditions"] = new JsonArray(conditions.Select(c => (JsonNode)new JsonObject
        {
            ["type"] = c.Type,
            ["status"] = c.Status,
            ["reason"] = c.Reason,
            ["message"] = c.Message,
            ["observedGeneration"] = c.Message == "old" ? 3 : observed,
            ["lastTransitionTime"] = "2026-03-01T12:00:00Z",
        }).ToArray()),
    };
}
