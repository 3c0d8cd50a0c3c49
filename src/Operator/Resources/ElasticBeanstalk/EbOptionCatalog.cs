using System.Globalization;
using Ebops.Operator.Aws.ElasticBeanstalk;
using EbRegex = System.Text.RegularExpressions.Regex;

namespace Ebops.Operator.Resources.ElasticBeanstalk;

/// <summary>
/// The options a platform defines (DescribeConfigurationOptions for its solution stack or platform ARN): each option's
/// value type, allowed values, range, length, pattern and default. Checks a setting before anything is written, and
/// tells a setting EB reports with its default value from one somebody set.
/// </summary>
public sealed class EbOptionCatalog
{
    private readonly Dictionary<(string Namespace, string Name), Option> options;

    public EbOptionCatalog(IEnumerable<Option> definitions)
    {
        options = [];
        foreach (var option in definitions)
        {
            if (option.Namespace is { } ns && option.Name is { } name)
            {
                options[(ns, name)] = option;
            }
        }
    }

    public int Count => options.Count;

    /// <summary>
    /// The definition of <paramref name="key"/>. A listener on a port (<c>aws:elbv2:listener:8080</c>) or a named
    /// process has the options of the <c>default</c> one; null when the platform does not define the option.
    /// </summary>
    public Option? Find(EbOptionKey key)
    {
        if (options.TryGetValue((key.Namespace, key.OptionName), out var option))
        {
            return option;
        }

        var instanceOf = InstanceNamespace(key.Namespace);
        return instanceOf is not null && options.TryGetValue((instanceOf, key.OptionName), out option) ? option : null;
    }

    /// <summary>True when Elastic Beanstalk lets the user choose option names in <paramref name="ns"/> (environment properties).</summary>
    public static bool IsUserNamed(string ns) => ns == ElasticBeanstalkOptions.ApplicationEnvironment;

    /// <summary>True when <paramref name="value"/> is what the platform uses when the option is not set.</summary>
    public bool IsDefault(EbOptionKey key, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        return Find(key)?.DefaultValue is { } defaultValue && Normalize(defaultValue) == Normalize(value);
    }

    /// <summary>Why the platform rejects <paramref name="setting"/>; null when it accepts it (as far as the catalogue can tell).</summary>
    public EbOptionProblem? Check(EbTemplateOption setting)
    {
        if (IsUserNamed(setting.Key.Namespace))
        {
            return null;
        }

        if (Find(setting.Key) is not { } option)
        {
            // Namespaces whose instances the user names (listener rules, scheduled actions) are checked by EB itself.
            return IsUserInstance(setting.Key.Namespace) ? null : new EbOptionProblem(setting.Key, "unknown configuration option for this platform");
        }

        var values = option.ValueType == ElasticBeanstalkStatuses.ValueTypeList
            ? setting.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : [setting.Value];
        foreach (var value in values)
        {
            if (CheckValue(option, value) is { } message)
            {
                return new EbOptionProblem(setting.Key, setting.Sensitive ? "the value is not accepted" : message);
            }
        }

        return null;
    }

    private static string? CheckValue(Option option, string value)
    {
        // EB compares booleans without regard to case.
        var comparer = option.ValueOptions is { Count: 2 } pair && pair.Contains("true") && pair.Contains("false")
            ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        if (option.ValueOptions is { Count: > 0 } allowed && !allowed.Contains(value, comparer))
        {
            return $"\"{value}\" is not one of {string.Join(", ", allowed)}";
        }

        if (option.MinValue is not null || option.MaxValue is not null)
        {
            if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                return $"\"{value}\" is not an integer";
            }

            if (number < option.MinValue || number > option.MaxValue)
            {
                return $"{number} is outside {option.MinValue}-{option.MaxValue}";
            }
        }

        if (option.MaxLength is { } maxLength && value.Length > maxLength)
        {
            return $"longer than {maxLength} characters";
        }

        return option.Regex?.Pattern is { Length: > 0 } pattern && !Matches(pattern, value)
            ? option.Regex.Label is { Length: > 0 } label ? $"\"{value}\" is not {label}" : $"\"{value}\" does not match {pattern}"
            : null;
    }

    private static bool Matches(string pattern, string value)
    {
        try
        {
            return EbRegex.IsMatch(value, pattern, System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            // A pattern .NET cannot parse (EB's are Java regexes): leave the value to EB's own validation.
            return true;
        }
    }

    private static string? InstanceNamespace(string ns)
    {
        if (ElasticBeanstalkOptions.IsListener(ns))
        {
            return ElasticBeanstalkOptions.DefaultListener;
        }

        const string processPrefix = "aws:elasticbeanstalk:environment:process:";
        return ns.StartsWith(processPrefix, StringComparison.Ordinal) ? ElasticBeanstalkOptions.DefaultProcess : null;
    }

    private static bool IsUserInstance(string ns) =>
        ns.StartsWith("aws:elbv2:listenerrule:", StringComparison.Ordinal) || ns == "aws:autoscaling:scheduledaction";

    // EB reports lists with or without spaces after commas ("t3.micro, t3.small").
    private static string Normalize(string value) =>
        string.Join(",", value.Split(',', StringSplitOptions.TrimEntries));
}
