namespace Ebops.Operator.Cli.Demo;

/// <summary>One step of the demo: what it did, how long it took, and why it failed (null when it succeeded).</summary>
internal sealed record DemoStepResult(string Title, TimeSpan Duration, string? Error)
{
    public bool Succeeded => Error is null;
}
