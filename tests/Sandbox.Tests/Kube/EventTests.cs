using System.Text.Json.Nodes;

namespace Ebops.Sandbox.Tests.Kube;

public sealed class EventTests
{
    private const string TableAccept = "application/json;as=Table;v=v1;g=meta.k8s.io";

    private static JsonNode EventsV1(string name) => JsonNode.Parse($$$"""
        {"apiVersion":"events.k8s.io/v1","kind":"Event","metadata":{"name":"{{{name}}}"},
         "eventTime":"2026-01-01T00:00:00.000000Z","reportingController":"ebops","reportingInstance":"ebops-1",
         "action":"Reconcile","reason":"Created","type":"Normal","note":"environment created",
         "regarding":{"apiVersion":"test.ebops.io/v1","kind":"Widget","name":"w1","namespace":"default","uid":"u-1"}}
        """)!;

    [Fact]
    public async Task Events_written_through_events_k8s_io_are_read_through_core_v1_with_renamed_fields()
    {
        await using var h = await EmulatorHarness.StartAsync(withCrd: false);
        var (created, _, _) = await h.SendAsync(HttpMethod.Post, "/apis/events.k8s.io/v1/namespaces/default/events", EventsV1("w1.1"));
        Assert.Equal(201, created);

        var (_, core, _) = await h.SendAsync(HttpMethod.Get, "/api/v1/namespaces/default/events/w1.1");
        Assert.Equal("v1", core["apiVersion"]!.GetValue<string>());
        Assert.Equal("environment created", core["message"]!.GetValue<string>());
        Assert.Equal("w1", core["involvedObject"]!["name"]!.GetValue<string>());
        Assert.Equal("ebops", core["reportingComponent"]!.GetValue<string>());
        Assert.Null(core["note"]);

        // kubectl describe finds an object's events with a field selector on the core shape.
        var (_, selected, _) = await h.SendAsync(HttpMethod.Get, "/api/v1/namespaces/default/events?fieldSelector=involvedObject.name%3Dw1,involvedObject.uid%3Du-1");
        Assert.Single(selected["items"]!.AsArray());
        var (_, none, _) = await h.SendAsync(HttpMethod.Get, "/api/v1/namespaces/default/events?fieldSelector=involvedObject.name%3Dother");
        Assert.Empty(none["items"]!.AsArray());

        var (_, table, _) = await h.SendAsync(HttpMethod.Get, "/api/v1/namespaces/default/events", accept: TableAccept);
        Assert.Equal(["Last Seen", "Type", "Reason", "Object", "Message", "Name"], table["columnDefinitions"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
        var cells = table["rows"]![0]!["cells"]!.AsArray();
        Assert.Equal("widget/w1", cells[3]!.GetValue<string>());
        Assert.Equal("environment created", cells[4]!.GetValue<string>());
        Assert.Equal("w1.1", cells[5]!.GetValue<string>());

        // And the other way round: a merge patch through events.k8s.io works on its own shape.
        var (patched, back, _) = await h.SendAsync(HttpMethod.Patch, "/apis/events.k8s.io/v1/namespaces/default/events/w1.1",
            JsonNode.Parse("""{"series":{"count":2,"lastObservedTime":"2026-01-01T00:01:00.000000Z"}}"""), "application/merge-patch+json");
        Assert.Equal(200, patched);
        Assert.Equal("environment created", back["note"]!.GetValue<string>());
        Assert.Equal(2, back["series"]!["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Built_ins_without_generation_do_not_get_one()
    {
        await using var h = await EmulatorHarness.StartAsync(withCrd: false);
        var (_, cm, _) = await h.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/configmaps", JsonNode.Parse("""{"metadata":{"name":"c"},"data":{"a":"1"}}"""));
        Assert.Null(cm["metadata"]!["generation"]);
        var (_, updated, _) = await h.SendAsync(HttpMethod.Patch, "/api/v1/namespaces/default/configmaps/c", JsonNode.Parse("""{"data":{"a":"2"}}"""), "application/merge-patch+json");
        Assert.Null(updated["metadata"]!["generation"]);
    }
}
