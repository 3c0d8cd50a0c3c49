namespace Ebops.Tools.AwsModelGen;

/// <summary>What to generate for one service: the model, the operations ebops calls (nothing more: the IAM policy and
/// the simulator's conformance tests follow this list), nicer names for
/// shared shapes whose min-model ids are mangled, and members to treat as sensitive although the model does not say so.</summary>
public sealed record ServiceSpec(
    string Name,
    string ModelFile,
    string Namespace,
    string Folder,
    IReadOnlyList<string> Operations,
    IReadOnlyDictionary<string, string> ShapeNames,
    IReadOnlySet<string> SensitiveMembers)
{
    public static IReadOnlyList<ServiceSpec> All { get; } =
    [
        new("ElasticBeanstalk", "elasticbeanstalk-2010-12-01", "Ebops.Operator.Aws.ElasticBeanstalk", "src/Operator/Aws/ElasticBeanstalk/Generated",
            [
                "CreateApplication", "DescribeApplications", "UpdateApplicationResourceLifecycle", "DeleteApplication",
                "CreateApplicationVersion", "DescribeApplicationVersions", "DeleteApplicationVersion",
                "CreateConfigurationTemplate", "UpdateConfigurationTemplate", "DescribeConfigurationSettings",
                "DeleteConfigurationTemplate", "CreateEnvironment", "DescribeEnvironments", "DescribeEnvironmentResources",
                "DescribeEnvironmentHealth", "DescribeInstancesHealth", "UpdateEnvironment", "SwapEnvironmentCNAMEs",
                "TerminateEnvironment", "DescribeEvents", "CheckDNSAvailability", "ListPlatformVersions",
                "ListTagsForResource", "UpdateTagsForResource", "DescribeConfigurationOptions", "ValidateConfigurationSettings",
                "AbortEnvironmentUpdate",
            ],
            // Shapes are named after the member that first reaches them; these paths (Parent.Member) get the API
            // reference's names instead, where the automatic one would be ambiguous or clash (System).
            new Dictionary<string, string>
            {
                ["CreateApplicationResponse.Application"] = "ApplicationDescription",
                ["CreateApplicationVersionResponse.ApplicationVersion"] = "ApplicationVersionDescription",
                ["DescribeEnvironmentsResponse.Environments"] = "EnvironmentDescription",
                ["EnvironmentDescription.Resources"] = "EnvironmentResourcesDescription",
                ["EnvironmentResourcesDescription.LoadBalancer"] = "LoadBalancerDescription",
                ["DescribeEnvironmentResourcesResponse.EnvironmentResources"] = "EnvironmentResourceDescription",
                ["InstanceHealth.System"] = "SystemStatus",
                ["DescribeConfigurationSettingsResponse.ConfigurationSettings"] = "ConfigurationSettingsDescription",
                ["EnvironmentResourceDescription.Instances"] = "EnvironmentInstance",
                ["UpdateConfigurationTemplateRequest.OptionsToRemove"] = "OptionSpecification",
            },
            new HashSet<string>()),
        new("Elbv2", "elasticloadbalancingv2-2015-12-01", "Ebops.Operator.Aws.Elbv2", "src/Operator/Aws/Elbv2/Generated",
            [
                "CreateLoadBalancer", "DescribeLoadBalancers", "DeleteLoadBalancer", "DescribeLoadBalancerAttributes",
                "ModifyLoadBalancerAttributes", "CreateTargetGroup", "DescribeTargetGroups", "ModifyTargetGroup",
                "DeleteTargetGroup", "RegisterTargets", "DeregisterTargets", "DescribeTargetHealth", "CreateListener",
                "DescribeListeners", "ModifyListener", "DeleteListener", "AddTags", "DescribeTags", "RemoveTags",
                "DescribeTargetGroupAttributes", "ModifyTargetGroupAttributes",
            ],
            new Dictionary<string, string>
            {
                ["LoadBalancer.State"] = "LoadBalancerState",
                ["CreateListenerRequest.DefaultActions"] = "Action",
            },
            new HashSet<string>()),
        new("Rds", "rds-2014-10-31", "Ebops.Operator.Aws.Rds", "src/Operator/Aws/Rds/Generated",
            [
                "CreateDBInstance", "DescribeDBInstances", "ModifyDBInstance", "RebootDBInstance", "DeleteDBInstance",
                "CreateDBParameterGroup", "DescribeDBParameterGroups", "ModifyDBParameterGroup", "DeleteDBParameterGroup",
                "DescribeDBParameters", "DescribeDBSnapshots", "CreateDBSubnetGroup", "DescribeDBSubnetGroups",
                "AddTagsToResource", "ListTagsForResource", "RemoveTagsFromResource", "ModifyDBSubnetGroup", "DeleteDBSubnetGroup",
                "DescribeOrderableDBInstanceOptions", "DescribeDBEngineVersions",
            ],
            new Dictionary<string, string>
            {
                ["DBInstance.DBParameterGroups"] = "DBParameterGroupStatus",
                ["DBInstance.DBSecurityGroups"] = "DBSecurityGroupMembership",
            },
            // The min model flags none of these, but they are passwords.
            new HashSet<string> { "MasterUserPassword", "TdeCredentialPassword", "NewMasterUserPassword" }),
    ];
}
