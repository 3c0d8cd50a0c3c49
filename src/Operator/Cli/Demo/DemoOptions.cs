namespace Ebops.Operator.Cli.Demo;

/// <summary>The demo verb's command line: the scenario, whether to keep everything running, the plain progress, where files go.</summary>
internal sealed record DemoOptions(DemoScenario Scenario, bool Keep, bool Plain, string Output);
