using Ebops.Operator.Runtime;
using Ebops.Operator.Runtime.Cache;
using Ebops.Operator.Runtime.Reconciliation;

namespace Ebops.Operator.Tests.Runtime.Reconciliation;

public sealed class DependencyIndexTests
{
    private static readonly ResourceKey App = new("default", "myapp");
    private static readonly ResourceKey Release = new("default", "myapp-release");

    [Fact]
    public void A_watch_mapping_requeues_the_object_a_changed_source_names_without_a_reference_from_the_target()
    {
        var (index, apps) = Index(_ => ["myapp"]);

        index.Changed(new VersionChange("BlueGreenRelease", Release, []));

        Assert.Equal([App], apps.Requeued);
    }

    [Fact]
    public void A_watch_mapping_ignores_other_kinds_and_sources_that_name_nothing()
    {
        var (index, apps) = Index(key => key == Release ? [] : ["myapp"]);

        index.Changed(new VersionChange("RdsDatabase", new ResourceKey("default", "db"), []));
        index.Changed(new VersionChange("BlueGreenRelease", Release, []));

        Assert.Empty(apps.Requeued);
    }

    [Fact]
    public void A_watch_mapping_whose_target_kind_has_no_controller_requeues_nothing()
    {
        var index = new DependencyIndex();
        var apps = new RecordingDependent();
        index.RegisterController("ebops.io", "NlbFrontend", apps);
        index.Attach(new InformerRegistry([]), [new WatchMapping("BlueGreenRelease", "ebops.io", "BeanstalkApp", _ => ["myapp"])]);

        index.Changed(new VersionChange("BlueGreenRelease", Release, []));

        Assert.Empty(apps.Requeued);
    }

    private static (DependencyIndex Index, RecordingDependent Apps) Index(Func<ResourceKey, IEnumerable<string>> map)
    {
        var index = new DependencyIndex();
        var apps = new RecordingDependent();
        index.RegisterController("ebops.io", "BeanstalkApp", apps);
        index.Attach(new InformerRegistry([]), [new WatchMapping("BlueGreenRelease", "ebops.io", "BeanstalkApp", map)]);
        return (index, apps);
    }

    private sealed class RecordingDependent : IDependent
    {
        public List<ResourceKey> Requeued { get; } = [];

        public void OnDependencyChanged(ResourceKey key) => Requeued.Add(key);
    }
}
