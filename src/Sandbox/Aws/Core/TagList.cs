namespace Ebops.Sandbox.Aws.Core;

/// <summary>An ordered tag set: adding an existing key replaces its value in place, as AWS tagging APIs do.</summary>
internal sealed class TagList
{
    private readonly List<KeyValuePair<string, string>> entries = [];

    public TagList()
    {
    }

    public TagList(IEnumerable<KeyValuePair<string, string>> tags) => Add(tags);

    /// <summary>The tags as a JSON object (key → value), for state dumps.</summary>
    public System.Text.Json.Nodes.JsonObject ToJson() =>
        new(entries.Select(t => KeyValuePair.Create(t.Key, (System.Text.Json.Nodes.JsonNode?)t.Value)));

    public int Count => entries.Count;

    public IReadOnlyList<KeyValuePair<string, string>> Items => entries;

    public string? this[string key] => entries.FirstOrDefault(t => t.Key == key) is { Key: not null } hit ? hit.Value : null;

    public void Add(IEnumerable<KeyValuePair<string, string>> tags)
    {
        foreach (var tag in tags)
        {
            var index = entries.FindIndex(t => t.Key == tag.Key);
            if (index >= 0)
            {
                entries[index] = tag;
            }
            else
            {
                entries.Add(tag);
            }
        }
    }

    /// <summary>How many keys the set would hold after adding <paramref name="tags"/>.</summary>
    public int CountAfterAdding(IEnumerable<KeyValuePair<string, string>> tags)
        => entries.Select(t => t.Key).Union(tags.Select(t => t.Key)).Count();

    public void Remove(IEnumerable<string> keys)
    {
        var set = keys.ToHashSet(StringComparer.Ordinal);
        entries.RemoveAll(t => set.Contains(t.Key));
    }
}
