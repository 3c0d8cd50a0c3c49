namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>
/// One configuration option as DescribeConfigurationOptions describes it (ConfigurationOptionDescription): namespace,
/// name, value type, default, what a change costs, and the constraints a value must meet.
/// </summary>
internal sealed record EbOptionDefinition(string Namespace, string Name, string ValueType, string ChangeSeverity)
{
    // ValueType: one value (free, numeric or one of ValueOptions), a comma-separated list, true/false, a JSON document.
    public const string Scalar = "Scalar";
    public const string List = "List";
    public const string Boolean = "Boolean";
    public const string Json = "Json";

    // ChangeSeverity, as the API reference defines them.
    public const string NoInterruption = "NoInterruption";
    public const string RestartEnvironment = "RestartEnvironment";
    public const string RestartApplicationServer = "RestartApplicationServer";

    public string? DefaultValue { get; init; }

    /// <summary>The allowed values (Scalar: one of them; List: each item one of them); null when any value is allowed.</summary>
    public IReadOnlyList<string>? ValueOptions { get; init; }

    /// <summary>Inclusive bounds of a numeric value.</summary>
    public int? MinValue { get; init; }

    public int? MaxValue { get; init; }

    public int? MaxLength { get; init; }

    public EbOptionRegex? Regex { get; init; }

    /// <summary>At most this many items in a List value.</summary>
    public int? MaxItems { get; init; }

    /// <summary>The option belongs to a named resource (a scheduled action): settings must carry a ResourceName.</summary>
    public bool RequiresResourceName { get; init; }

    /// <summary>Defined by the user (an environment property), not by the platform.</summary>
    public bool UserDefined { get; init; }

    /// <summary>The same option in another instance of a user-named namespace (<c>process:admin</c> from <c>process:default</c>).</summary>
    public EbOptionDefinition In(string ns) => this with { Namespace = ns };

    public static EbOptionDefinition Int(string ns, string name, int min, int max, int? defaultValue, string severity = NoInterruption) =>
        new(ns, name, Scalar, severity)
        {
            MinValue = min,
            MaxValue = max,
            DefaultValue = defaultValue?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

    public static EbOptionDefinition OneOf(string ns, string name, string? defaultValue, string severity, params string[] values) =>
        new(ns, name, Scalar, severity) { ValueOptions = values, DefaultValue = defaultValue };

    public static EbOptionDefinition Bool(string ns, string name, bool? defaultValue, string severity = NoInterruption) =>
        new(ns, name, Boolean, severity)
        {
            ValueOptions = ["true", "false"],
            DefaultValue = defaultValue is { } value ? (value ? "true" : "false") : null,
        };

    public static EbOptionDefinition Text(string ns, string name, string? defaultValue = null, string severity = NoInterruption, int? maxLength = null) =>
        new(ns, name, Scalar, severity) { DefaultValue = defaultValue, MaxLength = maxLength };

    public static EbOptionDefinition Items(string ns, string name, string? defaultValue = null, string severity = NoInterruption, IReadOnlyList<string>? values = null, int? maxItems = null) =>
        new(ns, name, List, severity) { DefaultValue = defaultValue, ValueOptions = values, MaxItems = maxItems };
}
