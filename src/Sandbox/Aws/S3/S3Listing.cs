namespace Ebops.Sandbox.Aws.S3;

/// <summary>
/// S3's listing rules, shared by ListObjects, ListObjectsV2 and ListMultipartUploads: keys in UTF-8 binary order under
/// the prefix and after the marker; with a delimiter, every key whose remainder after the prefix contains it is rolled
/// up into one common prefix (the prefix through the first delimiter) that counts once against the maximum and is left
/// out when it is not greater than the marker (it was returned on an earlier page); the listing is truncated only when
/// another entry follows.
/// </summary>
internal static class S3Listing
{
    /// <param name="sorted">The entries in key order.</param>
    /// <param name="keyOf">An entry's key.</param>
    /// <param name="query">Prefix, delimiter, marker and maximum.</param>
    /// <param name="isAfterMarker">Whether an entry comes after the marker; null: its key is greater than <see cref="S3ListQuery.After"/>.</param>
    public static S3ListPage<T> Page<T>(IEnumerable<T> sorted, Func<T, string> keyOf, S3ListQuery query, Func<T, bool>? isAfterMarker = null)
    {
        isAfterMarker ??= item => query.After is null || string.CompareOrdinal(keyOf(item), query.After) > 0;
        var items = new List<T>();
        var prefixes = new List<string>();
        string? last = null;
        foreach (var item in sorted)
        {
            var key = keyOf(item);
            if (!key.StartsWith(query.Prefix, StringComparison.Ordinal) || !isAfterMarker(item))
            {
                continue;
            }

            var rolledUp = RollUp(key, query.Prefix, query.Delimiter);
            if (rolledUp is not null && (rolledUp == prefixes.LastOrDefault() || (query.After is not null && string.CompareOrdinal(rolledUp, query.After) <= 0)))
            {
                continue;
            }

            if (items.Count + prefixes.Count >= query.MaxKeys)
            {
                // max-keys 0 asks for nothing, so it cannot be continued: S3 answers not truncated.
                return new S3ListPage<T>(items, prefixes, IsTruncated: query.MaxKeys > 0, last);
            }

            if (rolledUp is null)
            {
                items.Add(item);
                last = key;
            }
            else
            {
                prefixes.Add(rolledUp);
                last = rolledUp;
            }
        }

        return new S3ListPage<T>(items, prefixes, IsTruncated: false, last);
    }

    private static string? RollUp(string key, string prefix, string? delimiter)
    {
        if (string.IsNullOrEmpty(delimiter))
        {
            return null;
        }

        var at = key.IndexOf(delimiter, prefix.Length, StringComparison.Ordinal);
        return at < 0 ? null : key[..(at + delimiter.Length)];
    }
}
