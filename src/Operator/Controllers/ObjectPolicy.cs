using System.Text.Json;
using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Reconciliation;

namespace Ebops.Operator.Controllers;

/// <summary>
/// The <c>ebops.io/*</c> annotations of one object, parsed once per reconcile. An annotation with a value ebops does
/// not understand is a <see cref="TerminalException"/> naming it (Stalled, no AWS call).
/// </summary>
public sealed record ObjectPolicy(
    bool Paused,
    DeletionPolicy Deletion,
    bool DeletionPolicyExplicit,
    AdoptionPolicy Adoption,
    IReadOnlyDictionary<string, string> AdoptionFields,
    TimeSpan PollInterval)
{
    /// <summary>Reads the annotations of <paramref name="entity"/>; <paramref name="defaultDeletion"/> applies when none is set.</summary>
    public static ObjectPolicy Of(ICustomResource entity, DeletionPolicy defaultDeletion, ControllerSettings settings)
    {
        var annotations = entity.Metadata.Annotations ?? new Dictionary<string, string>();
        var paused = annotations.TryGetValue(EbopsAnnotations.Paused, out var p) && ParseBool(p, EbopsAnnotations.Paused);
        var deletion = annotations.TryGetValue(EbopsAnnotations.DeletionPolicy, out var d)
            ? d switch
            {
                EbopsAnnotations.DeletionPolicyDelete => DeletionPolicy.Delete,
                EbopsAnnotations.DeletionPolicyRetain => DeletionPolicy.Retain,
                _ => throw Invalid(EbopsAnnotations.DeletionPolicy, d, "retain or delete"),
            }
            : defaultDeletion;
        var adoption = annotations.TryGetValue(EbopsAnnotations.AdoptionPolicy, out var a)
            ? a switch
            {
                EbopsAnnotations.AdoptionPolicyAdopt => AdoptionPolicy.Adopt,
                EbopsAnnotations.AdoptionPolicyAdoptOrCreate => AdoptionPolicy.AdoptOrCreate,
                _ => throw Invalid(EbopsAnnotations.AdoptionPolicy, a, "adopt or adopt-or-create"),
            }
            : AdoptionPolicy.None;
        var fields = annotations.TryGetValue(EbopsAnnotations.AdoptionFields, out var f) ? ParseFields(f) : new Dictionary<string, string>();
        var poll = annotations.TryGetValue(EbopsAnnotations.PollInterval, out var i) ? ParsePoll(i, settings) : settings.PollInterval;
        return new ObjectPolicy(paused, deletion, annotations.ContainsKey(EbopsAnnotations.DeletionPolicy), adoption, fields, poll);
    }

    /// <summary>The adoption identifier <paramref name="key"/>, or null when adoption is off or the key is absent.</summary>
    public string? AdoptionField(string key) =>
        Adoption != AdoptionPolicy.None && AdoptionFields.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

    private static bool ParseBool(string value, string annotation) => value switch
    {
        "true" => true,
        "false" => false,
        _ => throw Invalid(annotation, value, "true or false"),
    };

    private static Dictionary<string, string> ParseFields(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
        }
        catch (JsonException)
        {
            throw new TerminalException("must be a JSON object of strings, e.g. {\"securityGroupId\": \"sg-0123\"}",
                Field(EbopsAnnotations.AdoptionFields), "InvalidAnnotation");
        }
    }

    private static TimeSpan ParsePoll(string value, ControllerSettings settings)
    {
        if (!GoDuration.TryParse(value, out var interval) || interval <= TimeSpan.Zero)
        {
            throw Invalid(EbopsAnnotations.PollInterval, value, "a duration such as 30s, 2m or 1h");
        }

        return interval < settings.MinPollInterval ? settings.MinPollInterval : interval;
    }

    private static TerminalException Invalid(string annotation, string value, string expected) =>
        new($"unsupported value \"{value}\": must be {expected}", Field(annotation), "InvalidAnnotation");

    private static string Field(string annotation) => "metadata.annotations." + annotation;
}
