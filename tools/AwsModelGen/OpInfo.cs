namespace Ebops.Tools.AwsModelGen;

/// <summary>One operation to generate: its request and response structures, the result wrapper element, and paging.</summary>
internal sealed record OpInfo(string Name, StructInfo Input, StructInfo? Output, string? ResultWrapper, Paging? Paging);
