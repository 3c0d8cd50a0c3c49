namespace Ebops.Operator.Cli.Demo;

/// <summary>Plain, timestamped lines (CI, pipes, TERM=dumb): what <see cref="PlainProgressFormatter"/> finds changed.</summary>
internal sealed class PlainProgress(TextWriter output) : IDemoProgress
{
    private readonly Lock gate = new();
    private DemoSnapshot last = DemoSnapshot.Empty;

    public void Show(DemoSnapshot snapshot)
    {
        lock (gate)
        {
            foreach (var line in PlainProgressFormatter.Changes(last, snapshot))
            {
                output.WriteLine(PlainProgressFormatter.Stamp(snapshot.Elapsed, line));
            }

            last = snapshot;
            output.Flush();
        }
    }

    public void Note(TimeSpan elapsed, string line)
    {
        lock (gate)
        {
            output.WriteLine(PlainProgressFormatter.Stamp(elapsed, line));
            output.Flush();
        }
    }

    public Task StopAsync() => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
