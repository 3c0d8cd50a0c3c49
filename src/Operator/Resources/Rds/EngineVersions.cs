using System.Globalization;

namespace Ebops.Operator.Resources.Rds;

/// <summary>
/// RDS engine version arithmetic. A spec may name a major version (<c>8.0</c>: any 8.0.x satisfies it, RDS picks the
/// default minor at creation) or a full one (<c>8.0.39</c>). Versions only ever move up: a desired version lower than
/// the running one is never applied.
/// </summary>
public static class EngineVersions
{
    /// <summary>True when running <paramref name="observed"/> requires moving to <paramref name="desired"/>: desired is
    /// higher on the parts it names.</summary>
    public static bool IsUpgrade(string desired, string observed) => Compare(desired, observed) > 0;

    /// <summary>True when <paramref name="desired"/> asks for an older version than <paramref name="observed"/> runs.</summary>
    public static bool IsDowngrade(string desired, string observed) => Compare(desired, observed) < 0;

    /// <summary>True when the major versions (first two parts for MySQL, e.g. 8.0 and 8.4) differ.</summary>
    public static bool IsMajorChange(string desired, string observed) => !string.Equals(Major(desired), Major(observed), StringComparison.Ordinal);

    /// <summary>The major version: <c>8.0.39</c> → <c>8.0</c>.</summary>
    public static string Major(string version) => string.Join('.', version.Split('.').Take(2));

    /// <summary>True when <paramref name="version"/> names only a major version (<c>8.0</c>).</summary>
    public static bool IsMajorOnly(string version) => version.Split('.').Length <= 2;

    /// <summary>Compares on the parts <paramref name="desired"/> names: <c>8.0</c> vs <c>8.0.40</c> is 0.</summary>
    private static int Compare(string desired, string observed)
    {
        var want = desired.Split('.');
        var have = observed.Split('.');
        for (var i = 0; i < want.Length; i++)
        {
            if (i >= have.Length)
            {
                return 1;
            }

            var order = ComparePart(want[i], have[i]);
            if (order != 0)
            {
                return order;
            }
        }

        return 0;
    }

    private static int ComparePart(string a, string b) =>
        long.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var x) && long.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            ? x.CompareTo(y)
            : string.CompareOrdinal(a, b);
}
