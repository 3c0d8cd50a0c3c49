using System.Text.Json.Nodes;
using Ebops.Operator.Cli.Demo;
using Ebops.Operator.Entities;
using Ebops.Sandbox.Kube;
using Ebops.Tests.Shared;

namespace Ebops.Operator.Tests.Cli.Demo;

/// <summary>The final table: the server's Table for each kind, printed the way kubectl prints several kinds at once.</summary>
public sealed class KubectlTableTests
{
    [Fact]
    public void Prints_priority_zero_columns_padded_with_kind_prefixed_names_and_skips_empty_kinds()
    {
        var database = Table(
            [("Name", 0), ("Status", 0), ("Endpoint", 0), ("Wide", 1), ("Ready", 0)],
            [["myapp-db", "available", "myapp-db.x.rds.amazonaws.com", "hidden", "True"], ["other", null, null, null, "False"]]);
        var release = Table([("Name", 0), ("Phase", 0), ("Gate", 0)], [["myapp", "Verifying", null]]);
        var nothing = Table([("Name", 0), ("Phase", 0)], []);

        var text = KubectlTable.Format([("rdsdatabase.ebops.io/", database), ("nlbfrontend.ebops.io/", nothing), ("bluegreenrelease.ebops.io/", release)]);

        Assert.Equal(
            """
            NAME                            STATUS      ENDPOINT                       READY
            rdsdatabase.ebops.io/myapp-db   available   myapp-db.x.rds.amazonaws.com   True
            rdsdatabase.ebops.io/other                                                 False

            NAME                              PHASE       GATE
            bluegreenrelease.ebops.io/myapp   Verifying

            """.ReplaceLineEndings("\n"),
            text.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Reads_the_emulators_table_with_the_crds_printer_columns()
    {
        await using var kube = await KubeApiEmulator.StartAsync(new KubeEmulatorOptions(), TestContext.Current.CancellationToken);
        kube.ApplyManifests(RepoPaths.Config("crds"));
        var directory = Directory.CreateTempSubdirectory("ebops-table-");
        try
        {
            using var client = new k8s.Kubernetes(k8s.KubernetesClientConfiguration.BuildConfigFromConfigFile(kube.WriteKubeconfig(Path.Combine(directory.FullName, "kubeconfig"))));
            var samples = SampleManifests.Load(RepoPaths.Config("samples"));
            await SampleManifests.CreateAsync(client, "default", samples.Of(EbopsKinds.RdsDatabase), TestContext.Current.CancellationToken);
            using var http = new HttpClient();

            var text = await KubectlTable.GetAsync(http, kube.BaseAddress, "default", EbopsKinds.All, TestContext.Current.CancellationToken);

            var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(2, lines.Length);
            Assert.Equal(["NAME", "STATUS", "ENDPOINT", "PARAMS", "READY", "AGE"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("rdsdatabase.ebops.io/myapp-db ", lines[1], StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static JsonObject Table((string Name, int Priority)[] columns, string?[][] rows) => new()
    {
        ["kind"] = "Table",
        ["columnDefinitions"] = new JsonArray([.. columns.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["type"] = "string", ["priority"] = c.Priority })]),
        ["rows"] = new JsonArray([.. rows.Select(r => (JsonNode)new JsonObject { ["cells"] = new JsonArray([.. r.Select(c => c is null ? null : (JsonNode)JsonValue.Create(c))]) })]),
    };
}
