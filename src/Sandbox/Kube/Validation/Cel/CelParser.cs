using System.Globalization;

namespace Ebops.Sandbox.Kube.Validation.Cel;

/// <summary>
/// A Pratt parser for the CEL subset Kubernetes validation rules use: literals, lists, maps, field selection,
/// indexing, calls, the <c>has</c>, <c>all</c>, <c>exists</c>, <c>exists_one</c>, <c>map</c> and <c>filter</c>
/// macros, unary/binary operators with CEL's precedence, and the ternary conditional. Each node records the offset
/// cel-go reports it at (the operator, the '(' of a call or macro, the '.' of a selection).
/// </summary>
internal sealed class CelParser
{
    private static readonly HashSet<string> Macros = ["all", "exists", "exists_one", "map", "filter"];

    private readonly List<CelToken> tokens;
    private int pos;

    private CelParser(List<CelToken> tokens) => this.tokens = tokens;

    public static CelExpr Parse(string text)
    {
        var parser = new CelParser(CelLexer.Tokenize(text));
        var expr = parser.ParseExpr();
        if (parser.Peek.Kind != CelTokenKind.End)
        {
            throw new CelException($"Syntax error: extraneous input '{parser.Peek.Text}'", parser.Peek.Position);
        }

        return expr;
    }

    private CelToken Peek => tokens[pos];

    private CelToken Next() => tokens[pos++];

    private bool Accept(string op)
    {
        if (Peek.Kind == CelTokenKind.Operator && Peek.Text == op)
        {
            pos++;
            return true;
        }

        return false;
    }

    private void Expect(string op)
    {
        if (!Accept(op))
        {
            var found = Peek.Kind == CelTokenKind.End ? "<EOF>" : Peek.Text;
            throw new CelException($"Syntax error: mismatched input '{found}' expecting '{op}'", Peek.Position);
        }
    }

    private CelExpr ParseExpr()
    {
        var condition = ParseBinary(0);
        if (Peek.Kind == CelTokenKind.Operator && Peek.Text == "?")
        {
            var at = Next().Position;
            var then = ParseBinary(0);
            Expect(":");
            var otherwise = ParseExpr();
            return new CelExpr.Conditional(condition, then, otherwise) { Pos = at };
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

            var op = Next();
            var right = ParseBinary(precedence);
            left = new CelExpr.Binary(op.Text, left, right) { Pos = op.Position };
        }
    }

    private CelExpr ParseUnary()
    {
        var at = Peek.Position;
        if (Accept("!"))
        {
            return new CelExpr.Unary("!", ParseUnary()) { Pos = at };
        }

        if (Accept("-"))
        {
            // Fold negative literals so that -9223372036854775808 parses.
            if (Peek.Kind == CelTokenKind.Int)
            {
                return new CelExpr.Literal(long.Parse("-" + Next().Text, CultureInfo.InvariantCulture)) { Pos = at };
            }

            return new CelExpr.Unary("-", ParseUnary()) { Pos = at };
        }

        return ParseMember(ParsePrimary());
    }

    private CelExpr ParseMember(CelExpr operand)
    {
        while (true)
        {
            var at = Peek.Position;
            if (Accept("."))
            {
                var name = Next();
                if (name.Kind != CelTokenKind.Identifier)
                {
                    throw new CelException($"Syntax error: mismatched input '{name.Text}' expecting IDENTIFIER", name.Position);
                }

                var open = Peek.Position;
                if (Accept("("))
                {
                    operand = Macros.Contains(name.Text)
                        ? ParseComprehension(operand, name.Text, open)
                        : new CelExpr.Call(operand, name.Text, ParseArgs(")")) { Pos = open };
                    continue;
                }

                operand = new CelExpr.Select(operand, name.Text, TestOnly: false) { Pos = at };
                continue;
            }

            if (Accept("["))
            {
                var key = ParseExpr();
                Expect("]");
                operand = new CelExpr.Index(operand, key) { Pos = at };
                continue;
            }

            return operand;
        }
    }

    private CelExpr ParseComprehension(CelExpr range, string macro, int at)
    {
        var variable = Next();
        if (variable.Kind != CelTokenKind.Identifier)
        {
            throw new CelException($"{macro}() variable name must be a simple identifier", variable.Position);
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
        return new CelExpr.Comprehension(range, macro, variable.Text, body, transform) { Pos = at };
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
        var at = token.Position;
        switch (token.Kind)
        {
            case CelTokenKind.Int:
                return new CelExpr.Literal(long.Parse(token.Text, CultureInfo.InvariantCulture)) { Pos = at };
            case CelTokenKind.UInt:
                return new CelExpr.Literal(ulong.Parse(token.Text, CultureInfo.InvariantCulture)) { Pos = at };
            case CelTokenKind.Double:
                return new CelExpr.Literal(double.Parse(token.Text, CultureInfo.InvariantCulture)) { Pos = at };
            case CelTokenKind.String:
                return new CelExpr.Literal(token.Text) { Pos = at };
            case CelTokenKind.Identifier:
                return ParseIdentifier(token);
            case CelTokenKind.Operator when token.Text == "(":
                var inner = ParseExpr();
                Expect(")");
                return inner;
            case CelTokenKind.Operator when token.Text == "[":
                return new CelExpr.ListLiteral(ParseArgs("]")) { Pos = at };
            case CelTokenKind.Operator when token.Text == "{":
                return ParseMap(at);
            default:
                var found = token.Kind == CelTokenKind.End ? "<EOF>" : token.Text;
                throw new CelException($"Syntax error: mismatched input '{found}' expecting {{'[', '{{', '(', '.', '-', '!', 'true', 'false', 'null', NUM_FLOAT, NUM_INT, NUM_UINT, STRING, BYTES, IDENTIFIER}}", at);
        }
    }

    private CelExpr ParseIdentifier(CelToken token)
    {
        var at = token.Position;
        switch (token.Text)
        {
            case "true": return new CelExpr.Literal(true) { Pos = at };
            case "false": return new CelExpr.Literal(false) { Pos = at };
            case "null": return new CelExpr.Literal(null) { Pos = at };
        }

        var open = Peek.Position;
        if (!Accept("("))
        {
            return new CelExpr.Ident(token.Text) { Pos = at };
        }

        if (token.Text != "has")
        {
            return new CelExpr.Call(null, token.Text, ParseArgs(")")) { Pos = open };
        }

        var arg = ParseExpr();
        Expect(")");
        // The presence test takes the location of the macro call, the '(' after has.
        return arg is CelExpr.Select select
            ? select with { TestOnly = true, Pos = open }
            : throw new CelException("invalid argument to has() macro", open);
    }

    private CelExpr ParseMap(int at)
    {
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

        return new CelExpr.MapLiteral(entries) { Pos = at };
    }
}
