using System.Net;
using System.Text.Json.Nodes;
using Ebops.Sandbox.Kube.Api;
using Ebops.Sandbox.Kube.Registry;
using Ebops.Sandbox.Kube.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ebops.Sandbox.Kube;

/// <summary>
/// An in-memory Kubernetes API server on loopback (plain HTTP, no authentication) that kubectl and KubernetesClient
/// can drive: discovery, OpenAPI v3, CRDs, CRUD, patches, status subresource, finalizers, list/watch, tables.
/// See docs/sandbox.md for what it implements and what it does not.
/// </summary>
public sealed class KubeApiEmulator : IAsyncDisposable
{
    /// <summary>The bearer token written into kubeconfigs; the emulator accepts any or none.</summary>
    public const string Token = "ebops-sandbox";

    private readonly WebApplication app;

    private KubeApiEmulator(WebApplication app, Uri baseAddress, ObjectStore store, ResourceRegistry registry, ObjectWriter writer, KubeRequestLog requests)
    {
        this.app = app;
        Requests = requests;
        BaseAddress = baseAddress;
        Store = store;
        Registry = registry;
        Writer = writer;
    }

    /// <summary><c>http://127.0.0.1:port</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Every request to a resource URL (verb, group, resource, subresource, namespace, name, User-Agent), in order.</summary>
    public KubeRequestLog Requests { get; }

    internal ObjectStore Store { get; }

    internal ResourceRegistry Registry { get; }

    internal ObjectWriter Writer { get; }

    public static async Task<KubeApiEmulator> StartAsync(KubeEmulatorOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        var loggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        var logger = loggerFactory.CreateLogger("Ebops.Sandbox.Kube");
        var time = options.TimeProvider;
        var store = new ObjectStore(time, options.WatchCacheSize);
        var registry = new ResourceRegistry();
        var writer = new ObjectWriter(store, registry, time, logger);
        var requests = new KubeRequestLog();
        var router = new ApiRouter(registry, new ReadHandler(store, time), new WatchHandler(store, time, options.BookmarkInterval), new WriteHandler(writer, store),
            requests, time, logger);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, PassiveHostLifetime>();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, options.Port));
        var app = builder.Build();
        app.Run(router.HandleAsync);
        await app.StartAsync(ct).ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var baseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        var emulator = new KubeApiEmulator(app, baseAddress, store, registry, writer, requests);
        foreach (var ns in new[] { "default", "kube-system", "kube-public", "kube-node-lease" })
        {
            writer.Create(BuiltInResources.Namespaces, null, new JsonObject { ["metadata"] = new JsonObject { ["name"] = ns } }, new WriteOptions(false, "Ignore", false, null));
        }
        Log.Listening(logger, baseAddress);
        return emulator;
    }

    /// <summary>Writes a kubeconfig (context <c>ebops-sandbox</c>, namespace default) pointing at this server; returns its full path.</summary>
    public string WriteKubeconfig(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: ebops-sandbox
              cluster:
                server: {BaseAddress.ToString().TrimEnd('/')}
            contexts:
            - name: ebops-sandbox
              context:
                cluster: ebops-sandbox
                user: ebops-sandbox
                namespace: default
            current-context: ebops-sandbox
            users:
            - name: ebops-sandbox
              user:
                token: {Token}

            """);
        return full;
    }

    /// <summary>
    /// Creates (or replaces the spec of) every object in the YAML manifests of <paramref name="directory"/>
    /// (<c>*.yaml</c>, <c>*.yml</c>, sorted by name; kustomization files skipped). Returns <c>kind/name</c> per object.
    /// CRDs are applied first so that their kinds are served for the objects that follow.
    /// </summary>
    public IReadOnlyList<string> ApplyManifests(string directory)
    {
        var objects = Directory.EnumerateFiles(directory)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Where(f => !Path.GetFileName(f).StartsWith("kustomization", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .SelectMany(f => ManifestLoader.Load(File.ReadAllText(f)))
            .OrderBy(o => o["kind"]?.GetValue<string>() == "CustomResourceDefinition" ? 0 : 1)
            .ToList();
        return [.. objects.Select(Apply)];
    }

    private string Apply(JsonObject obj)
    {
        var apiVersion = obj["apiVersion"]?.GetValue<string>() ?? "";
        var kind = obj["kind"]?.GetValue<string>() ?? "";
        var slash = apiVersion.LastIndexOf('/');
        var (group, version) = slash < 0 ? ("", apiVersion) : (apiVersion[..slash], apiVersion[(slash + 1)..]);
        var type = Registry.All.FirstOrDefault(t => t.Group == group && t.Version == version && t.Kind == kind)
            ?? throw new InvalidOperationException($"no kind {kind} in {apiVersion} is served");
        var name = obj["metadata"]?["name"]?.GetValue<string>() ?? throw new InvalidOperationException($"a {kind} without a name");
        var ns = type.Namespaced ? obj["metadata"]?["namespace"]?.GetValue<string>() ?? "default" : null;
        // Record the manifest as kubectl's client-side apply would, so that a later `kubectl apply` of the same files
        // patches cleanly instead of warning about a missing annotation.
        var lastApplied = obj.ToJsonString();
        var metadata = obj["metadata"]!.AsObject();
        var annotations = metadata["annotations"] as JsonObject ?? [];
        metadata["annotations"] = annotations;
        annotations["kubectl.kubernetes.io/last-applied-configuration"] = lastApplied + "\n";
        var options = new WriteOptions(false, "Warn", true, "ebops-sandbox");
        Writer.Patch(type, ns, name, false, "application/apply-patch+yaml", obj.ToJsonString(), options);
        return $"{type.Plural}/{name}";
    }

    public async ValueTask DisposeAsync()
    {
        // Open watches would otherwise hold the server's shutdown until its timeout.
        Store.CloseWatches(null);
        await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }
}
