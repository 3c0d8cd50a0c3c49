using System.Globalization;

namespace Ebops.Sandbox.Kube.Validation.Crds;

/// <summary>
/// The CEL cost budget of a CRD schema: 10,000,000 per expression (times the number of times its node can occur) and
/// 100,000,000 for all together, reported in kube-apiserver's words.
/// </summary>
internal sealed class CostTracker
{
    /// <summary>StaticEstimatedCostLimit: the largest estimated cost of one expression.</summary>
    public const ulong ExpressionLimit = 10_000_000;

    /// <summary>StaticEstimatedCRDCostLimit: the largest estimated cost of all of a schema's rules.</summary>
    public const ulong SchemaLimit = 100_000_000;

    private readonly List<(string Path, ulong Cost)> expressions = [];

    public ulong Total { get; private set; }

    /// <summary>
    /// The four most expensive expressions, costliest first, among those costing at least 1% of the schema limit:
    /// the ones kube-apiserver names when the total is over.
    /// </summary>
    public IEnumerable<string> MostExpensive => expressions.OrderByDescending(e => e.Cost).Take(4).Select(e => e.Path);

    public void Observe(string path, ulong cost)
    {
        Total = Total > ulong.MaxValue - cost ? ulong.MaxValue : Total + cost;
        if (cost >= SchemaLimit / 100)
        {
            expressions.Add((path, cost));
        }
    }

    /// <summary><c>getCostErrorMessage</c>: "&lt;what&gt; exceeds budget by factor of 2.5x (try simplifying ...)".</summary>
    public static string ExceedsMessage(string what, ulong cost, ulong limit)
    {
        var factor = (double)cost / limit;
        var shown = factor > 100.0 ? "more than 100x"
            : factor < 1.5 ? factor.ToString("F6", CultureInfo.InvariantCulture) + "x"
            : factor.ToString("F1", CultureInfo.InvariantCulture) + "x";
        return $"{what} exceeds budget by factor of {shown} (try simplifying the rule, or adding maxItems, maxProperties, and maxLength where arrays, maps, and strings are declared)";
    }

    /// <summary>Cost times cardinality, saturating.</summary>
    public static ulong Multiply(ulong cost, double cardinality)
    {
        var product = cost * Math.Max(1, cardinality);
        return product >= ulong.MaxValue ? ulong.MaxValue : (ulong)product;
    }
}
