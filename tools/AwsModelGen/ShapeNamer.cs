namespace Ebops.Tools.AwsModelGen;

/// <summary>
/// Names the structures the analysis found: after the member that first reaches each one (the lowest-priority
/// candidate), or the spec's override for that Parent.Member path; prefixed with the parent's name when the plain
/// name is taken or clashes with one of its own members, then suffixed Info, Info3, ... until unique.
/// </summary>
internal sealed class ShapeNamer(ServiceSpec spec, IReadOnlyDictionary<string, StructInfo> byKey, HashSet<string> usedNames)
{
    public void AssignNames(IReadOnlyList<StructInfo> structs)
    {
        var unused = new HashSet<string>(spec.ShapeNames.Keys, StringComparer.Ordinal);
        // Parents first, so a path override can name the parent as the reader sees it.
        while (structs.FirstOrDefault(s => s.Name.Length == 0 && ParentNamed(s)) is { } info)
        {
            var best = info.Candidates.OrderBy(c => c.Priority).First();
            var parentName = byKey.TryGetValue(best.Parent, out var parent) ? parent.Name : best.Parent;
            var path = parentName + "." + best.Member;
            info.Path = path;
            string name;
            if (spec.ShapeNames.TryGetValue(path, out var chosen))
            {
                name = chosen;
                unused.Remove(path);
            }
            else
            {
                name = best.Hint;
                if (usedNames.Contains(name) || HasMember(info, name))
                {
                    name = parentName.Replace("Request", "").Replace("Response", "") + best.Hint;
                }
            }

            var unique = name;
            for (var i = 2; usedNames.Contains(unique) || HasMember(info, unique); i++)
            {
                unique = name + (i == 2 ? "Info" : "Info" + i);
            }

            info.Name = unique;
            usedNames.Add(unique);
        }

        if (structs.Any(s => s.Name.Length == 0))
        {
            throw new InvalidOperationException($"{spec.Name}: could not name every shape.");
        }

        if (unused.Count > 0)
        {
            throw new InvalidOperationException($"{spec.Name}: shape-name overrides match nothing: {string.Join(", ", unused)}");
        }
    }

    private static bool HasMember(StructInfo info, string name) => ModelShapes.Members(info.Def).Any(m => m.Name == name);

    private bool ParentNamed(StructInfo info)
    {
        var best = info.Candidates.OrderBy(c => c.Priority).First();
        return !byKey.TryGetValue(best.Parent, out var parent) || parent.Name.Length > 0;
    }
}
