using Amazon.Runtime;
using Ebops.Operator.Aws;
using Ebops.Operator.Aws.Core;
using Ebops.Operator.Aws.Ec2;
using Ebops.Operator.Aws.Rds;
using Ebops.Operator.Controllers;
using Ebops.Operator.Controllers.Registration;
using Ebops.Operator.Controllers.RdsDatabase;
using Ebops.Operator.Entities;
using Ebops.Operator.Resources;
using Ebops.Operator.Resources.Ec2;
using Ebops.Operator.Runtime.Cache;
using Ebops.Operator.Runtime.Events;
using Ebops.Operator.Tests.Controllers.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

using AppEntity = Ebops.Operator.Entities.BeanstalkApp;

namespace Ebops.Operator.Tests.Controllers.RdsDatabase;

public sealed class RdsDatabaseRegistrationTests
{
    [Fact]
    public void AddEbopsControllers_registers_everything_the_controller_needs_with_managers_shared()
    {
        var services = new ServiceCollection();
        var secrets = new FakeSecrets();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        // Real clients for an endpoint nothing listens on: resolving the graph makes no call.
        var factory = new AwsClientFactory(Options.Create(new AwsOptions { Region = "ap-northeast-2", EndpointUrl = "http://127.0.0.1:9/" }),
            TimeProvider.System, NullLoggerFactory.Instance, _ => null, new BasicAWSCredentials("AKIAEXAMPLE", "example"));
        services.AddSingleton(factory.CreateRdsApi());
        services.AddSingleton(factory.CreateEc2Api());
        services.AddSingleton<ISecretCache>(secrets);
        services.AddSingleton<ISecretStore>(secrets);
        services.AddSingleton<IEventRecorder>(new RecordingEvents());
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Controllers:ClusterName"] = "prod" }).Build();
        services.AddEbopsControllers(configuration);

        // The runtime's watch cache (registered above) needs a cluster; the last registration wins.
        services.AddSingleton<IResourceCache<AppEntity>>(new FakeResourceCache<AppEntity>());

        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        using var scope = provider.CreateScope();

        Assert.NotNull(scope.ServiceProvider.GetRequiredService<RdsDatabaseController>());
        Assert.Contains(services, d => d.ServiceType == typeof(Ebops.Operator.Runtime.Reconciliation.IControllerRunner));
        Assert.Same(provider.GetRequiredService<SecurityGroupManager>(), provider.GetRequiredService<SecurityGroupManager>());
        Assert.Equal("prod", provider.GetRequiredService<ManagerSettings>().ClusterName);
    }
}
