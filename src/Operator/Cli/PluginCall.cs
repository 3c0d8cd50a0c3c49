using System.CommandLine;
using System.Net;
using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Api;
using k8s.Autorest;

namespace Ebops.Operator.Cli;

/// <summary>
/// Runs one plugin verb against the cluster: connects with the kubectl flags and maps the failures every verb shares
/// (no configuration: exit 2; an API error: its status and message, exit 1; the server unreachable: exit 1).
/// </summary>
internal static class PluginCall
{
    public static async Task<int> RunAsync(ParseResult parse, KubectlFlags flags,
        Func<IResourceClient<BlueGreenRelease>, string, PluginOutput, Task<int>> verb)
    {
        var output = new PluginOutput(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        try
        {
            var (client, ns) = flags.Connect(parse);
            using (client)
            {
                return await verb(new CustomObjectClient<BlueGreenRelease>(client), ns, output).ConfigureAwait(false);
            }
        }
        catch (KubeConfigurationException e)
        {
            output.Fail($"cannot load the Kubernetes configuration: {e.Message}");
            return 2;
        }
        catch (HttpOperationException e)
        {
            var status = e.Response?.StatusCode is { } code ? $"{(int)code} {code}" : "no response";
            var why = e.Response?.StatusCode == HttpStatusCode.Forbidden ? " (RBAC: the plugin needs get and patch on bluegreenreleases.ebops.io)" : "";
            return output.Fail($"the API server answered {status}{why}: {ApiMessage(e)}");
        }
        catch (HttpRequestException e)
        {
            return output.Fail($"cannot reach the API server: {e.Message}");
        }
    }

    /// <summary>The message of a Kubernetes Status body, else the raw body.</summary>
    private static string ApiMessage(HttpOperationException e)
    {
        var body = e.Response?.Content;
        if (string.IsNullOrEmpty(body))
        {
            return e.Message;
        }

        try
        {
            return System.Text.Json.Nodes.JsonNode.Parse(body)?["message"]?.GetValue<string>() ?? body;
        }
        catch (System.Text.Json.JsonException)
        {
            return body;
        }
    }
}
