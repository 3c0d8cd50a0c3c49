using System.Xml.Linq;
using Ebops.Sandbox.Aws.Core;
using C = Ebops.Sandbox.Aws.ElasticBeanstalk.EbConstants;
using X = Ebops.Sandbox.Aws.Core.SimXml;

namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>EB's responses and the shapes several operations share, with the official model's element names.</summary>
internal static class EbXml
{
    // This service has always answered without an XML declaration and with an (empty) Result element even for
    // outputs without members; kept byte-for-byte.
    public static SimResponse Respond(SimRequest request, params object?[] result) =>
        X.QueryResponse(C.XmlNamespace, request.Action, request.RequestId, result, declaration: false);

    public static SimResponse RespondEmpty(SimRequest request) =>
        X.QueryResponse(C.XmlNamespace, request.Action, request.RequestId, null, declaration: false);

    /// <summary>ApplicationDescription.</summary>
    public static object?[] Application(EbApplication a, IReadOnlyList<string> versionLabels, IReadOnlyList<string> templateNames) =>
    [
        X.Opt("ApplicationArn", a.Arn),
        X.Opt("ApplicationName", a.Name),
        X.Opt("Description", a.Description),
        X.Opt("DateCreated", a.Created),
        X.Opt("DateUpdated", a.Updated),
        X.Strings("Versions", versionLabels),
        X.Strings("ConfigurationTemplates", templateNames),
        Lifecycle(a),
    ];

    /// <summary>ApplicationResourceLifecycleConfig.</summary>
    public static XElement Lifecycle(EbApplication a) => X.E(
        "ResourceLifecycleConfig",
        X.Opt("ServiceRole", a.ServiceRole),
        X.E(
            "VersionLifecycleConfig",
            X.E("MaxCountRule", X.Opt("Enabled", a.MaxCountEnabled), X.Opt("MaxCount", a.MaxCount), X.Opt("DeleteSourceFromS3", a.MaxCountDeleteSource)),
            X.E("MaxAgeRule", X.Opt("Enabled", a.MaxAgeEnabled), X.Opt("MaxAgeInDays", a.MaxAgeInDays), X.Opt("DeleteSourceFromS3", a.MaxAgeDeleteSource))));

    /// <summary>ApplicationVersionDescription (status at <paramref name="now"/>).</summary>
    public static object?[] Version(EbApplicationVersion v, DateTimeOffset now) =>
    [
        X.Opt("ApplicationVersionArn", v.Arn),
        X.Opt("ApplicationName", v.ApplicationName),
        X.Opt("Description", v.Description),
        X.Opt("VersionLabel", v.Label),
        v.S3Bucket is null ? null : X.E("SourceBundle", X.Opt("S3Bucket", v.S3Bucket), X.Opt("S3Key", v.S3Key)),
        X.Opt("DateCreated", v.Created),
        X.Opt("DateUpdated", v.Updated),
        X.Opt("Status", v.StatusAt(now)),
    ];

    /// <summary>ConfigurationSettingsDescription of a template (Create/UpdateConfigurationTemplate).</summary>
    public static object?[] Template(EbConfigurationTemplate t) =>
    [
        X.Opt("SolutionStackName", t.Platform.SolutionStackName),
        X.Opt("PlatformArn", t.Platform.Arn),
        X.Opt("ApplicationName", t.ApplicationName),
        X.Opt("TemplateName", t.Name),
        X.Opt("Description", t.Description),
        X.Opt("DateCreated", t.Created),
        X.Opt("DateUpdated", t.Updated),
        Options("OptionSettings", t.Options),
    ];

    /// <summary>ConfigurationSettingsDescription (DescribeConfigurationSettings).</summary>
    public static object?[] Settings(EbConfigurationDescription s) =>
    [
        X.Opt("SolutionStackName", s.Platform.SolutionStackName),
        X.Opt("PlatformArn", s.Platform.Arn),
        X.Opt("ApplicationName", s.Application),
        X.Opt("TemplateName", s.Template),
        X.Opt("Description", s.Description),
        X.Opt("EnvironmentName", s.Environment),
        X.Opt("DeploymentStatus", s.DeploymentStatus),
        X.Opt("DateCreated", s.Created),
        X.Opt("DateUpdated", s.Updated),
        Options("OptionSettings", s.Options),
    ];

    /// <summary>A list of ConfigurationOptionSetting.</summary>
    public static XElement Options(string name, IEnumerable<EbOptionSetting> options) =>
        X.Members(name, options, o => [X.Opt("ResourceName", o.ResourceName), X.Opt("Namespace", o.Namespace), X.Opt("OptionName", o.OptionName), X.Opt("Value", o.Value)]);

    /// <summary>ConfigurationOptionDescription.</summary>
    public static object?[] OptionDescription(EbOptionDefinition d) =>
    [
        X.Opt("Namespace", d.Namespace),
        X.Opt("Name", d.Name),
        X.Opt("DefaultValue", d.DefaultValue),
        X.Opt("ChangeSeverity", d.ChangeSeverity),
        X.Opt("UserDefined", d.UserDefined),
        X.Opt("ValueType", d.ValueType),
        d.ValueOptions is null ? null : X.Strings("ValueOptions", d.ValueOptions),
        X.Opt("MinValue", d.MinValue),
        X.Opt("MaxValue", d.MaxValue),
        X.Opt("MaxLength", d.MaxLength),
        d.Regex is null ? null : X.E("Regex", X.Opt("Pattern", d.Regex.Pattern), X.Opt("Label", d.Regex.Label)),
    ];

    /// <summary>EnvironmentDescription.</summary>
    public static object?[] Environment(EbEnvironment e, string status, EbHealth health) =>
    [
        X.Opt("EnvironmentName", e.Name),
        X.Opt("EnvironmentId", e.Id),
        X.Opt("ApplicationName", e.ApplicationName),
        X.Opt("VersionLabel", e.VersionLabel),
        X.Opt("SolutionStackName", e.Platform.SolutionStackName),
        X.Opt("PlatformArn", e.Platform.Arn),
        X.Opt("TemplateName", e.TemplateName),
        X.Opt("Description", e.Description),
        X.Opt("EndpointURL", e.LoadBalancerDns),
        X.Opt("CNAME", e.Cname),
        X.Opt("DateCreated", e.Created),
        X.Opt("DateUpdated", e.Updated),
        X.Opt("Status", status),
        X.Opt("AbortableOperationInProgress", status == C.Updating),
        X.Opt("Health", health.Color),
        X.Opt("HealthStatus", health.HealthStatus),
        X.E("Tier", X.Opt("Name", "WebServer"), X.Opt("Type", "Standard"), X.Opt("Version", "1.0")),
        X.Members("EnvironmentLinks", Array.Empty<string>(), l => [X.Opt("LinkName", l)]),
        X.Opt("EnvironmentArn", e.Arn),
    ];

    /// <summary>PlatformSummary.</summary>
    public static object?[] Platform(EbPlatform x) =>
    [
        X.Opt("PlatformArn", x.Arn),
        X.Opt("PlatformOwner", "AWSElasticBeanstalk"),
        X.Opt("PlatformStatus", "Ready"),
        X.Opt("PlatformCategory", x.Category),
        X.Opt("OperatingSystemName", "Amazon Linux"),
        X.Opt("OperatingSystemVersion", "2023"),
        X.Strings("SupportedTierList", ["WebServer/Standard", "Worker/SQS/HTTP"]),
        X.Strings("SupportedAddonList", ["Log/S3", "Monitoring/Healthd", "WorkerDaemon/SQSD"]),
        X.Opt("PlatformVersion", x.Version),
        X.Opt("PlatformBranchName", x.BranchName),
        X.Opt("PlatformBranchLifecycleState", x.BranchLifecycleState),
    ];
}
