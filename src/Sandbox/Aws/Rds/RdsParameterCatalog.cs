using System.Collections.Frozen;
using System.Reflection;

namespace Ebops.Sandbox.Aws.Rds;

/// <summary>
/// The engine parameters of each DB parameter group family the simulator catalogues: mysql8.0 (about 320 parameters)
/// and mysql8.4 (the same with MySQL 8.4's differences), read from the embedded files in <c>Rds/Catalog</c> (their
/// headers name the sources). Other families (mysql5.7, mariadb, postgres) have no catalogue: their groups list no
/// parameters and refuse every modification with "Could not find parameter".
/// </summary>
internal static class RdsParameterCatalog
{
    private const string ResourcePrefix = "Ebops.Sandbox.Aws.Rds.Catalog.";

    private static readonly Lazy<FrozenDictionary<string, FrozenDictionary<string, RdsParameterDefinition>>> Families = new(LoadFamilies);

    private static readonly Lazy<IReadOnlyList<string>> Zones = new(() => Lines("mysql-time-zones.txt"));

    /// <summary>The time_zone values RDS for MySQL accepts, in the RDS User Guide's order.</summary>
    public static IReadOnlyList<string> TimeZones => Zones.Value;

    /// <summary>The family's parameters by name (empty for a family without a catalogue).</summary>
    public static IReadOnlyDictionary<string, RdsParameterDefinition> For(string family) =>
        Families.Value.TryGetValue(family, out var parameters) ? parameters : FrozenDictionary<string, RdsParameterDefinition>.Empty;

    /// <summary>The family's parameters sorted by name, as RDS lists them.</summary>
    public static IReadOnlyList<RdsParameterDefinition> Sorted(string family) =>
        [.. For(family).Values.OrderBy(p => p.Name, StringComparer.Ordinal)];

    private static FrozenDictionary<string, FrozenDictionary<string, RdsParameterDefinition>> LoadFamilies()
    {
        var lists = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["@charsets"] = string.Join(',', Lines("mysql-charsets.txt")),
            ["@collations"] = string.Join(',', Lines("mysql-collations.txt")),
            ["@timezones"] = string.Join(',', TimeZones),
        };
        var mysql80 = new Dictionary<string, RdsParameterDefinition>(StringComparer.Ordinal);
        Apply(mysql80, Lines("mysql8.0-parameters.txt"), lists);
        var mysql84 = new Dictionary<string, RdsParameterDefinition>(mysql80, StringComparer.Ordinal);
        Apply(mysql84, Lines("mysql8.4-parameters.txt"), lists);
        return new Dictionary<string, FrozenDictionary<string, RdsParameterDefinition>>(StringComparer.Ordinal)
        {
            ["mysql8.0"] = mysql80.ToFrozenDictionary(StringComparer.Ordinal),
            ["mysql8.4"] = mysql84.ToFrozenDictionary(StringComparer.Ordinal),
        }.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Adds or replaces a parameter per row; a row "-name" removes one.</summary>
    private static void Apply(Dictionary<string, RdsParameterDefinition> parameters, IEnumerable<string> rows, Dictionary<string, string> lists)
    {
        foreach (var row in rows)
        {
            if (row.StartsWith('-'))
            {
                parameters.Remove(row[1..]);
                continue;
            }

            var c = row.Split('|');
            if (c.Length != 8)
            {
                throw new InvalidDataException($"A parameter row needs 8 columns: {row}");
            }

            var allowed = c[3].Length == 0 ? null : lists.GetValueOrDefault(c[3], c[3]);
            parameters[c[0]] = new RdsParameterDefinition(c[0], c[1], c[2], allowed, c[4] == "1", c[5], c[6].Length == 0 ? null : c[6], c[7]);
        }
    }

    /// <summary>The non-empty, non-comment lines of an embedded catalogue file.</summary>
    private static IReadOnlyList<string> Lines(string file)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourcePrefix + file)
            ?? throw new InvalidOperationException($"The embedded RDS catalogue file {file} is missing.");
        using var reader = new StreamReader(stream);
        return [.. reader.ReadToEnd().Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0 && !l.StartsWith('#'))];
    }
}
