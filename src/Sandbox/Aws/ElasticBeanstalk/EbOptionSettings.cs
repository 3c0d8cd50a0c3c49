using System.Globalization;
using C = Ebops.Sandbox.Aws.ElasticBeanstalk.EbConstants;

namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>Reading and combining option settings: merge order, effective values, what the data plane is built from.</summary>
internal static class EbOptionSettings
{
    /// <summary>What DescribeConfigurationSettings reports where nothing was set (values from the option catalogue).</summary>
    private static readonly EbOptionSetting[] Defaults =
    [
        new(C.AsgNamespace, "MinSize", "1"),
        new(C.AsgNamespace, "MaxSize", "4"),
        new(C.EnvironmentNamespace, "EnvironmentType", "LoadBalanced"),
        new(C.EnvironmentNamespace, "LoadBalancerType", "application"),
        new(C.EnvironmentNamespace, "ServiceRole", "aws-elasticbeanstalk-service-role"),
        new(C.ProcessNamespace, "HealthCheckPath", "/"),
        new(C.ProcessNamespace, "Port", "80"),
        new(C.ProcessNamespace, "Protocol", "HTTP"),
        new(C.ProcessNamespace, "MatcherHTTPCode", "200"),
        new(C.ProcessNamespace, "HealthCheckInterval", "15"),
        new(C.ProcessNamespace, "HealthCheckTimeout", "5"),
        new(C.ProcessNamespace, "HealthyThresholdCount", "3"),
        new(C.ProcessNamespace, "UnhealthyThresholdCount", "5"),
        new(C.ProcessNamespace, "DeregistrationDelay", "20"),
        new(C.ListenerNamespace, "ListenerEnabled", "true"),
        new(C.ListenerNamespace, "Protocol", "HTTP"),
        new(C.LaunchConfigurationNamespace, "InstanceType", "t3.micro"),
        new(C.LaunchConfigurationNamespace, "IamInstanceProfile", "aws-elasticbeanstalk-ec2-role"),
        new(C.Ec2InstancesNamespace, "InstanceTypes", "t3.micro, t3.small"),
        new(C.HealthReportingNamespace, "SystemType", "enhanced"),
        new(C.CommandNamespace, "DeploymentPolicy", "AllAtOnce"),
    ];

    /// <summary>
    /// <paramref name="baseOptions"/> with <paramref name="changes"/> applied (a change replaces the same namespace,
    /// name and resource) and <paramref name="remove"/> taken out.
    /// </summary>
    public static List<EbOptionSetting> Merge(IEnumerable<EbOptionSetting> baseOptions, IEnumerable<EbOptionSetting> changes, IEnumerable<EbOptionSetting> remove)
    {
        var result = baseOptions.ToList();
        foreach (var change in changes)
        {
            result.RemoveAll(o => o.Namespace == change.Namespace && o.OptionName == change.OptionName && o.ResourceName == change.ResourceName);
            result.Add(change);
        }

        foreach (var removed in remove)
        {
            result.RemoveAll(o => o.Namespace == removed.Namespace && o.OptionName == removed.OptionName);
        }

        return result;
    }

    /// <summary>What DescribeConfigurationSettings reports: the defaults overlaid with what was set.</summary>
    public static List<EbOptionSetting> Effective(IReadOnlyList<EbOptionSetting> options) => Merge(Defaults, options, []);

    public static string? Value(IReadOnlyList<EbOptionSetting> options, string ns, string name) =>
        options.LastOrDefault(o => o.Namespace == ns && o.OptionName == name)?.Value;

    /// <summary>The value as an integer; null when unset or not an integer.</summary>
    public static int? Int(IReadOnlyList<EbOptionSetting> options, string ns, string name) =>
        int.TryParse(Value(options, ns, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>MinSize and MaxSize (defaults 1 and 4) of a configuration that passed <see cref="EbOptionValidator.CheckConfiguration"/>.</summary>
    public static (int Min, int Max) Capacity(IReadOnlyList<EbOptionSetting> options) =>
        (Int(options, C.AsgNamespace, "MinSize") ?? 1, Int(options, C.AsgNamespace, "MaxSize") ?? 4);

    /// <summary>The default process's target group (AWS defaults where unset).</summary>
    public static EbTargetGroupSettings TargetGroup(IReadOnlyList<EbOptionSetting> options) => new(
        Value(options, C.ProcessNamespace, "HealthCheckPath") ?? "/",
        Int(options, C.ProcessNamespace, "HealthCheckInterval") ?? 15,
        Int(options, C.ProcessNamespace, "HealthCheckTimeout") ?? 5,
        Int(options, C.ProcessNamespace, "HealthyThresholdCount") ?? 3,
        Int(options, C.ProcessNamespace, "UnhealthyThresholdCount") ?? 5,
        Value(options, C.ProcessNamespace, "MatcherHTTPCode") ?? "200",
        Int(options, C.ProcessNamespace, "DeregistrationDelay") ?? 20);

    /// <summary>Comma-separated ids of a List option (security groups, subnets).</summary>
    public static IReadOnlyList<string> Ids(IReadOnlyList<EbOptionSetting> options, string ns, string name) =>
        (Value(options, ns, name) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The simulator builds load-balanced environments with an application load balancer only.</summary>
    public static void CheckSimulatorLimits(IReadOnlyList<EbOptionSetting> options)
    {
        var type = Value(options, C.EnvironmentNamespace, "LoadBalancerType") ?? "application";
        if (type != "application")
        {
            throw EbErrors.Invalid($"LoadBalancerType '{type}' is not supported by this simulator (application only).");
        }

        var environmentType = Value(options, C.EnvironmentNamespace, "EnvironmentType") ?? "LoadBalanced";
        if (environmentType != "LoadBalanced")
        {
            throw EbErrors.Invalid($"EnvironmentType '{environmentType}' is not supported by this simulator (LoadBalanced only).");
        }
    }
}
