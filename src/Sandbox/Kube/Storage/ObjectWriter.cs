using System.Net;
using System.Text.Json.Nodes;
using Ebops.Sandbox.Kube.Errors;
using Ebops.Sandbox.Kube.Patching;
using Ebops.Sandbox.Kube.Registry;
using Ebops.Sandbox.Kube.Validation.Crds;
using Microsoft.Extensions.Logging;

namespace Ebops.Sandbox.Kube.Storage;

/// <summary>
/// Every write goes through here: create, update (PUT), patch (merge, JSON, strategic, apply) and delete, with
/// kube-apiserver's rules (preconditions, status subresource, generation, finalizers, validation, dry run) and the side
/// effects of CRDs and namespaces.
/// </summary>
internal sealed class ObjectWriter(ObjectStore store, ResourceRegistry registry, TimeProvider time, ILogger logger)
{
    private const int MaxRetries = 16;

    public WriteOutcome Create(ResourceType type, string? ns, JsonObject body, WriteOptions options, JsonArray? managedFields = null)
    {
        ObjectRules.CheckIdentity(type, body, ns);
        var warnings = new List<string>();
        var errors = ObjectRules.PrepareCreate(type, body, time.GetUtcNow());
        if (managedFields is not null)
        {
            ObjectRules.Metadata(body)["managedFields"] = managedFields;
        }
        var name = ObjectRules.Str(body["metadata"]?["name"]) ?? "";
        if (type != BuiltInResources.Crds)
        {
            ThrowIfInvalid(type, name, errors);
        }
        if (type.Namespaced)
        {
            RequireLiveNamespace(ns!);
        }
        Admit(type, body, null, options, warnings, errors);
        if (options.DryRun)
        {
            return new WriteOutcome(201, body, warnings);
        }
        var result = store.Create(type.StorageKey, body);
        if (result.Outcome == StoreOutcome.AlreadyExists)
        {
            throw KubeApiException.AlreadyExists(type.GroupResource, name);
        }
        AfterWrite(type, result.Object!);
        return new WriteOutcome(201, result.Object!.Parse(), warnings);
    }

    public WriteOutcome Update(ResourceType type, string? ns, string name, bool status, JsonObject body, WriteOptions options)
    {
        ObjectRules.CheckIdentity(type, body, ns);
        if (ObjectRules.Str(body["metadata"]?["name"]) is { } bodyName && bodyName != name)
        {
            throw KubeApiException.BadRequest("the name of the object (" + bodyName + ") does not match the name on the URL (" + name + ")");
        }
        return Mutate(type, ns, name, status, options, _ => body);
    }

    public WriteOutcome Patch(ResourceType type, string? ns, string name, bool status, string contentType, string text, WriteOptions options)
    {
        var mediaType = contentType.Split(';')[0].Trim();
        if (mediaType == "application/strategic-merge-patch+json" && !type.AcceptsStrategicMerge)
        {
            throw KubeApiException.UnsupportedMediaType(mediaType);
        }
        JsonNode? patch;
        try
        {
            patch = mediaType == "application/apply-patch+yaml" ? YamlJson.Parse(text) : JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw KubeApiException.BadRequest($"error decoding patch: {e.Message}");
        }
        Func<JsonObject, JsonObject> apply = mediaType switch
        {
            "application/merge-patch+json" => current => MergePatch.Apply(current, patch) as JsonObject ?? throw KubeApiException.BadRequest("patch result is not an object"),
            "application/strategic-merge-patch+json" => current => StrategicMergePatch.Apply(current, patch) as JsonObject ?? throw KubeApiException.BadRequest("patch result is not an object"),
            "application/json-patch+json" => current => JsonPatch.Apply(current, patch as JsonArray ?? throw KubeApiException.BadRequest("json patch must be an array")) as JsonObject
                ?? throw KubeApiException.BadRequest("patch result is not an object"),
            "application/apply-patch+yaml" => current => ServerSideApply.Apply(current, patch as JsonObject ?? throw KubeApiException.BadRequest("apply patch must be an object"),
                options.FieldManager!, status ? "status" : null, type.HasStatusSubresource, options.Force, type.GroupVersion, ObjectRules.Timestamp(time.GetUtcNow())),
            _ => throw KubeApiException.UnsupportedMediaType(mediaType),
        };
        if (mediaType == "application/apply-patch+yaml")
        {
            if (options.FieldManager is null)
            {
                throw new KubeApiException((HttpStatusCode)422, "Invalid", "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch");
            }
            if (!status && store.Get(type.StorageKey, ns ?? "", name) is null)
            {
                // Apply creates a missing object.
                var body = (JsonObject)patch!.DeepClone();
                var meta = body["metadata"] as JsonObject ?? [];
                body["metadata"] = meta;
                meta["name"] ??= name;
                try
                {
                    return Create(type, ns, body, options, ServerSideApply.CreateEntries(body, options.FieldManager, type.HasStatusSubresource, type.GroupVersion, ObjectRules.Timestamp(time.GetUtcNow())));
                }
                catch (KubeApiException e) when (e.Reason == "AlreadyExists")
                {
                    // Lost a race with another creator: fall through to an update.
                }
            }
        }
        return Mutate(type, ns, name, status, options, current => apply(current.DeepClone().AsObject()));
    }

    public WriteOutcome Delete(ResourceType type, string? ns, string name, JsonObject? deleteOptions, WriteOptions options)
    {
        var preconditions = deleteOptions?["preconditions"] as JsonObject;
        for (var attempt = 0; attempt < MaxRetries; attempt++)
        {
            var current = store.Get(type.StorageKey, ns ?? "", name) ?? throw KubeApiException.NotFound(type.GroupResource, name);
            var obj = ObjectOutput.Parse(type, current);
            CheckPreconditions(type, name, obj, current, preconditions);
            if (ObjectRules.Finalizers(obj).Count > 0 || (type == BuiltInResources.Namespaces && store.CountInNamespace(name) > 0))
            {
                if (ObjectRules.IsDeleting(obj))
                {
                    return new WriteOutcome(200, obj, []);
                }
                var marked = ObjectRules.MarkDeleting(type, obj, time.GetUtcNow());
                if (type == BuiltInResources.Namespaces)
                {
                    marked["status"] = new JsonObject { ["phase"] = "Terminating" };
                }
                if (options.DryRun)
                {
                    return new WriteOutcome(200, marked, []);
                }
                var updated = store.Update(type.StorageKey, marked, current.ResourceVersion);
                if (updated.Outcome != StoreOutcome.Ok)
                {
                    continue;
                }
                if (type == BuiltInResources.Namespaces)
                {
                    DeleteNamespaceContents(name);
                    TryFinishNamespace(name);
                }
                return new WriteOutcome(200, updated.Object!.Parse(), []);
            }
            if (options.DryRun)
            {
                return new WriteOutcome(200, obj, []);
            }
            var deleted = store.Delete(type.StorageKey, ns ?? "", name, current.ResourceVersion);
            if (deleted.Outcome != StoreOutcome.Ok)
            {
                continue;
            }
            AfterDelete(type, deleted.Object!);
            var body = type.IsCustom ? deleted.Object!.Parse() : StatusBuilder.Success(name, type.Group, type.Plural, ObjectRules.Str(obj["metadata"]?["uid"]));
            return new WriteOutcome(200, body, []);
        }
        throw KubeApiException.Conflict(type.GroupResource, name);
    }

    private WriteOutcome Mutate(ResourceType type, string? ns, string name, bool status, WriteOptions options, Func<JsonObject, JsonObject> change)
    {
        if (status && !type.HasStatusSubresource)
        {
            throw KubeApiException.NotFoundPath();
        }
        for (var attempt = 0; attempt < MaxRetries; attempt++)
        {
            var current = store.Get(type.StorageKey, ns ?? "", name) ?? throw KubeApiException.NotFound(type.GroupResource, name);
            var old = ObjectOutput.Parse(type, current);
            var requested = change(old);
            ObjectRules.CheckIdentity(type, requested, ns);
            if (ObjectRules.Str(requested["metadata"]?["resourceVersion"]) is { Length: > 0 } rv && rv != current.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                throw KubeApiException.Conflict(type.GroupResource, name);
            }
            var errors = new List<FieldError>();
            var next = ObjectRules.PrepareUpdate(type, old, requested, status, errors);
            if (type != BuiltInResources.Crds)
            {
                ThrowIfInvalid(type, name, errors);
            }
            var warnings = new List<string>();
            Admit(type, next, old, options, warnings, errors);
            if (ObjectRules.SameContent(old, next))
            {
                // A no-op write changes nothing: same resourceVersion, no watch event (like etcd's GuaranteedUpdate).
                return new WriteOutcome(200, old, warnings);
            }
            if (options.DryRun)
            {
                return new WriteOutcome(200, next, warnings);
            }
            if (ObjectRules.IsDeleting(next) && ObjectRules.Finalizers(next).Count == 0 && !(type == BuiltInResources.Namespaces && store.CountInNamespace(name) > 0))
            {
                var deleted = store.Delete(type.StorageKey, ns ?? "", name, current.ResourceVersion, next);
                if (deleted.Outcome != StoreOutcome.Ok)
                {
                    continue;
                }
                AfterDelete(type, deleted.Object!);
                return new WriteOutcome(200, deleted.Object!.Parse(), warnings);
            }
            var result = store.Update(type.StorageKey, next, current.ResourceVersion);
            if (result.Outcome == StoreOutcome.Ok)
            {
                AfterWrite(type, result.Object!);
                return new WriteOutcome(200, result.Object!.Parse(), warnings);
            }
        }
        throw KubeApiException.Conflict(type.GroupResource, name);
    }

    /// <summary>
    /// Schema pruning (fieldValidation), defaults and validation for custom resources; for CRDs, kube-apiserver's CRD
    /// validation, reported together with the metadata errors (<paramref name="metadataErrors"/>) as one 422.
    /// </summary>
    private void Admit(ResourceType type, JsonObject obj, JsonObject? old, WriteOptions options, List<string> warnings, List<FieldError> metadataErrors)
    {
        var name = ObjectRules.Str(obj["metadata"]?["name"]) ?? "";
        if (type == BuiltInResources.Crds)
        {
            CrdSupport.ApplyDefaults(obj);
            ThrowIfInvalid(type, name, [.. metadataErrors, .. CrdValidator.Validate(obj, old)]);
            CrdSupport.SetStatus(obj, old?["status"] as JsonObject, ObjectRules.Timestamp(time.GetUtcNow()));
            return;
        }
        if (!type.IsCustom || type.Validator is not { } validator)
        {
            return;
        }
        var unknown = validator.PruneUnknownFields(obj);
        if (unknown.Count > 0)
        {
            if (options.FieldValidation == "Strict")
            {
                throw KubeApiException.BadRequest(ValidationMessages.StrictUnknownFields(type.Kind, type.Version, unknown));
            }
            if (options.FieldValidation == "Warn")
            {
                warnings.AddRange(unknown.Select(u => $"unknown field \"{u}\""));
            }
        }
        validator.ApplyDefaults(obj);
        ThrowIfInvalid(type, name, [.. validator.Validate(obj, old)]);
    }

    private void RequireLiveNamespace(string ns)
    {
        var namespaceObject = store.Get(BuiltInResources.Namespaces.StorageKey, "", ns) ?? throw KubeApiException.NotFound("namespaces", ns);
        if (ObjectRules.IsDeleting(namespaceObject.Parse()))
        {
            throw KubeApiException.Forbidden($"unable to create new content in namespace {ns} because it is being terminated");
        }
    }

    private static void ThrowIfInvalid(ResourceType type, string name, List<FieldError> errors)
    {
        if (errors.Count > 0)
        {
            throw KubeApiException.Invalid(type.QualifiedKind, type.Group, type.Kind, name, errors);
        }
    }

    private static void CheckPreconditions(ResourceType type, string name, JsonObject obj, StoredObject current, JsonObject? preconditions)
    {
        if (ObjectRules.Str(preconditions?["uid"]) is { } uid && uid != ObjectRules.Str(obj["metadata"]?["uid"]))
        {
            throw new KubeApiException(HttpStatusCode.Conflict, "Conflict",
                $"Operation cannot be fulfilled on {type.GroupResource} \"{name}\": Precondition failed: UID in precondition: {uid}, UID in object meta: {ObjectRules.Str(obj["metadata"]?["uid"])}");
        }
        if (ObjectRules.Str(preconditions?["resourceVersion"]) is { } rv && rv != current.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            throw new KubeApiException(HttpStatusCode.Conflict, "Conflict",
                $"Operation cannot be fulfilled on {type.GroupResource} \"{name}\": Precondition failed: ResourceVersion in precondition: {rv}, ResourceVersion in object meta: {current.ResourceVersion}");
        }
    }

    private void AfterWrite(ResourceType type, StoredObject stored)
    {
        if (type == BuiltInResources.Crds)
        {
            var crd = stored.Parse();
            var served = CrdSupport.ServedTypes(crd);
            registry.SetCustom(stored.Name, served);
            foreach (var t in served)
            {
                Log.CrdServed(logger, t.GroupResource, t.Version);
                foreach (var rule in t.Validator?.UnsupportedRules ?? [])
                {
                    Log.UnsupportedRule(logger, t.QualifiedKind, t.Version, rule);
                }
            }
        }
    }

    private void AfterDelete(ResourceType type, StoredObject deleted)
    {
        if (type == BuiltInResources.Crds)
        {
            // Simplification: the CRD's objects go at once (the real server deletes them one by one, honouring their
            // finalizers, before the CRD itself disappears).
            var storageKey = CrdStorageKey(deleted.Parse());
            registry.SetCustom(deleted.Name, []);
            foreach (var o in store.List(storageKey, null, _ => true, null, 0)!.Items)
            {
                store.Delete(storageKey, o.Namespace, o.Name, o.ResourceVersion);
            }
            store.CloseWatches(storageKey);
            Log.CrdRemoved(logger, deleted.Name);
        }
        CollectDependents(deleted);
        if (deleted.Namespace.Length > 0)
        {
            TryFinishNamespace(deleted.Namespace);
        }
    }

    /// <summary>
    /// The garbage collector, simplified and synchronous: once an object is gone, objects listing it in
    /// <c>ownerReferences</c> (by uid) are deleted in the background style, their own
    /// finalizers honoured. Foreground deletion and blockOwnerDeletion are not modelled.
    /// </summary>
    private void CollectDependents(StoredObject deleted)
    {
        var uid = ObjectRules.Str(deleted.Parse()["metadata"]?["uid"]);
        if (uid is null)
        {
            return;
        }
        var needle = System.Text.Encoding.UTF8.GetBytes(uid);
        // Namespaced owners have dependents in their namespace only; cluster-scoped owners may have them anywhere.
        var candidates = deleted.Namespace.Length > 0 ? store.InNamespace(deleted.Namespace) : store.InNamespace(null);
        foreach (var (storageKey, o) in candidates)
        {
            if (o.Json.AsSpan().IndexOf(needle) < 0)
            {
                continue;
            }
            var owners = o.Parse()["metadata"]?["ownerReferences"] as JsonArray;
            if (owners is null || !owners.Any(r => ObjectRules.Str(r?["uid"]) == uid))
            {
                continue;
            }
            var slash = storageKey.IndexOf('/', StringComparison.Ordinal);
            if (registry.FindAnyVersion(storageKey[..slash], storageKey[(slash + 1)..]) is not { } type)
            {
                continue;
            }
            try
            {
                Delete(type, o.Namespace.Length == 0 ? null : o.Namespace, o.Name, null, new WriteOptions(false, "Ignore", false, null));
            }
            catch (KubeApiException e) when (e.Code == HttpStatusCode.NotFound)
            {
                // Deleted meanwhile.
            }
        }
    }

    private static string CrdStorageKey(JsonObject crd) =>
        $"{ObjectRules.Str(crd["spec"]?["group"])}/{ObjectRules.Str(crd["spec"]?["names"]?["plural"])}";

    /// <summary>Deleting a namespace deletes every object in it (finalizers honoured); the namespace goes once it is empty.</summary>
    private void DeleteNamespaceContents(string ns)
    {
        foreach (var (storageKey, o) in store.InNamespace(ns))
        {
            var slash = storageKey.IndexOf('/', StringComparison.Ordinal);
            var type = registry.FindAnyVersion(storageKey[..slash], storageKey[(slash + 1)..]);
            if (type is null)
            {
                continue;
            }
            try
            {
                Delete(type, ns, o.Name, null, new WriteOptions(false, "Ignore", false, null));
            }
            catch (KubeApiException e) when (e.Code == HttpStatusCode.NotFound)
            {
                // Already gone.
            }
        }
    }

    private void TryFinishNamespace(string ns)
    {
        var stored = store.Get(BuiltInResources.Namespaces.StorageKey, "", ns);
        if (stored is null || store.CountInNamespace(ns) > 0)
        {
            return;
        }
        var obj = stored.Parse();
        if (ObjectRules.IsDeleting(obj) && ObjectRules.Finalizers(obj).Count == 0)
        {
            store.Delete(BuiltInResources.Namespaces.StorageKey, "", ns, stored.ResourceVersion);
        }
    }
}
