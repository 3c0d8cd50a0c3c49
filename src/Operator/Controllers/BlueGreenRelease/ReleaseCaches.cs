using Ebops.Operator.Runtime.Cache;

namespace Ebops.Operator.Controllers.BlueGreenRelease;

/// <summary>What the release reads of the other kinds: from the watch caches, no API request.</summary>
internal sealed record ReleaseCaches(
    IResourceCache<Entities.BeanstalkApp> Apps,
    IResourceCache<Entities.NlbFrontend> Frontends,
    IResourceCache<Entities.RdsDatabase> Databases)
{
    /// <summary>The app, the frontend (when the spec names one) and the app's databases (its envFrom) of <paramref name="release"/>.</summary>
    public ReleaseInputs Resolve(Entities.BlueGreenRelease release)
    {
        var ns = release.Metadata.NamespaceProperty ?? "";
        var app = Apps.Get(ns, release.Spec.AppRef.Name);
        var frontend = release.Spec.FrontendRef is { } reference ? Frontends.Get(ns, reference.Name) : null;
        var databases = (app?.Spec.EnvFrom ?? []).Select(e => Databases.Get(ns, e.RdsDatabaseRef.Name)).OfType<Entities.RdsDatabase>().ToList();
        return new ReleaseInputs(release, app, frontend, databases);
    }
}
