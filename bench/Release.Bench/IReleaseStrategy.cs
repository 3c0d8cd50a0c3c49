namespace Ebops.Bench.Release;

/// <summary>
/// One way of releasing a new version of a Beanstalk application, measured side by side with the others by the release
/// scenario. Strategies are found by reflection: adding one is adding a class with a public parameterless constructor
/// (the ebops ones start the operator in <see cref="DeployFirstAsync"/>). Each strategy runs against its own fresh
/// simulator, under the same steady load.
/// </summary>
internal interface IReleaseStrategy
{
    /// <summary>The name in the results: <c>in-place-all-at-once</c>, <c>cname-swap</c>, <c>nlb-switch</c>, ...</summary>
    string Name { get; }

    /// <summary>Where the strategy sits in the results (smaller first).</summary>
    int Order { get; }

    /// <summary>Sets up the application running <paramref name="version"/> and returns where clients send their requests
    /// (an ALB or NLB listener, or a CNAME through <see cref="ReleaseBench.Resolver"/>).</summary>
    Task<Ebops.Sandbox.Load.LoadTarget> DeployFirstAsync(ReleaseBench bench, string version, CancellationToken cancellationToken);

    /// <summary>
    /// Releases <see cref="ReleaseRecord.Version"/> under load and returns once the release is over (old capacity
    /// retired). Calls <see cref="ReleaseRecord.MarkCutover"/> when traffic is handed to the new version (the update
    /// call, the CNAME swap, the gate passing) and reports the time two full environments ran.
    /// </summary>
    Task ReleaseAsync(ReleaseBench bench, ReleaseRecord release, CancellationToken cancellationToken);
}
