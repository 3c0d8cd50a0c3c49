namespace Ebops.Sandbox.Aws.Ec2;

/// <summary>One tag of one resource, as DescribeTags lists it.</summary>
internal sealed record Ec2TagEntry(string ResourceId, string ResourceType, string Key, string Value);
