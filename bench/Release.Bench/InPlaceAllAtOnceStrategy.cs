namespace Ebops.Bench.Release;

/// <summary>EB's default deployment policy: every instance restarts with the new version at once.</summary>
internal sealed class InPlaceAllAtOnceStrategy() : InPlaceStrategy("in-place-all-at-once", 10, ("DeploymentPolicy", "AllAtOnce"));
