using Ebops.Operator.Aws;
using Ebops.Operator.Controllers.Registration;
using Ebops.Operator.Controllers.NlbFrontend;
using Ebops.Operator.Resources.Elbv2;
using k8s;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ebops.Operator.Tests.Controllers.NlbFrontend;

public sealed class NlbFrontendRegistrationTests
{
    [Fact]
    public void The_controller_resolves_and_the_managers_the_release_uses_are_shared_singletons()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Aws:Region"] = "ap-northeast-2",
            ["Aws:EndpointUrl"] = "http://127.0.0.1:9",
            ["Controllers:ClusterName"] = "prod",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IKubernetes>(new Kubernetes(new KubernetesClientConfiguration { Host = "http://127.0.0.1:9" }));
        services.AddEbopsAws(configuration);
        services.AddEbopsControllers(configuration);
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });

        using var first = provider.CreateScope();
        using var second = provider.CreateScope();

        Assert.NotNull(first.ServiceProvider.GetRequiredService<NlbFrontendController>());
        Assert.Same(first.ServiceProvider.GetRequiredService<ListenerManager>(), second.ServiceProvider.GetRequiredService<ListenerManager>());
        Assert.Same(first.ServiceProvider.GetRequiredService<TargetGroupManager>(), second.ServiceProvider.GetRequiredService<TargetGroupManager>());
        Assert.Equal("prod", provider.GetRequiredService<Ebops.Operator.Resources.ManagerSettings>().ClusterName);
    }
}
