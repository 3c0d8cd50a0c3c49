namespace Ebops.Operator.Runtime.Metrics;

/// <summary>
/// Counts the operator's Kubernetes API requests in <c>ebops_kube_requests_total{verb, resource}</c> as they leave the
/// client (controller-runtime's <c>rest_client_requests_total</c>): the verb as RBAC names it (get, list, watch,
/// create, update, patch, delete) and the resource, with its subresource (<c>rdsdatabases/status</c>).
/// </summary>
public sealed class KubeRequestCounter(RuntimeMetrics metrics) : DelegatingHandler
{
    /// <summary>The RBAC verb and resource of a request (<c>("patch", "rdsdatabases/status")</c>).</summary>
    public static (string Verb, string Resource) Classify(HttpMethod method, Uri uri)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(uri);
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var rest = segments switch
        {
            ["api", _, .. var r] => r,
            ["apis", _, _, .. var r] => r,
            _ => segments,
        };
        if (rest is ["namespaces", _, _, ..])
        {
            rest = rest[2..];
        }

        var resource = rest.Length switch
        {
            0 => "",
            >= 3 => $"{rest[0]}/{rest[2]}",
            _ => rest[0],
        };
        var named = rest.Length >= 2;
        var verb = method.Method switch
        {
            "GET" when uri.Query.Contains("watch=true", StringComparison.Ordinal) || uri.Query.Contains("watch=1", StringComparison.Ordinal) => "watch",
            "GET" => named ? "get" : "list",
            "POST" => "create",
            "PUT" => "update",
            "PATCH" => "patch",
            "DELETE" => named ? "delete" : "deletecollection",
            var other => other.ToLowerInvariant(),
        };
        return (verb, resource);
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var (verb, resource) = Classify(request.Method, request.RequestUri!);
        metrics.KubeRequest(verb, resource);
        return base.SendAsync(request, cancellationToken);
    }
}
