namespace Ebops.Sandbox.Kube.Validation.Cel;

/// <summary>
/// A compiled validation rule. <see cref="IsTransitionRule"/> is true when it mentions <c>oldSelf</c>: Kubernetes
/// evaluates those only on update, and only when the old object has a value at the same place.
/// </summary>
public sealed class CelProgram
{
    private readonly CelExpr expr;

    private CelProgram(string source, CelExpr expr, bool isTransitionRule)
    {
        Source = source;
        this.expr = expr;
        IsTransitionRule = isTransitionRule;
    }

    public string Source { get; }

    public bool IsTransitionRule { get; }

    /// <summary>Parses a rule; throws <see cref="CelException"/> when it uses syntax or functions this subset lacks.</summary>
    public static CelProgram Compile(string source)
    {
        var expr = CelParser.Parse(source);
        var usesOldSelf = false;
        Check(expr, ref usesOldSelf);
        return new CelProgram(source, expr, usesOldSelf);
    }

    /// <summary>Evaluates with <c>self</c> (and <c>oldSelf</c>) as CEL values (see <see cref="CelValues.FromJson"/>).</summary>
    public object? Evaluate(object? self, object? oldSelf = null)
    {
        var vars = new Dictionary<string, object?>(StringComparer.Ordinal) { ["self"] = self };
        if (IsTransitionRule)
        {
            vars["oldSelf"] = oldSelf;
        }

        return CelEvaluator.Evaluate(expr, vars);
    }

    private static void Check(CelExpr expr, ref bool usesOldSelf)
    {
        switch (expr)
        {
            case CelExpr.Ident { Name: "oldSelf" }:
                usesOldSelf = true;
                break;
            case CelExpr.Select s:
                Check(s.Operand, ref usesOldSelf);
                break;
            case CelExpr.Index i:
                Check(i.Operand, ref usesOldSelf);
                Check(i.Key, ref usesOldSelf);
                break;
            case CelExpr.Call c:
                if (!CelEvaluator.Functions.Contains(c.Function))
                {
                    throw new CelException($"unsupported function '{c.Function}'");
                }

                if (c.Target is not null)
                {
                    Check(c.Target, ref usesOldSelf);
                }

                foreach (var a in c.Args)
                {
                    Check(a, ref usesOldSelf);
                }

                break;
            case CelExpr.Comprehension m:
                Check(m.Range, ref usesOldSelf);
                Check(m.Body, ref usesOldSelf);
                if (m.Transform is not null)
                {
                    Check(m.Transform, ref usesOldSelf);
                }

                break;
            case CelExpr.Unary u:
                Check(u.Operand, ref usesOldSelf);
                break;
            case CelExpr.Binary b:
                Check(b.Left, ref usesOldSelf);
                Check(b.Right, ref usesOldSelf);
                break;
            case CelExpr.Conditional t:
                Check(t.Condition, ref usesOldSelf);
                Check(t.Then, ref usesOldSelf);
                Check(t.Else, ref usesOldSelf);
                break;
            case CelExpr.ListLiteral l:
                foreach (var item in l.Items)
                {
                    Check(item, ref usesOldSelf);
                }

                break;
            case CelExpr.MapLiteral m:
                foreach (var (k, v) in m.Entries)
                {
                    Check(k, ref usesOldSelf);
                    Check(v, ref usesOldSelf);
                }

                break;
        }
    }
}
