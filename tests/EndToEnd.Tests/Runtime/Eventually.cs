namespace Ebops.EndToEnd.Tests.Runtime;

/// <summary>Polls a condition against a real server until it holds or a generous deadline passes (never a timing assertion).</summary>
internal static class Eventually
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public static async Task TrueAsync(Func<Task<bool>> condition, string what, CancellationToken cancellationToken, TimeSpan? deadline = null)
    {
        var until = DateTime.UtcNow + (deadline ?? Deadline);
        while (true)
        {
            if (await condition())
            {
                return;
            }

            if (DateTime.UtcNow > until)
            {
                Assert.Fail($"Timed out waiting until {what}.");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    public static Task TrueAsync(Func<bool> condition, string what, CancellationToken cancellationToken, TimeSpan? deadline = null) =>
        TrueAsync(() => Task.FromResult(condition()), what, cancellationToken, deadline);
}
