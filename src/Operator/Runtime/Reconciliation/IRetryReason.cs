namespace Ebops.Operator.Runtime.Reconciliation;

/// <summary>
/// An exception that can say, in an object's conditions, why its reconcile is being retried: while the cause lasts the
/// runtime shows Reconciling=True with <see cref="Reason"/> and <see cref="UserMessage"/> (see <see cref="RetryConditions"/>).
/// Neither may hold a secret.
/// </summary>
public interface IRetryReason
{
    /// <summary>A CamelCase condition reason, e.g. <c>AwsThrottled</c>.</summary>
    string Reason { get; }

    /// <summary>What failed, for the condition's message (no request parameters).</summary>
    string UserMessage { get; }
}
