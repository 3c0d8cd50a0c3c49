namespace Ebops.Operator.Cli.Demo;

/// <summary>The namespace and the names of the four sample objects (read from config/samples).</summary>
internal sealed record DemoNames(string Namespace, string Database, string App, string Frontend, string Release);
