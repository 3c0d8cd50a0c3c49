using Ebops.Operator.Runtime;
using Ebops.Operator.Runtime.Cache;
using Ebops.Operator.Runtime.Reconciliation;

namespace Ebops.Operator.Tests.Runtime.Reconciliation;

/// <summary>Who is re-queued when an object changes: its referencing objects, and the referenced ones that asked for referrers.</summary>
public sealed class DependencyIndexTests
{
    private readonly DependencyIndex index = new();
    private readonly RecordingDependent apps = new("App");
    private readonly RecordingDependent releases = new("Release");

    public DependencyIndexTests()
    {
        index.RegisterController("ebops.io", "App", apps);
        index.RegisterController("ebops.io", "Release", releases);
    }

    [Fact]
    public void A_referrer_the_referenced_object_has_not_seen_yet_requeues_it_when_it_asked_for_referrers_of_that_kind()
    {
        index.Set(apps, new ResourceKey("ns", "myapp"), [ReferencedObject.ReferrersOf("Release")]);
        index.Set(apps, new ResourceKey("ns", "other"), []);
        index.Set(releases, new ResourceKey("ns", "r1"), [new ReferencedObject("App", "myapp")]);
        index.Set(releases, new ResourceKey("ns", "r2"), [new ReferencedObject("App", "other")]);

        index.Changed(new VersionChange("Release", new ResourceKey("ns", "r1"), []));
        index.Changed(new VersionChange("Release", new ResourceKey("ns", "r2"), []));

        Assert.Equal([new ResourceKey("ns", "myapp")], apps.Notified);
        // The release references the app and hears about its changes as before; the marker is no object of its own.
        index.Changed(new VersionChange("App", new ResourceKey("ns", "myapp"), []));
        Assert.Equal([new ResourceKey("ns", "r1")], releases.Notified);
        Assert.Empty(index.DependentsOf("Release", new ResourceKey("ns", ReferencedObject.AnyReferrer)));
    }

    [Fact]
    public void Removing_the_object_forgets_its_interest_in_referrers()
    {
        index.Set(apps, new ResourceKey("ns", "myapp"), [ReferencedObject.ReferrersOf("Release")]);
        index.Set(releases, new ResourceKey("ns", "r1"), [new ReferencedObject("App", "myapp")]);
        index.Remove(apps, new ResourceKey("ns", "myapp"));

        index.Changed(new VersionChange("Release", new ResourceKey("ns", "r1"), []));

        Assert.Empty(apps.Notified);
    }
}
