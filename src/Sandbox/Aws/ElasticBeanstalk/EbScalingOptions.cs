using static Ebops.Sandbox.Aws.ElasticBeanstalk.EbOptionDefinition;
using C = Ebops.Sandbox.Aws.ElasticBeanstalk.EbConstants;

namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>
/// Options of the Auto Scaling group, its instances and the VPC ("General options for all environments" in the EB
/// developer guide: aws:autoscaling:*, aws:ec2:instances, aws:ec2:vpc). Names, defaults and ranges as documented.
/// </summary>
internal static class EbScalingOptions
{
    private const string Trigger = "aws:autoscaling:trigger";
    private const string Rolling = "aws:autoscaling:updatepolicy:rollingupdate";

    // PT#H#M#S, as the rolling-update PauseTime and Timeout take it.
    private static readonly EbOptionRegex Duration = new("^PT(\\d+H)?(\\d+M)?(\\d+S)?$", "An ISO 8601 duration, for example PT30M.");

    public static IEnumerable<EbOptionDefinition> All() =>
        [.. Asg(), .. LaunchConfiguration(), .. TriggerOptions(), .. RollingUpdate(), .. ScheduledAction(), .. Instances(), .. Vpc()];

    private static IEnumerable<EbOptionDefinition> Asg() =>
    [
        OneOf(C.AsgNamespace, "Availability Zones", "Any", NoInterruption, "Any", "Any 1", "Any 2", "Any 3"),
        Int(C.AsgNamespace, "Cooldown", 0, 10000, 360),
        Items(C.AsgNamespace, "Custom Availability Zones"),
        Bool(C.AsgNamespace, "EnableCapacityRebalancing", false),

        // The guide says 1 to 10000; EB accepts 0 (environments scaled to zero), so the simulator does too.
        Int(C.AsgNamespace, "MinSize", 0, 10000, 1),
        Int(C.AsgNamespace, "MaxSize", 0, 10000, 4),
    ];

    private static IEnumerable<EbOptionDefinition> LaunchConfiguration()
    {
        const string ns = C.LaunchConfigurationNamespace;
        return
        [
            Bool(ns, "DisableIMDSv1", false, RestartEnvironment),
            Text(ns, "EC2KeyName", severity: RestartEnvironment, maxLength: 255),
            Text(ns, "IamInstanceProfile", "aws-elasticbeanstalk-ec2-role", RestartEnvironment),
            Text(ns, "ImageId", severity: RestartEnvironment),
            OneOf(ns, "InstanceType", "t3.micro", RestartEnvironment, [.. EbInstanceTypes.All]),
            OneOf(ns, "MonitoringInterval", "5 minute", RestartEnvironment, "1 minute", "5 minute"),
            Items(ns, "SecurityGroups", severity: RestartEnvironment),
            Text(ns, "SSHSourceRestriction", severity: RestartEnvironment),
            Text(ns, "BlockDeviceMappings", severity: RestartEnvironment),
            OneOf(ns, "RootVolumeType", null, RestartEnvironment, "standard", "gp2", "gp3", "io1"),
            Int(ns, "RootVolumeSize", 8, 16384, null, RestartEnvironment),
            Int(ns, "RootVolumeIOPS", 100, 20000, null, RestartEnvironment),
        ];
    }

    private static IEnumerable<EbOptionDefinition> TriggerOptions() =>
    [
        Int(Trigger, "BreachDuration", 1, 600, 5),
        Int(Trigger, "LowerBreachScaleIncrement", -10000, 10000, -1),
        Int(Trigger, "LowerThreshold", 0, 20000000, 2000000),
        OneOf(Trigger, "MeasureName", "NetworkOut", NoInterruption,
            "CPUUtilization", "NetworkIn", "NetworkOut", "DiskWriteOps", "DiskReadBytes", "DiskReadOps", "DiskWriteBytes",
            "Latency", "RequestCount", "HealthyHostCount", "UnhealthyHostCount", "TargetResponseTime"),
        Int(Trigger, "Period", 1, 600, 5),
        Int(Trigger, "EvaluationPeriods", 1, 600, 1),
        OneOf(Trigger, "Statistic", "Average", NoInterruption, "Minimum", "Maximum", "Sum", "Average"),
        OneOf(Trigger, "Unit", "Bytes", NoInterruption,
            "Seconds", "Percent", "Bytes", "Bits", "Count", "Bytes/Second", "Bits/Second", "Count/Second", "None"),
        Int(Trigger, "UpperBreachScaleIncrement", -10000, 10000, 1),
        Int(Trigger, "UpperThreshold", 0, 20000000, 6000000),
    ];

    private static IEnumerable<EbOptionDefinition> RollingUpdate() =>
    [
        Int(Rolling, "MaxBatchSize", 1, 10000, null),
        Int(Rolling, "MinInstancesInService", 0, 9999, null),
        Bool(Rolling, "RollingUpdateEnabled", false),
        OneOf(Rolling, "RollingUpdateType", "Time", NoInterruption, "Time", "Health", "Immutable"),
        Text(Rolling, "PauseTime") with { Regex = Duration },
        Text(Rolling, "Timeout", "PT30M") with { Regex = Duration },
    ];

    private static IEnumerable<EbOptionDefinition> ScheduledAction()
    {
        const string ns = C.ScheduledActionNamespace;
        EbOptionDefinition[] options =
        [
            Text(ns, "StartTime"),
            Text(ns, "EndTime"),
            Int(ns, "MaxSize", 0, 10000, null),
            Int(ns, "MinSize", 0, 10000, null),
            Int(ns, "DesiredCapacity", 0, 10000, null),
            Text(ns, "Recurrence"),
            Bool(ns, "Suspend", false),
        ];
        return options.Select(o => o with { RequiresResourceName = true });
    }

    private static IEnumerable<EbOptionDefinition> Instances()
    {
        const string ns = C.Ec2InstancesNamespace;
        return
        [
            Bool(ns, "EnableSpot", false, RestartEnvironment),
            Items(ns, "InstanceTypes", "t3.micro, t3.small", RestartEnvironment, EbInstanceTypes.All, maxItems: 10),
            Int(ns, "SpotFleetOnDemandBase", 0, 10000, 0),
            Int(ns, "SpotFleetOnDemandAboveBasePercentage", 0, 100, 70),
            Text(ns, "SpotMaxPrice"),
            Items(ns, "SupportedArchitectures", "x86_64", RestartEnvironment, ["x86_64", "arm64"], maxItems: 1),
        ];
    }

    private static IEnumerable<EbOptionDefinition> Vpc()
    {
        const string ns = C.VpcNamespace;
        return
        [
            Text(ns, "VPCId", severity: RestartEnvironment),
            Items(ns, "Subnets", severity: RestartEnvironment),
            Items(ns, "ELBSubnets", severity: RestartEnvironment),

            // "If you specify a value other than public or internal, Elastic Beanstalk will ignore the value": any
            // value is accepted; ValidateConfigurationSettings warns about others.
            Text(ns, "ELBScheme", "public", RestartEnvironment),
            Items(ns, "DBSubnets", severity: RestartEnvironment),
            Bool(ns, "AssociatePublicIpAddress", null, RestartEnvironment),
        ];
    }
}
