using System.Text.RegularExpressions;
using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Aws.Ec2;

/// <summary>
/// EC2 describe filters (<c>Filter.N.Name</c> / <c>Filter.N.Value.M</c>): a resource matches when, for every filter, one
/// of its values matches one of the filter's values (<c>*</c> and <c>?</c> wildcards). <c>tag:Key</c> and <c>tag-key</c>
/// work on every resource. An unknown filter name is AWS's InvalidParameterValue.
/// </summary>
internal static class Ec2Filters
{
    public static IReadOnlyList<Ec2Filter> Read(SimParams p) =>
        [.. p.Indexed("Filter").Select(prefix => new Ec2Filter(p.Required(prefix + ".Name"), p.List(prefix + ".Value")))];

    public static IEnumerable<T> Apply<T>(
        IEnumerable<T> items,
        IReadOnlyList<Ec2Filter> filters,
        Func<T, IReadOnlyDictionary<string, string>> tags,
        IReadOnlyDictionary<string, Func<T, IEnumerable<string?>>> fields)
    {
        foreach (var (name, _) in filters)
        {
            if (!name.StartsWith("tag:", StringComparison.Ordinal) && name != "tag-key" && name != "tag-value" && !fields.ContainsKey(name))
            {
                throw SimErrors.Invalid($"The filter '{name}' is invalid");
            }
        }

        return items.Where(item => filters.All(f =>
        {
            IEnumerable<string?> actual = f.Name switch
            {
                _ when f.Name.StartsWith("tag:", StringComparison.Ordinal) =>
                    tags(item).TryGetValue(f.Name[4..], out var v) ? [v] : [],
                "tag-key" => tags(item).Keys,
                "tag-value" => tags(item).Values,
                _ => fields[f.Name](item),
            };
            var values = actual.OfType<string>().ToList();
            return f.Values.Any(pattern => values.Any(v => Matches(pattern, v)));
        }));
    }

    private static bool Matches(string pattern, string value) =>
        !pattern.Contains('*') && !pattern.Contains('?')
            ? pattern == value
            : Regex.IsMatch(value, "^" + Regex.Escape(pattern).Replace("\\*", ".*").Replace("\\?", ".") + "$",
                RegexOptions.None, TimeSpan.FromSeconds(1));
}
