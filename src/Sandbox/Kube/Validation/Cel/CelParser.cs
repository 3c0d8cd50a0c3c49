using System.Globalization;

namespace Ebops.Sandbox.Kube.Validation.Cel;

/// <summary>
/// A Pratt parser for the CEL subset Kubernetes validation rules use: literals, lists, maps, field selection,
/// indexing, calls, the <c>has</c>, <c>all</c>, <c>exists</c>, <c>exists_one</c>, <c>map</c> and <c>filter</c>
/// macros, unary/binary operators with CEL's precedence, and the ternary conditional.
/// </summary>
internal sealed class CelParser
{
    private static readonly HashSet<string> Macros = ["all", "exists", "exists_one", "map", "filter"];

    private readonly List<CelToken> _tokens;
    private int _pos;

    private CelParser(List<CelToken> tokens) => _tokens = tokens;

    public static CelExpr Parse(string text)
    {
        var parser = new CelParser(CelLexer.Tokenize(text));
        var expr = parser.ParseExpr();
        if (parser.Peek.Kind != CelTokenKind.End)
        {
            throw new CelException($"unexpected '{parser.Peek.Text}' at {parser.Peek.Position}");
        }

        return expr;
    }

    private CelToken Peek => _tokens[_pos];

    private CelToken Next() => _tokens[_pos++];

    private bool Accept(string op)
    {
        if (Peek.Kind == CelTokenKind.Operator && Peek.Text == op)
        {
            _pos++;
            return true;
        }

        return false;
    }

    private void Expect(string op)
    {
        if (!Accept(op))
        {
            throw new CelException($"expected '{op}' at {Peek.Position}, found '{Peek.Text}'");
        }
    }

    private CelExpr ParseExpr()
    {
        var condition = ParseBinary(0);
        if (Accept("?"))
        {
            var then = ParseBinary(0);
            Expect(":");
            var otherwise = ParseExpr();
            return new CelExpr.Conditional(condition, then, otherwise);
        }

        return condition;
    }

    private static int Precedence(CelToken token) => token switch
    {
        { Kind: CelTokenKind.Operator, Text: "||" } => 1,
        { Kind: CelTokenKind.Operator, Text: "&&" } => 2,
        { Kind: CelTokenKind.Operator, Text: "==" or "!=" or "<" or "<=" or ">" or ">=" } => 3,
        { Kind: CelTokenKind.Identifier, Text: "in" } => 3,
        { Kind: CelTokenKind.Operator, Text: "+" or "-" } => 4,
        { Kind: CelTokenKind.Operator, Text: "*" or "/" or "%" } => 5,
        _ => 0,
    };

    private CelExpr ParseBinary(int minPrecedence)
    {
        var left = ParseUnary();
        while (true)
        {
            var precedence = Precedence(Peek);
            if (precedence == 0 || precedence <= minPrecedence)
            {
                return left;
            }

            var op = Next().Text;
            var right = ParseBinary(precedence);
            left = new CelExpr.Binary(op, left, right);
        }
    }

    private CelExpr ParseUnary()
    {
        if (Accept("!"))
        {
            return new CelExpr.Unary("!", ParseUnary());
        }

        if (Accept("-"))
        {
            // Fold negative literals so that -9223372036854775808 parses.
            if (Peek.Kind == CelTokenKind.Int)
            {
                return new CelExpr.Literal(long.Parse("-" + Next().Text, CultureInfo.InvariantCulture));
            }

            return new CelExpr.Unary("-", ParseUnary());
        }

        return ParseMember(ParsePrimary());
    }

    private CelExpr ParseMember(CelExpr operand)
    {
        while (true)
        {
            if (Accept("."))
            {
                var name = Next();
                if (name.Kind != CelTokenKind.Identifier)
                {
                    throw new CelException($"expected a field name at {name.Position}");
                }

                if (Accept("("))
                {
                    if (Macros.Contains(name.Text))
                    {
                        operand = ParseComprehension(operand, name.Text);
                        continue;
                    }

                    operand = new CelExpr.Call(operand, name.Text, ParseArgs(")"));
                    continue;
                }

                operand = new CelExpr.Select(operand, name.Text, TestOnly: false);
                continue;
            }

            if (Accept("["))
            {
                var key = ParseExpr();
                Expect("]");
                operand = new CelExpr.Index(operand, key);
                continue;
            }

            return operand;
        }
    }

    private CelExpr ParseComprehension(CelExpr range, string macro)
    {
        var variable = Next();
        if (variable.Kind != CelTokenKind.Identifier)
        {
            throw new CelException($"{macro}() needs a variable name first");
        }

        Expect(",");
        var body = ParseExpr();
        CelExpr? transform = null;
        if (macro == "map" && Accept(","))
        {
            // map(x, filter, transform)
            transform = ParseExpr();
        }

        Expect(")");
        return new CelExpr.Comprehension(range, macro, variable.Text, body, transform);
    }

    private List<CelExpr> ParseArgs(string close)
    {
        var args = new List<CelExpr>();
        if (Accept(close))
        {
            return args;
        }

        do
        {
            args.Add(ParseExpr());
        }
        while (Accept(","));

        Expect(close);
        return args;
    }

    private CelExpr ParsePrimary()
    {
        var token = Next();
        switch (token.Kind)
        {
            case CelTokenKind.Int:
                return new CelExpr.Literal(long.Parse(token.Text, CultureInfo.InvariantCulture));
            case CelTokenKind.UInt:
                return new CelExpr.Literal(ulong.Parse(token.Text, CultureInfo.InvariantCulture));
            case CelTokenKind.Double:
                return new CelExpr.Literal(double.Parse(token.Text, CultureInfo.InvariantCulture));
            case CelTokenKind.String:
                return new CelExpr.Literal(token.Text);
            case CelTokenKind.Identifier:
                switch (token.Text)
                {
                    case "true": return new CelExpr.Literal(true);
                    case "false": return new CelExpr.Literal(false);
                    case "null": return new CelExpr.Literal(null);
                }

                if (Accept("("))
                {
                    if (token.Text == "has")
                    {
                        var arg = ParseExpr();
                        Expect(")");
                        return arg is CelExpr.Select select
                            ? select with { TestOnly = true }
                            : throw new CelException("has() needs a field selection, e.g. has(self.field)");
                    }

                    return new CelExpr.Call(null, token.Text, ParseArgs(")"));
                }

                return new CelExpr.Ident(token.Text);
            case CelTokenKind.Operator when token.Text == "(":
                var inner = ParseExpr();
                Expect(")");
                return inner;
            case CelTokenKind.Operator when token.Text == "[":
                return new CelExpr.ListLiteral(ParseArgs("]"));
            case CelTokenKind.Operator when token.Text == "{":
                var entries = new List<(CelExpr, CelExpr)>();
                if (!Accept("}"))
                {
                    do
                    {
                        var key = ParseExpr();
                        Expect(":");
                        entries.Add((key, ParseExpr()));
                    }
                    while (Accept(","));

                    Expect("}");
                }

                return new CelExpr.MapLiteral(entries);
            default:
                throw new CelException($"unexpected '{token.Text}' at {token.Position}");
        }
    }
}
