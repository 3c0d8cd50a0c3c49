using Ebops.Sandbox.Kube.Errors;

namespace Ebops.Sandbox.Kube.Selectors;

/// <summary>
/// The label selector grammar of <c>?labelSelector=</c>: <c>k=v</c>, <c>k==v</c>, <c>k!=v</c>, <c>k in (a,b)</c>,
/// <c>k notin (a)</c>, <c>k</c> (exists), <c>!k</c> (does not exist), comma-separated and ANDed.
/// </summary>
internal sealed class LabelSelector(IReadOnlyList<LabelRequirement> requirements)
{
    public static readonly LabelSelector Everything = new([]);

    public IReadOnlyList<LabelRequirement> Requirements { get; } = requirements;

    public bool Matches(IReadOnlyDictionary<string, string> labels) => Requirements.All(r => r.Matches(labels));

    public static LabelSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }
        var requirements = new List<LabelRequirement>();
        foreach (var part in SplitTopLevel(text))
        {
            requirements.Add(ParseRequirement(part.Trim(), text));
        }
        return new LabelSelector(requirements);
    }

    private static LabelRequirement ParseRequirement(string part, string whole)
    {
        if (part.Length == 0)
        {
            throw KubeApiException.BadRequest($"unable to parse requirement: found '', expected: identifier (in \"{whole}\")");
        }
        if (part.StartsWith('!'))
        {
            return new LabelRequirement(part[1..].Trim(), "!", []);
        }
        foreach (var op in new[] { " notin ", " in " })
        {
            var at = part.IndexOf(op, StringComparison.Ordinal);
            if (at > 0)
            {
                var list = part[(at + op.Length)..].Trim();
                if (!list.StartsWith('(') || !list.EndsWith(')'))
                {
                    throw KubeApiException.BadRequest($"unable to parse requirement: found '{list}', expected: '(' (in \"{whole}\")");
                }
                var values = list[1..^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                return new LabelRequirement(part[..at].Trim(), op.Trim(), values);
            }
        }
        foreach (var op in new[] { "!=", "==", "=" })
        {
            var at = part.IndexOf(op, StringComparison.Ordinal);
            if (at > 0)
            {
                return new LabelRequirement(part[..at].Trim(), op, [part[(at + op.Length)..].Trim()]);
            }
        }
        return new LabelRequirement(part, "exists", []);
    }

    /// <summary>Splits on commas that are not inside a <c>(...)</c> value list.</summary>
    private static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case ',' when depth == 0:
                    yield return text[start..i];
                    start = i + 1;
                    break;
            }
        }
        yield return text[start..];
    }
}
