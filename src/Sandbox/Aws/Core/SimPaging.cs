using System.Text;

namespace Ebops.Sandbox.Aws.Core;

/// <summary>
/// Pagination shared by every simulated describe, so callers' pagination loops are exercised: the page size is the
/// smaller of what the caller asked for (MaxRecords, PageSize, MaxResults, MaxItems) and a configurable per-service cap
/// (<see cref="SimWorldOptions.PageSizes"/>; tests set it to 1 or 2). Tokens are opaque (base64 of the offset and
/// the list they belong to), as callers must treat Marker / NextToken.
/// <para>The parameter names by service: RDS <c>MaxRecords</c>/<c>Marker</c>; ELBv2 <c>PageSize</c>/<c>Marker</c>
/// (response <c>NextMarker</c>); EB <c>MaxRecords</c>/<c>NextToken</c>; EC2 <c>MaxResults</c>/<c>NextToken</c>.</para>
/// </summary>
public sealed class SimPaging(IReadOnlyDictionary<string, int> pageSizes, int defaultPageSize = 100)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> sizes = new(pageSizes, StringComparer.Ordinal);

    /// <summary>The page size cap of a service.</summary>
    public int PageSizeOf(string service) => sizes.TryGetValue(service, out var size) && size > 0 ? size : defaultPageSize;

    /// <summary>Changes a service's page size cap at run time (0 or less: back to the default).</summary>
    public void SetPageSize(string service, int size) => sizes[service] = size;

    /// <summary>
    /// Cuts one page out of <paramref name="items"/> (already filtered and in a stable order).
    /// <paramref name="listName"/> keeps a token of one list from being replayed on another.
    /// When <paramref name="paginateWhenUnrequested"/> is false and the caller passed no page size, everything is returned
    /// in one page (EC2's describes without MaxResults do this).
    /// Throws <see cref="AwsSimException"/> with <paramref name="invalidTokenCode"/> for a token it did not hand out.
    /// </summary>
    public SimPage<T> Page<T>(
        string service,
        string listName,
        IReadOnlyList<T> items,
        string? token,
        int? requested,
        bool paginateWhenUnrequested = true,
        string invalidTokenCode = "InvalidParameterValue")
    {
        var offset = 0;
        if (!string.IsNullOrEmpty(token))
        {
            offset = Decode(token, listName) ?? throw new AwsSimException(invalidTokenCode, $"Invalid pagination token: {token}");
        }

        if (requested is null && !paginateWhenUnrequested && offset == 0)
        {
            return new SimPage<T>(items, null);
        }

        var size = Math.Min(requested ?? int.MaxValue, PageSizeOf(service));
        size = Math.Max(size, 1);
        var page = items.Skip(offset).Take(size).ToList();
        var next = offset + page.Count < items.Count ? Encode(offset + page.Count, listName) : null;
        return new SimPage<T>(page, next);
    }

    private static string Encode(int offset, string listName) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{listName}:{offset}"));

    private static int? Decode(string token, string listName)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            var colon = text.LastIndexOf(':');
            return colon > 0 && text[..colon] == listName && int.TryParse(text[(colon + 1)..], out var offset) && offset >= 0
                ? offset
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
