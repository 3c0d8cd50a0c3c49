using Ebops.EndToEnd.Tests.Stack;

namespace Ebops.EndToEnd.Tests.BadInputs;

/// <summary>
/// One stack for the whole corpus: <c>ebops run</c> on a namespace of its own, with <c>corpus-app</c> (a valid
/// BeanstalkApp the NlbFrontend and RdsDatabase cases refer to) created and Ready before any case runs.
/// </summary>
public sealed class CorpusStack : IAsyncLifetime
{
    public const string App = "corpus-app";

    private const string AppYaml = """
        apiVersion: ebops.io/v1alpha1
        kind: BeanstalkApp
        metadata:
          name: corpus-app
        spec:
          applicationName: corpus-app
          platform:
            solutionStackName: 64bit Amazon Linux 2023 v4.3.0 running Corretto 17
          capacity:
            min: 2
            max: 4
            instanceType: t3.small
          network:
            instanceSubnets: [subnet-0aaa1111bbbb22220, subnet-0ccc3333dddd44440]
        """;

    internal EbopsStack Stack { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Stack = await EbopsStack.StartAsync(null, TestContext.Current.CancellationToken);
        (await Stack.KubectlWithInputAsync(AppYaml, "apply", "-f", "-")).EnsureSuccess("apply corpus-app");
        await Stack.WaitAsync("--for=condition=Ready", "beanstalkapp/" + App);
    }

    public async ValueTask DisposeAsync() => await Stack.DisposeAsync();
}
