using System.Globalization;
using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Status;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Ebops.Operator.Cli.Demo;

/// <summary>
/// The terminal view: a Spectre.Console live panel redrawn a few times a second with the step, each object's
/// readiness, the release's phase and gate checks with their streak, requests per second by version as bars and the
/// failures, above the last lines of the plain progress.
/// </summary>
internal sealed class RichProgress : IDemoProgress
{
    private const int RecentLines = 8;
    private readonly Lock gate = new();
    private readonly IAnsiConsole console;
    private readonly string title;
    private readonly Queue<string> recent = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly Task live;
    private DemoSnapshot last = DemoSnapshot.Empty;

    public RichProgress(IAnsiConsole console, string title)
    {
        this.console = console;
        this.title = title;
        live = Task.Run(RunAsync);
    }

    public void Show(DemoSnapshot snapshot)
    {
        lock (gate)
        {
            foreach (var line in PlainProgressFormatter.Changes(last, snapshot).Where(l => !l.StartsWith("traffic:", StringComparison.Ordinal)))
            {
                Remember(PlainProgressFormatter.Stamp(snapshot.Elapsed, line));
            }

            last = snapshot;
        }
    }

    public void Note(TimeSpan elapsed, string line)
    {
        lock (gate)
        {
            Remember(PlainProgressFormatter.Stamp(elapsed, line));
        }
    }

    public async Task StopAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        await live.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        stopping.Dispose();
    }

    /// <summary>The view of <paramref name="snapshot"/> with <paramref name="lines"/> below it.</summary>
    internal static IRenderable Render(string title, DemoSnapshot snapshot, IReadOnlyCollection<string> lines)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        grid.AddRow(new Markup("[bold]step[/]"), new Markup(Markup.Escape(snapshot.Step)));
        AddObject(grid, "database", snapshot.Database, snapshot.Database?.Status?.InstanceStatus);
        AddObject(grid, "app", snapshot.App, snapshot.App?.Status is { } app ? $"{app.ActiveColor?.ToString().ToLowerInvariant()} {app.ActiveHealth} {app.ActiveVersion}".Trim() : null);
        AddObject(grid, "frontend", snapshot.Frontend, snapshot.Frontend?.Status?.ActiveColor?.ToString().ToLowerInvariant());
        AddRelease(grid, snapshot.Release?.Status);
        if (snapshot.Traffic is { } traffic)
        {
            grid.AddRow(new Markup("[bold]traffic[/]"), Traffic(traffic));
        }

        var panel = new Panel(grid)
        {
            Header = new PanelHeader(Markup.Escape($" {title} · {(int)snapshot.Elapsed.TotalMinutes:00}:{snapshot.Elapsed.Seconds:00} ")),
            Border = BoxBorder.Rounded,
            Expand = true,
        };
        return new Rows([panel, .. lines.Select(l => new Text(l, new Style(Color.Grey)))]);
    }

    private static void AddObject(Grid grid, string label, ICustomResource? resource, string? detail)
    {
        var ready = Conditions.Find(resource?.StatusBase, ConditionTypes.Ready);
        var mark = ready?.Status == ConditionStatus.True ? "[green]✔ Ready[/]" : resource is null ? "[grey]-[/]" : "[yellow]… " + Markup.Escape(ready?.Reason ?? "pending") + "[/]";
        var name = resource is null ? "" : Markup.Escape(resource.Metadata.Name);
        grid.AddRow(new Markup($"[bold]{label}[/]"), new Markup($"{name}  {mark}  {Markup.Escape(detail ?? "")}"));
    }

    private static void AddRelease(Grid grid, BlueGreenReleaseStatus? status)
    {
        if (status?.Phase is not { } phase)
        {
            grid.AddRow(new Markup("[bold]release[/]"), new Markup("[grey]-[/]"));
            return;
        }

        var versions = status.StableVersion is { } stable && status.CandidateVersion is { } candidate && stable != candidate ? $"{stable} → {candidate}" : status.CandidateVersion ?? status.StableVersion ?? "";
        var colour = phase switch
        {
            ReleasePhase.Succeeded => "green",
            ReleasePhase.Aborted or ReleasePhase.RolledBack or ReleasePhase.Failed or ReleasePhase.Aborting or ReleasePhase.SwitchingBack => "red",
            _ => "blue",
        };
        var gateSummary = status.Gate?.Summary is { } summary ? $"  gate {Markup.Escape(summary)}" : "";
        grid.AddRow(new Markup("[bold]release[/]"), new Markup($"[{colour}]{phase}[/]  {Markup.Escape(versions)}{gateSummary}  [grey]{Markup.Escape(status.Message ?? "")}[/]"));
        foreach (var check in status.Gate?.Checks ?? [])
        {
            var mark = check.Phase switch
            {
                GateCheckPhase.Successful => "[green]✔[/]",
                GateCheckPhase.Failed => "[red]✘[/]",
                _ => "[yellow]…[/]",
            };
            grid.AddRow(new Markup($"  {Markup.Escape(check.Name)}"), new Markup($"{mark} {check.Phase}  [grey]{Markup.Escape(check.Message ?? "")}[/]"));
        }
    }

    private static Markup Traffic(DemoTraffic traffic)
    {
        var total = Math.Max(1, traffic.ByVersion.Values.Sum() + traffic.Failed);
        var colours = new[] { "blue", "green", "aqua", "fuchsia" };
        var parts = traffic.ByVersion.OrderBy(v => v.Key, StringComparer.Ordinal).Select((v, i) =>
            $"{Markup.Escape(v.Key)} [{colours[i % colours.Length]}]{new string('█', Math.Max(1, 20 * v.Value / total))}[/] {v.Value.ToString(CultureInfo.InvariantCulture)}/s");
        var failed = traffic.FailedTotal == 0 ? "[green]failed 0[/]" : $"[red]failed {traffic.Failed.ToString(CultureInfo.InvariantCulture)}/s, {traffic.FailedTotal.ToString(CultureInfo.InvariantCulture)} so far[/]";
        return new Markup($"{string.Join("  ", parts)}  {failed}");
    }

    private void Remember(string line)
    {
        recent.Enqueue(line);
        while (recent.Count > RecentLines)
        {
            recent.Dequeue();
        }
    }

    private IRenderable Current()
    {
        // One terminal row per recent line (cut at the width), so the panel above them stays on screen on 80x24.
        var width = Math.Max(20, console.Profile.Width);
        lock (gate)
        {
            return Render(title, last, [.. recent.Select(l => l.Length <= width ? l : l[..(width - 1)] + "…")]);
        }
    }

    private async Task RunAsync()
    {
        await console.Live(Current()).AutoClear(false).StartAsync(async context =>
        {
            using var redraw = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
            try
            {
                do
                {
                    context.UpdateTarget(Current());
                }
                while (await redraw.WaitForNextTickAsync(stopping.Token).ConfigureAwait(false));
            }
            catch (OperationCanceledException)
            {
            }

            context.UpdateTarget(Current());
        }).ConfigureAwait(false);
    }
}
