namespace Ebops.Sandbox.Aws.Core;

/// <summary>An ordered tag set: adding an existing key replaces its value in place, as AWS tagging APIs do.</summary>
internal sealed class TagList
{
    private readonly List<KeyValuePair<string, string>> _tags = [];

    public TagList()
    {
    }

    public TagList(IEnumerable<KeyValuePair<string, string>> tags) => Add(tags);

    public int Count => _tags.Count;

    public IReadOnlyList<KeyValuePair<string, string>> Items => _tags;

    public string? this[string key] => _tags.FirstOrDefault(t => t.Key == key) is { Key: not null } hit ? hit.Value : null;

    public void Add(IEnumerable<KeyValuePair<string, string>> tags)
    {
        foreach (var tag in tags)
        {
            var index = _tags.FindIndex(t => t.Key == tag.Key);
            if (index >= 0)
            {
                _tags[index] = tag;
            }
            else
            {
                _tags.Add(tag);
            }
        }
    }

    /// <summary>How many keys the set would hold after adding <paramref name="tags"/>.</summary>
    public int CountAfterAdding(IEnumerable<KeyValuePair<string, string>> tags)
        => _tags.Select(t => t.Key).Union(tags.Select(t => t.Key)).Count();

    public void Remove(IEnumerable<string> keys)
    {
        var set = keys.ToHashSet(StringComparer.Ordinal);
        _tags.RemoveAll(t => set.Contains(t.Key));
    }
}
