using System.Globalization;
using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Aws.S3;

/// <summary>
/// The <c>Range</c> header of GetObject as S3 reads it (RFC 9110 byte ranges): one range only (<c>bytes=a-b</c>,
/// <c>bytes=a-</c>, <c>bytes=-n</c>); several ranges or a header that is not a byte range are ignored (the whole object
/// is returned); a range that starts past the end is InvalidRange (416).
/// </summary>
internal readonly record struct S3Range(int First, int Length)
{
    public static S3Range? Parse(string? header, int size)
    {
        if (header is null || !header.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase) || header.Contains(',', StringComparison.Ordinal))
        {
            return null;
        }

        var spec = header["bytes=".Length..].Trim();
        var dash = spec.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            return null;
        }

        var (startText, endText) = (spec[..dash], spec[(dash + 1)..]);
        if (startText.Length == 0)
        {
            // A suffix: the last n bytes.
            return long.TryParse(endText, NumberStyles.None, CultureInfo.InvariantCulture, out var suffix) && suffix > 0
                ? size == 0 ? throw Unsatisfiable() : new S3Range((int)Math.Max(0, size - suffix), (int)Math.Min(suffix, size))
                : null;
        }

        if (!long.TryParse(startText, NumberStyles.None, CultureInfo.InvariantCulture, out var first))
        {
            return null;
        }

        long last = size - 1;
        if (endText.Length > 0 && (!long.TryParse(endText, NumberStyles.None, CultureInfo.InvariantCulture, out last) || last < first))
        {
            return null;
        }

        return first >= size ? throw Unsatisfiable() : new S3Range((int)first, (int)(Math.Min(last, size - 1) - first + 1));
    }

    private static AwsSimException Unsatisfiable() => new("InvalidRange", "The requested range is not satisfiable", 416);
}
