using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Aws.Rds;

/// <summary>How RDS reads the parameters every describe shares: MaxRecords / Marker pages and Filters.</summary>
internal static class RdsRequests
{
    /// <summary>A page of <paramref name="items"/>; MaxRecords outside [<paramref name="min"/>, <paramref name="max"/>]
    /// (20-100 for most describes) is InvalidParameterValue.</summary>
    public static SimPage<T> Page<T>(SimWorld world, SimParams p, string list, IReadOnlyList<T> items, int min = 20, int max = 100)
    {
        var requested = p.Int("MaxRecords");
        if (requested is { } m && (m < min || m > max))
        {
            throw SimErrors.Invalid($"Invalid value {m} for MaxRecords. Must be between {min} and {max}");
        }

        return world.Paging.Page(RdsNames.Service, list, items, p.Get("Marker"), requested);
    }

    /// <summary><c>Filters.Filter.N.Name</c> / <c>Filters.Filter.N.Values.Value.M</c>.</summary>
    public static IReadOnlyList<(string Name, IReadOnlyList<string> Values)> Filters(SimParams p) =>
        [.. p.Indexed("Filters.Filter").Select(f => (p.Required(f + ".Name"), p.List(f + ".Values.Value")))];
}
