namespace Ebops.Sandbox.Kube.Validation.Cel;

/// <summary>
/// How Kubernetes names schema properties in CEL: a property that is a CEL keyword becomes <c>__in__</c>; <c>__</c>,
/// <c>.</c>, <c>-</c> and <c>/</c> become <c>__underscores__</c>, <c>__dot__</c>, <c>__dash__</c>, <c>__slash__</c>;
/// any other character makes the property unreachable.
/// </summary>
internal static class CelNames
{
    private static readonly HashSet<string> Reserved =
    [
        "true", "false", "null", "in", "as", "break", "const", "continue", "else", "for", "function", "if", "import",
        "let", "loop", "package", "namespace", "return", "var", "void", "while",
    ];

    private static readonly (string Text, string Escaped)[] Escapes = [("__", "__underscores__"), (".", "__dot__"), ("-", "__dash__"), ("/", "__slash__")];

    /// <summary>The CEL name of a property, or null when CEL cannot address it.</summary>
    public static string? Escape(string name)
    {
        if (Reserved.Contains(name))
        {
            return "__" + name + "__";
        }

        var escaped = Escapes.Aggregate(name, (s, e) => s.Replace(e.Text, e.Escaped, StringComparison.Ordinal));
        return escaped.Length > 0 && (char.IsAsciiLetter(escaped[0]) || escaped[0] == '_') && escaped.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? escaped : null;
    }

    /// <summary>The property a CEL field name refers to.</summary>
    public static string Unescape(string name)
    {
        if (name.Length > 4 && name.StartsWith("__", StringComparison.Ordinal) && name.EndsWith("__", StringComparison.Ordinal) && Reserved.Contains(name[2..^2]))
        {
            return name[2..^2];
        }

        // In the reverse order of Escape, so that "__underscores__" is undone last.
        return Escapes.Reverse().Aggregate(name, (s, e) => s.Replace(e.Escaped, e.Text, StringComparison.Ordinal));
    }
}
