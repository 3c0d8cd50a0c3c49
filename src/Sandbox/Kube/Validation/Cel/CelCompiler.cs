using System.Text;

namespace Ebops.Sandbox.Kube.Validation.Cel;

/// <summary>
/// Compiles validation rules and message expressions the way apiextensions does when a CRD is written: parse, type
/// check against the node's type (<c>self</c>, and <c>oldSelf</c> of the same type), require a bool (a string for a
/// message expression), estimate the cost. Errors are cel-go's display form: one <c>ERROR: &lt;input&gt;:line:col:</c>
/// line per error, sorted by position, each with the source line and a caret under the column.
/// </summary>
internal static class CelCompiler
{
    public static CelCompilation CompileRule(string source, CelType self) => Compile(source, self, "compilation failed: ", CelType.Bool, "cel expression must evaluate to a bool");

    public static CelCompilation CompileMessageExpression(string source, CelType self) =>
        Compile(source, self, "messageExpression compilation failed: ", CelType.String, "messageExpression must evaluate to a string");

    private static CelCompilation Compile(string source, CelType self, string failurePrefix, CelType expected, string wrongTypeMessage)
    {
        CelExpr expr;
        try
        {
            expr = CelParser.Parse(source);
        }
        catch (CelException e)
        {
            return new CelCompilation(failurePrefix + Display(source, [new CelIssue(e.Message, Math.Max(0, e.Position))]), false, 0);
        }

        var checker = CelChecker.Check(expr, new Dictionary<string, CelType>(StringComparer.Ordinal) { ["self"] = self, ["oldSelf"] = self });
        if (checker.Issues.Count > 0)
        {
            return new CelCompilation(failurePrefix + Display(source, checker.Issues), checker.UsesOldSelf, 0);
        }

        if (!checker.Result.IsDyn && checker.Result.Name != expected.Name)
        {
            return new CelCompilation(wrongTypeMessage, checker.UsesOldSelf, 0);
        }

        return new CelCompilation(null, checker.UsesOldSelf, CelCostEstimator.Estimate(expr, checker.Types));
    }

    /// <summary>cel-go's <c>Errors.ToDisplayString()</c>.</summary>
    public static string Display(string source, IEnumerable<CelIssue> issues)
    {
        var lines = source.Split('\n');
        var sb = new StringBuilder();
        foreach (var issue in issues.OrderBy(i => i.Position))
        {
            var (line, column) = Locate(source, issue.Position);
            if (sb.Length > 0)
            {
                sb.Append('\n');
            }

            sb.Append("ERROR: <input>:").Append(line).Append(':').Append(column + 1).Append(": ").Append(issue.Message);
            var snippet = lines[line - 1].TrimEnd('\r').Replace('\t', ' ');
            sb.Append("\n | ").Append(snippet).Append("\n | ").Append('.', Math.Min(column, snippet.Length)).Append('^');
        }

        return sb.ToString();
    }

    // 1-based line, 0-based column in characters, of an offset.
    private static (int Line, int Column) Locate(string source, int offset)
    {
        var line = 1;
        var start = 0;
        for (var i = 0; i < Math.Min(offset, source.Length); i++)
        {
            if (source[i] == '\n')
            {
                line++;
                start = i + 1;
            }
        }

        return (line, Math.Max(0, offset - start));
    }
}
