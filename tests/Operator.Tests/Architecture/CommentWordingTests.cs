using System.Text.RegularExpressions;
using Ebops.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Ebops.Operator.Tests.Architecture;

/// <summary>
/// Comments in src/, tools/ and bench/ say what the code does or why, never where the work was planned: no "issue",
/// "this issue", "later issues", "issue #12" (the word is not used in comments at all, so none slips through in another
/// phrasing). Scans C# comments and XML docs (Roslyn trivia, so identifiers and strings do not count), <c>#</c>
/// comments in shell scripts and <c>&lt;!-- --&gt;</c> comments in project files.
/// </summary>
public sealed partial class CommentWordingTests
{
    private static readonly string[] Folders = ["src", "tools", "bench"];

    [Fact]
    public void No_comment_speaks_of_issues()
    {
        var found = Folders
            .SelectMany(folder => Directory.EnumerateFiles(RepoPaths.Get(folder), "*", SearchOption.AllDirectories))
            .Where(f => !f.EndsWith(".g.cs", StringComparison.Ordinal) && !Segments(f).Any(s => s is "obj" or "bin" or "node_modules"))
            .SelectMany(f => Offending(Path.GetRelativePath(RepoPaths.Root, f), File.ReadAllText(f)))
            .ToList();
        Assert.True(found.Count == 0, "comments that speak of issues (say what or why instead):\n" + string.Join('\n', found));
    }

    [Theory]
    [InlineData("a.cs", "// Retries here; see issue #12.\nclass C { }\n")]
    [InlineData("a.cs", "/// <summary>Kept for a later issue.</summary>\nclass C { }\n")]
    [InlineData("a.cs", "class C { /* This issue asks for it. */ }\n")]
    [InlineData("a.sh", "set -e\necho hi # the issue wants this\n")]
    [InlineData("a.csproj", "<Project>\n  <!-- Issues 3 and 4 need it. -->\n</Project>\n")]
    public void The_check_sees_each_form(string name, string text) => Assert.Single(Offending(name, text));

    [Theory]
    [InlineData("a.cs", "class C { int issues; string s = \"this issue\"; }\n")]
    [InlineData("a.sh", "echo \"issue #1\"\n")]
    [InlineData("a.txt", "# issue 1\n")]
    public void Code_strings_and_other_files_do_not_count(string name, string text) => Assert.Empty(Offending(name, text));

    // Each match as file:line: the comment's line that holds it.
    private static IEnumerable<string> Offending(string name, string text) =>
        from comment in Comments(name, text)
        from Match match in IssueWord().Matches(comment.Text)
        let before = comment.Text[..match.Index]
        let lineStart = before.LastIndexOf('\n') + 1
        let lineEnd = comment.Text.IndexOf('\n', match.Index) is var end and >= 0 ? end : comment.Text.Length
        select $"{name}:{comment.Line + before.Count(c => c == '\n')}: {comment.Text[lineStart..lineEnd].Trim()}";

    private static IEnumerable<(int Line, string Text)> Comments(string name, string text) => Path.GetExtension(name) switch
    {
        ".cs" => CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTrivia(descendIntoTrivia: true)
            .Where(t => t.Kind() is SyntaxKind.SingleLineCommentTrivia or SyntaxKind.MultiLineCommentTrivia
                or SyntaxKind.SingleLineDocumentationCommentTrivia or SyntaxKind.MultiLineDocumentationCommentTrivia)
            .Select(t => (t.GetLocation().GetLineSpan().StartLinePosition.Line + 1, t.ToFullString())),
        ".sh" => text.Split('\n').Select((line, i) => (i + 1, ShellComment(line))).Where(c => c.Item2.Length > 0),
        ".csproj" or ".props" or ".targets" => XmlComment().Matches(text)
            .Select(m => (text[..m.Index].Count(ch => ch == '\n') + 1, m.Value)),
        _ => [],
    };

    // The text after the first '#' that starts a word outside quotes (what bash reads as a comment, near enough).
    private static string ShellComment(string line)
    {
        var quote = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1])))
            {
                return line[i..];
            }
        }

        return "";
    }

    private static string[] Segments(string file) => Path.GetRelativePath(RepoPaths.Root, file).Split(Path.DirectorySeparatorChar);

    [GeneratedRegex(@"\bissues?\b", RegexOptions.IgnoreCase)]
    private static partial Regex IssueWord();

    [GeneratedRegex("<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex XmlComment();
}
