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
            case CelExpr.Call c when !CelEvaluator.Functions.Contains(c.Function):
                throw new CelException($"unsupported function '{c.Function}'");
        }

        foreach (var child in Children(expr))
        {
            Check(child, ref usesOldSelf);
        }
    }

    private static IEnumerable<CelExpr> Children(CelExpr expr) => expr switch
    {
        CelExpr.Select s => [s.Operand],
        CelExpr.Index i => [i.Operand, i.Key],
        CelExpr.Call c => c.Target is null ? c.Args : [c.Target, .. c.Args],
        CelExpr.Comprehension m => m.Transform is null ? [m.Range, m.Body] : [m.Range, m.Body, m.Transform],
        CelExpr.Unary u => [u.Operand],
        CelExpr.Binary b => [b.Left, b.Right],
        CelExpr.Conditional t => [t.Condition, t.Then, t.Else],
        CelExpr.ListLiteral l => l.Items,
        CelExpr.MapLiteral m => m.Entries.SelectMany(e => new[] { e.Key, e.Value }),
        _ => [],
    };
}
