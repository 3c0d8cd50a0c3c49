namespace Ebops.Operator.Runtime.Hosting;

/// <summary>
/// The operator cannot start with its configuration: a setting that does not convert to its type, or a kubeconfig
/// that cannot be loaded. The message names the setting or file; the run verb prints it and exits with 2.
/// </summary>
public sealed class OperatorConfigurationException(string message, Exception? inner = null) : Exception(message, inner);
