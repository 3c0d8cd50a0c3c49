namespace Ebops.Operator.Cli.Demo;

/// <summary>A step of the demo did not finish (a wait ran out, an object stalled): the message says which and why.</summary>
internal sealed class DemoStepFailedException(string message) : Exception(message);
