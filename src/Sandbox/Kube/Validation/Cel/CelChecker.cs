namespace Ebops.Sandbox.Kube.Validation.Cel;

/// <summary>
/// A type checker for the CEL subset, in cel-go's words: undeclared references, undefined fields, selection on types
/// without fields, and calls and operators no overload matches (<c>found no matching overload for '_+_' applied to
/// '(int, string)'</c>). It keeps going after an error (the failing node types as dyn) so that every error is
/// reported, and records each node's type for the cost estimator.
/// </summary>
internal sealed class CelChecker
{
    private readonly List<CelIssue> issues = [];
    private readonly Dictionary<CelExpr, CelType> types = new(ReferenceEqualityComparer.Instance);

    private CelChecker()
    {
    }

    public IReadOnlyList<CelIssue> Issues => issues;

    public IReadOnlyDictionary<CelExpr, CelType> Types => types;

    public CelType Result { get; private set; } = CelType.Dyn;

    public bool UsesOldSelf { get; private set; }

    public static CelChecker Check(CelExpr expr, IReadOnlyDictionary<string, CelType> variables)
    {
        var checker = new CelChecker();
        checker.Result = checker.Visit(expr, variables);
        return checker;
    }

    private CelType Visit(CelExpr expr, IReadOnlyDictionary<string, CelType> vars)
    {
        var type = expr switch
        {
            CelExpr.Literal l => Literal(l.Value),
            CelExpr.Ident i => Ident(i, vars),
            CelExpr.Select s => Select(s, vars),
            CelExpr.Index i => Index(i, vars),
            CelExpr.Unary u => Operator(u.Op == "!" ? "!_" : "-_", u.Pos, [Visit(u.Operand, vars)]),
            CelExpr.Binary b => Operator(BinaryName(b.Op), b.Pos, [Visit(b.Left, vars), Visit(b.Right, vars)]),
            CelExpr.Conditional c => Conditional(c, vars),
            CelExpr.ListLiteral l => ListLiteral(l, vars),
            CelExpr.MapLiteral m => MapLiteral(m, vars),
            CelExpr.Call c => Call(c, vars),
            CelExpr.Comprehension c => Comprehension(c, vars),
            _ => CelType.Dyn,
        };
        types[expr] = type;
        return type;
    }

    private static string BinaryName(string op) => op == "in" ? "@in" : $"_{op}_";

    private static CelType Literal(object? value) => value switch
    {
        null => CelType.Null,
        bool => CelType.Bool,
        long => CelType.Int,
        ulong => CelType.UInt,
        double => CelType.Double,
        string s => CelType.StringOf(s.Length),
        _ => CelType.Dyn,
    };

    private CelType Ident(CelExpr.Ident ident, IReadOnlyDictionary<string, CelType> vars)
    {
        if (ident.Name == "oldSelf")
        {
            UsesOldSelf = true;
        }

        if (vars.TryGetValue(ident.Name, out var type))
        {
            return type;
        }

        issues.Add(new($"undeclared reference to '{ident.Name}' (in container '')", ident.Pos));
        return CelType.Dyn;
    }

    private CelType Select(CelExpr.Select select, IReadOnlyDictionary<string, CelType> vars)
    {
        var operand = Visit(select.Operand, vars);
        CelType result;
        if (operand.IsDyn)
        {
            result = CelType.Dyn;
        }
        else if (operand.IsMap)
        {
            result = operand.Elem!;
        }
        else if (operand.IsObject)
        {
            if (!operand.Fields!.TryGetValue(select.Field, out var field))
            {
                issues.Add(new($"undefined field '{select.Field}'", select.Pos));
                field = CelType.Dyn;
            }

            result = field;
        }
        else
        {
            issues.Add(new($"type '{operand}' does not support field selection", select.Pos));
            result = CelType.Dyn;
        }

        return select.TestOnly ? CelType.Bool : result;
    }

    private CelType Index(CelExpr.Index index, IReadOnlyDictionary<string, CelType> vars)
    {
        var operand = Visit(index.Operand, vars);
        var key = Visit(index.Key, vars);
        if (operand.IsDyn)
        {
            return CelType.Dyn;
        }

        if ((operand.IsList && key.Name is "int" or "uint" or "dyn") || (operand.IsMap && key.Name is "string" or "dyn"))
        {
            return operand.Elem!;
        }

        issues.Add(new($"found no matching overload for '_[_]' applied to '({operand}, {key})'", index.Pos));
        return CelType.Dyn;
    }

    private CelType Operator(string name, int pos, CelType[] args)
    {
        if (CelOverloads.Operator(name, args) is { } result)
        {
            return result;
        }

        issues.Add(new($"found no matching overload for '{name}' applied to '({string.Join(", ", args.Select(a => a.ToString()))})'", pos));
        return CelType.Dyn;
    }

    private CelType Conditional(CelExpr.Conditional c, IReadOnlyDictionary<string, CelType> vars)
    {
        var condition = Visit(c.Condition, vars);
        var then = Visit(c.Then, vars);
        var otherwise = Visit(c.Else, vars);
        if ((condition.Name == "bool" || condition.IsDyn) && (then.Accepts(otherwise) || then.Name == "null_type" || otherwise.Name == "null_type"))
        {
            return then.IsDyn || then.Name == "null_type" ? otherwise : then;
        }

        issues.Add(new($"found no matching overload for '_?_:_' applied to '({condition}, {then}, {otherwise})'", c.Pos));
        return CelType.Dyn;
    }

    private CelType ListLiteral(CelExpr.ListLiteral list, IReadOnlyDictionary<string, CelType> vars)
    {
        var items = list.Items.Select(i => Visit(i, vars)).ToList();
        var elem = items.Count > 0 && items.All(i => items[0].Accepts(i)) ? items[0] : CelType.Dyn;
        return CelType.List(elem, items.Count);
    }

    private CelType MapLiteral(CelExpr.MapLiteral map, IReadOnlyDictionary<string, CelType> vars)
    {
        var values = new List<CelType>();
        foreach (var (key, value) in map.Entries)
        {
            Visit(key, vars);
            values.Add(Visit(value, vars));
        }

        var elem = values.Count > 0 && values.All(v => values[0].Accepts(v)) ? values[0] : CelType.Dyn;
        return CelType.Map(elem, values.Count);
    }

    private CelType Call(CelExpr.Call call, IReadOnlyDictionary<string, CelType> vars)
    {
        var target = call.Target is null ? null : Visit(call.Target, vars);
        var args = call.Args.Select(a => Visit(a, vars)).ToList();
        if (CelOverloads.Resolve(call.Function, target, args) is { } result)
        {
            return result;
        }

        var known = target is null ? IsGlobal(call.Function) : IsMember(call.Function);
        var signature = (target is null ? "" : target + ".") + "(" + string.Join(", ", args.Select(a => a.ToString())) + ")";
        issues.Add(new(known ? $"found no matching overload for '{call.Function}' applied to '{signature}'" : $"undeclared reference to '{call.Function}' (in container '')", call.Pos));
        return CelType.Dyn;
    }

    private static bool IsGlobal(string function) => function is "size" or "int" or "uint" or "double" or "string" or "bool" or "bytes" or "duration" or "timestamp" or "matches" or "dyn" or "type";

    private static bool IsMember(string function) =>
        function is "size" or "contains" or "startsWith" or "endsWith" or "matches" or "lowerAscii" or "upperAscii" or "trim" or "indexOf" or "lastIndexOf" or "split" or "join" or "isSorted" or "sum" or "min" or "max";

    private CelType Comprehension(CelExpr.Comprehension c, IReadOnlyDictionary<string, CelType> vars)
    {
        var range = Visit(c.Range, vars);
        CelType variable;
        if (range.IsList)
        {
            variable = range.Elem!;
        }
        else if (range.IsMap)
        {
            variable = CelType.String;
        }
        else
        {
            if (!range.IsDyn)
            {
                issues.Add(new($"expression of type '{range}' cannot be range of a comprehension (must be list, map, or dynamic)", c.Range.Pos));
            }

            variable = CelType.Dyn;
        }

        var scope = new Dictionary<string, CelType>(vars) { [c.Variable] = variable };
        var body = Visit(c.Body, scope);
        var predicate = c.Macro != "map" || c.Transform is not null;
        if (predicate && body.Name != "bool" && !body.IsDyn)
        {
            issues.Add(new($"found no matching overload for '_&&_' applied to '(bool, {body})'", c.Body.Pos));
        }

        var transform = c.Transform is null ? body : Visit(c.Transform, scope);
        return c.Macro switch
        {
            "map" => CelType.List(transform, range.MaxSize),
            "filter" => CelType.List(variable, range.MaxSize),
            _ => CelType.Bool,
        };
    }
}
