using System.Globalization;
using System.Text.Json.Nodes;
using Ebops.Sandbox.Aws.Core;
using Ebops.Sandbox.Aws.QueryKit;
using C = Ebops.Sandbox.Aws.ElasticBeanstalk.EbConstants;

namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>
/// The Elastic Beanstalk (2010-12-01) Query-protocol handler: parses the flattened parameters, calls
/// <see cref="ElasticBeanstalkState"/>, and renders responses with the official model's element names.
/// </summary>
public sealed class ElasticBeanstalkHandler(SimWorld world) : IAwsServiceHandler, ISimStateSource, IAsyncDisposable
{
    private static readonly QueryXmlWriter X = new(C.XmlNamespace);
    private readonly ElasticBeanstalkState _state = ElasticBeanstalkState.For(world);

    public string SigningName => C.SigningName;

    public string StateName => C.SigningName;

    /// <summary>The simulation behind this handler (in-process access for tests and the demo).</summary>
    public ElasticBeanstalkState State => _state;

    public async ValueTask<SimResponse> HandleAsync(SimRequest request, CancellationToken cancellationToken)
    {
        var p = new QueryParams(request.Parameters, static (name, message) => message.StartsWith("1 validation error", StringComparison.Ordinal) ? EbErrors.Missing(name) : EbErrors.Invalid(message));
        var id = request.RequestId;
        var action = request.Action;
        switch (action)
        {
            case "CreateApplication":
            {
                var app = _state.CreateApplication(p.Required("ApplicationName"), p.Get("Description"), p.Tags());
                if (p.Has("ResourceLifecycleConfig"))
                {
                    _state.UpdateApplicationResourceLifecycle(app.Name, a => ApplyLifecycle(a, p.Struct("ResourceLifecycleConfig")));
                }

                return X.Response(action, id, X.S("Application", ApplicationXml(app)));
            }

            case "DescribeApplications":
                return X.Response(action, id, X.L("Applications", _state.DescribeApplications(p.List("ApplicationNames")), ApplicationXml));
            case "UpdateApplicationResourceLifecycle":
            {
                var app = _state.UpdateApplicationResourceLifecycle(p.Required("ApplicationName"), a => ApplyLifecycle(a, p.Struct("ResourceLifecycleConfig")));
                return X.Response(action, id, X.E("ApplicationName", app.Name), LifecycleXml(app));
            }

            case "DeleteApplication":
                await _state.DeleteApplicationAsync(p.Required("ApplicationName"), p.Bool("TerminateEnvByForce") ?? false, id).ConfigureAwait(false);
                return X.EmptyResponse(action, id);
            case "CreateApplicationVersion":
            {
                var version = _state.CreateApplicationVersion(
                    p.Required("ApplicationName"),
                    p.Required("VersionLabel"),
                    p.Get("Description"),
                    p.Get("SourceBundle.S3Bucket"),
                    p.Get("SourceBundle.S3Key"),
                    p.Bool("AutoCreateApplication") ?? false,
                    p.Bool("Process") ?? false,
                    p.Tags(),
                    id);
                return X.Response(action, id, X.S("ApplicationVersion", VersionXml(version)));
            }

            case "DescribeApplicationVersions":
            {
                var all = _state.DescribeApplicationVersions(p.Get("ApplicationName"), p.List("VersionLabels"));
                var page = Paginate(all, p, action);
                return X.Response(action, id, X.L("ApplicationVersions", page.Items, VersionXml), X.E("NextToken", page.NextToken));
            }

            case "DeleteApplicationVersion":
                _state.DeleteApplicationVersion(p.Required("ApplicationName"), p.Required("VersionLabel"), p.Bool("DeleteSourceBundle") ?? false);
                return X.EmptyResponse(action, id);
            case "CreateConfigurationTemplate":
            {
                var source = p.Has("SourceConfiguration")
                    ? (p.Get("SourceConfiguration.ApplicationName") ?? p.Required("ApplicationName"), p.Required("SourceConfiguration.TemplateName"))
                    : ((string, string)?)null;
                var template = _state.CreateConfigurationTemplate(
                    p.Required("ApplicationName"),
                    p.Required("TemplateName"),
                    p.Get("SolutionStackName"),
                    p.Get("PlatformArn"),
                    source,
                    p.Get("EnvironmentId"),
                    p.Get("Description"),
                    Options(p, "OptionSettings"),
                    p.Tags());
                return X.Response(action, id, TemplateXml(template));
            }

            case "UpdateConfigurationTemplate":
            {
                var template = _state.UpdateConfigurationTemplate(
                    p.Required("ApplicationName"),
                    p.Required("TemplateName"),
                    p.Get("Description"),
                    Options(p, "OptionSettings"),
                    Options(p, "OptionsToRemove"));
                return X.Response(action, id, TemplateXml(template));
            }

            case "DeleteConfigurationTemplate":
                _state.DeleteConfigurationTemplate(p.Required("ApplicationName"), p.Required("TemplateName"));
                return X.EmptyResponse(action, id);
            case "DescribeConfigurationSettings":
            {
                var c = _state.DescribeConfigurationSettings(p.Required("ApplicationName"), p.Get("TemplateName"), p.Get("EnvironmentName"));
                return X.Response(action, id, X.L("ConfigurationSettings", [c], s =>
                [
                    X.E("SolutionStackName", s.Platform.SolutionStackName),
                    X.E("PlatformArn", s.Platform.Arn),
                    X.E("ApplicationName", s.Application),
                    X.E("TemplateName", s.Template),
                    X.E("Description", s.Description),
                    X.E("EnvironmentName", s.Environment),
                    X.E("DeploymentStatus", s.DeploymentStatus),
                    X.E("DateCreated", s.Created),
                    X.E("DateUpdated", s.Updated),
                    OptionsXml("OptionSettings", s.Options),
                ]));
            }

            case "CreateEnvironment":
            {
                var environment = _state.CreateEnvironment(
                    p.Required("ApplicationName"),
                    p.Required("EnvironmentName"),
                    p.Get("CNAMEPrefix"),
                    p.Get("Description"),
                    p.Get("SolutionStackName"),
                    p.Get("PlatformArn"),
                    p.Get("TemplateName"),
                    p.Get("VersionLabel"),
                    p.Get("Tier.Name"),
                    Options(p, "OptionSettings"),
                    Options(p, "OptionsToRemove"),
                    p.Tags(),
                    id);
                return X.Response(action, id, EnvironmentXml(environment));
            }

            case "DescribeEnvironments":
            {
                var all = _state.DescribeEnvironments(
                    p.Get("ApplicationName"),
                    p.Get("VersionLabel"),
                    p.List("EnvironmentIds"),
                    p.List("EnvironmentNames"),
                    p.Bool("IncludeDeleted") ?? true,
                    p.Timestamp("IncludedDeletedBackTo"));
                var page = Paginate(all, p, action);
                return X.Response(action, id, X.L("Environments", page.Items, EnvironmentXml), X.E("NextToken", page.NextToken));
            }

            case "UpdateEnvironment":
            {
                var environment = _state.UpdateEnvironment(
                    p.Get("EnvironmentId"),
                    p.Get("EnvironmentName"),
                    p.Get("Description"),
                    p.Get("VersionLabel"),
                    p.Get("TemplateName"),
                    Options(p, "OptionSettings"),
                    Options(p, "OptionsToRemove"),
                    id);
                return X.Response(action, id, EnvironmentXml(environment));
            }

            case "TerminateEnvironment":
            {
                var environment = await _state.TerminateEnvironmentAsync(p.Get("EnvironmentId"), p.Get("EnvironmentName"), id).ConfigureAwait(false);
                return X.Response(action, id, EnvironmentXml(environment));
            }

            case "SwapEnvironmentCNAMEs":
                _state.SwapEnvironmentCnames(p.Get("SourceEnvironmentId"), p.Get("SourceEnvironmentName"), p.Get("DestinationEnvironmentId"), p.Get("DestinationEnvironmentName"), id);
                return X.EmptyResponse(action, id);
            case "DescribeEnvironmentResources":
            {
                var r = _state.DescribeEnvironmentResources(p.Get("EnvironmentId"), p.Get("EnvironmentName"));
                return X.Response(action, id, X.S(
                    "EnvironmentResources",
                    X.E("EnvironmentName", r.Name),
                    X.L("AutoScalingGroups", [r.AutoScalingGroup], g => [X.E("Name", g)]),
                    X.L("Instances", r.Instances, i => [X.E("Id", i)]),
                    X.L("LaunchConfigurations", Array.Empty<string>(), l => [X.E("Name", l)]),
                    X.L("LaunchTemplates", [r.LaunchTemplate], l => [X.E("Id", l)]),
                    X.L("LoadBalancers", r.LoadBalancer is null ? Array.Empty<string>() : [r.LoadBalancer], l => [X.E("Name", l)]),
                    X.L("Triggers", Array.Empty<string>(), t => [X.E("Name", t)]),
                    X.L("Queues", Array.Empty<string>(), q => [X.E("Name", q)])));
            }

            case "DescribeEnvironmentHealth":
                return X.Response(action, id, EnvironmentHealthXml(p));
            case "DescribeInstancesHealth":
                return X.Response(action, id, InstancesHealthXml(p));
            case "DescribeEvents":
            {
                var all = _state.DescribeEvents(
                    p.Get("ApplicationName"),
                    p.Get("VersionLabel"),
                    p.Get("TemplateName"),
                    p.Get("EnvironmentId"),
                    p.Get("EnvironmentName"),
                    p.Get("RequestId"),
                    p.Get("Severity"),
                    p.Timestamp("StartTime"),
                    p.Timestamp("EndTime"));
                var page = Paginate(all, p, action);
                return X.Response(action, id, X.L("Events", page.Items, e =>
                [
                    X.E("EventDate", e.Date),
                    X.E("Message", e.Message),
                    X.E("ApplicationName", e.ApplicationName),
                    X.E("VersionLabel", e.VersionLabel),
                    X.E("TemplateName", e.TemplateName),
                    X.E("EnvironmentName", e.EnvironmentName),
                    X.E("RequestId", e.RequestId),
                    X.E("Severity", e.Severity),
                ]), X.E("NextToken", page.NextToken));
            }

            case "CheckDNSAvailability":
            {
                var available = _state.CheckDnsAvailability(p.Required("CNAMEPrefix"), out var cname);
                return X.Response(action, id, X.E("Available", available), X.E("FullyQualifiedCNAME", cname));
            }

            case "ListPlatformVersions":
            {
                var platforms = FilterPlatforms(p);
                var page = Paginate(platforms, p, action);
                return X.Response(action, id, X.L("PlatformSummaryList", page.Items, PlatformXml), X.E("NextToken", page.NextToken));
            }

            case "ListAvailableSolutionStacks":
                return X.Response(
                    action,
                    id,
                    X.Strings("SolutionStacks", _state.Platforms.Select(s => s.SolutionStackName)),
                    X.L("SolutionStackDetails", _state.Platforms, s => [X.E("SolutionStackName", s.SolutionStackName), X.Strings("PermittedFileTypes", ["jar", "zip"])]));
            case "ListTagsForResource":
            {
                var (arn, tags) = _state.ListTags(p.Required("ResourceArn"));
                return X.Response(action, id, X.E("ResourceArn", arn), X.Tags("ResourceTags", tags));
            }

            case "UpdateTagsForResource":
                _state.UpdateTags(p.Required("ResourceArn"), p.Tags("TagsToAdd"), p.List("TagsToRemove"));
                return X.EmptyResponse(action, id);
            default:
                throw new AwsSimException(C.Errors.InvalidAction, $"The action {action} is not valid for this web service.");
        }
    }

    public JsonNode DumpState() => _state.DumpState();

    public ValueTask DisposeAsync() => _state.DisposeAsync();

    private static IReadOnlyList<EbOptionSetting> Options(QueryParams p, string name)
        => [.. p.Structs(name).Select(o => new EbOptionSetting(o.Required("Namespace"), o.Required("OptionName"), o.Get("Value"), o.Get("ResourceName")))];

    private static void ApplyLifecycle(EbApplication app, QueryParams config)
    {
        app.ServiceRole = config.Get("ServiceRole") ?? app.ServiceRole;
        var count = config.Struct("VersionLifecycleConfig.MaxCountRule");
        app.MaxCountEnabled = count.Bool("Enabled") ?? app.MaxCountEnabled;
        app.MaxCount = count.Int("MaxCount") ?? app.MaxCount;
        app.MaxCountDeleteSource = count.Bool("DeleteSourceFromS3") ?? app.MaxCountDeleteSource;
        var age = config.Struct("VersionLifecycleConfig.MaxAgeRule");
        app.MaxAgeEnabled = age.Bool("Enabled") ?? app.MaxAgeEnabled;
        app.MaxAgeInDays = age.Int("MaxAgeInDays") ?? app.MaxAgeInDays;
        app.MaxAgeDeleteSource = age.Bool("DeleteSourceFromS3") ?? app.MaxAgeDeleteSource;
    }

    private static System.Xml.Linq.XElement LifecycleXml(EbApplication a) => X.S(
        "ResourceLifecycleConfig",
        X.E("ServiceRole", a.ServiceRole),
        X.S(
            "VersionLifecycleConfig",
            X.S("MaxCountRule", X.E("Enabled", a.MaxCountEnabled), X.E("MaxCount", a.MaxCount), X.E("DeleteSourceFromS3", a.MaxCountDeleteSource)),
            X.S("MaxAgeRule", X.E("Enabled", a.MaxAgeEnabled), X.E("MaxAgeInDays", a.MaxAgeInDays), X.E("DeleteSourceFromS3", a.MaxAgeDeleteSource))));

    private static System.Xml.Linq.XElement OptionsXml(string name, IEnumerable<EbOptionSetting> options)
        => X.L(name, options, o => [X.E("ResourceName", o.ResourceName), X.E("Namespace", o.Namespace), X.E("OptionName", o.OptionName), X.E("Value", o.Value)]);

    private SimPage<T> Paginate<T>(IReadOnlyList<T> all, QueryParams p, string action)
    {
        var size = p.Int("MaxRecords");
        if (size is < 1 or > 1000)
        {
            throw EbErrors.Invalid($"Value {size} for parameter MaxRecords is invalid. It must be between 1 and 1000.");
        }

        return world.Paging.Page(C.SigningName, action, all, p.Get("NextToken"), size, invalidTokenCode: C.Errors.InvalidParameterValue);
    }

    private List<EbPlatform> FilterPlatforms(QueryParams p)
    {
        IEnumerable<EbPlatform> result = _state.Platforms;
        foreach (var filter in p.Structs("Filters"))
        {
            var type = filter.Required("Type");
            var op = filter.Get("Operator") ?? "=";
            var values = filter.List("Values");
            Func<EbPlatform, string?> field = type switch
            {
                "PlatformName" => x => x.BranchName,
                "PlatformVersion" => x => x.Version,
                "PlatformStatus" => _ => "Ready",
                "PlatformBranchName" => x => x.BranchName,
                "PlatformLifecycleState" => _ => null,
                "PlatformOwner" => _ => "AWSElasticBeanstalk",
                "SupportedTier" => _ => "WebServer/Standard",
                "SupportedAddon" => _ => "Log/S3",
                "ProgrammingLanguageName" => x => x.LanguageName,
                "OperatingSystemName" => _ => "Amazon Linux",
                _ => throw EbErrors.Invalid($"Invalid filter type '{type}'."),
            };
            result = result.Where(x => Matches(field(x), op, values, type == "PlatformVersion")).ToList();
        }

        return [.. result];
    }

    private static bool Matches(string? actual, string op, IReadOnlyList<string> values, bool isVersion)
    {
        if (actual is null)
        {
            return op == "!=";
        }

        return op switch
        {
            "=" => values.Contains(actual),
            "!=" => !values.Contains(actual),
            "contains" => values.Any(v => actual.Contains(v, StringComparison.Ordinal)),
            "begins_with" => values.Any(v => actual.StartsWith(v, StringComparison.Ordinal)),
            "ends_with" => values.Any(v => actual.EndsWith(v, StringComparison.Ordinal)),
            "<" or "<=" or ">" or ">=" when isVersion && values.Count == 1 && Version.TryParse(actual, out var a) && Version.TryParse(values[0], out var b) => op switch
            {
                "<" => a < b,
                "<=" => a <= b,
                ">" => a > b,
                _ => a >= b,
            },
            _ => throw EbErrors.Invalid($"Invalid filter operator '{op}'."),
        };
    }

    private object?[] ApplicationXml(EbApplication a) =>
    [
        X.E("ApplicationArn", a.Arn),
        X.E("ApplicationName", a.Name),
        X.E("Description", a.Description),
        X.E("DateCreated", a.Created),
        X.E("DateUpdated", a.Updated),
        X.Strings("Versions", _state.VersionLabelsOf(a.Name)),
        X.Strings("ConfigurationTemplates", _state.TemplateNamesOf(a.Name)),
        LifecycleXml(a),
    ];

    private object?[] VersionXml(EbApplicationVersion v) =>
    [
        X.E("ApplicationVersionArn", v.Arn),
        X.E("ApplicationName", v.ApplicationName),
        X.E("Description", v.Description),
        X.E("VersionLabel", v.Label),
        v.S3Bucket is null ? null : X.S("SourceBundle", X.E("S3Bucket", v.S3Bucket), X.E("S3Key", v.S3Key)),
        X.E("DateCreated", v.Created),
        X.E("DateUpdated", v.Updated),
        X.E("Status", v.StatusAt(_state.Now)),
    ];

    private static object?[] TemplateXml(EbConfigurationTemplate t) =>
    [
        X.E("SolutionStackName", t.Platform.SolutionStackName),
        X.E("PlatformArn", t.Platform.Arn),
        X.E("ApplicationName", t.ApplicationName),
        X.E("TemplateName", t.Name),
        X.E("Description", t.Description),
        X.E("DateCreated", t.Created),
        X.E("DateUpdated", t.Updated),
        OptionsXml("OptionSettings", t.Options),
    ];

    private object?[] EnvironmentXml(EbEnvironment e)
    {
        var status = _state.StatusOf(e);
        var health = _state.HealthOf(e);
        return
        [
            X.E("EnvironmentName", e.Name),
            X.E("EnvironmentId", e.Id),
            X.E("ApplicationName", e.ApplicationName),
            X.E("VersionLabel", e.VersionLabel),
            X.E("SolutionStackName", e.Platform.SolutionStackName),
            X.E("PlatformArn", e.Platform.Arn),
            X.E("TemplateName", e.TemplateName),
            X.E("Description", e.Description),
            X.E("EndpointURL", e.LoadBalancerDns),
            X.E("CNAME", e.Cname),
            X.E("DateCreated", e.Created),
            X.E("DateUpdated", e.Updated),
            X.E("Status", status),
            X.E("AbortableOperationInProgress", status == C.Updating),
            X.E("Health", health.Color),
            X.E("HealthStatus", health.HealthStatus),
            X.S("Tier", X.E("Name", "WebServer"), X.E("Type", "Standard"), X.E("Version", "1.0")),
            X.L("EnvironmentLinks", Array.Empty<string>(), l => [X.E("LinkName", l)]),
            X.E("EnvironmentArn", e.Arn),
        ];
    }

    private static object?[] PlatformXml(EbPlatform x) =>
    [
        X.E("PlatformArn", x.Arn),
        X.E("PlatformOwner", "AWSElasticBeanstalk"),
        X.E("PlatformStatus", "Ready"),
        X.E("PlatformCategory", x.Category),
        X.E("OperatingSystemName", "Amazon Linux"),
        X.E("OperatingSystemVersion", "2023"),
        X.Strings("SupportedTierList", ["WebServer/Standard", "Worker/SQS/HTTP"]),
        X.Strings("SupportedAddonList", ["Log/S3", "Monitoring/Healthd", "WorkerDaemon/SQSD"]),
        X.E("PlatformVersion", x.Version),
        X.E("PlatformBranchName", x.BranchName),
        X.E("PlatformBranchLifecycleState", x.BranchLifecycleState),
    ];

    private object?[] EnvironmentHealthXml(QueryParams p)
    {
        var (environment, health, metrics, duration) = _state.DescribeHealth(p.Get("EnvironmentId"), p.Get("EnvironmentName"));
        var wanted = Attributes(p);
        bool Want(string name) => wanted.Contains("All") || wanted.Contains(name);
        return
        [
            X.E("EnvironmentName", environment.Name),
            Want("HealthStatus") ? X.E("HealthStatus", health.HealthStatus) : null,
            Want("Status") ? X.E("Status", _state.StatusOf(environment)) : null,
            Want("Color") ? X.E("Color", health.Color) : null,
            Want("Causes") ? X.Strings("Causes", health.Causes) : null,
            Want("ApplicationMetrics") ? MetricsXml(metrics, duration) : null,
            Want("InstancesHealth") ? X.S("InstancesHealth", [.. new[] { C.NoData, C.Unknown, C.Pending, C.Ok, C.Info, C.Warning, C.Degraded, C.Severe }.Select(k => X.E(k, health.Instances[k]))]) : null,
            Want("RefreshedAt") ? X.E("RefreshedAt", _state.Now) : null,
        ];
    }

    private object?[] InstancesHealthXml(QueryParams p)
    {
        var (environment, health, _, _) = _state.DescribeHealth(p.Get("EnvironmentId"), p.Get("EnvironmentName"));
        var wanted = Attributes(p);
        bool Want(string name) => wanted.Contains("All") || wanted.Contains(name);
        var instances = _state.Instances(environment);
        var page = Paginate(instances, p, "DescribeInstancesHealth");
        return
        [
            X.L("InstanceHealthList", page.Items, i =>
            {
                var status = health.InstanceStatus.GetValueOrDefault(i.Id, C.NoData);
                return
                [
                    X.E("InstanceId", i.Id),
                    Want("HealthStatus") ? X.E("HealthStatus", status) : null,
                    Want("Color") ? X.E("Color", status switch { C.Ok => C.Green, C.Severe => C.Red, C.Warning => C.Yellow, _ => C.Grey }) : null,
                    Want("Causes") ? X.Strings("Causes", status == C.Severe ? ["Instance failed ELB health checks."] : []) : null,
                    Want("LaunchedAt") ? X.E("LaunchedAt", i.LaunchedAt) : null,
                    Want("Deployment") ? X.S("Deployment", X.E("VersionLabel", i.Server.VersionLabel), X.E("DeploymentId", i.DeploymentId), X.E("Status", "Deployed"), X.E("DeploymentTime", i.DeployedAt)) : null,
                    Want("AvailabilityZone") ? X.E("AvailabilityZone", i.AvailabilityZone) : null,
                    Want("InstanceType") ? X.E("InstanceType", environment.Option(C.LaunchConfigurationNamespace, "InstanceType") ?? "t3.micro") : null,
                ];
            }),
            Want("RefreshedAt") ? X.E("RefreshedAt", _state.Now) : null,
            X.E("NextToken", page.NextToken),
        ];
    }

    private static HashSet<string> Attributes(QueryParams p)
    {
        var names = p.List("AttributeNames");
        return names.Count == 0 ? ["All"] : [.. names];
    }

    private static System.Xml.Linq.XElement? MetricsXml(EbMetricSample? metrics, int duration)
    {
        if (metrics is null)
        {
            return null;
        }

        // One mean for every percentile: the proxy keeps sums, not a latency histogram (docs/simulator-eb-elb.md).
        var latency = metrics.Requests == 0 ? 0 : metrics.Latency.TotalSeconds / metrics.Requests;
        return X.S(
            "ApplicationMetrics",
            X.E("Duration", duration),
            X.E("RequestCount", (int)Math.Min(int.MaxValue, metrics.Requests)),
            X.S("StatusCodes", X.E("Status2xx", (int)metrics.Status2xx), X.E("Status3xx", (int)metrics.Status3xx), X.E("Status4xx", (int)metrics.Status4xx), X.E("Status5xx", (int)metrics.Status5xx)),
            metrics.Requests == 0 ? null : X.S(
                "Latency",
                [.. new[] { "P999", "P99", "P95", "P90", "P85", "P75", "P50", "P10" }.Select(k => X.E(k, Math.Round(latency, 3, MidpointRounding.AwayFromZero)))]));
    }
}
