namespace Ebops.Sandbox.Kube.Api;

/// <summary>
/// One request to a resource URL, described as kube-apiserver's authorizer sees it (its <c>RequestInfo</c>): the verb
/// (get, list, watch, create, update, patch, delete, deletecollection), the API group (empty for the core group), the
/// resource, subresource, namespace and name, plus the client's User-Agent so tests can tell clients apart.
/// </summary>
/// <param name="Sequence">1-based position in the log.</param>
/// <param name="Time">When the request arrived (the emulator's TimeProvider).</param>
/// <param name="Verb">The authorization verb.</param>
/// <param name="Group">API group; empty for the core group.</param>
/// <param name="Version">API version of the URL.</param>
/// <param name="Resource">Plural resource name, e.g. <c>secrets</c>.</param>
/// <param name="Subresource">e.g. <c>status</c>, or null.</param>
/// <param name="Namespace">Namespace of the URL, or null for cluster-wide URLs.</param>
/// <param name="Name">Object name of the URL, or null for collections.</param>
/// <param name="UserAgent">The User-Agent header ("" when absent).</param>
public sealed record KubeRequest(
    long Sequence,
    DateTimeOffset Time,
    string Verb,
    string Group,
    string Version,
    string Resource,
    string? Subresource,
    string? Namespace,
    string? Name,
    string UserAgent)
{
    /// <summary><c>resource</c> or <c>resource/subresource</c>, as RBAC rules name it.</summary>
    public string ResourcePath => Subresource is null ? Resource : $"{Resource}/{Subresource}";

    /// <summary>
    /// The verb kube-apiserver derives from the HTTP method (k8s.io/apiserver's <c>RequestInfoFactory</c>): GET of an
    /// object is get, of a collection list, either with <c>watch</c> is watch; POST create; PUT update; PATCH patch;
    /// DELETE of an object delete, of a collection deletecollection.
    /// </summary>
    public static string VerbOf(string method, bool hasName, bool watch) => method switch
    {
        "GET" or "HEAD" when watch => "watch",
        "GET" or "HEAD" => hasName ? "get" : "list",
        "POST" => "create",
        "PUT" => "update",
        "PATCH" => "patch",
        "DELETE" => hasName ? "delete" : "deletecollection",
        _ => method.ToLowerInvariant(),
    };
}
