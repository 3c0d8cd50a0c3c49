using Ebops.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Ebops.Operator.Tests.Architecture;

/// <summary>
/// Rooms a newcomer can read: no hand-written source file over <see cref="MaxFileLines"/> lines and no method,
/// constructor, accessor, local function or lambda body over <see cref="MaxMethodLines"/> lines, in src/, tools/ and
/// bench/ (generated <c>*.g.cs</c> files excepted).
/// </summary>
public sealed class SizeLimitsTests
{
    public const int MaxFileLines = 420;
    public const int MaxMethodLines = 60;

    /// <summary>Files allowed to be longer, each with its reason (none today).</summary>
    private static readonly Dictionary<string, string> LongFiles = new(StringComparer.Ordinal);

    private static IEnumerable<string> Sources() =>
        new[] { "src", "tools", "bench" }
            .SelectMany(folder => Directory.EnumerateFiles(RepoPaths.Get(folder), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.EndsWith(".g.cs", StringComparison.Ordinal) && !Segments(f).Any(s => s is "obj" or "bin"));

    [Fact]
    public void No_hand_written_file_is_too_long()
    {
        var tooLong = Sources()
            .Select(f => (File: Relative(f), Lines: File.ReadAllLines(f).Length))
            .Where(f => f.Lines > MaxFileLines && !LongFiles.ContainsKey(f.File))
            .Select(f => $"{f.File}: {f.Lines} lines")
            .ToList();
        Assert.True(tooLong.Count == 0, $"files over {MaxFileLines} lines:\n" + string.Join('\n', tooLong));
    }

    [Fact]
    public void No_method_is_too_long()
    {
        var tooLong = Sources().SelectMany(LongBodies).ToList();
        Assert.True(tooLong.Count == 0, $"bodies over {MaxMethodLines} lines:\n" + string.Join('\n', tooLong));
    }

    [Fact]
    public void The_method_check_sees_a_long_body()
    {
        var body = string.Join('\n', Enumerable.Range(0, MaxMethodLines + 1).Select(i => $"        var x{i} = {i};"));
        var source = $"class C\n{{\n    void M()\n    {{\n{body}\n    }}\n}}\n";

        Assert.Single(LongBodies("C.cs", CSharpSyntaxTree.ParseText(source, cancellationToken: TestContext.Current.CancellationToken)));
    }

    private static IEnumerable<string> LongBodies(string file) =>
        LongBodies(Relative(file), CSharpSyntaxTree.ParseText(File.ReadAllText(file)));

    private static IEnumerable<string> LongBodies(string name, SyntaxTree tree)
    {
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            var (label, body) = node switch
            {
                BaseMethodDeclarationSyntax m => (Label(m), (SyntaxNode?)m.Body ?? m.ExpressionBody),
                AccessorDeclarationSyntax a => ($"{a.Keyword.Text} accessor", (SyntaxNode?)a.Body ?? a.ExpressionBody),
                LocalFunctionStatementSyntax l => ($"local function {l.Identifier.Text}", (SyntaxNode?)l.Body ?? l.ExpressionBody),
                _ => (null, null),
            };
            if (label is null || body is null)
            {
                continue;
            }

            var span = tree.GetLineSpan(body.Span);
            var lines = span.EndLinePosition.Line - span.StartLinePosition.Line + 1;
            if (lines > MaxMethodLines)
            {
                yield return $"{name}:{span.StartLinePosition.Line + 1} {label}: {lines} lines";
            }
        }
    }

    private static string Label(BaseMethodDeclarationSyntax method) => method switch
    {
        MethodDeclarationSyntax m => m.Identifier.Text,
        ConstructorDeclarationSyntax c => c.Identifier.Text + " constructor",
        _ => method.Kind().ToString(),
    };

    private static string Relative(string file) => Path.GetRelativePath(RepoPaths.Root, file);

    private static string[] Segments(string file) => Relative(file).Split(Path.DirectorySeparatorChar);
}
