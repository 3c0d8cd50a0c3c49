namespace Ebops.Operator.Resources;

/// <summary>
/// One caller at a time (a <see cref="SemaphoreSlim"/> of one), counting the callers held back at the gate: tests that
/// drive a fake clock read the count to tell a caller that waits for another one from a caller that is running.
/// </summary>
internal sealed class CountedGate
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private int waiting;

    /// <summary>Callers waiting for the gate now.</summary>
    public int Waiting => Volatile.Read(ref waiting);

    /// <summary>Waits for the gate, counted in <see cref="Waiting"/> meanwhile; <paramref name="waitStarted"/> is told
    /// once the caller is counted.</summary>
    public async Task EnterAsync(Action? waitStarted, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref waiting);
        waitStarted?.Invoke();
        try
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref waiting);
        }
    }

    public void Release() => gate.Release();
}
