using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using C = Ebops.Sandbox.Aws.ElasticBeanstalk.EbConstants;
using E = Ebops.Sandbox.Aws.ElasticBeanstalk.EbConstants.Errors;
using O = Ebops.Sandbox.Aws.ElasticBeanstalk.EbOptionDefinition;

namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>
/// Checks option settings against a platform's <see cref="EbOptionCatalog"/> the way EB does on CreateEnvironment,
/// UpdateEnvironment, Create/UpdateConfigurationTemplate and ValidateConfigurationSettings: an unknown namespace or
/// option is a <c>ConfigurationValidationException</c> ("Invalid option specification ... Unknown configuration
/// setting."), a value outside the option's type, range, list or pattern an <c>InvalidParameterValue</c> ("Invalid
/// option value: ..."). Environment property values may be secrets: their messages never repeat the value.
/// </summary>
internal static partial class EbOptionValidator
{
    private const int MaxPropertyName = 128;
    private const int MaxPropertyValue = 256;
    private const int MaxPropertiesSize = 4096;

    /// <summary>Findings about each setting and each option to remove, in request order.</summary>
    public static List<EbValidationMessage> Check(EbOptionCatalog catalog, IReadOnlyList<EbOptionSetting> settings, IReadOnlyList<EbOptionSetting> remove)
    {
        var messages = new List<EbValidationMessage>();
        foreach (var setting in settings)
        {
            if (CheckSetting(catalog, setting) is { } message)
            {
                messages.Add(message);
            }
        }

        messages.AddRange(remove.Where(r => !catalog.Knows(r.Namespace, r.OptionName)).Select(r => Unknown(r.Namespace, r.OptionName)));
        return messages;
    }

    /// <summary>Findings about a whole configuration (after merging): capacity, batch size, environment properties' size.</summary>
    public static List<EbValidationMessage> CheckConfiguration(IReadOnlyList<EbOptionSetting> options)
    {
        var messages = new List<EbValidationMessage>();
        var min = EbOptionSettings.Int(options, C.AsgNamespace, "MinSize") ?? 1;
        var max = EbOptionSettings.Int(options, C.AsgNamespace, "MaxSize") ?? 4;
        if (min > max)
        {
            messages.Add(new(EbValidationMessage.Error, C.AsgNamespace, "MinSize", $"Invalid option specification (Namespace: '{C.AsgNamespace}', OptionName: 'MinSize'): MinSize ({min}) must be less than or equal to MaxSize ({max}).", E.InvalidParameterValue));
        }

        var fixedBatch = EbOptionSettings.Value(options, C.CommandNamespace, "BatchSizeType") == "Fixed";
        var batchLimit = fixedBatch ? Math.Max(1, max) : 100;
        if (EbOptionSettings.Value(options, C.CommandNamespace, "BatchSize") is { } batch
            && EbOptionSettings.Int(options, C.CommandNamespace, "BatchSize") is { } size && size > batchLimit)
        {
            messages.Add(InvalidValue(C.CommandNamespace, "BatchSize", batch, $"Value is not an integer between 1 and {batchLimit}."));
        }

        var total = 0;
        foreach (var property in options.Where(o => o.Namespace == C.AppEnvironmentNamespace))
        {
            total += System.Text.Encoding.UTF8.GetByteCount($"{property.OptionName}={property.Value}");
            if (total > MaxPropertiesSize)
            {
                messages.Add(Specification(property.Namespace, property.OptionName, $"The combined size of all environment properties cannot exceed {MaxPropertiesSize} bytes.", E.InvalidParameterValue));
                break;
            }
        }

        return messages;
    }

    /// <summary>Throws the first error EB would answer with.</summary>
    public static void ThrowFirstError(IEnumerable<EbValidationMessage> messages)
    {
        if (messages.FirstOrDefault(m => m.IsError) is { } error)
        {
            throw error.ToException();
        }
    }

    private static EbValidationMessage? CheckSetting(EbOptionCatalog catalog, EbOptionSetting setting)
    {
        var (ns, name, value) = (setting.Namespace, setting.OptionName, setting.Value);
        if (ns == C.AppEnvironmentNamespace)
        {
            return CheckProperty(setting);
        }

        if (ns == C.StaticFilesNamespace)
        {
            return name.StartsWith('/') ? null : Specification(ns, name, "A static file path must start with '/'.");
        }

        if (catalog.Find(ns, name) is not { } definition)
        {
            return Unknown(ns, name);
        }

        if (definition.RequiresResourceName && string.IsNullOrEmpty(setting.ResourceName))
        {
            return new(EbValidationMessage.Error, ns, name, "The scheduled action name cannot be blank.", E.InvalidParameterValue);
        }

        if (value is null)
        {
            return null;
        }

        if (Reason(definition, value) is { } reason)
        {
            return InvalidValue(ns, name, value, reason);
        }

        return name == "ELBScheme" && value is not ("public" or "internal")
            ? new(EbValidationMessage.Warning, ns, name, $"Value '{value}' is neither public nor internal: Elastic Beanstalk ignores it.", E.InvalidParameterValue)
            : null;
    }

    private static EbValidationMessage? CheckProperty(EbOptionSetting property)
    {
        if (property.OptionName.Length > MaxPropertyName || !PropertyName().IsMatch(property.OptionName))
        {
            return Specification(property.Namespace, property.OptionName, $"Environment property names are 1 to {MaxPropertyName} characters: letters, digits and _ . : / + \\ - @.");
        }

        // The value may be a secret (RDS_PASSWORD): the message names the property only.
        return property.Value is { Length: > MaxPropertyValue }
            ? new(EbValidationMessage.Error, property.Namespace, property.OptionName, $"Invalid option value (Namespace: '{property.Namespace}', OptionName: '{property.OptionName}'): Environment property values can be at most {MaxPropertyValue} characters.", E.InvalidParameterValue)
            : null;
    }

    private static string? Reason(EbOptionDefinition definition, string value) => definition.ValueType switch
    {
        O.List => ListReason(definition, value),
        O.Json => IsJsonObject(value) ? null : "Value is not a JSON document.",
        _ => ScalarReason(definition, value),
    };

    private static string? ScalarReason(EbOptionDefinition definition, string value)
    {
        var comparison = definition.ValueType == O.Boolean ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (definition.ValueOptions is { } allowed && !allowed.Any(a => string.Equals(a, value, comparison)))
        {
            return $"Value is not one of the allowed values: [{string.Join(", ", allowed)}]";
        }

        if (definition is { MinValue: { } min, MaxValue: { } max }
            && (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) || number < min || number > max))
        {
            return $"Value is not an integer between {min} and {max}.";
        }

        if (definition.MaxLength is { } length && value.Length > length)
        {
            return $"Value is longer than {length} characters.";
        }

        return definition.Regex is { } regex && !Regex.IsMatch(value, regex.Pattern, RegexOptions.None, TimeSpan.FromSeconds(1))
            ? $"Value does not satisfy regex: '{regex.Pattern}' [{regex.Label}]"
            : null;
    }

    private static string? ListReason(EbOptionDefinition definition, string value)
    {
        var items = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (definition.MaxItems is { } most && items.Length > most)
        {
            return $"Value has more than {most} items.";
        }

        return definition.ValueOptions is { } allowed && items.FirstOrDefault(i => !allowed.Contains(i, StringComparer.Ordinal)) is { } bad
            ? $"Item '{bad}' is not one of the allowed values: [{string.Join(", ", allowed)}]"
            : null;
    }

    private static bool IsJsonObject(string value)
    {
        try
        {
            using var document = JsonDocument.Parse(value);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static EbValidationMessage Unknown(string ns, string name) =>
        Specification(ns, name, "Unknown configuration setting.");

    private static EbValidationMessage Specification(string ns, string name, string reason, string code = E.ConfigurationValidation) =>
        new(EbValidationMessage.Error, ns, name, $"Invalid option specification (Namespace: '{ns}', OptionName: '{name}'): {reason}", code);

    private static EbValidationMessage InvalidValue(string ns, string name, string value, string reason) =>
        new(EbValidationMessage.Error, ns, name, $"Invalid option value: '{value}' (Namespace: '{ns}', OptionName: '{name}'): {reason}", E.InvalidParameterValue);

    [GeneratedRegex(@"^[A-Za-z0-9_.:/+\\\-@]+$")]
    private static partial Regex PropertyName();
}
