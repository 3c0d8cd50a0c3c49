namespace Ebops.Operator.Tests.Controllers.Support.Release;

/// <summary>A pulse for "something happened" (a reconcile ended, a watch event arrived, an API or AWS call was made): a
/// waiter takes <see cref="Next"/> before it checks its condition, and awaits it when the condition does not hold yet.</summary>
internal sealed class Activity
{
    private TaskCompletionSource next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Next => Volatile.Read(ref next).Task;

    public void Pulse() => Interlocked.Exchange(ref next, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
