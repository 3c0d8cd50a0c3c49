namespace Ebops.Operator.Cli.Demo;

/// <summary>Where the demo reads the CRDs and the samples, and where it writes its files (kubeconfig, log, timeline).</summary>
internal sealed record DemoPaths(string Crds, string Samples, string Output);
