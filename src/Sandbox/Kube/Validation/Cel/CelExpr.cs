namespace Ebops.Sandbox.Kube.Validation.Cel;

/// <summary>The syntax tree of a CEL expression (the subset Kubernetes validation rules use).</summary>
internal abstract record CelExpr
{
    /// <summary>Offset in the source of the token cel-go locates this node at (operator, '(' of a call, '.', ...).</summary>
    public int Pos { get; init; } = -1;

    public sealed record Literal(object? Value) : CelExpr;

    public sealed record Ident(string Name) : CelExpr;

    /// <summary><c>operand.field</c>; with <see cref="TestOnly"/> it is the <c>has(operand.field)</c> macro.</summary>
    public sealed record Select(CelExpr Operand, string Field, bool TestOnly) : CelExpr;

    public sealed record Index(CelExpr Operand, CelExpr Key) : CelExpr;

    /// <summary>A function or method call; <see cref="Target"/> is null for global functions.</summary>
    public sealed record Call(CelExpr? Target, string Function, IReadOnlyList<CelExpr> Args) : CelExpr;

    /// <summary>A comprehension macro: all, exists, exists_one, map, filter.</summary>
    public sealed record Comprehension(CelExpr Range, string Macro, string Variable, CelExpr Body, CelExpr? Transform) : CelExpr;

    public sealed record Unary(string Op, CelExpr Operand) : CelExpr;

    public sealed record Binary(string Op, CelExpr Left, CelExpr Right) : CelExpr;

    public sealed record Conditional(CelExpr Condition, CelExpr Then, CelExpr Else) : CelExpr;

    public sealed record ListLiteral(IReadOnlyList<CelExpr> Items) : CelExpr;

    public sealed record MapLiteral(IReadOnlyList<(CelExpr Key, CelExpr Value)> Entries) : CelExpr;
}
