using System.Text.Json.Nodes;
using Ebops.Sandbox.Kube.Errors;

namespace Ebops.Sandbox.Kube.Validation.Crds;

/// <summary>
/// apiextensions' <c>validateCustomResourceConversion</c>: strategy None or Webhook; a webhook needs exactly one of
/// url and service and ConversionReview versions the server understands; None forbids both. Paths use the internal
/// names (<c>spec.conversion.webhookClientConfig</c>, <c>spec.conversion.conversionReviewVersions</c>).
/// </summary>
internal static class ConversionValidator
{
    public static void Validate(JsonObject? conversion, string path, List<FieldError> errors)
    {
        if (conversion is null)
        {
            return;
        }

        var strategy = SchemaJson.Str(conversion["strategy"]) ?? "";
        if (strategy.Length == 0)
        {
            errors.Add(FieldError.Required(FieldPath.Child(path, "strategy")));
        }
        else if (strategy is not ("None" or "Webhook"))
        {
            errors.Add(FieldError.NotSupported(FieldPath.Child(path, "strategy"), GoFormat.Quote(strategy), ["None", "Webhook"]));
        }

        var webhook = conversion["webhook"] as JsonObject;
        var clientConfig = webhook?["clientConfig"] as JsonObject;
        var reviewVersions = webhook?["conversionReviewVersions"] as JsonArray;
        var configPath = FieldPath.Child(path, "webhookClientConfig");
        var versionsPath = FieldPath.Child(path, "conversionReviewVersions");
        if (strategy == "Webhook")
        {
            if (clientConfig is null)
            {
                errors.Add(FieldError.Required(configPath, "required when strategy is set to Webhook"));
            }
            else if ((clientConfig["url"] is null) == (clientConfig["service"] is null))
            {
                errors.Add(FieldError.Required(configPath, "exactly one of url or service is required"));
            }

            ReviewVersions(reviewVersions, versionsPath, errors);
            return;
        }

        if (clientConfig is not null)
        {
            errors.Add(FieldError.Forbidden(configPath, "should not be set when strategy is not set to Webhook"));
        }

        if (reviewVersions is { Count: > 0 })
        {
            errors.Add(FieldError.Forbidden(versionsPath, "should not be set when strategy is not set to Webhook"));
        }
    }

    private static void ReviewVersions(JsonArray? versions, string path, List<FieldError> errors)
    {
        var list = versions?.Select(SchemaJson.Str).Select(v => v ?? "").ToList() ?? [];
        if (list.Count == 0)
        {
            errors.Add(FieldError.Required(path));
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            if (!seen.Add(list[i]))
            {
                errors.Add(FieldError.Invalid(FieldPath.Index(path, i), GoFormat.Quote(list[i]), "duplicate version"));
                continue;
            }

            foreach (var message in DnsNames.Dns1035Label(list[i]))
            {
                errors.Add(FieldError.Invalid(FieldPath.Index(path, i), GoFormat.Quote(list[i]), message));
            }
        }

        if (!list.Any(v => v is "v1" or "v1beta1"))
        {
            errors.Add(FieldError.Invalid(path, GoFormat.StringSlice(list), "must include at least one of v1, v1beta1"));
        }
    }
}
