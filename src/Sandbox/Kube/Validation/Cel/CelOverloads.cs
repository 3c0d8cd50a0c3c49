namespace Ebops.Sandbox.Kube.Validation.Cel;

/// <summary>
/// The function and operator overloads the type checker knows (CEL's standard library and the Kubernetes string and
/// list libraries), as result types. Kubernetes library functions the emulator does not evaluate (url, quantity, ip,
/// cidr, format, ...) type as dyn, so that rules using them are accepted, as a real apiserver accepts them.
/// </summary>
internal static class CelOverloads
{
    /// <summary>Kubernetes CEL library functions the type checker accepts without modelling their types.</summary>
    public static readonly HashSet<string> Opaque =
    [
        "url", "isURL", "getScheme", "getHost", "getHostname", "getPort", "getEscapedPath", "getQuery",
        "quantity", "isQuantity", "sign", "isInteger", "asInteger", "asApproximateFloat", "add", "sub",
        "isLessThan", "isGreaterThan", "compareTo", "ip", "isIP", "cidr", "isCIDR", "family", "isUnspecified",
        "isLoopback", "isLinkLocalMulticast", "isLinkLocalUnicast", "isGlobalUnicast", "prefixLength", "masked",
        "containsIP", "containsCIDR", "format", "find", "findAll", "replace", "substring", "charAt", "reverse",
        "lastIndexOf", "quote", "hasValue", "value", "orValue", "optional", "of", "none", "semver", "isSemver",
        "getMajor", "getMinor", "getPatch", "getFullYear", "getMonth", "getDayOfMonth", "getDayOfYear",
        "getDayOfWeek", "getHours", "getMinutes", "getSeconds", "getMilliseconds", "named",
    ];

    private static readonly HashSet<string> Numeric = ["int", "uint", "double"];

    /// <summary>The result type, or null when no overload matches; <paramref name="target"/> is null for global calls.</summary>
    public static CelType? Resolve(string function, CelType? target, IReadOnlyList<CelType> args)
    {
        if (target is not null && target.IsDyn)
        {
            return CelType.Dyn;
        }

        return target is null ? Global(function, args) : Member(function, target, args);
    }

    public static CelType? Operator(string op, IReadOnlyList<CelType> args)
    {
        if (args.Any(a => a.IsDyn) && op is not ("_==_" or "_!=_" or "@in"))
        {
            return op is "_<_" or "_<=_" or "_>_" or "_>=_" or "_&&_" or "_||_" or "!_" ? CelType.Bool : CelType.Dyn;
        }

        return op switch
        {
            "_==_" or "_!=_" => args[0].Accepts(args[1]) || (IsNumber(args[0]) && IsNumber(args[1])) ? CelType.Bool : null,
            "_<_" or "_<=_" or "_>_" or "_>=_" => Comparable(args[0], args[1]) ? CelType.Bool : null,
            "_&&_" or "_||_" => args.All(a => a.Name == "bool") ? CelType.Bool : null,
            "!_" => args[0].Name == "bool" ? CelType.Bool : null,
            "-_" => args[0].Name is "int" or "double" ? args[0] : null,
            "_+_" => Add(args[0], args[1]),
            "_-_" => Subtract(args[0], args[1]),
            "_*_" or "_/_" => IsNumber(args[0]) && args[0].Name == args[1].Name ? args[0] : null,
            "_%_" => args[0].Name is "int" or "uint" && args[0].Name == args[1].Name ? args[0] : null,
            "@in" => In(args[0], args[1]),
            _ => null,
        };
    }

    private static bool IsNumber(CelType t) => Numeric.Contains(t.Name);

    private static bool Comparable(CelType a, CelType b) =>
        (IsNumber(a) && IsNumber(b)) || (a.Name == b.Name && a.Name is "string" or "bool" or "bytes" or "google.protobuf.Timestamp" or "google.protobuf.Duration");

    private static CelType? Add(CelType a, CelType b) => (a.Name, b.Name) switch
    {
        ("int", "int") or ("uint", "uint") or ("double", "double") or ("bytes", "bytes") => a,
        ("string", "string") => CelType.StringOf(a.MaxSize + b.MaxSize),
        ("list", "list") when a.Accepts(b) => CelType.List(a.Elem!.IsDyn ? b.Elem! : a.Elem!, a.MaxSize + b.MaxSize),
        ("google.protobuf.Timestamp", "google.protobuf.Duration") or ("google.protobuf.Duration", "google.protobuf.Timestamp") => CelType.Timestamp,
        ("google.protobuf.Duration", "google.protobuf.Duration") => CelType.Duration,
        _ => null,
    };

    private static CelType? Subtract(CelType a, CelType b) => (a.Name, b.Name) switch
    {
        ("int", "int") or ("uint", "uint") or ("double", "double") => a,
        ("google.protobuf.Timestamp", "google.protobuf.Timestamp") or ("google.protobuf.Duration", "google.protobuf.Duration") => CelType.Duration,
        ("google.protobuf.Timestamp", "google.protobuf.Duration") => CelType.Timestamp,
        _ => null,
    };

    private static CelType? In(CelType element, CelType container)
    {
        if (container.IsDyn)
        {
            return CelType.Bool;
        }

        return container.IsList && (container.Elem!.Accepts(element) || (IsNumber(element) && IsNumber(container.Elem!)))
            || (container.IsMap && element.Accepts(CelType.String))
            ? CelType.Bool
            : null;
    }

    private static CelType? Global(string function, IReadOnlyList<CelType> args)
    {
        if (args.Count == 1)
        {
            var a = args[0];
            switch (function)
            {
                case "size" when a.Name is "string" or "bytes" or "list" or "map" || a.IsDyn: return CelType.Int;
                case "int" when a.Name is "int" or "uint" or "double" or "string" or "google.protobuf.Timestamp" || a.IsDyn: return CelType.Int;
                case "uint" when a.Name is "int" or "uint" or "double" or "string" || a.IsDyn: return CelType.UInt;
                case "double" when a.Name is "int" or "uint" or "double" or "string" || a.IsDyn: return CelType.Double;
                case "string" when !a.IsList && !a.IsMap && !a.IsObject: return CelType.String;
                case "bool" when a.Name is "bool" or "string" || a.IsDyn: return CelType.Bool;
                case "bytes" when a.Name is "bytes" or "string" || a.IsDyn: return CelType.Bytes;
                case "duration" when a.Name == "string" || a.IsDyn: return CelType.Duration;
                case "timestamp" when a.Name is "string" or "int" || a.IsDyn: return CelType.Timestamp;
                case "dyn": return CelType.Dyn;
                case "type": return CelType.TypeType;
            }
        }

        if (function == "matches" && args.Count == 2 && args.All(a => a.Name == "string" || a.IsDyn))
        {
            return CelType.Bool;
        }

        return Opaque.Contains(function) ? CelType.Dyn : null;
    }

    private static CelType? Member(string function, CelType target, IReadOnlyList<CelType> args)
    {
        bool Args(params string[] names) => args.Count == names.Length && args.Select((a, i) => a.IsDyn || a.Name == names[i]).All(ok => ok);
        switch (target.Name)
        {
            case "string":
                switch (function)
                {
                    case "size" when Args(): return CelType.Int;
                    case "contains" or "startsWith" or "endsWith" or "matches" when Args("string"): return CelType.Bool;
                    case "lowerAscii" or "upperAscii" or "trim" when Args(): return CelType.StringOf(target.MaxSize);
                    case "indexOf" or "lastIndexOf" when Args("string") || Args("string", "int"): return CelType.Int;
                    case "split" when Args("string") || Args("string", "int"): return CelType.List(CelType.StringOf(target.MaxSize), target.MaxSize + 1);
                }

                break;
            case "bytes" or "map" when function == "size" && Args():
                return CelType.Int;
            case "list":
                switch (function)
                {
                    case "size" when Args(): return CelType.Int;
                    case "join" when target.Elem!.Name is "string" or "dyn" && (Args() || Args("string")): return CelType.StringOf(target.MaxSize * Math.Max(1, target.Elem.MaxSize) * 2);
                    case "isSorted" when Args(): return CelType.Bool;
                    case "sum" or "min" or "max" when Args(): return target.Elem!;
                    case "indexOf" or "lastIndexOf" when args.Count == 1 && target.Elem!.Accepts(args[0]): return CelType.Int;
                }

                break;
        }

        return Opaque.Contains(function) ? CelType.Dyn : null;
    }
}
