namespace Ebops.Operator.Aws.ElasticBeanstalk;

/// <summary>
/// Configuration option namespaces and names ebops writes, as the Elastic Beanstalk developer guide lists them under
/// "General options for all environments" (command-options-general). Values are strings on the wire; lists are
/// comma-separated.
/// </summary>
public static class ElasticBeanstalkOptions
{
    // aws:autoscaling:asg — the environment's Auto Scaling group.
    public const string AutoScalingGroup = "aws:autoscaling:asg";
    public const string MinSize = "MinSize";
    public const string MaxSize = "MaxSize";

    // aws:autoscaling:launchconfiguration — the instances.
    public const string LaunchConfiguration = "aws:autoscaling:launchconfiguration";
    public const string IamInstanceProfile = "IamInstanceProfile";

    /// <summary>Security groups attached to the instances, comma-separated (ids or names), in addition to EB's own.</summary>
    public const string SecurityGroups = "SecurityGroups";

    // aws:ec2:instances — instance types (replaces the launch configuration's InstanceType).
    public const string Ec2Instances = "aws:ec2:instances";
    public const string InstanceTypes = "InstanceTypes";

    // aws:ec2:vpc — where the instances and the load balancer run.
    public const string Vpc = "aws:ec2:vpc";
    public const string VpcId = "VPCId";
    public const string Subnets = "Subnets";
    public const string ElbSubnets = "ELBSubnets";
    public const string ElbScheme = "ELBScheme";
    public const string AssociatePublicIpAddress = "AssociatePublicIpAddress";

    /// <summary>ELBScheme value of an internet-facing load balancer.</summary>
    public const string ElbSchemePublic = "public";

    // aws:elasticbeanstalk:environment — environment type, service role, load balancer type.
    public const string Environment = "aws:elasticbeanstalk:environment";
    public const string EnvironmentType = "EnvironmentType";
    public const string ServiceRole = "ServiceRole";
    public const string LoadBalancerType = "LoadBalancerType";
    public const string EnvironmentTypeLoadBalanced = "LoadBalanced";
    public const string LoadBalancerTypeApplication = "application";

    // aws:elasticbeanstalk:environment:process:default — the default process (the ALB's target group).
    public const string DefaultProcess = "aws:elasticbeanstalk:environment:process:default";
    public const string HealthCheckPath = "HealthCheckPath";

    // aws:elbv2:listener:default (port 80) and aws:elbv2:listener:<port> — the ALB's listeners.
    public const string DefaultListener = "aws:elbv2:listener:default";

    /// <summary>Prefix of a listener's namespace; followed by <c>default</c> (port 80) or a port number.</summary>
    public const string ListenerPrefix = "aws:elbv2:listener:";
    public const string ListenerEnabled = "ListenerEnabled";
    public const string ListenerProtocol = "Protocol";
    public const string ListenerDefaultProcess = "DefaultProcess";
    public const string ProtocolHttp = "HTTP";
    public const string DefaultProcessName = "default";

    /// <summary>The port the <c>aws:elbv2:listener:default</c> listener serves.</summary>
    public const int DefaultListenerPort = 80;

    // aws:elasticbeanstalk:healthreporting:system — basic or enhanced health.
    public const string HealthReporting = "aws:elasticbeanstalk:healthreporting:system";
    public const string SystemType = "SystemType";
    public const string SystemTypeEnhanced = "enhanced";

    // aws:elasticbeanstalk:application:environment — environment properties (option name = property name).
    public const string ApplicationEnvironment = "aws:elasticbeanstalk:application:environment";

    // Environment properties Elastic Beanstalk's own RDS integration uses; ebops fills them from an RdsDatabase.
    public const string RdsHostname = "RDS_HOSTNAME";
    public const string RdsPort = "RDS_PORT";
    public const string RdsDbName = "RDS_DB_NAME";
    public const string RdsUsername = "RDS_USERNAME";
    public const string RdsPassword = "RDS_PASSWORD";

    /// <summary>The listener namespace for <paramref name="port"/>: <c>default</c> for port 80, the number otherwise.</summary>
    public static string Listener(int port) =>
        port == DefaultListenerPort ? DefaultListener : ListenerPrefix + port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>True for <c>aws:elbv2:listener:default</c> and <c>aws:elbv2:listener:&lt;port&gt;</c> (not listener rules).</summary>
    public static bool IsListener(string ns) =>
        ns.StartsWith(ListenerPrefix, StringComparison.Ordinal)
        && (ns == DefaultListener || int.TryParse(ns.AsSpan(ListenerPrefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _));
}
