using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ebops.Sandbox.Kube.Errors;
using Ebops.Sandbox.Kube.Registry;

namespace Ebops.Sandbox.Kube.Storage;

/// <summary>
/// The object-lifecycle rules of kube-apiserver's generic registry: what create fills in, what update may change, how
/// the status subresource splits an object, and when <c>metadata.generation</c> moves.
/// </summary>
internal static partial class ObjectRules
{
    private const string GenerateNameAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    private const string SubdomainMessage = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

    private const string LabelMessage = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

    public static string Timestamp(DateTimeOffset now) => now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static JsonObject Metadata(JsonObject obj) => obj["metadata"] as JsonObject ?? throw KubeApiException.BadRequest("Object 'metadata' is missing or not an object");

    public static string? Str(JsonNode? node) => node?.GetValueKind() == System.Text.Json.JsonValueKind.String ? node.GetValue<string>() : null;

    /// <summary>Checks kind/apiVersion against the URL and fills namespace; throws 400 like the real server.</summary>
    public static void CheckIdentity(ResourceType type, JsonObject obj, string? pathNamespace)
    {
        var apiVersion = Str(obj["apiVersion"]);
        var kind = Str(obj["kind"]);
        if (kind is not null && kind != type.Kind)
        {
            throw KubeApiException.BadRequest($"the object provided is unrecognized (kind {kind} does not match {type.Kind})");
        }
        if (apiVersion is not null && apiVersion != type.GroupVersion)
        {
            throw KubeApiException.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({type.GroupVersion})");
        }
        obj["apiVersion"] = type.GroupVersion;
        obj["kind"] = type.Kind;
        var meta = obj["metadata"] as JsonObject;
        if (meta is null)
        {
            meta = [];
            obj["metadata"] = meta;
        }
        var bodyNamespace = Str(meta["namespace"]);
        if (type.Namespaced)
        {
            if (bodyNamespace is { Length: > 0 } && bodyNamespace != pathNamespace)
            {
                throw KubeApiException.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
            }
            meta["namespace"] = pathNamespace;
        }
        else
        {
            meta.Remove("namespace");
        }
    }

    /// <summary>Fills what the server owns on create. Returns the field errors of metadata.</summary>
    public static List<FieldError> PrepareCreate(ResourceType type, JsonObject obj, DateTimeOffset now)
    {
        var meta = Metadata(obj);
        var errors = new List<FieldError>();
        if (Str(meta["name"]) is not { Length: > 0 })
        {
            if (Str(meta["generateName"]) is { Length: > 0 } prefix)
            {
                meta["name"] = prefix + RandomSuffix();
            }
            else
            {
                errors.Add(FieldError.Required("metadata.name", "name or generateName is required"));
                return errors;
            }
        }
        ValidateName(type, Str(meta["name"])!, errors);
        ValidateLabelsAndAnnotations(meta, errors);
        meta["uid"] = Guid.NewGuid().ToString();
        meta["creationTimestamp"] = Timestamp(now);
        if (type.TracksGeneration)
        {
            meta["generation"] = 1;
        }
        else
        {
            meta.Remove("generation");
        }
        foreach (var owned in new[] { "resourceVersion", "deletionTimestamp", "deletionGracePeriodSeconds", "managedFields", "selfLink" })
        {
            meta.Remove(owned);
        }
        if (type.IsCustom && type.HasStatusSubresource)
        {
            // The real server drops status on create when the status subresource is enabled.
            obj.Remove("status");
        }
        NormalizeBuiltIn(type, obj);
        return errors;
    }

    /// <summary>
    /// Builds the object an update stores from <paramref name="old"/> and the client's <paramref name="requested"/>:
    /// the status subresource only changes status; the main resource never changes status (when it has the
    /// subresource); server-owned metadata is kept; generation moves only when the spec part changed.
    /// </summary>
    public static JsonObject PrepareUpdate(ResourceType type, JsonObject old, JsonObject requested, bool statusSubresource, List<FieldError> errors)
    {
        if (statusSubresource)
        {
            return StatusUpdate(old, requested);
        }
        var next = requested.DeepClone().AsObject();
        if (type.HasStatusSubresource)
        {
            if (old["status"] is { } oldStatus)
            {
                next["status"] = oldStatus.DeepClone();
            }
            else
            {
                next.Remove("status");
            }
        }
        var oldMeta = Metadata(old);
        var meta = next["metadata"] as JsonObject ?? [];
        next["metadata"] = meta;
        foreach (var owned in new[] { "uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation", "namespace", "name" })
        {
            if (oldMeta[owned] is { } value)
            {
                meta[owned] = value.DeepClone();
            }
            else
            {
                meta.Remove(owned);
            }
        }
        // A write that does not mention managedFields keeps them (server-side apply records them).
        if (meta["managedFields"] is null && oldMeta["managedFields"] is { } managed)
        {
            meta["managedFields"] = managed.DeepClone();
        }
        meta.Remove("selfLink");
        ValidateLabelsAndAnnotations(meta, errors);
        if (oldMeta["deletionTimestamp"] is not null)
        {
            var before = Finalizers(old);
            var added = Finalizers(next).Where(f => !before.Contains(f)).ToList();
            if (added.Count > 0)
            {
                errors.Add(FieldError.Forbidden("metadata.finalizers",
                    $"no new finalizers can be added if the object is being deleted, found new finalizers {GoFormat.StringSlice(added)}"));
            }
        }
        NormalizeBuiltIn(type, next);
        if (type.TracksGeneration && !JsonNode.DeepEquals(SpecPart(type, old), SpecPart(type, next)))
        {
            meta["generation"] = (oldMeta["generation"]?.GetValue<long>() ?? 0) + 1;
        }
        return next;
    }

    // The status subresource changes status (and the managedFields of the write), nothing else.
    private static JsonObject StatusUpdate(JsonObject old, JsonObject requested)
    {
        var next = old.DeepClone().AsObject();
        if (requested["status"] is { } status)
        {
            next["status"] = status.DeepClone();
        }
        else
        {
            next.Remove("status");
        }
        if (requested["metadata"]?["managedFields"] is { } statusManaged)
        {
            Metadata(next)["managedFields"] = statusManaged.DeepClone();
        }
        return next;
    }

    public static List<string> Finalizers(JsonObject obj) =>
        (Metadata(obj)["finalizers"] as JsonArray)?.Select(f => Str(f)).OfType<string>().ToList() ?? [];

    public static bool IsDeleting(JsonObject obj) => Metadata(obj)["deletionTimestamp"] is not null;

    /// <summary>True when two versions of an object differ in anything but their resourceVersion.</summary>
    public static bool SameContent(JsonObject a, JsonObject b)
    {
        var x = a.DeepClone().AsObject();
        var y = b.DeepClone().AsObject();
        Metadata(x).Remove("resourceVersion");
        Metadata(y).Remove("resourceVersion");
        return JsonNode.DeepEquals(x, y);
    }

    /// <summary>Marks an object for deletion (graceful deletion with finalizers pending): timestamp, grace 0, generation+1.</summary>
    public static JsonObject MarkDeleting(ResourceType type, JsonObject obj, DateTimeOffset now)
    {
        var next = obj.DeepClone().AsObject();
        var meta = Metadata(next);
        meta["deletionTimestamp"] = Timestamp(now);
        meta["deletionGracePeriodSeconds"] = 0;
        if (type.TracksGeneration)
        {
            meta["generation"] = (meta["generation"]?.GetValue<long>() ?? 0) + 1;
        }
        return next;
    }

    private static JsonObject SpecPart(ResourceType type, JsonObject obj)
    {
        var copy = obj.DeepClone().AsObject();
        copy.Remove("metadata");
        if (type.HasStatusSubresource)
        {
            copy.Remove("status");
        }
        return copy;
    }

    private static void NormalizeBuiltIn(ResourceType type, JsonObject obj)
    {
        if (type.IsCustom)
        {
            return;
        }
        switch (type.Kind)
        {
            case "Secret":
                // stringData is write-only: merged into data, base64-encoded.
                if (obj["stringData"] is JsonObject stringData)
                {
                    var data = obj["data"] as JsonObject ?? [];
                    foreach (var (k, v) in stringData)
                    {
                        data[k] = Convert.ToBase64String(Encoding.UTF8.GetBytes(Str(v) ?? ""));
                    }
                    obj["data"] = data;
                    obj.Remove("stringData");
                }
                if (Str(obj["type"]) is not { Length: > 0 })
                {
                    obj["type"] = "Opaque";
                }
                break;
            case "Namespace":
                var status = obj["status"] as JsonObject ?? [];
                status["phase"] ??= "Active";
                obj["status"] = status;
                break;
        }
    }

    private static void ValidateName(ResourceType type, string name, List<FieldError> errors)
    {
        var asLabel = type.Kind == "Namespace";
        var ok = asLabel ? name.Length <= 63 && DnsLabel().IsMatch(name) : name.Length <= 253 && DnsSubdomain().IsMatch(name);
        if (!ok)
        {
            errors.Add(FieldError.Invalid("metadata.name", GoFormat.Quote(name), asLabel ? LabelMessage : SubdomainMessage));
        }
    }

    private const string LabelValueMessage = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

    private const string QualifiedNameMessage = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

    /// <summary>kube-apiserver's checks of label keys and values and annotation keys (a real cluster rejects these with 422).</summary>
    private static void ValidateLabelsAndAnnotations(JsonObject meta, List<FieldError> errors)
    {
        foreach (var (field, isLabels) in new[] { ("labels", true), ("annotations", false) })
        {
            if (meta[field] is not JsonObject map)
            {
                continue;
            }
            var path = "metadata." + field;
            foreach (var (key, value) in map)
            {
                var slash = key.LastIndexOf('/');
                var name = slash < 0 ? key : key[(slash + 1)..];
                var prefix = slash < 0 ? null : key[..slash];
                if (name.Length == 0 || name.Length > 63 || !QualifiedNamePart().IsMatch(name))
                {
                    errors.Add(FieldError.Invalid(path, GoFormat.Quote(key), name.Length > 63 ? "name part must be no more than 63 characters" : QualifiedNameMessage));
                }
                else if (prefix is not null && (prefix.Length == 0 || prefix.Length > 253 || !DnsSubdomain().IsMatch(prefix)))
                {
                    errors.Add(FieldError.Invalid(path, GoFormat.Quote(key), "prefix part " + SubdomainMessage));
                }
                if (isLabels && Str(value) is { } text)
                {
                    if (text.Length > 63)
                    {
                        errors.Add(FieldError.Invalid(path, GoFormat.Quote(text), "must be no more than 63 characters"));
                    }
                    else if (!LabelValue().IsMatch(text))
                    {
                        errors.Add(FieldError.Invalid(path, GoFormat.Quote(text), LabelValueMessage));
                    }
                }
            }
        }
    }

    [GeneratedRegex("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$")]
    private static partial Regex QualifiedNamePart();

    [GeneratedRegex("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$")]
    private static partial Regex LabelValue();

    private static string RandomSuffix()
    {
        Span<char> chars = stackalloc char[5];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = GenerateNameAlphabet[Random.Shared.Next(GenerateNameAlphabet.Length)];
        }
        return new string(chars);
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex DnsSubdomain();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex DnsLabel();
}
