using Ebops.Operator.Aws.Core;
using Ebops.Operator.Aws.Ec2;
using Ebops.Operator.Aws.ElasticBeanstalk;
using Ebops.Operator.Aws.Elbv2;
using Ebops.Operator.Aws.Rds;
using Ebops.Operator.Aws.S3;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ebops.Operator.Aws;

public static class AwsServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="AwsOptions"/> from the <c>Aws</c> section (validated at start-up) and registers the five facades:
    /// <see cref="IElasticBeanstalkApi"/>, <see cref="IElbv2Api"/>, <see cref="IRdsApi"/>, <see cref="IEc2Api"/>,
    /// <see cref="IS3Api"/>.
    /// </summary>
    public static IServiceCollection AddEbopsAws(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLogging();
        services.AddOptions<AwsOptions>().Bind(configuration.GetSection(AwsOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AwsOptions>, AwsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new AwsClientFactory(
            sp.GetRequiredService<IOptions<AwsOptions>>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>(),
            jitter: sp.GetService<AwsRetryJitter>()));
        services.TryAddSingleton(sp => sp.GetRequiredService<AwsClientFactory>().CreateElasticBeanstalkApi());
        services.TryAddSingleton(sp => sp.GetRequiredService<AwsClientFactory>().CreateElbv2Api());
        services.TryAddSingleton(sp => sp.GetRequiredService<AwsClientFactory>().CreateRdsApi());
        services.TryAddSingleton(sp => sp.GetRequiredService<AwsClientFactory>().CreateEc2Api());
        services.TryAddSingleton(sp => sp.GetRequiredService<AwsClientFactory>().CreateS3Api());
        return services;
    }
}
