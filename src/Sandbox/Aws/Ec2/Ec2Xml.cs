using System.Xml.Linq;
using Ebops.Sandbox.Aws.Core;
using static Ebops.Sandbox.Aws.Core.SimXml;

namespace Ebops.Sandbox.Aws.Ec2;

/// <summary>What every EC2 operation parses and renders the same way: tag sets, TagSpecification.N, MaxResults/NextToken pages.</summary>
internal static class Ec2Xml
{
    public const string Service = "ec2";

    /// <summary><c>&lt;tagSet&gt;&lt;item&gt;&lt;key/&gt;&lt;value/&gt;&lt;/item&gt;…</c>.</summary>
    public static XElement TagSet(IReadOnlyDictionary<string, string> tags) =>
        E("tagSet", tags.Select(t => E("item", E("key", t.Key), E("value", t.Value))));

    /// <summary>Tags from TagSpecification.N (only specs for <paramref name="resourceType"/> are allowed).</summary>
    public static Dictionary<string, string> TagSpecifications(SimParams p, string resourceType)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var spec in p.Indexed("TagSpecification"))
        {
            var type = p.Get(spec + ".ResourceType");
            if (type is not null && type != resourceType)
            {
                throw SimErrors.Invalid($"'{type}' is not a valid taggable resource type for this operation.");
            }

            foreach (var (key, value) in p.Pairs(spec + ".Tag"))
            {
                tags[key] = value;
            }
        }

        return tags;
    }

    /// <summary>One page of a describe: MaxResults within [<paramref name="min"/>, 1000]; everything at once without it.</summary>
    public static SimPage<T> Page<T>(SimWorld world, SimParams p, string list, IReadOnlyList<T> items, int min = 5)
    {
        var max = p.Int("MaxResults");
        if (max is { } m && (m < min || m > 1000))
        {
            throw SimErrors.Invalid($"Value ( {m} ) for parameter maxResults is invalid. Expecting a value between {min} and 1000.");
        }

        return world.Paging.Page(Service, list, items, p.Get("NextToken"), max, paginateWhenUnrequested: false,
            invalidTokenCode: "InvalidNextToken");
    }
}
