namespace Ebops.Tests.Shared;

/// <summary>Where a kind lives in the API: group ("" for core is not supported here), version, plural, and the namespace (null: cluster-wide).</summary>
public sealed record ResourcePath(string Group, string Version, string Plural, string? Namespace)
{
    public static ResourcePath Widgets(string ns) => new(Widget.GroupName, Widget.Version, Widget.Plural, ns);

    public static ResourcePath Events(string ns) => new("events.k8s.io", "v1", "events", ns);

    public static ResourcePath Leases(string ns) => new("coordination.k8s.io", "v1", "leases", ns);

    public static ResourcePath Crds { get; } = new("apiextensions.k8s.io", "v1", "customresourcedefinitions", null);
}
