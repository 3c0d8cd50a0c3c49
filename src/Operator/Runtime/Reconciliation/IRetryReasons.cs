namespace Ebops.Operator.Runtime.Reconciliation;

/// <summary>
/// Says why a reconcile that failed with an exception is retried, in words for the object's conditions (e.g. AWS
/// throttles or is unavailable): while the cause lasts, the runtime shows Reconciling=True with it (see
/// <see cref="RetryConditions"/>). Implemented by the layer that knows the exception (the controllers, for AWS errors).
/// </summary>
public interface IRetryReasons
{
    /// <summary>The reason for <paramref name="error"/> (or one of its inner exceptions), or null when it has none.</summary>
    RetryReason? Of(Exception error);
}
