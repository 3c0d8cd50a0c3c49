using Ebops.Tests.Shared;
using YamlDotNet.RepresentationModel;

namespace Ebops.EndToEnd.Tests.Reliability;

/// <summary>
/// What a Role or ClusterRole of <c>config/rbac</c> grants, as (API group, resource or resource/subresource, verb)
/// triples. A wildcard or a resourceNames restriction is refused: the comparison with the request log needs each grant
/// spelled out.
/// </summary>
internal static class RbacGrants
{
    public static IReadOnlySet<(string Group, string Resource, string Verb)> Of(string file)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(RepoPaths.Config("rbac", file)))
        {
            yaml.Load(reader);
        }

        var grants = new HashSet<(string, string, string)>();
        var root = (YamlMappingNode)yaml.Documents.Single().RootNode;
        foreach (var rule in ((YamlSequenceNode)root["rules"]).Cast<YamlMappingNode>())
        {
            if (rule.Children.ContainsKey("resourceNames") || rule.Children.ContainsKey("nonResourceURLs"))
            {
                throw new InvalidOperationException($"{file}: a rule with resourceNames or nonResourceURLs is not compared");
            }

            foreach (var group in Strings(rule, "apiGroups"))
            {
                foreach (var resource in Strings(rule, "resources"))
                {
                    foreach (var verb in Strings(rule, "verbs"))
                    {
                        grants.Add((group, resource, verb));
                    }
                }
            }
        }

        return grants;
    }

    private static IEnumerable<string> Strings(YamlMappingNode rule, string key)
    {
        var values = ((YamlSequenceNode)rule[key]).Cast<YamlScalarNode>().Select(v => v.Value ?? "").ToList();
        return values.Contains("*") ? throw new InvalidOperationException($"wildcard in {key}: every grant must be spelled out") : values;
    }
}
