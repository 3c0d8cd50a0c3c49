using System.Globalization;
using System.Text;

namespace Ebops.Sandbox.Aws.QueryKit;

/// <summary>
/// Offset pagination behind an opaque token (Marker / NextToken). The token encodes the offset and a fingerprint of
/// the list's identity so a token from another listing is rejected rather than silently misread.
/// </summary>
internal static class Page
{
    /// <summary>Returns one page of <paramref name="items"/> and the token of the next, or null at the end.</summary>
    /// <param name="items">The full, stably ordered listing.</param>
    /// <param name="token">The caller's token (null for the first page).</param>
    /// <param name="size">Page size.</param>
    /// <param name="scope">Identifies the listing (e.g. the action name).</param>
    /// <param name="invalidToken">Builds the service's error for a token that does not decode.</param>
    public static (IReadOnlyList<T> Items, string? Next) Of<T>(IReadOnlyList<T> items, string? token, int size, string scope, Func<Exception> invalidToken)
    {
        var offset = 0;
        if (!string.IsNullOrEmpty(token))
        {
            try
            {
                var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
                var parts = text.Split('|');
                if (parts.Length != 2 || parts[0] != scope || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out offset))
                {
                    throw invalidToken();
                }
            }
            catch (FormatException)
            {
                throw invalidToken();
            }
        }

        var page = items.Skip(offset).Take(size).ToList();
        var nextOffset = offset + page.Count;
        var next = nextOffset < items.Count
            ? Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{scope}|{nextOffset}")))
            : null;
        return (page, next);
    }
}
