namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>An environment's configuration before an update: version, template, settings and instance count.</summary>
internal sealed record EbRollback(string? VersionLabel, string? TemplateName, List<EbOptionSetting> Options, int InstanceCount);
