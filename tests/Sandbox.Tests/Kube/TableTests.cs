using System.Text.Json.Nodes;
using Ebops.Sandbox.Kube;
using Ebops.Sandbox.Kube.Tables;
using Microsoft.Extensions.Time.Testing;

namespace Ebops.Sandbox.Tests.Kube;

public sealed class TableTests
{
    private const string TableAccept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";

    [Theory]
    [InlineData(5, "5s")]
    [InlineData(119, "119s")]
    [InlineData(200, "3m20s")]
    [InlineData(180, "3m")]
    [InlineData(25 * 60, "25m")]
    [InlineData(5 * 3600 + 180, "5h3m")]
    [InlineData(20 * 3600, "20h")]
    [InlineData(3 * 86400 + 4 * 3600, "3d4h")]
    [InlineData(30 * 86400, "30d")]
    [InlineData(3 * 365 * 86400, "3y")]
    public void Ages_are_humanized_like_kubectl(int seconds, string expected) =>
        Assert.Equal(expected, HumanDuration.Format(TimeSpan.FromSeconds(seconds)));

    [Theory]
    [InlineData(".spec.size", "3")]
    [InlineData(".status.conditions[0].type", "Synced")]
    [InlineData(".status.conditions[?(@.type==\"Ready\")].status", "True")]
    [InlineData(".status.conditions[?(@.type!=\"Ready\")].type", "Synced")]
    [InlineData(".status.conditions[*].type", "Synced,Ready")]
    [InlineData(".spec.missing", "")]
    public void Json_path_subset(string path, string expected)
    {
        var obj = JsonNode.Parse("""{"spec":{"size":3},"status":{"conditions":[{"type":"Synced","status":"False"},{"type":"Ready","status":"True"}]}}""");
        Assert.Equal(expected, string.Join(',', JsonPathLite.Evaluate(obj, path).Select(JsonPathLite.Text)));
    }

    [Fact]
    public async Task Custom_resource_table_uses_the_printer_columns()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var h = await EmulatorHarness.StartAsync(new KubeEmulatorOptions { TimeProvider = time });
        await h.CreateWidgetAsync("w1");
        await h.SendAsync(HttpMethod.Patch, EmulatorHarness.WidgetsPath() + "/w1/status",
            JsonNode.Parse("""{"status":{"conditions":[{"type":"Ready","status":"True"}]}}"""), "application/merge-patch+json");
        time.Advance(TimeSpan.FromMinutes(3));

        var (status, table, _) = await h.SendAsync(HttpMethod.Get, EmulatorHarness.WidgetsPath() + "?limit=500", accept: TableAccept);
        Assert.Equal(200, status);
        Assert.Equal("Table", table["kind"]!.GetValue<string>());
        var columns = table["columnDefinitions"]!.AsArray();
        Assert.Equal(["Name", "Size", "Ready", "Color", "Age"], columns.Select(c => c!["name"]!.GetValue<string>()));
        Assert.Equal("name", columns[0]!["format"]!.GetValue<string>());
        Assert.Equal(1, columns[3]!["priority"]!.GetValue<int>());
        var row = Assert.Single(table["rows"]!.AsArray())!;
        Assert.Equal("""["w1",3,"True","blue","3m"]""", row["cells"]!.ToJsonString());
        Assert.Equal("PartialObjectMetadata", row["object"]!["kind"]!.GetValue<string>());

        var (_, single, _) = await h.SendAsync(HttpMethod.Get, EmulatorHarness.WidgetsPath() + "/w1?includeObject=Object", accept: TableAccept);
        Assert.Equal("Widget", single["rows"]![0]!["object"]!["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task Built_in_tables_have_their_columns()
    {
        await using var h = await EmulatorHarness.StartAsync(withCrd: false);
        await h.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/secrets", JsonNode.Parse("""{"metadata":{"name":"s"},"stringData":{"a":"1","b":"2"}}"""));
        var (_, secrets, _) = await h.SendAsync(HttpMethod.Get, "/api/v1/namespaces/default/secrets", accept: TableAccept);
        Assert.Equal(["Name", "Type", "Data", "Age"], secrets["columnDefinitions"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
        Assert.Equal("\"2\"", secrets["rows"]![0]!["cells"]![2]!.ToJsonString());
        var (_, namespaces, _) = await h.SendAsync(HttpMethod.Get, "/api/v1/namespaces/default", accept: TableAccept);
        Assert.Equal("Active", namespaces["rows"]![0]!["cells"]![1]!.GetValue<string>());
    }
}
