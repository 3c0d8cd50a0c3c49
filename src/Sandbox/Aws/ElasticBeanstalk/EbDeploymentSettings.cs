using C = Ebops.Sandbox.Aws.ElasticBeanstalk.EbConstants;

namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>
/// How an application version is deployed, from the <c>aws:elasticbeanstalk:command</c> options (DeploymentPolicy,
/// BatchSizeType, BatchSize, Timeout, IgnoreHealthCheck), the health reporting system and the default process's
/// deregistration delay, with EB's defaults (AllAtOnce, Percentage 100, 600 s, false, enhanced, 20 s).
/// </summary>
internal sealed record EbDeploymentSettings(
    string Policy,
    bool FixedBatch,
    int BatchSize,
    TimeSpan Timeout,
    bool IgnoreHealthCheck,
    bool EnhancedHealth,
    TimeSpan DeregistrationDelay)
{
    public static EbDeploymentSettings From(IReadOnlyList<EbOptionSetting> options) => new(
        EbOptionSettings.Value(options, C.CommandNamespace, "DeploymentPolicy") ?? C.AllAtOnce,
        EbOptionSettings.Value(options, C.CommandNamespace, "BatchSizeType") == "Fixed",
        EbOptionSettings.Int(options, C.CommandNamespace, "BatchSize") ?? 100,
        TimeSpan.FromSeconds(EbOptionSettings.Int(options, C.CommandNamespace, "Timeout") ?? 600),
        string.Equals(EbOptionSettings.Value(options, C.CommandNamespace, "IgnoreHealthCheck"), "true", StringComparison.OrdinalIgnoreCase),
        !string.Equals(EbOptionSettings.Value(options, C.HealthReportingNamespace, "SystemType"), "basic", StringComparison.Ordinal),
        TimeSpan.FromSeconds(EbOptionSettings.TargetGroup(options).DeregistrationDelaySeconds));

    /// <summary>
    /// Instances per batch: BatchSize instances (Fixed), or BatchSize percent of the instances rounded down (the guide
    /// does not say how EB rounds; down keeps more capacity in service), at least one and at most all of them.
    /// </summary>
    public int BatchSizeFor(int instances) =>
        instances == 0 ? 0 : Math.Clamp(FixedBatch ? BatchSize : instances * BatchSize / 100, 1, instances);

    /// <summary><paramref name="instances"/> in launch order, cut into batches of <see cref="BatchSizeFor"/>.</summary>
    public IReadOnlyList<IReadOnlyList<EbInstance>> Batches(IReadOnlyList<EbInstance> instances)
    {
        var size = BatchSizeFor(instances.Count);
        return size == 0 ? [] : [.. instances.Chunk(size).Select(b => (IReadOnlyList<EbInstance>)b)];
    }
}
