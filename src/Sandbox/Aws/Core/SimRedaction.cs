using System.Text.Json.Nodes;

namespace Ebops.Sandbox.Aws.Core;

/// <summary>
/// Keeps secrets out of the call log and the state dump. A parameter is secret when its name says so (Password,
/// Secret, Token, except pagination tokens) or when it is the value of a name/value pair whose name says so
/// (<c>OptionSettings.member.1.OptionName=RDS_PASSWORD</c> makes <c>OptionSettings.member.1.Value</c> secret; tags and
/// DB parameters likewise).
/// </summary>
public static class SimRedaction
{
    public const string Mask = "***";

    private static readonly string[] SecretWords = ["password", "secret", "token", "credential", "privatekey"];
    private static readonly string[] NotSecret = ["NextToken", "nextToken", "ClientToken", "ClientRequestToken", "Marker"];
    private static readonly string[] ValueSuffixes = ["Value", "ParameterValue"];
    private static readonly string[] NameSuffixes = ["OptionName", "Key", "Name", "ParameterName"];

    /// <summary>True when a parameter or property name denotes a secret.</summary>
    public static bool IsSecretName(string name)
    {
        var leaf = name[(name.LastIndexOf('.') + 1)..];
        if (NotSecret.Contains(leaf, StringComparer.Ordinal))
        {
            return false;
        }

        return SecretWords.Any(w => leaf.Contains(w, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A copy of flattened parameters with secrets masked.</summary>
    public static IReadOnlyDictionary<string, string> Redact(IReadOnlyDictionary<string, string> parameters)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in parameters)
        {
            result[key] = IsSecretName(key) || IsSecretValueOfPair(parameters, key) ? Mask : value;
        }

        return result;
    }

    /// <summary>Masks secrets in a JSON tree in place (by property name, and name/value pairs); returns the node.</summary>
    public static JsonNode? Redact(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var pairName = NameSuffixes.Select(n => obj[n]).OfType<JsonValue>().Select(v => v.ToString()).FirstOrDefault();
                foreach (var (key, _) in obj.ToList())
                {
                    var secretPair = pairName is not null && ValueSuffixes.Contains(key) && IsSecretName(pairName);
                    if ((IsSecretName(key) || secretPair) && obj[key] is JsonValue)
                    {
                        obj[key] = Mask;
                    }
                    else
                    {
                        Redact(obj[key]);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Redact(item);
                }

                break;
        }

        return node;
    }

    private static bool IsSecretValueOfPair(IReadOnlyDictionary<string, string> parameters, string key)
    {
        var dot = key.LastIndexOf('.');
        if (dot < 0 || !ValueSuffixes.Contains(key[(dot + 1)..]))
        {
            return false;
        }

        var prefix = key[..(dot + 1)];
        return NameSuffixes.Any(n => parameters.TryGetValue(prefix + n, out var name) && IsSecretName(name));
    }
}
