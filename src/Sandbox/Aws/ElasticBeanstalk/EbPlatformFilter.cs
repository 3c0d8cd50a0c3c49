namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>One ListPlatformVersions filter: a field, an operator (<c>=</c> when not sent) and values.</summary>
internal sealed record EbPlatformFilter(string Type, string Operator, IReadOnlyList<string> Values);
