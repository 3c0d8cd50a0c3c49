using System.IO.Compression;
using System.Text.Json.Nodes;
using Ebops.EndToEnd.Tests.Kube;
using Ebops.Operator.Cli.Demo;
using Ebops.Operator.Entities;
using Ebops.Sandbox.Kube;
using Ebops.Tests.Shared;

namespace Ebops.EndToEnd.Tests.Examples;

/// <summary>
/// examples/github-actions/deploy.yml, its own steps run as a runner would: the bump against a local GitOps repository
/// (default suite), and, with EBOPS_LONG_TESTS=1, the upload with the real AWS CLI against the simulator (a bundle over
/// the CLI's 8 MiB multipart threshold), the bump, the commit applied with kubectl as Argo CD would, and the wait step
/// seeing the release succeed under the operator.
/// </summary>
public sealed class GitHubActionsDeployTests
{
    private const string Label = "20260102-030405-abc1234";
    private static readonly string WorkflowPath = RepoPaths.Get("examples", "github-actions", "deploy.yml");

    [Fact]
    public async Task The_bump_step_commits_the_new_version_to_the_gitops_repository()
    {
        var workflow = ActionsWorkflow.Load(WorkflowPath, "deploy");
        var root = Directory.CreateTempSubdirectory("ebops-actions-");
        try
        {
            var release = SampleManifests.Load(RepoPaths.Config("samples")).Of(EbopsKinds.BlueGreenRelease);
            var file = workflow.Env["RELEASE_FILE"];
            var gitops = await GitOpsRepository.CreateAsync(root.FullName, file, release.ToJsonString());
            var runner = await CheckedOutAsync(root.FullName, gitops, workflow, new() { ["S3_KEY"] = $"myapp/myapp-{Label}.zip" });

            await runner.RunAsync(workflow.Step("Bump spec.version in the GitOps repository"), TimeSpan.FromMinutes(1));

            Assert.Equal($"myapp: release {Label} (my-org/myapp@abc1234)", await gitops.LastSubjectAsync());
            var bumped = await CommittedReleaseAsync(root.FullName, gitops, file, "after");
            Assert.Equal(Label, (string?)bumped["spec"]!["version"]!["label"]);
            Assert.Equal(workflow.Env["BUNDLE_BUCKET"], (string?)bumped["spec"]!["version"]!["sourceBundle"]!["s3Bucket"]);
            Assert.Equal($"myapp/myapp-{Label}.zip", (string?)bumped["spec"]!["version"]!["sourceBundle"]!["s3Key"]);
            bumped["spec"]!.AsObject().Remove("version");
            release["spec"]!.AsObject().Remove("version");
            Assert.True(JsonNode.DeepEquals(release, bumped), "the bump changes spec.version only");
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Upload_bump_sync_and_wait_release_a_bundle_over_8_MiB_under_the_operator()
    {
        if (Environment.GetEnvironmentVariable("EBOPS_LONG_TESTS") != "1")
        {
            Assert.Skip("the AWS CLI (a Python process), the operator and two releases take about a minute: set EBOPS_LONG_TESTS=1 to run it");
        }

        var ct = TestContext.Current.CancellationToken;
        var workflow = ActionsWorkflow.Load(WorkflowPath, "deploy");
        var settings = new DemoSettings();
        var root = Directory.CreateTempSubdirectory("ebops-actions-");
        try
        {
            await using var sandbox = await DemoSandbox.StartAsync(settings, RepoPaths.Config("crds"), Path.Combine(root.FullName, "sandbox"), ct);
            await sandbox.StartOperatorAsync(settings, ct);
            var samples = SampleManifests.Load(RepoPaths.Config("samples"));
            await using var observer = new DemoObserver(sandbox.Client, samples.Names("default"), new PlainProgress(TextWriter.Null), TimeProvider.System, settings.PollInterval);
            observer.Start();
            var gitops = await RunningAsync(root.FullName, sandbox, samples, workflow.Env["RELEASE_FILE"], settings, observer);

            var bundle = Bundle(Path.Combine(root.FullName, "workspace"), $"myapp-{Label}.zip");
            var runner = await CheckedOutAsync(root.FullName, gitops, workflow, new()
            {
                ["BUNDLE"] = Path.GetFileName(bundle.Path),
                ["BUNDLE_BUCKET"] = "ebops-sandbox-bundles",
                ["RELEASE_NAMESPACE"] = "default",
                ["KUBECONFIG"] = sandbox.Kubeconfig,
                ["AWS_CONFIG_FILE"] = "/dev/null",
                ["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null",
                ["AWS_EC2_METADATA_DISABLED"] = "true",
                ["AWS_PAGER"] = "",
            }, sandbox.Aws.EnvironmentLines());

            await runner.RunAsync(workflow.Step("Upload the bundle to S3"), TimeSpan.FromMinutes(2));
            var stored = sandbox.Aws.World.S3.GetObject("ebops-sandbox-bundles", $"myapp/myapp-{Label}.zip");
            Assert.Equal(bundle.Content, stored?.Content);
            Assert.Matches("-2\"$", stored!.ETag);
            Assert.Contains("CompleteMultipartUpload", sandbox.Aws.World.Calls.Actions("s3"));

            await runner.RunAsync(workflow.Step("Bump spec.version in the GitOps repository"), TimeSpan.FromMinutes(1));
            await SyncAsync(root.FullName, gitops, sandbox, workflow.Env["RELEASE_FILE"], "bump");
            var waited = await runner.RunAsync(workflow.Step("Wait for the release"), settings.StepTimeout);

            Assert.Contains($"release {Label}: Succeeded", waited, StringComparison.Ordinal);
            var final = await observer.RefreshAsync(ct);
            Assert.Equal(Label, final.Release?.Status?.StableVersion);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The app running 1.0.1: the samples' infrastructure created, the release file (the sample with the demo's clocks)
    /// committed to a GitOps repository and applied from it as Argo CD would, its first release Succeeded.
    /// </summary>
    private static async Task<GitOpsRepository> RunningAsync(string root, DemoSandbox sandbox, SampleManifests samples, string file, DemoSettings settings, DemoObserver observer)
    {
        var ct = TestContext.Current.CancellationToken;
        DemoBundles.Seed(sandbox.Aws.World.S3, "ebops-sandbox-bundles", "myapp/myapp-1.0.1.zip", "1.0.1", ["1.0.1"]);
        foreach (var kind in new[] { EbopsKinds.RdsDatabase, EbopsKinds.BeanstalkApp, EbopsKinds.NlbFrontend })
        {
            await SampleManifests.CreateAsync(sandbox.Client, "default", samples.Of(kind), ct);
        }

        var gitops = await GitOpsRepository.CreateAsync(root, file, samples.Release(settings.ReleaseOverrides(DemoScenario.Default)).ToJsonString());
        await SyncAsync(root, gitops, sandbox, file, "initial");
        await observer.WaitAsync(s => s.Release?.Status?.History?.FirstOrDefault()?.Outcome == ReleaseOutcome.Succeeded, settings.StepTimeout, "the first release", ct);
        return gitops;
    }

    /// <summary>What Argo CD does with a commit: a fresh clone of main, and the release file applied.</summary>
    private static async Task SyncAsync(string root, GitOpsRepository gitops, DemoSandbox sandbox, string file, string name)
    {
        var clone = Path.Combine(root, "argocd-" + name);
        await gitops.CloneAsync(clone);
        using var kubectl = new Kubectl(sandbox.Kubeconfig);
        (await kubectl.RunAsync("apply", "-n", "default", "-f", Path.Combine(clone, file))).EnsureSuccess("apply " + file);
    }

    /// <summary>A source bundle over the AWS CLI's 8 MiB multipart threshold: a 9 MiB jar (stored), a Procfile, .ebextensions.</summary>
    private static (string Path, byte[] Content) Bundle(string workspace, string name)
    {
        Directory.CreateDirectory(workspace);
        var jar = new byte[9 * 1024 * 1024];
        new Random(9).NextBytes(jar);
        using (var zip = ZipFile.Open(Path.Combine(workspace, name), ZipArchiveMode.Create))
        {
            using (var entry = zip.CreateEntry("application.jar", CompressionLevel.NoCompression).Open())
            {
                entry.Write(jar);
            }

            using (var procfile = new StreamWriter(zip.CreateEntry("Procfile").Open()))
            {
                procfile.Write("web: java -jar application.jar\n");
            }

            using var config = new StreamWriter(zip.CreateEntry(".ebextensions/01-timezone.config").Open());
            config.Write("commands:\n  01_timezone:\n    command: timedatectl set-timezone Asia/Seoul\n");
        }

        var path = Path.Combine(workspace, name);
        return (path, File.ReadAllBytes(path));
    }

    /// <summary>A workspace with the GitOps repository checked out at gitops/ and the runner's environment.</summary>
    private static async Task<ActionsRunner> CheckedOutAsync(string root, GitOpsRepository gitops, ActionsWorkflow workflow, Dictionary<string, string> extra,
        IEnumerable<string>? environmentLines = null)
    {
        var workspace = Path.Combine(root, "workspace");
        Directory.CreateDirectory(workspace);
        await gitops.CloneAsync(Path.Combine(workspace, "gitops"));
        var env = new Dictionary<string, string>(workflow.Env)
        {
            ["LABEL"] = Label,
            ["GITHUB_SHA"] = "abc1234def5678abc1234def5678abc1234def56",
            ["GITHUB_REPOSITORY"] = "my-org/myapp",
            ["HOME"] = Path.Combine(root, "home"),
            ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "",
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["GIT_CONFIG_GLOBAL"] = "/dev/null",
        };
        foreach (var (key, value) in extra.Concat((environmentLines ?? []).Select(l => l.Split('=', 2)).Select(p => KeyValuePair.Create(p[0], p[1]))))
        {
            env[key] = value;
        }

        Directory.CreateDirectory(env["HOME"]);
        return new ActionsRunner(workspace, env);
    }

    /// <summary>The release file as main holds it now (a fresh clone, as Argo CD reads it).</summary>
    private static async Task<JsonObject> CommittedReleaseAsync(string root, GitOpsRepository gitops, string file, string name)
    {
        var clone = Path.Combine(root, "argocd-" + name);
        await gitops.CloneAsync(clone);
        return ManifestLoader.Load(await File.ReadAllTextAsync(Path.Combine(clone, file))).Single();
    }
}
