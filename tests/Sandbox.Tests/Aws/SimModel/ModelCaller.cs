using System.Xml.Linq;
using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Tests.Aws.SimModel;

/// <summary>Calls a handler in process with a request checked against the model, and checks the response against it.</summary>
internal sealed class ModelCaller(IAwsServiceHandler handler, string modelStem)
{
    private int requests;

    public AwsModel Model { get; } = AwsModel.Load(modelStem);

    public XNamespace Ns => Model.XmlNamespace;

    /// <summary>Sends the action and returns the checked result element.</summary>
    public async Task<XElement> CallAsync(string action, params (string Key, string Value)[] parameters)
    {
        var dictionary = parameters.ToDictionary(p => p.Key, p => p.Value);
        Model.CheckRequest(action, dictionary, strict: true);
        var request = new SimRequest(handler.SigningName, action, dictionary, $"req-{Interlocked.Increment(ref requests)}", Ebops.Sandbox.Aws.Core.SandboxNetwork.Region, Ebops.Sandbox.Aws.Core.SandboxNetwork.AccessKeyId);
        var response = await handler.HandleAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(200, response.StatusCode);
        return Model.CheckResponse(action, response.Body);
    }

    /// <summary>Sends the action and returns the AWS error it must fail with.</summary>
    public async Task<AwsSimException> FailAsync(string action, params (string Key, string Value)[] parameters)
    {
        var dictionary = parameters.ToDictionary(p => p.Key, p => p.Value);
        Model.CheckRequest(action, dictionary);
        var request = new SimRequest(handler.SigningName, action, dictionary, "req-error", Ebops.Sandbox.Aws.Core.SandboxNetwork.Region, Ebops.Sandbox.Aws.Core.SandboxNetwork.AccessKeyId);
        return await Assert.ThrowsAsync<AwsSimException>(async () => await handler.HandleAsync(request, TestContext.Current.CancellationToken));
    }

    /// <summary>The text of a descendant path like "LoadBalancers/member/DNSName" under <paramref name="element"/>.</summary>
    public string? Text(XElement element, string path)
    {
        var current = element;
        foreach (var part in path.Split('/'))
        {
            current = current?.Element(Ns + part);
        }

        return current?.Value;
    }

    /// <summary>The members of a list element under <paramref name="element"/>.</summary>
    public IReadOnlyList<XElement> Members(XElement element, string listPath)
    {
        var current = element;
        foreach (var part in listPath.Split('/'))
        {
            current = current?.Element(Ns + part);
        }

        return current is null ? [] : [.. current.Elements(Ns + "member")];
    }
}
