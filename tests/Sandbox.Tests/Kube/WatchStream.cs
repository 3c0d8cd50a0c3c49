using System.Text.Json.Nodes;

namespace Ebops.Sandbox.Tests.Kube;

/// <summary>A raw watch connection read line by line (each read has a deadline, since a real server is on the other end).</summary>
internal sealed class WatchStream : IAsyncDisposable
{
    private readonly HttpResponseMessage response;
    private readonly StreamReader reader;

    private WatchStream(HttpResponseMessage response, StreamReader reader)
    {
        this.response = response;
        this.reader = reader;
    }

    public static async Task<WatchStream> OpenAsync(HttpClient http, string pathAndQuery)
    {
        var response = await http.GetAsync(pathAndQuery, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        Assert.Equal(200, (int)response.StatusCode);
        var stream = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
        return new WatchStream(response, new StreamReader(stream));
    }

    /// <summary>The next event, or null when the server ended the stream.</summary>
    public async Task<JsonObject?> NextAsync()
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(10));
        var line = await reader.ReadLineAsync(deadline.Token);
        return line is null ? null : JsonNode.Parse(line)!.AsObject();
    }

    public async Task<(string Type, string? Name)> NextTypeAndNameAsync()
    {
        var e = await NextAsync() ?? throw new InvalidOperationException("watch ended");
        return (e["type"]!.GetValue<string>(), e["object"]?["metadata"]?["name"]?.GetValue<string>());
    }

    public ValueTask DisposeAsync()
    {
        reader.Dispose();
        response.Dispose();
        return ValueTask.CompletedTask;
    }
}
