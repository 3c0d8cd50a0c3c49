namespace Ebops.Sandbox.Kube.Validation.Cel;

/// <summary>
/// The worst-case cost of an expression, in the units and with the factors of cel-go's static estimator: 1 per
/// identifier, selection, index, arithmetic or comparison; 0 per constant; 10 per list and 30 per map built; strings
/// cost 0.1 per character traversed (equality, startsWith, string(), ...), <c>contains</c> the product of both
/// lengths, <c>matches</c> (1 + 0.1 × length) × 0.25 × pattern length; a comprehension its range plus its body once
/// per element. Sizes come from the types (maxLength, maxItems, maxProperties, or the request size limit). An
/// estimate: the constants match cel-go's, the bookkeeping of some overloads is simpler.
/// </summary>
internal static class CelCostEstimator
{
    private const double StringFactor = 0.1;
    private const double RegexFactor = 0.25;

    public static ulong Estimate(CelExpr expr, IReadOnlyDictionary<CelExpr, CelType> types)
    {
        var cost = Cost(expr, types);
        return cost >= ulong.MaxValue ? ulong.MaxValue : (ulong)Math.Ceiling(cost);
    }

    private static double Cost(CelExpr expr, IReadOnlyDictionary<CelExpr, CelType> types)
    {
        CelType TypeOf(CelExpr e) => types.TryGetValue(e, out var t) ? t : CelType.Dyn;
        double C(CelExpr e) => Cost(e, types);
        return expr switch
        {
            CelExpr.Literal => 0,
            CelExpr.Ident => 1,
            CelExpr.Select s => 1 + C(s.Operand),
            CelExpr.Index i => 1 + C(i.Operand) + C(i.Key),
            CelExpr.Unary u => 1 + C(u.Operand),
            CelExpr.Binary b => C(b.Left) + C(b.Right) + BinaryCost(b.Op, TypeOf(b.Left), TypeOf(b.Right)),
            CelExpr.Conditional c => C(c.Condition) + Math.Max(C(c.Then), C(c.Else)),
            CelExpr.ListLiteral l => 10 + l.Items.Sum(C),
            CelExpr.MapLiteral m => 30 + m.Entries.Sum(e => C(e.Key) + C(e.Value)),
            CelExpr.Call c => (c.Target is null ? 0 : C(c.Target)) + c.Args.Sum(C) + CallCost(c, TypeOf, types),
            CelExpr.Comprehension c => C(c.Range) + Elements(TypeOf(c.Range)) * (C(c.Body) + (c.Transform is null ? 0 : C(c.Transform)) + 2) + (c.Macro is "map" or "filter" ? 10 : 0),
            _ => 1,
        };
    }

    private static double Elements(CelType range) => range.IsList || range.IsMap ? range.MaxSize : 1;

    private static double Traverse(CelType t) => Math.Ceiling(StringFactor * Math.Max(0, t.MaxSize));

    private static double BinaryCost(string op, CelType left, CelType right)
    {
        if (op == "in")
        {
            return right.IsList ? Math.Max(1, right.MaxSize) * Math.Max(1, Equality(left, right.Elem!)) : 1;
        }

        return op is "==" or "!=" or "<" or "<=" or ">" or ">=" ? Equality(left, right)
            : op == "+" && left.Name is "string" or "bytes" ? Math.Ceiling(StringFactor * (left.MaxSize + right.MaxSize))
            : op == "+" && left.IsList ? 10 + left.MaxSize + right.MaxSize
            : 1;
    }

    // Comparing strings traverses the shorter; lists and maps compare element by element.
    private static double Equality(CelType left, CelType right) => left.Name switch
    {
        "string" or "bytes" => 1 + Math.Ceiling(StringFactor * Math.Min(left.MaxSize, Math.Max(right.MaxSize, 0))),
        "list" or "map" => 1 + (left.MaxSize * Equality(left.Elem!, right.Elem ?? left.Elem!)),
        _ when left.IsObject => 1 + left.Fields!.Values.Sum(f => Equality(f, f)),
        _ => 1,
    };

    private static double CallCost(CelExpr.Call call, Func<CelExpr, CelType> typeOf, IReadOnlyDictionary<CelExpr, CelType> types)
    {
        var target = call.Target is null ? (call.Args.Count > 0 ? typeOf(call.Args[0]) : CelType.Dyn) : typeOf(call.Target);
        var arg = call.Target is null ? (call.Args.Count > 1 ? typeOf(call.Args[1]) : null) : (call.Args.Count > 0 ? typeOf(call.Args[0]) : null);
        return call.Function switch
        {
            "size" => 1,
            "contains" when target.Name == "string" => Math.Max(1, Traverse(target)) * Math.Max(1, Traverse(arg ?? CelType.String)),
            "startsWith" or "endsWith" => 1 + Traverse(arg ?? CelType.String),
            "matches" => Math.Ceiling(1 + (StringFactor * target.MaxSize)) * Math.Ceiling(RegexFactor * Pattern(call, types)),
            "lowerAscii" or "upperAscii" or "trim" or "split" or "indexOf" or "lastIndexOf" when target.Name == "string" => 1 + Traverse(target),
            "string" or "int" or "uint" or "double" or "bytes" when target.Name == "string" => 1 + Traverse(target),
            "join" or "isSorted" or "sum" or "min" or "max" or "indexOf" or "lastIndexOf" when target.IsList =>
                1 + (target.MaxSize * (target.Elem!.Name == "string" ? Math.Max(1, Traverse(target.Elem)) : 1)),
            _ => 1,
        };
    }

    // The length of a literal pattern, or of the largest string the argument may be.
    private static double Pattern(CelExpr.Call call, IReadOnlyDictionary<CelExpr, CelType> types)
    {
        var patternExpr = call.Target is null ? call.Args.ElementAtOrDefault(1) : call.Args.ElementAtOrDefault(0);
        return patternExpr switch
        {
            CelExpr.Literal { Value: string s } => s.Length,
            null => 1,
            _ => types.TryGetValue(patternExpr, out var t) ? Math.Max(1, t.MaxSize) : 1,
        };
    }
}
