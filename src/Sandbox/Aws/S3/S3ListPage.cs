namespace Ebops.Sandbox.Aws.S3;

/// <summary>One page of a listing: the entries in key order, the common prefixes, whether more entries follow, and
/// the last entry returned (a key or a common prefix: where the next page starts).</summary>
internal sealed record S3ListPage<T>(IReadOnlyList<T> Items, IReadOnlyList<string> CommonPrefixes, bool IsTruncated, string? Last)
{
    /// <summary>Keys and common prefixes returned (ListObjectsV2's KeyCount).</summary>
    public int Count => Items.Count + CommonPrefixes.Count;
}
