using Ebops.Operator.Resources;
using Ebops.Operator.Runtime.Reconciliation;

namespace Ebops.Operator.Controllers.NlbFrontend;

/// <summary>
/// <see cref="AwsFailures.GuardAsync{T}(string, Func{Task{T}})"/>, plus an object in the way (no ebops tags, or
/// another owner's) as a <see cref="TerminalException"/> on the same field.
/// </summary>
internal static class NlbGuard
{
    public static async Task<T> RunAsync<T>(string field, Func<Task<T>> call)
    {
        try
        {
            return await AwsFailures.GuardAsync(field, call).ConfigureAwait(false);
        }
        catch (UnmanagedResourceException e)
        {
            throw new TerminalException(e.Message, field, NlbReasons.NameConflict, e);
        }
    }

    public static Task RunAsync(string field, Func<Task> call) => RunAsync(field, async () =>
    {
        await call().ConfigureAwait(false);
        return true;
    });
}
