namespace Ebops.Operator.Tests.Aws.Support;

/// <summary>
/// The operations the operator needs, per service, written down independently of the generator's list so a client
/// that silently loses an operation fails the conformance tests.
/// </summary>
internal static class OperationTable
{
    public static readonly IReadOnlyDictionary<string, (string Model, string[] Operations)> Services = new Dictionary<string, (string, string[])>
    {
        ["elasticbeanstalk"] = ("elasticbeanstalk-2010-12-01",
        [
            "CreateApplication", "DescribeApplications", "UpdateApplicationResourceLifecycle", "DeleteApplication",
            "CreateApplicationVersion", "DescribeApplicationVersions", "DeleteApplicationVersion",
            "CreateConfigurationTemplate", "UpdateConfigurationTemplate", "DescribeConfigurationSettings",
            "DeleteConfigurationTemplate", "CreateEnvironment", "DescribeEnvironments", "DescribeEnvironmentResources",
            "DescribeEnvironmentHealth", "DescribeInstancesHealth", "UpdateEnvironment", "SwapEnvironmentCNAMEs",
            "TerminateEnvironment", "DescribeEvents", "CheckDNSAvailability", "ListPlatformVersions",
            "ListTagsForResource", "UpdateTagsForResource",
        ]),
        ["elbv2"] = ("elasticloadbalancingv2-2015-12-01",
        [
            "CreateLoadBalancer", "DescribeLoadBalancers", "DeleteLoadBalancer", "DescribeLoadBalancerAttributes",
            "ModifyLoadBalancerAttributes", "CreateTargetGroup", "DescribeTargetGroups", "ModifyTargetGroup",
            "DeleteTargetGroup", "RegisterTargets", "DeregisterTargets", "DescribeTargetHealth", "CreateListener",
            "DescribeListeners", "ModifyListener", "DeleteListener", "AddTags", "DescribeTags", "RemoveTags",
            "DescribeTargetGroupAttributes", "ModifyTargetGroupAttributes",
        ]),
        ["rds"] = ("rds-2014-10-31",
        [
            "CreateDBInstance", "DescribeDBInstances", "ModifyDBInstance", "RebootDBInstance", "DeleteDBInstance",
            "CreateDBParameterGroup", "DescribeDBParameterGroups", "ModifyDBParameterGroup", "DeleteDBParameterGroup",
            "DescribeDBParameters", "DescribeDBSnapshots", "CreateDBSubnetGroup", "DescribeDBSubnetGroups",
            "AddTagsToResource", "ListTagsForResource", "RemoveTagsFromResource",
        ]),
    };

    public static IEnumerable<TheoryDataRow<string, string>> All() =>
        Services.SelectMany(s => s.Value.Operations.Select(op => new TheoryDataRow<string, string>(s.Key, op)));

    public static Type FacadeInterface(string service) => service switch
    {
        "elasticbeanstalk" => typeof(Ebops.Operator.Aws.ElasticBeanstalk.IElasticBeanstalkApi),
        "elbv2" => typeof(Ebops.Operator.Aws.Elbv2.IElbv2Api),
        "rds" => typeof(Ebops.Operator.Aws.Rds.IRdsApi),
        _ => throw new ArgumentOutOfRangeException(nameof(service)),
    };
}
