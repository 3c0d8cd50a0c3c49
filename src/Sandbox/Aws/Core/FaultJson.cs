using System.Text.Json.Nodes;

namespace Ebops.Sandbox.Aws.Core;

/// <summary>JSON form of fault rules for the admin API and the state dump.</summary>
internal static class FaultJson
{
    public static JsonObject ToJson(FaultRule rule) => new()
    {
        ["id"] = rule.Id,
        ["kind"] = rule.Kind.ToString(),
        ["service"] = rule.Service,
        ["action"] = rule.Action,
        ["fraction"] = rule.Fraction,
        ["latencyMs"] = rule.Latency.TotalMilliseconds,
        ["from"] = rule.From?.ToString("O"),
        ["until"] = rule.Until?.ToString("O"),
        ["count"] = rule.Count,
        ["code"] = rule.Code,
        ["statusCode"] = rule.StatusCode,
    };

    /// <summary>
    /// Reads a rule: <c>{"kind":"Throttle|ServerError|Latency|Outage", "service", "action", "fraction", "latencyMs",
    /// "from", "until" (ISO 8601), "durationSeconds" (outage from now), "count", "code", "statusCode"}</c>.
    /// </summary>
    public static FaultRule FromJson(JsonObject json, DateTimeOffset now)
    {
        var kindText = (string?)json["kind"] ?? throw new FormatException("kind is required");
        if (!Enum.TryParse<FaultKind>(kindText, ignoreCase: true, out var kind))
        {
            throw new FormatException($"unknown kind '{kindText}'");
        }

        DateTimeOffset? from = json["from"] is { } f ? DateTimeOffset.Parse((string)f!, System.Globalization.CultureInfo.InvariantCulture) : null;
        DateTimeOffset? until = json["until"] is { } u ? DateTimeOffset.Parse((string)u!, System.Globalization.CultureInfo.InvariantCulture) : null;
        if (json["durationSeconds"] is { } duration)
        {
            from ??= now;
            until = from.Value + TimeSpan.FromSeconds((double)duration);
        }

        return new FaultRule(
            kind,
            (string?)json["service"],
            (string?)json["action"],
            json["fraction"] is { } fraction ? (double)fraction : 1.0,
            json["latencyMs"] is { } latency ? TimeSpan.FromMilliseconds((double)latency) : TimeSpan.Zero,
            from,
            until,
            json["count"] is { } count ? (int)count : null,
            (string?)json["code"],
            json["statusCode"] is { } status ? (int)status : null);
    }
}
