namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>One configuration option (namespace, name, value; ResourceName for resource-scoped options).</summary>
internal sealed record EbOptionSetting(string Namespace, string OptionName, string? Value, string? ResourceName = null);
