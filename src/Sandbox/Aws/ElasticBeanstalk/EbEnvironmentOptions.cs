using static Ebops.Sandbox.Aws.ElasticBeanstalk.EbOptionDefinition;
using C = Ebops.Sandbox.Aws.ElasticBeanstalk.EbConstants;

namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>
/// Options of the environment itself ("General options for all environments": aws:elasticbeanstalk:*): architecture
/// and roles, the default process, deployments, health reporting, logs, managed updates, notifications.
/// </summary>
internal static class EbEnvironmentOptions
{
    // As EB reports it when the value does not match (the text in brackets is EB's own).
    private static readonly EbOptionRegex HttpCodes = new(
        "^((\\d{3}(-\\d{3})?)|(\\d{3}(,\\d{3})*))$",
        "The configured value for 'MatcherHTTPCode' is invalid. A valid value must be a single code of 3 digits, a comma separated list of codes (e.g 200,210), or a range of codes (e.g 200-210).");

    private static readonly string[] RetentionDays =
        ["1", "3", "5", "7", "14", "30", "60", "90", "120", "150", "180", "365", "400", "545", "731", "1827", "3653"];

    public static IEnumerable<EbOptionDefinition> All() =>
    [
        .. Environment(), .. Process(C.ProcessNamespace), .. Command(), .. Health(), .. Logs(), .. Updates(), .. Other(),
    ];

    /// <summary>The options of one process (<c>process:default</c> or a named one): the target group behind the listener.</summary>
    public static IEnumerable<EbOptionDefinition> Process(string ns) =>
    [
        Int(ns, "DeregistrationDelay", 0, 3600, 20),
        Int(ns, "HealthCheckInterval", 5, 300, 15),
        Text(ns, "HealthCheckPath", "/", maxLength: 1024),
        Int(ns, "HealthCheckTimeout", 1, 60, 5),
        Int(ns, "HealthyThresholdCount", 2, 10, 3),
        Text(ns, "MatcherHTTPCode", "200") with { Regex = HttpCodes },
        Int(ns, "Port", 1, 65535, 80),
        OneOf(ns, "Protocol", "HTTP", NoInterruption, "HTTP", "HTTPS", "TCP"),
        Bool(ns, "StickinessEnabled", false),
        Int(ns, "StickinessLBCookieDuration", 1, 604800, 86400),
        OneOf(ns, "StickinessType", "lb_cookie", NoInterruption, "lb_cookie"),
        Int(ns, "UnhealthyThresholdCount", 2, 10, 5),
    ];

    private static IEnumerable<EbOptionDefinition> Environment()
    {
        const string ns = C.EnvironmentNamespace;
        return
        [
            OneOf(ns, "EnvironmentType", "LoadBalanced", RestartEnvironment, "SingleInstance", "LoadBalanced"),
            Text(ns, "ServiceRole", "aws-elasticbeanstalk-service-role"),

            // The guide's default is classic; the simulator builds application load balancers only, so it reports
            // (and applies) application.
            OneOf(ns, "LoadBalancerType", "application", RestartEnvironment, "classic", "application", "network"),
            Bool(ns, "LoadBalancerIsShared", false, RestartEnvironment),
        ];
    }

    private static IEnumerable<EbOptionDefinition> Command()
    {
        const string ns = C.CommandNamespace;
        return
        [
            OneOf(ns, "DeploymentPolicy", "AllAtOnce", NoInterruption, "AllAtOnce", "Rolling", "RollingWithAdditionalBatch", "Immutable", "TrafficSplitting"),
            Int(ns, "Timeout", 1, 3600, 600),
            OneOf(ns, "BatchSizeType", "Percentage", NoInterruption, "Percentage", "Fixed"),

            // 1-100 as a percentage, 1-MaxSize as a fixed count (checked against the whole configuration).
            Int(ns, "BatchSize", 1, 10000, 100),
            Bool(ns, "IgnoreHealthCheck", false),
            Int("aws:elasticbeanstalk:trafficsplitting", "NewVersionPercent", 1, 100, 10),
            Int("aws:elasticbeanstalk:trafficsplitting", "EvaluationTime", 3, 600, 5),
        ];
    }

    private static IEnumerable<EbOptionDefinition> Health()
    {
        const string ns = C.HealthReportingNamespace;
        return
        [
            // The simulator reports enhanced health (from the ALB's checks), so enhanced is its default.
            OneOf(ns, "SystemType", "enhanced", NoInterruption, "basic", "enhanced"),
            new(ns, "ConfigDocument", EbOptionDefinition.Json, NoInterruption),
            OneOf(ns, "HealthCheckSuccessThreshold", "Ok", NoInterruption, "Ok", "Warning", "Degraded", "Severe"),
            Text("aws:elasticbeanstalk:application", "Application Healthcheck URL", ""),
        ];
    }

    private static IEnumerable<EbOptionDefinition> Logs()
    {
        const string logs = "aws:elasticbeanstalk:cloudwatch:logs";
        const string health = "aws:elasticbeanstalk:cloudwatch:logs:health";
        return
        [
            Bool(logs, "StreamLogs", false),
            Bool(logs, "DeleteOnTerminate", false),
            OneOf(logs, "RetentionInDays", "7", NoInterruption, RetentionDays),
            Bool(health, "HealthStreamingEnabled", false),
            Bool(health, "DeleteOnTerminate", false),
            OneOf(health, "RetentionInDays", "7", NoInterruption, RetentionDays),
            Bool("aws:elasticbeanstalk:hostmanager", "LogPublicationControl", false),
        ];
    }

    private static IEnumerable<EbOptionDefinition> Updates()
    {
        const string ns = "aws:elasticbeanstalk:managedactions";
        return
        [
            Bool(ns, "ManagedActionsEnabled", false),
            Text(ns, "PreferredStartTime") with
            {
                Regex = new("^(Mon|Tue|Wed|Thu|Fri|Sat|Sun):([01]\\d|2[0-3]):[0-5]\\d$", "A day and time in day:hour:minute format, for example Tue:09:00."),
            },
            Text(ns, "ServiceRoleForManagedUpdates"),
            OneOf("aws:elasticbeanstalk:managedactions:platformupdate", "UpdateLevel", null, NoInterruption, "patch", "minor"),
            Bool("aws:elasticbeanstalk:managedactions:platformupdate", "InstanceRefreshEnabled", false),
        ];
    }

    private static IEnumerable<EbOptionDefinition> Other()
    {
        const string sns = "aws:elasticbeanstalk:sns:topics";
        return
        [
            Text(sns, "Notification Endpoint"),
            OneOf(sns, "Notification Protocol", "email", NoInterruption, "http", "https", "email", "email-json", "sqs"),
            Text(sns, "Notification Topic ARN"),
            Text(sns, "Notification Topic Name"),
            Bool("aws:elasticbeanstalk:xray", "XRayEnabled", false, RestartApplicationServer),
        ];
    }
}
