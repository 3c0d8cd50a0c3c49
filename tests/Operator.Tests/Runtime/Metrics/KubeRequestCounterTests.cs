using System.Net;
using Ebops.Operator.Runtime.Metrics;
using Prometheus;

namespace Ebops.Operator.Tests.Runtime.Metrics;

/// <summary><c>ebops_kube_requests_total</c>: each request the client sends, by RBAC verb and resource.</summary>
public sealed class KubeRequestCounterTests
{
    [Theory]
    [InlineData("GET", "/apis/ebops.io/v1alpha1/namespaces/shop/rdsdatabases?limit=500", "list", "rdsdatabases")]
    [InlineData("GET", "/apis/ebops.io/v1alpha1/namespaces/shop/rdsdatabases?watch=true&resourceVersion=7", "watch", "rdsdatabases")]
    [InlineData("GET", "/apis/ebops.io/v1alpha1/rdsdatabases?watch=true", "watch", "rdsdatabases")]
    [InlineData("GET", "/apis/ebops.io/v1alpha1/namespaces/shop/rdsdatabases/db", "get", "rdsdatabases")]
    [InlineData("PATCH", "/apis/ebops.io/v1alpha1/namespaces/shop/rdsdatabases/db/status", "patch", "rdsdatabases/status")]
    [InlineData("PATCH", "/apis/ebops.io/v1alpha1/namespaces/shop/rdsdatabases/db", "patch", "rdsdatabases")]
    [InlineData("POST", "/apis/events.k8s.io/v1/namespaces/shop/events", "create", "events")]
    [InlineData("GET", "/api/v1/namespaces/shop/secrets/db-master", "get", "secrets")]
    [InlineData("POST", "/api/v1/namespaces/shop/secrets", "create", "secrets")]
    [InlineData("PUT", "/apis/coordination.k8s.io/v1/namespaces/ebops-system/leases/ebops-leader", "update", "leases")]
    [InlineData("GET", "/api/v1/namespaces/shop", "get", "namespaces")]
    [InlineData("DELETE", "/api/v1/namespaces/shop/secrets/x", "delete", "secrets")]
    public void Requests_are_classified_as_rbac_names_them(string method, string path, string verb, string resource) =>
        Assert.Equal((verb, resource), KubeRequestCounter.Classify(new HttpMethod(method), new Uri(new Uri("https://10.0.0.1:6443"), path)));

    [Fact]
    public async Task Each_request_sent_is_counted_once()
    {
        var registry = new CollectorRegistry();
        var metrics = new RuntimeMetrics(registry);
        using var client = new HttpClient(new KubeRequestCounter(metrics) { InnerHandler = new Answer() });
        var ct = TestContext.Current.CancellationToken;
        await client.GetAsync(new Uri("http://api/apis/ebops.io/v1alpha1/namespaces/shop/rdsdatabases/db"), ct);
        await client.GetAsync(new Uri("http://api/apis/ebops.io/v1alpha1/namespaces/shop/rdsdatabases/db"), ct);
        await client.PatchAsync(new Uri("http://api/apis/ebops.io/v1alpha1/namespaces/shop/rdsdatabases/db/status"), new StringContent("{}"), ct);

        using var stream = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(stream, ct);
        var text = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        Assert.Contains("ebops_kube_requests_total{verb=\"get\",resource=\"rdsdatabases\"} 2", text, StringComparison.Ordinal);
        Assert.Contains("ebops_kube_requests_total{verb=\"patch\",resource=\"rdsdatabases/status\"} 1", text, StringComparison.Ordinal);
    }

    private sealed class Answer : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
    }
}
