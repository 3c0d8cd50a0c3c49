using System.Net;
using Ebops.Operator.Runtime.Reconciliation;
using Ebops.Operator.Runtime.Status;
using k8s;
using k8s.Autorest;

namespace Ebops.EndToEnd.Tests.Runtime;

/// <summary>
/// Needs key "token" in the Secret named by spec.secretName; without it the error is terminal (retrying cannot help
/// until the Secret or the spec changes).
/// </summary>
public sealed class SecretCheckingController(IKubernetes client, ReconcileLog log, TimeProvider time) : IResourceController<Widget>, ISecretReferences<Widget>
{
    public async Task<ReconcileResult> ReconcileAsync(Widget entity, CancellationToken cancellationToken)
    {
        log.Reconciled.Enqueue((entity.Metadata.Name, entity.Metadata.Generation ?? 0));
        var name = entity.Spec.SecretName ?? throw new TerminalException("is required", "spec.secretName");
        try
        {
            var secret = await client.CoreV1.ReadNamespacedSecretAsync(name, entity.Metadata.NamespaceProperty, cancellationToken: cancellationToken);
            if (secret.Data?.ContainsKey("token") != true)
            {
                throw new TerminalException($"Secret {name} has no key 'token'", "spec.secretName", "SecretIncomplete");
            }
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new TerminalException($"Secret {name} not found", "spec.secretName", "SecretNotFound");
        }

        Conditions.MarkReady(entity, time, "Reconciled", "the secret is complete");
        return ReconcileResult.Done;
    }

    public Task<ReconcileResult> FinalizeAsync(Widget entity, CancellationToken cancellationToken) => Task.FromResult(ReconcileResult.Done);

    public IEnumerable<string> GetReferencedSecrets(Widget entity) => entity.Spec.SecretName is { } name ? [name] : [];
}
