using System.IO.Compression;
using System.Text.Json.Nodes;
using Ebops.Operator.Cli.Demo;
using Ebops.Operator.Entities;
using Ebops.Sandbox.Aws;
using Ebops.Sandbox.Aws.Core;
using Ebops.Sandbox.Kube;
using Ebops.Tests.Shared;

namespace Ebops.Operator.Tests.Cli.Demo;

/// <summary>What the demo applies and seeds: config/samples with its overrides (accepted by the API server's schema for
/// every scenario) and bundles shaped like a Java app's source bundle, where the sample release points.</summary>
public sealed class DemoSamplesTests
{
    [Fact]
    public void Reads_the_kustomizations_four_objects_and_their_names()
    {
        var samples = SampleManifests.Load(RepoPaths.Config("samples"));

        Assert.Equal(["RdsDatabase", "BeanstalkApp", "NlbFrontend", "BlueGreenRelease"], samples.Objects.Select(o => (string)o["kind"]!));
        Assert.Equal(new DemoNames("ns", "myapp-db", "myapp", "myapp-frontend", "myapp"), samples.Names("ns"));
    }

    [Fact]
    public void Overrides_replace_the_clocks_and_keep_the_rest_of_the_sample()
    {
        var samples = SampleManifests.Load(RepoPaths.Config("samples"));
        var original = samples.Of(EbopsKinds.BlueGreenRelease)["spec"]!.AsObject();

        var spec = samples.Release(new DemoSettings().ReleaseOverrides(DemoScenario.Canary))["spec"]!.AsObject();

        Assert.Equal(6, (int)spec["strategy"]!["bakeSeconds"]!);
        Assert.Equal(0, (int)spec["strategy"]!["blueRetention"]!["minSeconds"]!);
        Assert.Equal((bool)original["strategy"]!["blueRetention"]!["untilDrained"]!, (bool)spec["strategy"]!["blueRetention"]!["untilDrained"]!);
        Assert.Equal("NlbWeighted", (string)spec["strategy"]!["cutover"]!);
        Assert.Equal([20, 50, 100], spec["strategy"]!["steps"]!.AsArray().Select(s => (int)s!["weight"]!));
        Assert.Equal(5, (int)spec["healthGate"]!["intervalSeconds"]!);
        Assert.True(JsonNode.DeepEquals(original["healthGate"]!["checks"], spec["healthGate"]!["checks"]));
        Assert.True(JsonNode.DeepEquals(original["version"], spec["version"]));
    }

    [Fact]
    public async Task Every_scenarios_release_is_accepted_by_the_api_server()
    {
        await using var kube = await KubeApiEmulator.StartAsync(new KubeEmulatorOptions(), TestContext.Current.CancellationToken);
        kube.ApplyManifests(RepoPaths.Config("crds"));
        var directory = Directory.CreateTempSubdirectory("ebops-demo-samples-");
        try
        {
            using var client = new k8s.Kubernetes(k8s.KubernetesClientConfiguration.BuildConfigFromConfigFile(kube.WriteKubeconfig(Path.Combine(directory.FullName, "kubeconfig"))));
            var samples = SampleManifests.Load(RepoPaths.Config("samples"));
            foreach (var scenario in DemoScenario.All)
            {
                var release = samples.Release(new DemoSettings().ReleaseOverrides(scenario));
                release["metadata"]!["name"] = $"release-{scenario.Name}";
                Assert.Equal(
                    $"bluegreenreleases/release-{scenario.Name}",
                    await SampleManifests.CreateAsync(client, "default", release, TestContext.Current.CancellationToken));
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Bundles_hold_the_jar_the_procfile_and_ebextensions_where_the_sample_points()
    {
        await using var aws = await AwsSimulator.StartAsync(new AwsSimulatorOptions { Timing = SimTiming.Instant }, TestContext.Current.CancellationToken);

        var urls = DemoBundles.Seed(aws.World.S3, "ebops-sandbox-bundles", "myapp/myapp-1.0.1.zip", "1.0.1", ["1.0.1", "1.0.2"]);

        Assert.Equal(["s3://ebops-sandbox-bundles/myapp/myapp-1.0.1.zip", "s3://ebops-sandbox-bundles/myapp/myapp-1.0.2.zip"], urls);
        using var zip = new ZipArchive(new MemoryStream(aws.World.S3.GetObject("ebops-sandbox-bundles", "myapp/myapp-1.0.2.zip")!.Content));
        Assert.Equal(["myapp.jar", "Procfile", ".ebextensions/01-timezone.config"], zip.Entries.Select(e => e.FullName));
        using var jar = new StreamReader(zip.GetEntry("myapp.jar")!.Open());
        Assert.Contains("1.0.2", await jar.ReadToEndAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
