namespace Ebops.Operator.Aws.Core;

/// <summary>
/// What the wire needs to know about one AWS service: the names the SDKs use for it (metric label, endpoint
/// environment variable suffix, SigV4 signing name, endpoint prefix) and the model's API version.
/// </summary>
/// <param name="Key">Short stable name used in options (<c>Aws:Endpoints:&lt;Key&gt;</c>) and metric labels.</param>
/// <param name="ServiceId">The model's <c>metadata.serviceId</c>.</param>
/// <param name="EnvSuffix">Suffix of <c>AWS_ENDPOINT_URL_&lt;SUFFIX&gt;</c>: the serviceId upper-cased with spaces as
/// underscores, exactly as the SDKs derive it.</param>
/// <param name="SigningName">SigV4 service name.</param>
/// <param name="EndpointPrefix">First DNS label of the default endpoint.</param>
/// <param name="ApiVersion">The model's <c>metadata.apiVersion</c>, sent as <c>Version</c>.</param>
public sealed record AwsService(string Key, string ServiceId, string EnvSuffix, string SigningName, string EndpointPrefix, string ApiVersion)
{
    public static readonly AwsService ElasticBeanstalk =
        new("elasticbeanstalk", "Elastic Beanstalk", "ELASTIC_BEANSTALK", "elasticbeanstalk", "elasticbeanstalk", "2010-12-01");

    public static readonly AwsService Elbv2 =
        new("elbv2", "Elastic Load Balancing v2", "ELASTIC_LOAD_BALANCING_V2", "elasticloadbalancing", "elasticloadbalancing", "2015-12-01");

    public static readonly AwsService Rds = new("rds", "RDS", "RDS", "rds", "rds", "2014-10-31");

    public static readonly AwsService Ec2 = new("ec2", "EC2", "EC2", "ec2", "ec2", "2016-11-15");

    public static readonly AwsService S3 = new("s3", "S3", "S3", "s3", "s3", "2006-03-01");

    public static IReadOnlyList<AwsService> All { get; } = [ElasticBeanstalk, Elbv2, Rds, Ec2, S3];
}
