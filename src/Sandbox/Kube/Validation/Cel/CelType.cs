namespace Ebops.Sandbox.Kube.Validation.Cel;

/// <summary>
/// A CEL type as the type checker and the cost estimator see it. Lists and maps carry their element type; objects
/// their fields (by CEL name); strings, lists and maps their largest size (maxLength, maxItems, maxProperties, or an
/// estimate from the request size limit when the schema sets none), which bounds the cost of traversing them.
/// </summary>
internal sealed record CelType(string Name)
{
    public static readonly CelType Int = new("int") { MinSerializedSize = 1 };
    public static readonly CelType UInt = new("uint") { MinSerializedSize = 1 };
    public static readonly CelType Double = new("double") { MinSerializedSize = 1 };
    public static readonly CelType Bool = new("bool") { MinSerializedSize = 4 };
    public static readonly CelType String = new("string") { MinSerializedSize = 2 };
    public static readonly CelType Bytes = new("bytes") { MinSerializedSize = 2 };
    public static readonly CelType Null = new("null_type") { MinSerializedSize = 4 };
    public static readonly CelType Dyn = new("dyn") { MinSerializedSize = 1 };
    public static readonly CelType Timestamp = new("google.protobuf.Timestamp") { MinSerializedSize = 4 };
    public static readonly CelType Duration = new("google.protobuf.Duration") { MinSerializedSize = 4 };
    public static readonly CelType TypeType = new("type");

    /// <summary>The element type of a list, the value type of a map.</summary>
    public CelType? Elem { get; init; }

    /// <summary>The fields of an object type; null for other types.</summary>
    public IReadOnlyDictionary<string, CelType>? Fields { get; init; }

    /// <summary>Largest length (strings, in characters) or item count (lists, maps).</summary>
    public long MaxSize { get; init; }

    /// <summary>Smallest JSON text of a value of this type, used to bound how many fit in a request.</summary>
    public long MinSerializedSize { get; init; }

    public bool IsList => Name == "list";

    public bool IsMap => Name == "map";

    public bool IsObject => Fields is not null;

    public bool IsDyn => Name == "dyn";

    public static CelType StringOf(long maxLength) => String with { MaxSize = maxLength };

    public static CelType List(CelType elem, long maxItems) => new("list") { Elem = elem, MaxSize = maxItems, MinSerializedSize = 2 };

    public static CelType Map(CelType value, long maxProperties) => new("map") { Elem = value, MaxSize = maxProperties, MinSerializedSize = 2 };

    public static CelType Object(IReadOnlyDictionary<string, CelType> fields) => new("object") { Fields = fields, MinSerializedSize = 2 };

    /// <summary>Whether a value of <paramref name="other"/> can be used where this type is expected (dyn on either side).</summary>
    public bool Accepts(CelType other)
    {
        if (IsDyn || other.IsDyn || ReferenceEquals(this, other))
        {
            return true;
        }

        if (IsObject || other.IsObject)
        {
            return IsObject && other.IsObject && ReferenceEquals(Fields, other.Fields);
        }

        return Name == other.Name && (Elem is null || other.Elem is null || Elem.Accepts(other.Elem));
    }

    /// <summary>The name cel-go prints: <c>int</c>, <c>list(string)</c>, <c>map(string, int)</c>.</summary>
    public override string ToString() => Name switch
    {
        "list" => $"list({Elem})",
        "map" => $"map(string, {Elem})",
        _ => Name,
    };
}
