namespace Ebops.Operator.Aws.ElasticBeanstalk;

/// <summary>Elastic Beanstalk status strings (model enums, from the API reference).</summary>
public static class ElasticBeanstalkStatuses
{
    // EnvironmentStatus
    public const string EnvironmentAborting = "Aborting";
    public const string EnvironmentLaunching = "Launching";
    public const string EnvironmentUpdating = "Updating";
    public const string EnvironmentLinkingFrom = "LinkingFrom";
    public const string EnvironmentLinkingTo = "LinkingTo";
    public const string EnvironmentReady = "Ready";
    public const string EnvironmentTerminating = "Terminating";
    public const string EnvironmentTerminated = "Terminated";

    /// <summary>Statuses in which EB refuses updates ("invalid state for this operation"): wait.</summary>
    public static readonly IReadOnlySet<string> EnvironmentTransitional = new HashSet<string>(StringComparer.Ordinal)
    {
        EnvironmentAborting, EnvironmentLaunching, EnvironmentUpdating, EnvironmentLinkingFrom, EnvironmentLinkingTo, EnvironmentTerminating,
    };

    // EnvironmentHealth (colour)
    public const string HealthGreen = "Green";
    public const string HealthYellow = "Yellow";
    public const string HealthRed = "Red";
    public const string HealthGrey = "Grey";

    // EnvironmentHealthStatus (enhanced health)
    public const string HealthStatusNoData = "NoData";
    public const string HealthStatusUnknown = "Unknown";
    public const string HealthStatusPending = "Pending";
    public const string HealthStatusOk = "Ok";
    public const string HealthStatusInfo = "Info";
    public const string HealthStatusWarning = "Warning";
    public const string HealthStatusDegraded = "Degraded";
    public const string HealthStatusSevere = "Severe";
    public const string HealthStatusSuspended = "Suspended";

    // ApplicationVersionStatus
    public const string VersionProcessed = "Processed";
    public const string VersionUnprocessed = "Unprocessed";
    public const string VersionFailed = "Failed";
    public const string VersionProcessing = "Processing";
    public const string VersionBuilding = "Building";

    // EventSeverity
    public const string SeverityTrace = "TRACE";
    public const string SeverityDebug = "DEBUG";
    public const string SeverityInfo = "INFO";
    public const string SeverityWarn = "WARN";
    public const string SeverityError = "ERROR";
    public const string SeverityFatal = "FATAL";

    // EnvironmentHealthAttribute values for DescribeEnvironmentHealth / DescribeInstancesHealth AttributeNames.
    public const string AttributeAll = "All";
    public const string AttributeStatus = "Status";
    public const string AttributeColor = "Color";
    public const string AttributeCauses = "Causes";
    public const string AttributeHealthStatus = "HealthStatus";
    public const string AttributeInstancesHealth = "InstancesHealth";

    // ValidationSeverity of a ValidateConfigurationSettings message.
    public const string ValidationError = "error";
    public const string ValidationWarning = "warning";

    // ConfigurationOptionDescription ValueType.
    public const string ValueTypeScalar = "Scalar";
    public const string ValueTypeList = "List";

    // Option namespaces used by ebops (the full set, with option names: ElasticBeanstalkOptions).
    public const string NamespaceEnvironment = "aws:elasticbeanstalk:environment";
    public const string NamespaceApplicationEnvironment = "aws:elasticbeanstalk:application:environment";
    public const string NamespaceAutoScalingGroup = "aws:autoscaling:asg";
    public const string NamespaceLaunchConfiguration = "aws:autoscaling:launchconfiguration";
    public const string NamespaceEnvironmentProcessDefault = "aws:elasticbeanstalk:environment:process:default";
    public const string NamespaceHealthReporting = "aws:elasticbeanstalk:healthreporting:system";
    public const string NamespaceEc2Vpc = "aws:ec2:vpc";
}
