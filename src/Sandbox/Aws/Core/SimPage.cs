namespace Ebops.Sandbox.Aws.Core;

/// <summary>One page of a describe: the items and the token for the next page (null on the last page).</summary>
public sealed record SimPage<T>(IReadOnlyList<T> Items, string? NextToken);
