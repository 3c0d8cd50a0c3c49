using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>
/// A simulated environment. Its status is a function of the clock: the current operation (launch, update, terminate)
/// started at <see cref="OperationStarted"/> and ends at <see cref="OperationEnds"/>.
/// </summary>
internal sealed class EbEnvironment
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string ApplicationName { get; init; }

    public required string Arn { get; init; }

    public string? Description { get; set; }

    public required EbPlatform Platform { get; set; }

    public string? TemplateName { get; set; }

    public string? VersionLabel { get; set; }

    public required string Cname { get; set; }

    public required DateTimeOffset Created { get; init; }

    public DateTimeOffset Updated { get; set; }

    /// <summary>Launching, Updating, Aborting or Terminating while now &lt; <see cref="OperationEnds"/>.</summary>
    public required string Operation { get; set; }

    public DateTimeOffset OperationStarted { get; set; }

    public DateTimeOffset OperationEnds { get; set; }

    public List<EbOptionSetting> Options { get; set; } = [];

    public List<EbInstance> Instances { get; } = [];

    public string? LoadBalancerArn { get; set; }

    public string? LoadBalancerDns { get; set; }

    public string? TargetGroupArn { get; set; }

    public string? InstanceSecurityGroup { get; set; }

    public string? LoadBalancerSecurityGroup { get; set; }

    public required string StackName { get; init; }

    public required string AutoScalingGroup { get; init; }

    public required string LaunchTemplateId { get; init; }

    public TagList Tags { get; } = new();

    /// <summary>Recent samples of the ALB's counters, oldest first (taken by the health monitor).</summary>
    public List<EbMetricSample> MetricSamples { get; } = [];

    /// <summary>The id of the latest deployment (1 at launch, one more with each deployment).</summary>
    public long DeploymentId { get; set; } = 1;

    /// <summary>The application deployment in progress, if any.</summary>
    public EbDeployment? Deployment { get; set; }

    /// <summary>What the last UpdateEnvironment changed from (AbortEnvironmentUpdate rolls back to it).</summary>
    public EbRollback? RollbackTo { get; set; }

    /// <summary>Last health reported (to record "health has transitioned" events).</summary>
    public string? LastHealthStatus { get; set; }

    public string StatusAt(DateTimeOffset now)
        => Operation switch
        {
            EbConstants.Launching => now < OperationEnds ? EbConstants.Launching : EbConstants.Ready,
            EbConstants.Updating => now < OperationEnds ? EbConstants.Updating : EbConstants.Ready,
            EbConstants.Aborting => now < OperationEnds ? EbConstants.Aborting : EbConstants.Ready,
            EbConstants.Terminating => now < OperationEnds ? EbConstants.Terminating : EbConstants.Terminated,
            _ => EbConstants.Ready,
        };

    public bool IsTerminatingOrTerminated => Operation == EbConstants.Terminating;

    public string? Option(string ns, string name)
        => Options.LastOrDefault(o => o.Namespace == ns && o.OptionName == name)?.Value;
}
