using Ebops.Operator.Aws;
using Ebops.Operator.Controllers.BeanstalkApp;
using Ebops.Operator.Resources.ElasticBeanstalk;
using Ebops.Operator.Controllers.Registration;
using k8s;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ebops.Operator.Tests.Controllers.BeanstalkApp;

public sealed class BeanstalkAppRegistrationTests
{
    [Fact]
    public void AddEbopsControllers_registers_the_controller_its_settings_and_shared_managers()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Aws:Region"] = "ap-northeast-2",
            ["Aws:EndpointUrl"] = "http://127.0.0.1:1",
            ["Controllers:ClusterName"] = "prod",
            ["Controllers:BeanstalkApp:TemplateCompareEvery"] = "3",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IKubernetes>(new Kubernetes(new KubernetesClientConfiguration { Host = "http://127.0.0.1:1" }));
        services.AddEbopsAws(configuration).AddEbopsControllers(configuration);
        using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();

        Assert.NotNull(scope.ServiceProvider.GetRequiredService<BeanstalkAppController>());
        Assert.Same(provider.GetRequiredService<EnvironmentManager>(), scope.ServiceProvider.GetRequiredService<EnvironmentManager>());
        Assert.Equal(3, provider.GetRequiredService<IOptions<BeanstalkAppSettings>>().Value.TemplateCompareEvery);
        Assert.Equal("prod", provider.GetRequiredService<Operator.Resources.ManagerSettings>().ClusterName);
    }
}
