using Ebops.Operator.Aws.Core;
using Ebops.Operator.Runtime.Reconciliation;

namespace Ebops.Operator.Controllers;

/// <summary>
/// The one place AWS failures become runtime outcomes. Terminal AWS errors (invalid parameter, access denied, quota:
/// retrying the same request cannot help) become a <see cref="TerminalException"/> naming the spec field the request
/// came from, so the object goes Stalled and waits for a spec change; everything else (throttling, 5xx, network,
/// "not now" conflicts) stays an exception the runtime retries with backoff.
/// </summary>
public static class AwsFailures
{
    public const string AwsRejectedReason = "AwsRejected";
    public const string AccessDeniedReason = "AwsAccessDenied";

    /// <summary>
    /// Runs <paramref name="call"/>; a terminal AWS error is rethrown as a <see cref="TerminalException"/> on
    /// <paramref name="field"/>.
    /// </summary>
    public static async Task<T> GuardAsync<T>(string field, Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (AwsApiException e) when (e.IsTerminal)
        {
            throw Terminal(e, field);
        }
    }

    /// <inheritdoc cref="GuardAsync{T}(string, Func{Task{T}})"/>
    public static async Task GuardAsync(string field, Func<Task> call)
    {
        try
        {
            await call().ConfigureAwait(false);
        }
        catch (AwsApiException e) when (e.IsTerminal)
        {
            throw Terminal(e, field);
        }
    }

    /// <summary>The terminal error users see: which AWS call refused what, with AWS's own (masked) message.</summary>
    public static TerminalException Terminal(AwsApiException e, string field) => new(
        $"{e.Service} {e.Operation} refused it: {e.Code}: {e.ErrorMessage}",
        field,
        e.Kind == AwsErrorKind.AccessDenied ? AccessDeniedReason : AwsRejectedReason,
        e);
}
