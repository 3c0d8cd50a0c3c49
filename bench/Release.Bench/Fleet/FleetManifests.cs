using System.Globalization;
using System.Text.Json.Nodes;
using Ebops.Operator.Entities;
using Ebops.Sandbox.Kube;
using k8s;

namespace Ebops.Bench.Release.Fleet;

/// <summary>
/// config/samples (a database, an application, a static-IP frontend and a release) renamed per application: the
/// objects of app <c>app0042</c> are <c>app0042-db</c>, <c>app0042</c>, <c>app0042-frontend</c> and <c>app0042</c>,
/// referencing each other as the samples do, its bundles in the bench's bucket. The release's own durations (bake,
/// blue retention, deadlines) are scaled like everything else, down to the schema's minimums (gate interval 5 s,
/// progress deadline 60 s); <see cref="FleetSettings.ProgressDeadlineSeconds"/> replaces the progress deadline.
/// </summary>
internal sealed class FleetManifests
{
    public const string FirstVersion = "1.0.1";
    public const string NextVersion = "1.0.2";
    private readonly IReadOnlyList<JsonObject> samples;
    private readonly FleetSettings settings;

    public FleetManifests(FleetSettings settings)
    {
        this.settings = settings;
        var directory = RepoPaths.Config("samples");
        var kustomization = ManifestLoader.Load(File.ReadAllText(Path.Combine(directory, "kustomization.yaml"))).Single();
        var files = (kustomization["resources"] as JsonArray ?? []).Select(r => r!.GetValue<string>());
        samples = [.. files.SelectMany(f => ManifestLoader.Load(File.ReadAllText(Path.Combine(directory, f))))];
    }

    /// <summary>The name of application <paramref name="index"/> (0-based).</summary>
    public static string AppName(int index) => "app" + (index + 1).ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>The key of an application's bundle for <paramref name="version"/>.</summary>
    public static string BundleKey(string app, string version) => $"{app}/{app}-{version}.zip";

    /// <summary>The four objects of <paramref name="app"/>, in the samples' order, with <paramref name="labels"/>.</summary>
    public IReadOnlyList<JsonObject> For(string app, IReadOnlyDictionary<string, string>? labels = null)
    {
        var objects = new List<JsonObject>();
        foreach (var sample in samples)
        {
            var copy = sample.DeepClone().AsObject();
            var spec = copy["spec"]!.AsObject();
            switch ((string?)copy["kind"])
            {
                case "RdsDatabase":
                    Database(copy, spec, app);
                    break;
                case "BeanstalkApp":
                    copy["metadata"]!["name"] = app;
                    spec["applicationName"] = app;
                    spec["envFrom"]![0]!["rdsDatabaseRef"]!["name"] = $"{app}-db";
                    break;
                case "NlbFrontend":
                    copy["metadata"]!["name"] = $"{app}-frontend";
                    spec["backendRef"]!["name"] = app;
                    break;
                case "BlueGreenRelease":
                    Release(copy, spec, app);
                    break;
            }

            if (labels is not null)
            {
                copy["metadata"]!["labels"] = new JsonObject(labels.Select(l => KeyValuePair.Create(l.Key, (JsonNode?)l.Value)));
            }

            objects.Add(copy);
        }

        return objects;
    }

    /// <summary>The merge patch that releases <paramref name="version"/> of <paramref name="app"/>.</summary>
    public static JsonObject VersionPatch(string app, string version) => new()
    {
        ["spec"] = new JsonObject
        {
            ["version"] = new JsonObject
            {
                ["label"] = version,
                ["sourceBundle"] = new JsonObject { ["s3Bucket"] = BenchSandbox.Bucket, ["s3Key"] = BundleKey(app, version) },
            },
        },
    };

    /// <summary>Creates one object in the fleet's namespace.</summary>
    public static Task CreateAsync(IKubernetes client, JsonObject manifest, CancellationToken cancellationToken)
    {
        var kind = EbopsKinds.All.Single(k => k.Kind == (string?)manifest["kind"]);
        return client.CustomObjects.CreateNamespacedCustomObjectAsync(manifest, EbopsApi.Group, EbopsApi.Version, BenchSandbox.Namespace, kind.Plural, cancellationToken: cancellationToken);
    }

    private static void Database(JsonObject copy, JsonObject spec, string app)
    {
        copy["metadata"]!["name"] = $"{app}-db";
        spec["identifier"] = $"{app}-db";
        foreach (var rule in spec["network"]!["securityGroup"]!["ingress"]!.AsArray())
        {
            if (rule!["fromSecurityGroupOf"] is JsonObject from)
            {
                from["name"] = app;
            }
        }

        spec["masterPassword"]!["secretRef"]!["name"] = $"{app}-db-master";
        spec["connectionSecret"]!["name"] = $"{app}-db-connection";
    }

    private void Release(JsonObject copy, JsonObject spec, string app)
    {
        copy["metadata"]!["name"] = app;
        spec["appRef"]!["name"] = app;
        spec["frontendRef"]!["name"] = $"{app}-frontend";
        spec["version"] = VersionPatch(app, FirstVersion)["spec"]!["version"]!.DeepClone();
        var strategy = spec["strategy"]!.AsObject();
        foreach (var (field, minimum) in new[] { ("autoPromotionSeconds", 1), ("progressDeadlineSeconds", 60), ("bakeSeconds", 1), ("abortGreenRetentionSeconds", 1) })
        {
            if (strategy[field] is JsonValue value)
            {
                strategy[field] = settings.SpecSeconds(value.GetValue<int>(), minimum);
            }
        }

        if (settings.ProgressDeadlineSeconds is { } deadline)
        {
            strategy["progressDeadlineSeconds"] = deadline;
        }

        var retention = strategy["blueRetention"]!.AsObject();
        foreach (var field in new[] { "minSeconds", "maxSeconds" })
        {
            retention[field] = settings.SpecSeconds(retention[field]!.GetValue<int>(), minimum: 1);
        }

        var gate = spec["healthGate"]!.AsObject();
        gate["intervalSeconds"] = settings.SpecSeconds(gate["intervalSeconds"]!.GetValue<int>(), minimum: 5);
    }
}
