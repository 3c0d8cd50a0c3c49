using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Ebops.Sandbox.Kube.Validation.Cel;

/// <summary>
/// Evaluates a <see cref="CelExpr"/> over <see cref="CelValues"/>. Semantics follow the CEL spec where the subset
/// reaches: <c>&amp;&amp;</c>/<c>||</c> absorb an error on one side when the other side decides the result, integer
/// arithmetic is checked (overflow is an error), missing map keys are errors (use <c>has()</c>), and numbers of
/// different types compare by value.
/// </summary>
internal static class CelEvaluator
{
    /// <summary>Functions this evaluator implements; rules calling anything else are reported unsupported.</summary>
    public static readonly HashSet<string> Functions =
    [
        "size", "contains", "startsWith", "endsWith", "matches", "lowerAscii", "upperAscii", "trim", "split", "join",
        "int", "uint", "double", "string", "bool", "isSorted", "sum", "min", "max", "indexOf",
    ];

    private static readonly ConcurrentDictionary<string, Regex> RegexCache = new(StringComparer.Ordinal);

    public static object? Evaluate(CelExpr expr, IReadOnlyDictionary<string, object?> vars)
    {
        switch (expr)
        {
            case CelExpr.Literal literal:
                return literal.Value;
            case CelExpr.Ident ident:
                return vars.TryGetValue(ident.Name, out var value) ? value : throw new CelException($"undeclared reference to '{ident.Name}'");
            case CelExpr.Select select:
                return EvaluateSelect(select, vars);
            case CelExpr.Index index:
                return EvaluateIndex(Evaluate(index.Operand, vars), Evaluate(index.Key, vars));
            case CelExpr.Unary unary:
                var operand = Evaluate(unary.Operand, vars);
                return unary.Op switch
                {
                    "!" => operand is bool b ? !b : throw new CelException($"no such overload: !{CelValues.TypeName(operand)}"),
                    "-" => operand switch
                    {
                        long l => checked(-l),
                        double d => -d,
                        _ => throw new CelException($"no such overload: -{CelValues.TypeName(operand)}"),
                    },
                    _ => throw new CelException($"unknown operator {unary.Op}"),
                };
            case CelExpr.Binary { Op: "&&" or "||" } logical:
                return EvaluateLogical(logical, vars);
            case CelExpr.Binary binary:
                return EvaluateBinary(binary.Op, Evaluate(binary.Left, vars), Evaluate(binary.Right, vars));
            case CelExpr.Conditional conditional:
                return Evaluate(conditional.Condition, vars) switch
                {
                    true => Evaluate(conditional.Then, vars),
                    false => Evaluate(conditional.Else, vars),
                    var c => throw new CelException($"ternary condition is {CelValues.TypeName(c)}, not bool"),
                };
            case CelExpr.ListLiteral list:
                return list.Items.Select(i => Evaluate(i, vars)).ToList();
            case CelExpr.MapLiteral map:
                var dict = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var (k, v) in map.Entries)
                {
                    var key = Evaluate(k, vars) as string ?? throw new CelException("only string map keys are supported");
                    dict[key] = Evaluate(v, vars);
                }

                return dict;
            case CelExpr.Call call:
                var target = call.Target is null ? null : Evaluate(call.Target, vars);
                var args = call.Args.Select(a => Evaluate(a, vars)).ToList();
                return call.Target is null ? CallGlobal(call.Function, args) : CallMethod(call.Function, target, args);
            case CelExpr.Comprehension comprehension:
                return EvaluateComprehension(comprehension, vars);
            default:
                throw new CelException($"unsupported expression {expr.GetType().Name}");
        }
    }

    private static object? EvaluateSelect(CelExpr.Select select, IReadOnlyDictionary<string, object?> vars)
    {
        var operand = Evaluate(select.Operand, vars);
        if (operand is not IReadOnlyDictionary<string, object?> map)
        {
            throw new CelException($"type '{CelValues.TypeName(operand)}' does not support field selection");
        }

        var field = map.ContainsKey(select.Field) ? select.Field : CelNames.Unescape(select.Field);
        if (select.TestOnly)
        {
            return map.ContainsKey(field);
        }

        return map.TryGetValue(field, out var value) ? value : throw new CelException($"no such key: {select.Field}");
    }

    private static object? EvaluateIndex(object? operand, object? key)
    {
        switch (operand)
        {
            case IReadOnlyList<object?> list:
                var i = key switch
                {
                    long l => l,
                    ulong u => (long)u,
                    double d when d == Math.Floor(d) => (long)d,
                    _ => throw new CelException($"invalid list index {CelValues.TypeName(key)}"),
                };
                return i >= 0 && i < list.Count ? list[(int)i] : throw new CelException($"index out of range: {i}");
            case IReadOnlyDictionary<string, object?> map:
                return key is string s && map.TryGetValue(s, out var value) ? value : throw new CelException($"no such key: {CelValues.Format(key)}");
            default:
                throw new CelException($"type '{CelValues.TypeName(operand)}' does not support indexing");
        }
    }

    private static object? EvaluateLogical(CelExpr.Binary binary, IReadOnlyDictionary<string, object?> vars)
    {
        var decisive = binary.Op == "||";
        CelException? error = null;
        foreach (var side in new[] { binary.Left, binary.Right })
        {
            try
            {
                var value = Evaluate(side, vars);
                if (value is not bool b)
                {
                    throw new CelException($"no such overload: {CelValues.TypeName(value)} {binary.Op}");
                }

                if (b == decisive)
                {
                    return decisive;
                }
            }
            catch (CelException e)
            {
                error ??= e;
            }
        }

        return error is null ? !decisive : throw error;
    }

    private static object? EvaluateBinary(string op, object? left, object? right)
    {
        switch (op)
        {
            case "==": return CelValues.Equals(left, right);
            case "!=": return !CelValues.Equals(left, right);
            case "<": return CelValues.Compare(left, right) < 0;
            case "<=": return CelValues.Compare(left, right) <= 0;
            case ">": return CelValues.Compare(left, right) > 0;
            case ">=": return CelValues.Compare(left, right) >= 0;
            case "in":
                return right switch
                {
                    IReadOnlyList<object?> list => list.Any(item => CelValues.Equals(item, left)),
                    IReadOnlyDictionary<string, object?> map => left is string key && map.ContainsKey(key),
                    _ => throw new CelException($"no such overload: in {CelValues.TypeName(right)}"),
                };
        }

        return (op, left, right) switch
        {
            ("+", long a, long b) => checked(a + b),
            ("-", long a, long b) => checked(a - b),
            ("*", long a, long b) => checked(a * b),
            ("/", long a, long b) => b == 0 ? throw new CelException("division by zero") : a / b,
            ("%", long a, long b) => b == 0 ? throw new CelException("modulus by zero") : a % b,
            ("+", ulong a, ulong b) => checked(a + b),
            ("-", ulong a, ulong b) => checked(a - b),
            ("*", ulong a, ulong b) => checked(a * b),
            ("+", double a, double b) => a + b,
            ("-", double a, double b) => a - b,
            ("*", double a, double b) => a * b,
            ("/", double a, double b) => a / b,
            ("+", string a, string b) => a + b,
            ("+", IReadOnlyList<object?> a, IReadOnlyList<object?> b) => a.Concat(b).ToList(),
            _ => throw new CelException($"no such overload: {CelValues.TypeName(left)} {op} {CelValues.TypeName(right)}"),
        };
    }

    private static object? EvaluateComprehension(CelExpr.Comprehension c, IReadOnlyDictionary<string, object?> vars)
    {
        var range = Evaluate(c.Range, vars) switch
        {
            IReadOnlyList<object?> list => list,
            IReadOnlyDictionary<string, object?> map => map.Keys.Cast<object?>().ToList(),
            var other => throw new CelException($"{c.Macro}() needs a list or map, not {CelValues.TypeName(other)}"),
        };

        var scope = new Dictionary<string, object?>(vars, StringComparer.Ordinal);
        object? Body(object? item, CelExpr body)
        {
            scope[c.Variable] = item;
            return Evaluate(body, scope);
        }

        bool Predicate(object? item) => Body(item, c.Body) is bool b ? b : throw new CelException($"{c.Macro}() predicate is not bool");

        switch (c.Macro)
        {
            case "all":
            case "exists":
                var decisive = c.Macro == "exists";
                CelException? error = null;
                foreach (var item in range)
                {
                    try
                    {
                        if (Predicate(item) == decisive)
                        {
                            return decisive;
                        }
                    }
                    catch (CelException e)
                    {
                        error ??= e;
                    }
                }

                return error is null ? !decisive : throw error;
            case "exists_one":
                return range.Count(Predicate) == 1;
            case "filter":
                return range.Where(Predicate).ToList();
            case "map":
                return c.Transform is null
                    ? range.Select(item => Body(item, c.Body)).ToList()
                    : range.Where(Predicate).Select(item => Body(item, c.Transform)).ToList();
            default:
                throw new CelException($"unknown macro {c.Macro}");
        }
    }

    private static object? CallGlobal(string function, List<object?> args) => function switch
    {
        "size" when args.Count == 1 => Size(args[0]),
        "int" when args.Count == 1 => args[0] switch
        {
            long l => l,
            ulong u => checked((long)u),
            double d => double.IsFinite(d) && d >= long.MinValue && d <= long.MaxValue ? (long)Math.Truncate(d) : throw new CelException("int() range error"),
            string s => long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var p) ? p : throw new CelException($"cannot parse '{s}' as int"),
            var v => throw new CelException($"no such overload: int({CelValues.TypeName(v)})"),
        },
        "uint" when args.Count == 1 => args[0] switch
        {
            long l => checked((ulong)l),
            ulong u => u,
            var v => throw new CelException($"no such overload: uint({CelValues.TypeName(v)})"),
        },
        "double" when args.Count == 1 => args[0] is string s
            ? double.Parse(s, CultureInfo.InvariantCulture)
            : CelValues.ToDouble(args[0]),
        "string" when args.Count == 1 => CelValues.Format(args[0]),
        "bool" when args.Count == 1 => args[0] switch
        {
            bool b => b,
            "true" => true,
            "false" => false,
            var v => throw new CelException($"no such overload: bool({CelValues.TypeName(v)})"),
        },
        _ when args.Count >= 1 => CallMethod(function, args[0], args.Skip(1).ToList()),
        _ => throw new CelException($"no such overload: {function}()"),
    };

    private static object? CallMethod(string function, object? target, List<object?> args)
    {
        switch (function, target, args.Count)
        {
            case ("size", _, 0): return Size(target);
            case ("contains", string s, 1): return s.Contains(Str(args[0]), StringComparison.Ordinal);
            case ("startsWith", string s, 1): return s.StartsWith(Str(args[0]), StringComparison.Ordinal);
            case ("endsWith", string s, 1): return s.EndsWith(Str(args[0]), StringComparison.Ordinal);
            case ("matches", string s, 1):
                // CEL matches() is a partial match (RE2 semantics); .NET agrees on the constructs validation rules use.
                return RegexCache.GetOrAdd(Str(args[0]), p => new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))).IsMatch(s);
            case ("lowerAscii", string s, 0): return AsciiCase(s, lower: true);
            case ("upperAscii", string s, 0): return AsciiCase(s, lower: false);
            case ("trim", string s, 0): return s.Trim();
            case ("indexOf", string s, 1): return (long)s.IndexOf(Str(args[0]), StringComparison.Ordinal);
            case ("split", string s, 1): return s.Split(Str(args[0])).Cast<object?>().ToList();
            case ("join", IReadOnlyList<object?> list, 0): return string.Concat(list.Select(Str));
            case ("join", IReadOnlyList<object?> list, 1): return string.Join(Str(args[0]), list.Select(Str));
            case ("isSorted", IReadOnlyList<object?> list, 0):
                for (var i = 1; i < list.Count; i++)
                {
                    if (CelValues.Compare(list[i - 1], list[i]) > 0)
                    {
                        return false;
                    }
                }

                return true;
            case ("sum", IReadOnlyList<object?> list, 0):
                return list.Aggregate((object?)0L, (acc, item) => EvaluateBinary("+", acc, item));
            case ("min", IReadOnlyList<object?> list, 0) when list.Count > 0:
                return list.Aggregate((a, b) => CelValues.Compare(a, b) <= 0 ? a : b);
            case ("max", IReadOnlyList<object?> list, 0) when list.Count > 0:
                return list.Aggregate((a, b) => CelValues.Compare(a, b) >= 0 ? a : b);
            default:
                throw new CelException($"no such overload: {CelValues.TypeName(target)}.{function}({args.Count} args)");
        }
    }

    private static long Size(object? value) => value switch
    {
        string s => s.EnumerateRunes().LongCount(),
        IReadOnlyList<object?> list => list.Count,
        IReadOnlyDictionary<string, object?> map => map.Count,
        _ => throw new CelException($"no such overload: size({CelValues.TypeName(value)})"),
    };

    private static string Str(object? value) => value as string ?? throw new CelException($"expected string, got {CelValues.TypeName(value)}");

    private static string AsciiCase(string s, bool lower)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            sb.Append(c < 128 ? (lower ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c)) : c);
        }

        return sb.ToString();
    }
}
