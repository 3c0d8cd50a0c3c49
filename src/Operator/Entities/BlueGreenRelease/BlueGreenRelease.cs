using k8s.Models;

namespace Ebops.Operator.Entities;

/// <summary>
/// The release of a BeanstalkApp: one long-lived object per app; each change of <c>spec.version</c> starts a
/// blue/green release.
/// </summary>
[KubernetesEntity(Group = EbopsApi.Group, ApiVersion = EbopsApi.Version, Kind = KindName, PluralName = Plural)]
public sealed class BlueGreenRelease : CustomResource<BlueGreenReleaseSpec, BlueGreenReleaseStatus>
{
    public const string KindName = "BlueGreenRelease";
    public const string Plural = "bluegreenreleases";

    public BlueGreenRelease() => Kind = KindName;
}
