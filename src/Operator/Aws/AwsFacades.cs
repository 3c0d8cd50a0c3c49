using Ebops.Operator.Aws.Core;
using Ebops.Operator.Aws.Ec2;
using Ebops.Operator.Aws.ElasticBeanstalk;
using Ebops.Operator.Aws.Elbv2;
using Ebops.Operator.Aws.Rds;
using Ebops.Operator.Aws.S3;

namespace Ebops.Operator.Aws;

/// <summary>
/// The five facades over one <see cref="AwsClientFactory"/>, each Query service with its own error table: the one place
/// a facade is put together, for the container (<see cref="AwsServiceCollectionExtensions.AddEbopsAws"/>) and the tests.
/// </summary>
internal static class AwsFacades
{
    public static IElasticBeanstalkApi CreateElasticBeanstalkApi(this AwsClientFactory factory) =>
        new ElasticBeanstalkApi(factory.CreateQueryClient(AwsService.ElasticBeanstalk, ElasticBeanstalkErrors.Instance));

    public static IElbv2Api CreateElbv2Api(this AwsClientFactory factory) =>
        new Elbv2Api(factory.CreateQueryClient(AwsService.Elbv2, Elbv2Errors.Instance));

    public static IRdsApi CreateRdsApi(this AwsClientFactory factory) =>
        new RdsApi(factory.CreateQueryClient(AwsService.Rds, RdsErrors.Instance));

    public static IEc2Api CreateEc2Api(this AwsClientFactory factory) => new Ec2Api(factory.CreateEc2Client());

    public static IS3Api CreateS3Api(this AwsClientFactory factory) => new S3Api(factory.CreateS3Client());
}
