namespace Ebops.Sandbox.Aws.Ec2;

/// <summary>One describe filter (<c>Filter.N.Name</c> with its <c>Filter.N.Value.M</c> values).</summary>
internal sealed record Ec2Filter(string Name, IReadOnlyList<string> Values);
