using Ebops.Operator.Runtime.Cache;
using Ebops.Operator.Runtime.Reconciliation;
using Ebops.Operator.Runtime.Status;
using Ebops.Tests.Shared;

namespace Ebops.EndToEnd.Tests.Runtime;

/// <summary>
/// Needs key "token" in the Secret named by spec.secretName, checked in the payload-free Secret cache; without it the
/// error is terminal (retrying cannot help until the Secret or the spec changes).
/// </summary>
public sealed class SecretCheckingController(ISecretCache secrets, ReconcileLog log, TimeProvider time) : IResourceController<Widget>, IReferences<Widget>
{
    public Task<ReconcileResult> ReconcileAsync(Widget entity, CancellationToken cancellationToken)
    {
        log.Reconciled.Enqueue((entity.Metadata.Name, entity.Metadata.Generation ?? 0));
        var name = entity.Spec.SecretName ?? throw new TerminalException("is required", "spec.secretName");
        var secret = secrets.Get(entity.Metadata.NamespaceProperty, name)
            ?? throw new TerminalException($"Secret {name} not found", "spec.secretName", "SecretNotFound");
        if (!secret.KeyHashes.ContainsKey("token"))
        {
            throw new TerminalException($"Secret {name} has no key 'token'", "spec.secretName", "SecretIncomplete");
        }

        Conditions.MarkReady(entity, time, "Reconciled", "the secret is complete");
        return Task.FromResult(ReconcileResult.Done);
    }

    public Task<ReconcileResult> FinalizeAsync(Widget entity, CancellationToken cancellationToken) => Task.FromResult(ReconcileResult.Done);

    public IEnumerable<ReferencedObject> GetReferences(Widget entity) =>
        entity.Spec.SecretName is { } name ? [ReferencedObject.Secret(name)] : [];
}
