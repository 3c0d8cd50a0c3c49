namespace Ebops.Sandbox.Aws.S3;

/// <summary>What a listing asks for: keys under <see cref="Prefix"/>, after <see cref="After"/> (exclusive), rolled up
/// at <see cref="Delimiter"/>, at most <see cref="MaxKeys"/> entries (keys and common prefixes together).</summary>
internal sealed record S3ListQuery(string Prefix, string? Delimiter, string? After, int MaxKeys);
