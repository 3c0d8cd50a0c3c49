namespace Ebops.Operator.Cli.Demo;

/// <summary>Shows the demo's progress as snapshots arrive (from the observer's thread and the steps').</summary>
internal interface IDemoProgress : IAsyncDisposable
{
    /// <summary>Shows <paramref name="snapshot"/> (what changed since the last one).</summary>
    void Show(DemoSnapshot snapshot);

    /// <summary>A one-off line, <paramref name="elapsed"/> after the demo started.</summary>
    void Note(TimeSpan elapsed, string line);

    /// <summary>Ends the live view, if any, so that the report can be written below it.</summary>
    Task StopAsync();
}
