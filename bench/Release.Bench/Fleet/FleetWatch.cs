using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Ebops.Operator.Entities;
using Ebops.Sandbox.Kube;

namespace Ebops.Bench.Release.Fleet;

/// <summary>
/// Watches the four ebops kinds in the fleet's namespace (plain HTTP watches against the emulator: the first one lists
/// as ADDED events, later ones resume from the last resourceVersion, a 410 starts over) into a <see cref="FleetState"/>.
/// </summary>
internal sealed class FleetWatch : IAsyncDisposable
{
    private readonly HttpClient http;
    private readonly CancellationTokenSource stop = new();
    private readonly List<Task> loops = [];

    private FleetWatch(Uri server, FleetState state)
    {
        http = new HttpClient { BaseAddress = server, Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", KubeApiEmulator.Token);
        State = state;
    }

    public FleetState State { get; }

    public static FleetWatch Start(Uri server, FleetState state)
    {
        var watch = new FleetWatch(server, state);
        foreach (var kind in EbopsKinds.All)
        {
            watch.loops.Add(Task.Run(() => watch.WatchAsync(kind)));
        }

        return watch;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(loops).ConfigureAwait(false);
        http.Dispose();
        stop.Dispose();
    }

    private async Task WatchAsync(EntityKind kind)
    {
        string? resourceVersion = null;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var path = $"/apis/{EbopsApi.Group}/{EbopsApi.Version}/namespaces/{BenchSandbox.Namespace}/{kind.Plural}?watch=true&allowWatchBookmarks=true&timeoutSeconds=3600"
                    + (resourceVersion is null ? "" : $"&resourceVersion={resourceVersion}");
                using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, stop.Token).ConfigureAwait(false);
                response.EnsureSuccessStatusCode();
                using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(stop.Token).ConfigureAwait(false));
                while (await reader.ReadLineAsync(stop.Token).ConfigureAwait(false) is { } line)
                {
                    resourceVersion = Handle(kind, JsonNode.Parse(line)!, resourceVersion);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), stop.Token).ConfigureAwait(false);
            }
            catch (IOException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), stop.Token).ConfigureAwait(false);
            }
        }
    }

    private string? Handle(EntityKind kind, JsonNode line, string? resourceVersion)
    {
        var type = (string?)line["type"];
        var item = line["object"]!;
        if (type == "ERROR")
        {
            return null;
        }

        var version = (string?)item["metadata"]?["resourceVersion"] ?? resourceVersion;
        switch (type)
        {
            case "ADDED" or "MODIFIED":
                State.Set(FleetObject.From(kind.Kind, item));
                break;
            case "DELETED":
                State.Remove(kind.Kind, (string)item["metadata"]!["name"]!);
                break;
        }

        return version;
    }
}
