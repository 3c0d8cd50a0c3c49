namespace Ebops.Operator.Cli;

/// <summary>No Kubernetes configuration could be loaded (missing or invalid kubeconfig, unknown context).</summary>
internal sealed class KubeConfigurationException(string message, Exception inner) : Exception(message, inner);
