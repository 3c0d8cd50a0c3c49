using System.Net;
using System.Text;
using Ebops.Operator.Runtime.Watch;
using Ebops.Operator.Tests.Runtime.Support;
using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Ebops.Tests.Shared;

namespace Ebops.Operator.Tests.Runtime.Watch;

/// <summary>
/// The real KubernetesClient against a tiny in-test HTTP server: pins how 21.0.8 reports watch ERROR events (through
/// the error callback, not as events) and that our adapter turns a 410 into <see cref="ResourceVersionExpiredException"/>.
/// </summary>
public sealed class KubernetesWatchTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private static async Task<(WebApplication App, IKubernetes Client)> ServeAsync(string body, int status = 200)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Run(async context =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body, Encoding.UTF8, context.RequestAborted);
        });
        await app.StartAsync(Ct);
        var client = new Kubernetes(new KubernetesClientConfiguration { Host = app.Urls.First() });
        return (app, client);
    }

    private static string Line(string type, string obj) => $$"""{"type":"{{type}}","object":{{obj}}}""" + "\n";

    [Fact]
    public async Task A_410_error_event_becomes_ResourceVersionExpiredException_after_the_events_before_it()
    {
        var body = Line("ADDED", """{"apiVersion":"test.ebops.io/v1","kind":"Widget","metadata":{"name":"a","namespace":"default","resourceVersion":"5","generation":1}}""")
            + Line("BOOKMARK", """{"apiVersion":"test.ebops.io/v1","kind":"Widget","metadata":{"resourceVersion":"9"}}""")
            + Line("ERROR", """{"kind":"Status","apiVersion":"v1","status":"Failure","message":"too old resource version: 1 (5)","reason":"Expired","code":410}""");
        var (app, client) = await ServeAsync(body);
        await using var _ = app;
        var source = new CustomObjectWatchSource<Widget>(client, "default", null);

        var seen = new List<(WatchEventType, string?)>();
        var error = await Assert.ThrowsAsync<ResourceVersionExpiredException>(async () =>
        {
            await foreach (var e in source.WatchAsync("1", 60, Ct))
            {
                seen.Add((e.Type, e.Object.Metadata.ResourceVersion));
            }
        });

        Assert.Equal([(WatchEventType.Added, "5"), (WatchEventType.Bookmark, "9")], seen);
        Assert.Contains("too old", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_error_event_becomes_WatchFailedException()
    {
        var body = Line("ERROR", """{"kind":"Status","apiVersion":"v1","status":"Failure","message":"internal error","reason":"InternalError","code":500}""");
        var (app, client) = await ServeAsync(body);
        await using var _ = app;
        var source = new CustomObjectWatchSource<Widget>(client, null, null);

        await Assert.ThrowsAsync<WatchFailedException>(async () =>
        {
            await foreach (var _ in source.WatchAsync("1", 60, Ct))
            {
            }
        });
    }

    [Fact]
    public async Task An_http_410_on_list_becomes_ResourceVersionExpiredException()
    {
        var (app, client) = await ServeAsync("""{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Expired","code":410}""", (int)HttpStatusCode.Gone);
        await using var _ = app;
        var source = new CustomObjectWatchSource<Widget>(client, "default", null);

        await Assert.ThrowsAsync<ResourceVersionExpiredException>(() => source.ListAsync("token", 10, Ct));
    }
}
