using System.CommandLine;
using Ebops.Operator.Runtime.Hosting;
using k8s;

namespace Ebops.Operator.Cli;

/// <summary>
/// The connection flags of the plugin verbs, as kubectl spells them: <c>-n/--namespace</c>, <c>--kubeconfig</c>,
/// <c>--context</c>. kubectl passes every flag after the plugin name to the plugin and refuses flags before it, and it
/// passes its environment (KUBECONFIG), so the plugin resolves them itself, the way kubectl does.
/// </summary>
internal sealed class KubectlFlags
{
    private readonly Option<string> @namespace = new("--namespace", "-n") { Description = "Namespace of the release (default: the kubeconfig context's, else default)." };
    private readonly Option<string> kubeconfig = new("--kubeconfig") { Description = "Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)." };
    private readonly Option<string> context = new("--context") { Description = "kubeconfig context to use." };

    public void AddTo(Command command)
    {
        command.Options.Add(@namespace);
        command.Options.Add(kubeconfig);
        command.Options.Add(context);
    }

    /// <summary>A client for the cluster and the namespace to use; throws <see cref="KubeConfigurationException"/> when no configuration loads.</summary>
    public (IKubernetes Client, string Namespace) Connect(ParseResult parse)
    {
        KubernetesClientConfiguration config;
        try
        {
            config = KubernetesClientFactory.Configuration(new OperatorOptions { Kubeconfig = parse.GetValue(kubeconfig), Context = parse.GetValue(context) });
        }
        catch (Exception e) when (e is k8s.Exceptions.KubeConfigException or FileNotFoundException or IOException)
        {
            throw new KubeConfigurationException(e.Message, e);
        }

        var ns = parse.GetValue(@namespace) is { Length: > 0 } given ? given : config.Namespace is { Length: > 0 } fromContext ? fromContext : "default";
        return (new Kubernetes(config), ns);
    }
}
