using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Ebops.Operator.Resources.Rds;
using Ebops.Operator.Runtime.Cache;
using Ebops.Operator.Runtime.Reconciliation;
using k8s.Autorest;
using k8s.Models;

namespace Ebops.Operator.Controllers.RdsDatabase;

/// <summary>
/// The two Secrets of an RdsDatabase. Existence, ownership and content hashes come from the Secret cache (no
/// request); a value is read live only when AWS needs it (creating the instance, rotating the password) or a Secret
/// must be written (generated password, connection Secret keys whose hash differs). Values never leave as text other
/// than to AWS and to the Secrets themselves.
/// </summary>
internal sealed class RdsSecrets(ISecretCache cache, ISecretStore store)
{
    private const string MasterField = "spec.masterPassword.secretRef";
    private const string ConnectionField = "spec.connectionSecret";

    public bool IsSynced => cache.IsSynced;

    /// <summary>The master password's hash, generating the Secret (or its key) when allowed; null while waiting.</summary>
    public async Task<MasterPassword?> ResolveMasterAsync(RdsReconcile ctx, CancellationToken cancellationToken)
    {
        var source = ctx.Spec.MasterPassword;
        var name = source.SecretRef.Name;
        var key = source.SecretRef.Key;
        var summary = cache.Get(ctx.Namespace, name);
        if (summary?.KeyHashes.TryGetValue(key, out var hash) == true)
        {
            return new MasterPassword(hash, null);
        }

        if (!source.GenerateIfMissing)
        {
            if (summary is null)
            {
                ctx.Wait("WaitingForSecret", $"waiting for Secret {name} ({MasterField}) to exist", ctx.Settings.DependencyRequeue);
                return null;
            }

            throw new TerminalException($"Secret {name} has no key {key} (set generateIfMissing: true to have one generated)", MasterField, "SecretKeyMissing");
        }

        if (ctx.Paused)
        {
            ctx.Wait("WaitingForSecret", $"paused: the master password in Secret {name} would be generated", ctx.Settings.DependencyRequeue);
            return null;
        }

        var value = RdsPasswords.Generate();
        await (summary is null
            ? CreateAsync(ctx, name, new Dictionary<string, string> { [key] = value }, cancellationToken)
            : PatchAsync(ctx.Namespace, name, summary.ResourceVersion, new Dictionary<string, string> { [key] = value }, null, cancellationToken)).ConfigureAwait(false);
        await ctx.EventAsync("PasswordGenerated", $"generated the master password in Secret {name} (key {key})", cancellationToken).ConfigureAwait(false);
        return new MasterPassword(RdsDecisions.Sha256(value), new SecretText(value));
    }

    /// <summary>The master password's value (read live unless this pass generated it), checked against RDS's rules.</summary>
    public async Task<SecretText> RevealMasterAsync(RdsReconcile ctx, MasterPassword password, CancellationToken cancellationToken)
    {
        var value = password.Value?.Reveal();
        if (value is null)
        {
            var secretRef = ctx.Spec.MasterPassword.SecretRef;
            var data = await store.ReadAsync(ctx.Namespace, secretRef.Name, cancellationToken).ConfigureAwait(false);
            value = data?.TryGetValue(secretRef.Key, out var bytes) == true
                ? Encoding.UTF8.GetString(bytes)
                : throw new TransientException($"Secret {secretRef.Name} or its key {secretRef.Key} disappeared while it was being read");
        }

        return RdsDecisions.PasswordProblem(value) is { } problem
            ? throw new TerminalException(problem, MasterField, "InvalidPassword")
            : new SecretText(value);
    }

    /// <summary>
    /// Writes the connection Secret's keys whose hash differs from what it holds (all of them when it does not exist),
    /// owned by the RdsDatabase. A steady pass writes nothing and reads no value.
    /// </summary>
    public async Task WriteConnectionAsync(RdsReconcile ctx, string host, int port, MasterPassword password, CancellationToken cancellationToken)
    {
        if (ctx.Spec.ConnectionSecret?.Name is not { } name || ctx.Paused)
        {
            return;
        }

        var summary = cache.Get(ctx.Namespace, name);
        if (summary is not null && !summary.OwnerReferences.Any(o => o.Uid == ctx.Uid))
        {
            throw new TerminalException($"Secret {name} exists and is not owned by this RdsDatabase; delete it or choose another name", ConnectionField, "SecretNotOwned");
        }

        var values = RdsDecisions.ConnectionValues(ctx.Spec, host, port);
        var changed = values.Where(v => summary?.KeyHashes.GetValueOrDefault(v.Key) != RdsDecisions.Sha256(v.Value))
            .ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        if (summary?.KeyHashes.GetValueOrDefault("password") != password.Sha256)
        {
            changed["password"] = (await RevealMasterAsync(ctx, password, cancellationToken).ConfigureAwait(false)).Reveal();
        }

        if (changed.Count == 0)
        {
            return;
        }

        await (summary is null
            ? CreateAsync(ctx, name, changed, cancellationToken)
            : PatchAsync(ctx.Namespace, name, summary.ResourceVersion, changed, null, cancellationToken)).ConfigureAwait(false);
        await ctx.EventAsync("ConnectionSecretWritten", $"wrote {string.Join(", ", changed.Keys.Order(StringComparer.Ordinal))} of Secret {name}", cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Removes this object's owner reference from the master password Secret (only a generated one carries it), so
    /// deleting the RdsDatabase does not garbage-collect the password of a snapshot or a retained instance.
    /// Returns true when it did.
    /// </summary>
    public async Task<bool> OrphanMasterAsync(RdsReconcile ctx, CancellationToken cancellationToken)
    {
        var name = ctx.Spec.MasterPassword.SecretRef.Name;
        if (cache.Get(ctx.Namespace, name) is not { } summary || !summary.OwnerReferences.Any(o => o.Uid == ctx.Uid))
        {
            return false;
        }

        await PatchAsync(ctx.Namespace, name, summary.ResourceVersion, new Dictionary<string, string>(), [.. summary.OwnerReferences.Where(o => o.Uid != ctx.Uid)], cancellationToken)
            .ConfigureAwait(false);
        return true;
    }

    private async Task CreateAsync(RdsReconcile ctx, string name, IReadOnlyDictionary<string, string> data, CancellationToken cancellationToken)
    {
        var secret = new V1Secret
        {
            Metadata = new V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = ctx.Namespace,
                Labels = new Dictionary<string, string> { ["app.kubernetes.io/managed-by"] = "ebops" },
                OwnerReferences = [OwnerOf(ctx.Entity)],
            },
            Type = "Opaque",
            Data = data.ToDictionary(d => d.Key, d => Encoding.UTF8.GetBytes(d.Value)),
        };
        try
        {
            await store.CreateAsync(secret, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response?.StatusCode == HttpStatusCode.Conflict)
        {
            // The cache had not seen it yet: the next pass finds it there.
            throw new TransientException($"Secret {name} appeared while ebops was creating it", e);
        }
    }

    /// <summary>
    /// A merge patch that carries the resourceVersion the cache saw: if the Secret changed since (the cache lags), the
    /// API server answers 409 and the next pass decides again, so a generated password never overwrites one in use.
    /// </summary>
    private async Task PatchAsync(string ns, string name, string? resourceVersion, IReadOnlyDictionary<string, string> data,
        IReadOnlyList<V1OwnerReference>? owners, CancellationToken cancellationToken)
    {
        var metadata = new JsonObject { ["resourceVersion"] = resourceVersion };
        var patch = new JsonObject { ["metadata"] = metadata };
        if (data.Count > 0)
        {
            patch["data"] = new JsonObject(data.Select(d => KeyValuePair.Create(d.Key, (JsonNode?)Convert.ToBase64String(Encoding.UTF8.GetBytes(d.Value)))));
        }

        if (owners is not null)
        {
            metadata["ownerReferences"] = JsonNode.Parse(k8s.KubernetesJson.Serialize(owners));
        }

        try
        {
            await store.PatchAsync(ns, name, patch, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response?.StatusCode == HttpStatusCode.Conflict)
        {
            throw new TransientException($"Secret {name} changed while ebops was writing it", e);
        }
    }

    private static V1OwnerReference OwnerOf(Entities.RdsDatabase entity) => new()
    {
        ApiVersion = entity.ApiVersion,
        Kind = entity.Kind,
        Name = entity.Metadata.Name,
        Uid = entity.Metadata.Uid,
        BlockOwnerDeletion = true,
        Controller = true,
    };
}
