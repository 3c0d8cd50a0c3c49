using System.Reflection;
using k8s;

namespace Ebops.Operator.Runtime.Hosting;

/// <summary>
/// Builds the client configuration like kubectl: --kubeconfig, else KUBECONFIG (first existing file of the path list), else in-cluster
/// (service account) when running in a pod and no context was asked for, else ~/.kube/config.
/// </summary>
internal static class KubernetesClientFactory
{
    /// <summary>
    /// The User-Agent of the operator's requests, <c>ebops/&lt;version&gt;</c>: audit logs (and the emulator's request
    /// log) tell the operator's requests from kubectl's and other clients'.
    /// </summary>
    public static string UserAgent { get; } = "ebops/" + (typeof(KubernetesClientFactory).Assembly
        .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown");

    /// <summary>The client, its requests counted in <paramref name="metrics"/> when given; throws
    /// <see cref="OperatorConfigurationException"/> when the configuration cannot be loaded.</summary>
    public static IKubernetes Create(OperatorOptions options, Metrics.RuntimeMetrics? metrics = null)
    {
        try
        {
            var configuration = Configuration(options);
            configuration.UserAgent = UserAgent;
            return metrics is null ? new Kubernetes(configuration) : new Kubernetes(configuration, new Metrics.KubeRequestCounter(metrics));
        }
        catch (Exception e) when (e is k8s.Exceptions.KubeConfigException or FileNotFoundException or DirectoryNotFoundException)
        {
            throw new OperatorConfigurationException($"cannot load the Kubernetes configuration: {e.Message}", e);
        }
    }

    public static KubernetesClientConfiguration Configuration(OperatorOptions options)
    {
        if (!string.IsNullOrEmpty(options.Kubeconfig))
        {
            return KubernetesClientConfiguration.BuildConfigFromConfigFile(options.Kubeconfig, options.Context);
        }

        var fromEnvironment = Environment.GetEnvironmentVariable("KUBECONFIG");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            // A path list: the first file that exists is used (KubernetesClient 21 does not expose kubectl's merge).
            var file = fromEnvironment.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Select(p => new FileInfo(p)).FirstOrDefault(f => f.Exists);
            if (file is not null)
            {
                return KubernetesClientConfiguration.BuildConfigFromConfigFile(file, options.Context);
            }
        }

        if (string.IsNullOrEmpty(options.Context) && KubernetesClientConfiguration.IsInCluster())
        {
            return KubernetesClientConfiguration.InClusterConfig();
        }

        return KubernetesClientConfiguration.BuildConfigFromConfigFile(currentContext: options.Context);
    }

    /// <summary>
    /// The namespace this pod runs in: POD_NAMESPACE (the Deployment sets it from the Downward API), else the service
    /// account's namespace file, else null (outside a cluster).
    /// </summary>
    public static string? PodNamespace()
    {
        if (Environment.GetEnvironmentVariable("POD_NAMESPACE") is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment.Trim();
        }

        const string path = "/var/run/secrets/kubernetes.io/serviceaccount/namespace";
        return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
    }
}
