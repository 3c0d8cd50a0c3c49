using System.Security.Cryptography;
using System.Text;

namespace Ebops.Operator.Resources.ElasticBeanstalk;

/// <summary>
/// A configuration template as ebops wants it: the platform (exactly one of <paramref name="SolutionStackName"/> and
/// <paramref name="PlatformArn"/>; a template's platform cannot change, so its name carries the platform) and the
/// option settings. <paramref name="OwnedNamespaces"/> (a trailing <c>*</c> matches a prefix) and
/// <paramref name="OwnedKeys"/> say which settings ebops owns beyond <paramref name="Settings"/>: one of those the
/// template holds with a value other than the platform's default is removed.
/// </summary>
public sealed record EbTemplateDesired(
    string ApplicationName,
    string TemplateName,
    string? SolutionStackName,
    string? PlatformArn,
    string Description,
    IReadOnlyList<EbTemplateOption> Settings,
    IReadOnlyList<string> OwnedNamespaces,
    IReadOnlyList<EbOptionKey> OwnedKeys,
    IReadOnlyDictionary<string, string> Tags)
{
    /// <summary>The platform, as one string (for messages and hashes).</summary>
    public string Platform => PlatformArn ?? SolutionStackName ?? "";

    /// <summary>The desired setting with <paramref name="key"/>, or null.</summary>
    public EbTemplateOption? Find(EbOptionKey key) => Settings.FirstOrDefault(s => s.Key.Equals(key));

    /// <summary>True when ebops owns <paramref name="key"/> although it does not want a value for it now.</summary>
    public bool Owns(EbOptionKey key) =>
        OwnedKeys.Contains(key)
        || OwnedNamespaces.Any(ns => ns.EndsWith('*')
            ? key.Namespace.StartsWith(ns[..^1], StringComparison.Ordinal)
            : string.Equals(ns, key.Namespace, StringComparison.Ordinal));

    /// <summary>
    /// A hash of the platform and every setting (a sensitive value enters as its own SHA-256): equal for equal
    /// configurations, different after any change, and safe to publish.
    /// </summary>
    public string ConfigurationHash()
    {
        var text = new StringBuilder().Append(Platform).Append('\n');
        foreach (var setting in Settings.OrderBy(s => s.Key.ToString(), StringComparer.Ordinal))
        {
            var value = setting.Sensitive ? "sha256:" + Sha256(setting.Value) : setting.Value;
            text.Append(setting.Key).Append('=').Append(value.Length).Append(':').Append(value).Append('\n');
        }

        return Sha256(text.ToString())[..16];
    }

    /// <summary>The lower-case hex SHA-256 of <paramref name="value"/>'s UTF-8 bytes (what Secret summaries hold).</summary>
    public static string Sha256(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("ApplicationName = ").Append(ApplicationName).Append(", TemplateName = ").Append(TemplateName)
            .Append(", Platform = ").Append(Platform).Append(", Settings = ").Append(Settings.Count);
        return true;
    }
}
