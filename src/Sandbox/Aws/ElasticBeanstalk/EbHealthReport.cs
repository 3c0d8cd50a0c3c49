namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>DescribeEnvironmentHealth's answer: the health now and the request metrics of the last window (null without an ALB).</summary>
internal sealed record EbHealthReport(EbEnvironment Environment, EbHealth Health, EbMetricSample? Metrics, int DurationSeconds);
