namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>An option's value pattern (OptionRestrictionRegex): the regular expression and the label EB shows with it.</summary>
internal sealed record EbOptionRegex(string Pattern, string Label);
