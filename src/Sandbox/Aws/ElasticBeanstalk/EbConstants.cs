namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>Elastic Beanstalk (2010-12-01) wire constants: statuses, health, option namespaces, durations, error codes.</summary>
internal static class EbConstants
{
    public const string SigningName = "elasticbeanstalk";
    public const string XmlNamespace = "http://elasticbeanstalk.amazonaws.com/docs/2010-12-01/";

    public const string Launching = "Launching";
    public const string Updating = "Updating";
    public const string Aborting = "Aborting";
    public const string Ready = "Ready";
    public const string Terminating = "Terminating";
    public const string Terminated = "Terminated";

    public const string Grey = "Grey";
    public const string Green = "Green";
    public const string Yellow = "Yellow";
    public const string Red = "Red";

    public const string NoData = "NoData";
    public const string Unknown = "Unknown";
    public const string Pending = "Pending";
    public const string Ok = "Ok";
    public const string Info = "Info";
    public const string Warning = "Warning";
    public const string Degraded = "Degraded";
    public const string Severe = "Severe";
    public const string Suspended = "Suspended";

    /// <summary>What instances run before any version is deployed.</summary>
    public const string SampleApplication = "Sample Application";

    public const string Processed = "PROCESSED";
    public const string Unprocessed = "UNPROCESSED";
    public const string Processing = "PROCESSING";

    public const string AsgNamespace = "aws:autoscaling:asg";
    public const string EnvironmentNamespace = "aws:elasticbeanstalk:environment";
    public const string ProcessNamespace = "aws:elasticbeanstalk:environment:process:default";
    public const string ListenerNamespace = "aws:elbv2:listener:default";
    public const string AppEnvironmentNamespace = "aws:elasticbeanstalk:application:environment";
    public const string LaunchConfigurationNamespace = "aws:autoscaling:launchconfiguration";
    public const string VpcNamespace = "aws:ec2:vpc";
    public const string Ec2InstancesNamespace = "aws:ec2:instances";
    public const string CommandNamespace = "aws:elasticbeanstalk:command";
    public const string HealthReportingNamespace = "aws:elasticbeanstalk:healthreporting:system";
    public const string ScheduledActionNamespace = "aws:autoscaling:scheduledaction";
    public const string StaticFilesNamespace = "aws:elasticbeanstalk:environment:proxy:staticfiles";

    /// <summary>Namespaces named by the user (<c>process:admin</c>, <c>listener:443</c>, <c>listenerrule:api</c>).</summary>
    public const string ProcessNamespacePrefix = "aws:elasticbeanstalk:environment:process:";
    public const string ListenerNamespacePrefix = "aws:elbv2:listener:";
    public const string ListenerRuleNamespacePrefix = "aws:elbv2:listenerrule:";

    public const string TagEnvironmentName = "elasticbeanstalk:environment-name";
    public const string TagEnvironmentId = "elasticbeanstalk:environment-id";

    /// <summary>Realistic durations of EB operations (scaled by SimTiming).</summary>
    public static readonly TimeSpan LaunchTime = TimeSpan.FromMinutes(4);
    public static readonly TimeSpan UpdateTime = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan TerminateTime = TimeSpan.FromMinutes(3);
    public static readonly TimeSpan ProcessTime = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Realistic durations of an application deployment on one instance (scaled by SimTiming): the deployment command
    /// downloads and stages the bundle while the old version still serves, then restarts the application server,
    /// which refuses connections until the new version listens (a JVM application takes about that long to start).
    /// </summary>
    public static readonly TimeSpan DeploymentStagingTime = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan AppRestartTime = TimeSpan.FromSeconds(10);

    /// <summary>How long a new instance takes to launch and bootstrap (additional batch, immutable deployments).</summary>
    public static readonly TimeSpan InstanceLaunchTime = TimeSpan.FromSeconds(90);

    /// <summary>
    /// Enhanced health checks an instance every 10 seconds; a deployment batch completes when every instance passed
    /// 12 consecutive checks ("12 consecutive health checks with an OK status within two minutes"), one with basic health.
    /// </summary>
    public static readonly TimeSpan HealthAgentInterval = TimeSpan.FromSeconds(10);
    public const int EnhancedHealthChecks = 12;

    /// <summary><c>aws:elasticbeanstalk:command</c> DeploymentPolicy values.</summary>
    public const string AllAtOnce = "AllAtOnce";
    public const string Rolling = "Rolling";
    public const string RollingWithAdditionalBatch = "RollingWithAdditionalBatch";
    public const string Immutable = "Immutable";
    public const string TrafficSplitting = "TrafficSplitting";

    /// <summary>An instance's Deployment.Status in DescribeInstancesHealth.</summary>
    public const string DeploymentInProgress = "In Progress";
    public const string DeploymentDeployed = "Deployed";
    public const string DeploymentFailed = "Failed";

    /// <summary>How long terminated environments stay visible to DescribeEnvironments (not scaled); after that the
    /// simulator forgets them, with their health and metrics.</summary>
    public static readonly TimeSpan TerminatedRetention = TimeSpan.FromHours(1);

    /// <summary>How far back DescribeEvents reaches ("up to the last 6 weeks"); older events are dropped.</summary>
    public static readonly TimeSpan EventRetention = TimeSpan.FromDays(42);

    /// <summary>A slow version answers after this (scaled, but at least <see cref="MinSlowResponse"/>), far past any health-check timeout.</summary>
    public static readonly TimeSpan SlowResponse = TimeSpan.FromSeconds(120);

    /// <summary>Health-check timeouts are at least 2 s on the data plane; a slow version stays well beyond that.</summary>
    public static readonly TimeSpan MinSlowResponse = TimeSpan.FromSeconds(10);

    public const int MaxTags = 50;

    public static class Errors
    {
        public const string InvalidParameterValue = "InvalidParameterValue";
        public const string InvalidParameterCombination = "InvalidParameterCombination";
        public const string MissingParameter = "MissingParameter";
        public const string InvalidAction = "InvalidAction";
        public const string TooManyApplications = "TooManyApplicationsException";
        public const string TooManyEnvironments = "TooManyEnvironmentsException";
        public const string TooManyApplicationVersions = "TooManyApplicationVersionsException";
        public const string TooManyConfigurationTemplates = "TooManyConfigurationTemplatesException";
        public const string TooManyTags = "TooManyTagsException";
        public const string ResourceNotFound = "ResourceNotFoundException";
        public const string OperationInProgress = "OperationInProgressFailure";
        public const string SourceBundleDeletion = "SourceBundleDeletionFailure";
        public const string InsufficientPrivileges = "InsufficientPrivilegesException";
        public const string ConfigurationValidation = "ConfigurationValidationException";
        public const string MissingRequiredParameter = "MissingRequiredParameter";
    }
}
