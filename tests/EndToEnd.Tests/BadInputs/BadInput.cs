using System.Text.RegularExpressions;
using Ebops.Tests.Shared;

namespace Ebops.EndToEnd.Tests.BadInputs;

/// <summary>
/// One file of the bad-input corpus (<c>tests/EndToEnd.Tests/BadInputs/*.yaml</c>): manifests a user could write, headed
/// by comments saying what is wrong, then <c># expect: rejected | stalled</c> (refused by the API server at apply time, or
/// accepted and then Stalled by ebops), <c># object: Kind/name</c>, <c># field:</c> the field the message names, and
/// <c># message:</c> a part of the message.
/// </summary>
internal sealed partial record BadInput(string File, string Description, string Expect, string Kind, string Name, string Field, string Message, string Yaml)
{
    public const string Rejected = "rejected";
    public const string Stalled = "stalled";

    public static string Directory { get; } = RepoPaths.Get("tests", "EndToEnd.Tests", "BadInputs");

    public string Path => System.IO.Path.Combine(Directory, File);

    /// <summary>Every file of the corpus, by name.</summary>
    public static IReadOnlyList<string> Files() =>
        [.. System.IO.Directory.GetFiles(Directory, "*.yaml").Select(System.IO.Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    public static BadInput Load(string file)
    {
        var yaml = System.IO.File.ReadAllText(System.IO.Path.Combine(Directory, file));
        var header = yaml.Split('\n').TakeWhile(l => l.StartsWith('#')).Select(l => l.TrimStart('#').Trim()).ToList();
        string Value(string key) => header.FirstOrDefault(l => l.StartsWith(key + ":", StringComparison.Ordinal)) is { } line
            ? line[(key.Length + 1)..].Trim()
            : throw new FormatException($"{file}: no '# {key}:' line in its header");
        var description = string.Join(' ', header.TakeWhile(l => !Keyed().IsMatch(l)));
        var target = Value("object").Split('/');
        return new BadInput(file, description, Value("expect"), target[0], target[^1], Value("field"), Value("message"), yaml);
    }

    public override string ToString() => File;

    [GeneratedRegex("^(expect|object|field|message):")]
    private static partial Regex Keyed();
}
