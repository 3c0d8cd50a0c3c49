using System.Globalization;
using System.Text;

namespace Ebops.Sandbox.Kube.Validation.Cel;

/// <summary>Splits a CEL expression into tokens (identifiers, numbers, strings, operators).</summary>
internal static class CelLexer
{
    private static readonly string[] Operators =
    [
        "==", "!=", "<=", ">=", "&&", "||", "<", ">", "+", "-", "*", "/", "%", "!", "?", ":", ".", ",", "(", ")", "[", "]", "{", "}",
    ];

    public static List<CelToken> Tokenize(string text)
    {
        var tokens = new List<CelToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                // Raw string prefix r'..' / R".."
                if (i - start == 1 && (c == 'r' || c == 'R') && i < text.Length && (text[i] == '\'' || text[i] == '"'))
                {
                    tokens.Add(new(CelTokenKind.String, ReadString(text, ref i, raw: true), start));
                    continue;
                }

                tokens.Add(new(CelTokenKind.Identifier, text[start..i], start));
                continue;
            }

            if (char.IsAsciiDigit(c))
            {
                tokens.Add(ReadNumber(text, ref i));
                continue;
            }

            if (c == '\'' || c == '"')
            {
                var start = i;
                tokens.Add(new(CelTokenKind.String, ReadString(text, ref i, raw: false), start));
                continue;
            }

            var op = Operators.FirstOrDefault(o => string.CompareOrdinal(text, i, o, 0, o.Length) == 0)
                ?? throw new CelException($"token recognition error at: '{c}'", i);
            tokens.Add(new(CelTokenKind.Operator, op, i));
            i += op.Length;
        }

        tokens.Add(new(CelTokenKind.End, "", text.Length));
        return tokens;
    }

    private static CelToken ReadNumber(string text, ref int i)
    {
        var start = i;
        if (text[i] == '0' && i + 1 < text.Length && (text[i + 1] == 'x' || text[i + 1] == 'X'))
        {
            i += 2;
            while (i < text.Length && char.IsAsciiHexDigit(text[i]))
            {
                i++;
            }

            var hex = long.Parse(text.AsSpan(start + 2, i - start - 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            return new(CelTokenKind.Int, hex.ToString(CultureInfo.InvariantCulture), start);
        }

        var isDouble = false;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
        {
            isDouble = true;
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            isDouble = true;
            i++;
            if (i < text.Length && (text[i] == '+' || text[i] == '-'))
            {
                i++;
            }

            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        var literal = text[start..i];
        if (!isDouble && i < text.Length && (text[i] == 'u' || text[i] == 'U'))
        {
            i++;
            return new(CelTokenKind.UInt, literal, start);
        }

        return new(isDouble ? CelTokenKind.Double : CelTokenKind.Int, literal, start);
    }

    private static string ReadString(string text, ref int i, bool raw)
    {
        var quote = text[i];
        var triple = i + 2 < text.Length && text[i + 1] == quote && text[i + 2] == quote;
        i += triple ? 3 : 1;
        var sb = new StringBuilder();
        while (true)
        {
            if (i >= text.Length)
            {
                throw new CelException("unterminated string literal", i);
            }

            var c = text[i];
            if (triple ? (c == quote && i + 2 < text.Length && text[i + 1] == quote && text[i + 2] == quote) : c == quote)
            {
                i += triple ? 3 : 1;
                return sb.ToString();
            }

            if (!triple && (c == '\n' || c == '\r'))
            {
                throw new CelException("newline in string literal", i);
            }

            if (c == '\\' && !raw)
            {
                i++;
                ReadEscape(text, ref i, sb);
                continue;
            }

            sb.Append(c);
            i++;
        }
    }

    /// <summary>Appends the escape sequence at <paramref name="i"/> (just after the backslash) and moves past it.</summary>
    private static void ReadEscape(string text, ref int i, StringBuilder sb)
    {
        if (i >= text.Length)
        {
            throw new CelException("unterminated escape", i);
        }

        var e = text[i];
        switch (e)
        {
            case 'n': sb.Append('\n'); break;
            case 't': sb.Append('\t'); break;
            case 'r': sb.Append('\r'); break;
            case '\\': sb.Append('\\'); break;
            case '\'': sb.Append('\''); break;
            case '"': sb.Append('"'); break;
            case '`': sb.Append('`'); break;
            case '?': sb.Append('?'); break;
            case 'a': sb.Append('\a'); break;
            case 'b': sb.Append('\b'); break;
            case 'f': sb.Append('\f'); break;
            case 'v': sb.Append('\v'); break;
            case 'u' when i + 4 < text.Length:
                sb.Append((char)int.Parse(text.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 4;
                break;
            default: throw new CelException($"unsupported escape \\{e}", i);
        }

        i++;
    }
}
