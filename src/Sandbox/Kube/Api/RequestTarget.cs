namespace Ebops.Sandbox.Kube.Api;

/// <summary>A resource URL split into its parts (group is empty for the core group).</summary>
internal sealed record RequestTarget(string Group, string Version, string? Namespace, string Resource, string? Name, string? Subresource, bool WatchPath)
{
    /// <summary>
    /// Parses <c>/api/v1/...</c> and <c>/apis/g/v/...</c> resource paths, including the legacy <c>/watch/</c> prefix.
    /// Returns null for anything that is not a resource path (discovery documents, unknown paths).
    /// </summary>
    public static RequestTarget? Parse(string path)
    {
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        string group, version;
        int rest;
        if (segments.Length >= 3 && segments[0] == "api")
        {
            (group, version, rest) = ("", segments[1], 2);
        }
        else if (segments.Length >= 4 && segments[0] == "apis")
        {
            (group, version, rest) = (segments[1], segments[2], 3);
        }
        else
        {
            return null;
        }
        var tail = segments[rest..];
        var watch = false;
        if (tail.Length > 0 && tail[0] == "watch")
        {
            watch = true;
            tail = tail[1..];
        }
        string? ns = null;
        // namespaces/{ns}/{resource}... is a namespaced resource, but namespaces/{name}/status is the namespace's own subresource.
        if (tail.Length >= 3 && tail[0] == "namespaces" && tail[2] is not ("status" or "finalize"))
        {
            ns = tail[1];
            tail = tail[2..];
        }
        return tail.Length switch
        {
            1 => new RequestTarget(group, version, ns, tail[0], null, null, watch),
            2 => new RequestTarget(group, version, ns, tail[0], tail[1], null, watch),
            3 => new RequestTarget(group, version, ns, tail[0], tail[1], tail[2], watch),
            _ => null,
        };
    }
}
