namespace Ebops.Operator.Aws.Core;

/// <summary>
/// Operations that must not be sent twice after an ambiguous failure (5xx, timeout, dropped connection: the first
/// attempt may have been executed). None of them takes a client token in the models used here, so a retry could
/// create a duplicate (AllocateAddress), swap CNAMEs back (SwapEnvironmentCNAMEs), reboot twice (RebootDBInstance), or
/// turn a success into "already exists". They are still retried on throttling, which AWS returns before executing
/// anything. Everything not listed is idempotent as sent by ebops: describes, modifies/updates (same target state),
/// deletes/terminates (a repeat reports not found, which callers treat as done), tag calls, and ELBv2's
/// CreateLoadBalancer, CreateTargetGroup and CreateListener (AWS returns the existing resource for an identical
/// request). Callers of the listed creates look before they create (find by name or tag) on their next reconcile.
/// </summary>
public static class AwsIdempotency
{
    public static readonly IReadOnlySet<string> ElasticBeanstalk = new HashSet<string>(StringComparer.Ordinal)
    {
        "CreateApplication", "CreateApplicationVersion", "CreateConfigurationTemplate", "CreateEnvironment", "SwapEnvironmentCNAMEs",
    };

    public static readonly IReadOnlySet<string> Elbv2 = new HashSet<string>(StringComparer.Ordinal);

    public static readonly IReadOnlySet<string> Rds = new HashSet<string>(StringComparer.Ordinal)
    {
        "CreateDBInstance", "CreateDBParameterGroup", "CreateDBSubnetGroup", "RebootDBInstance",
    };

    public static readonly IReadOnlySet<string> Ec2 = new HashSet<string>(StringComparer.Ordinal)
    {
        "CreateSecurityGroup", "AllocateAddress",
    };

    public static readonly IReadOnlySet<string> S3 = new HashSet<string>(StringComparer.Ordinal);

    public static IReadOnlySet<string> NotRetriedAfterAmbiguousFailure(AwsService service) => service.Key switch
    {
        "elasticbeanstalk" => ElasticBeanstalk,
        "elbv2" => Elbv2,
        "rds" => Rds,
        "ec2" => Ec2,
        _ => S3,
    };
}
