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
            sp.GetRequiredService<IOptions<AwsOptions>>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>()));
        services.TryAddSingleton<IElasticBeanstalkApi>(sp =>
            new ElasticBeanstalkApi(sp.GetRequiredService<AwsClientFactory>().CreateQueryClient(AwsService.ElasticBeanstalk, ElasticBeanstalkErrors.Instance)));
        services.TryAddSingleton<IElbv2Api>(sp =>
            new Elbv2Api(sp.GetRequiredService<AwsClientFactory>().CreateQueryClient(AwsService.Elbv2, Elbv2Errors.Instance)));
        services.TryAddSingleton<IRdsApi>(sp =>
            new RdsApi(sp.GetRequiredService<AwsClientFactory>().CreateQueryClient(AwsService.Rds, RdsErrors.Instance)));
        services.TryAddSingleton<IEc2Api>(sp => new Ec2Api(sp.GetRequiredService<AwsClientFactory>().CreateEc2Client()));
        services.TryAddSingleton<IS3Api>(sp => new S3Api(sp.GetRequiredService<AwsClientFactory>().CreateS3Client()));
        return services;
    }
}
