using System.Globalization;
using System.Text.Json.Nodes;
using Ebops.Sandbox.Aws.Core;
using X = Ebops.Sandbox.Aws.Core.SimXml;
using C = Ebops.Sandbox.Aws.ElasticBeanstalk.EbConstants;

namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>
/// The Elastic Beanstalk (2010-12-01) Query-protocol handler: parses the flattened parameters, calls
/// <see cref="ElasticBeanstalkState"/>, and renders responses with the official model's element names.
/// </summary>
public sealed class ElasticBeanstalkHandler(SimWorld world) : IAwsServiceHandler, ISimStateSource, IAsyncDisposable
{
    private static readonly SimParamErrors ParamErrors = SimParamErrors.Validation(
        static (name, _) => EbErrors.Missing(name),
        static (_, message) => EbErrors.Invalid(message));

    private readonly ElasticBeanstalkState _state = ElasticBeanstalkState.For(world);

    public string SigningName => C.SigningName;

    public string StateName => C.SigningName;

    /// <summary>The simulation behind this handler (in-process access for tests and the demo).</summary>
    public ElasticBeanstalkState State => _state;

    public async ValueTask<SimResponse> HandleAsync(SimRequest request, CancellationToken cancellationToken)
    {
        var p = new SimParams(request.Parameters, ParamErrors);
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

                return Respond(action, id, X.E("Application", ApplicationXml(app)));
            }

            case "DescribeApplications":
                return Respond(action, id, X.Members("Applications", _state.DescribeApplications(p.Members("ApplicationNames")), ApplicationXml));
            case "UpdateApplicationResourceLifecycle":
            {
                var app = _state.UpdateApplicationResourceLifecycle(p.Required("ApplicationName"), a => ApplyLifecycle(a, p.Struct("ResourceLifecycleConfig")));
                return Respond(action, id, X.Opt("ApplicationName", app.Name), LifecycleXml(app));
            }

            case "DeleteApplication":
                await _state.DeleteApplicationAsync(p.Required("ApplicationName"), p.Bool("TerminateEnvByForce") ?? false, id).ConfigureAwait(false);
                return RespondEmpty(action, id);
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
                return Respond(action, id, X.E("ApplicationVersion", VersionXml(version)));
            }

            case "DescribeApplicationVersions":
            {
                var all = _state.DescribeApplicationVersions(p.Get("ApplicationName"), p.Members("VersionLabels"));
                var page = Paginate(all, p, action);
                return Respond(action, id, X.Members("ApplicationVersions", page.Items, VersionXml), X.Opt("NextToken", page.NextToken));
            }

            case "DeleteApplicationVersion":
                _state.DeleteApplicationVersion(p.Required("ApplicationName"), p.Required("VersionLabel"), p.Bool("DeleteSourceBundle") ?? false);
                return RespondEmpty(action, id);
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
                return Respond(action, id, TemplateXml(template));
            }

            case "UpdateConfigurationTemplate":
            {
                var template = _state.UpdateConfigurationTemplate(
                    p.Required("ApplicationName"),
                    p.Required("TemplateName"),
                    p.Get("Description"),
                    Options(p, "OptionSettings"),
                    Options(p, "OptionsToRemove"));
                return Respond(action, id, TemplateXml(template));
            }

            case "DeleteConfigurationTemplate":
                _state.DeleteConfigurationTemplate(p.Required("ApplicationName"), p.Required("TemplateName"));
                return RespondEmpty(action, id);
            case "DescribeConfigurationSettings":
            {
                var c = _state.DescribeConfigurationSettings(p.Required("ApplicationName"), p.Get("TemplateName"), p.Get("EnvironmentName"));
                return Respond(action, id, X.Members("ConfigurationSettings", [c], s =>
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
                return Respond(action, id, EnvironmentXml(environment));
            }

            case "DescribeEnvironments":
            {
                var all = _state.DescribeEnvironments(
                    p.Get("ApplicationName"),
                    p.Get("VersionLabel"),
                    p.Members("EnvironmentIds"),
                    p.Members("EnvironmentNames"),
                    p.Bool("IncludeDeleted") ?? true,
                    p.Timestamp("IncludedDeletedBackTo"));
                var page = Paginate(all, p, action);
                return Respond(action, id, X.Members("Environments", page.Items, EnvironmentXml), X.Opt("NextToken", page.NextToken));
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
                return Respond(action, id, EnvironmentXml(environment));
            }

            case "TerminateEnvironment":
            {
                var environment = await _state.TerminateEnvironmentAsync(p.Get("EnvironmentId"), p.Get("EnvironmentName"), id).ConfigureAwait(false);
                return Respond(action, id, EnvironmentXml(environment));
            }

            case "SwapEnvironmentCNAMEs":
                _state.SwapEnvironmentCnames(p.Get("SourceEnvironmentId"), p.Get("SourceEnvironmentName"), p.Get("DestinationEnvironmentId"), p.Get("DestinationEnvironmentName"), id);
                return RespondEmpty(action, id);
            case "DescribeEnvironmentResources":
            {
                var r = _state.DescribeEnvironmentResources(p.Get("EnvironmentId"), p.Get("EnvironmentName"));
                return Respond(action, id, X.E(
                    "EnvironmentResources",
                    X.Opt("EnvironmentName", r.Name),
                    X.Members("AutoScalingGroups", [r.AutoScalingGroup], g => [X.Opt("Name", g)]),
                    X.Members("Instances", r.Instances, i => [X.Opt("Id", i)]),
                    X.Members("LaunchConfigurations", Array.Empty<string>(), l => [X.Opt("Name", l)]),
                    X.Members("LaunchTemplates", [r.LaunchTemplate], l => [X.Opt("Id", l)]),
                    X.Members("LoadBalancers", r.LoadBalancer is null ? Array.Empty<string>() : [r.LoadBalancer], l => [X.Opt("Name", l)]),
                    X.Members("Triggers", Array.Empty<string>(), t => [X.Opt("Name", t)]),
                    X.Members("Queues", Array.Empty<string>(), q => [X.Opt("Name", q)])));
            }

            case "DescribeEnvironmentHealth":
                return Respond(action, id, EnvironmentHealthXml(p));
            case "DescribeInstancesHealth":
                return Respond(action, id, InstancesHealthXml(p));
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
                return Respond(action, id, X.Members("Events", page.Items, e =>
                [
                    X.Opt("EventDate", e.Date),
                    X.Opt("Message", e.Message),
                    X.Opt("ApplicationName", e.ApplicationName),
                    X.Opt("VersionLabel", e.VersionLabel),
                    X.Opt("TemplateName", e.TemplateName),
                    X.Opt("EnvironmentName", e.EnvironmentName),
                    X.Opt("RequestId", e.RequestId),
                    X.Opt("Severity", e.Severity),
                ]), X.Opt("NextToken", page.NextToken));
            }

            case "CheckDNSAvailability":
            {
                var available = _state.CheckDnsAvailability(p.Required("CNAMEPrefix"), out var cname);
                return Respond(action, id, X.Opt("Available", available), X.Opt("FullyQualifiedCNAME", cname));
            }

            case "ListPlatformVersions":
            {
                var platforms = FilterPlatforms(p);
                var page = Paginate(platforms, p, action);
                return Respond(action, id, X.Members("PlatformSummaryList", page.Items, PlatformXml), X.Opt("NextToken", page.NextToken));
            }

            case "ListAvailableSolutionStacks":
                return Respond(
                    action,
                    id,
                    X.Strings("SolutionStacks", _state.Platforms.Select(s => s.SolutionStackName)),
                    X.Members("SolutionStackDetails", _state.Platforms, s => [X.Opt("SolutionStackName", s.SolutionStackName), X.Strings("PermittedFileTypes", ["jar", "zip"])]));
            case "ListTagsForResource":
            {
                var (arn, tags) = _state.ListTags(p.Required("ResourceArn"));
                return Respond(action, id, X.Opt("ResourceArn", arn), X.Tags("ResourceTags", tags));
            }

            case "UpdateTagsForResource":
                _state.UpdateTags(p.Required("ResourceArn"), p.Tags("TagsToAdd"), p.Members("TagsToRemove"));
                return RespondEmpty(action, id);
            default:
                throw new AwsSimException(C.Errors.InvalidAction, $"The action {action} is not valid for this web service.");
        }
    }

    public JsonNode DumpState() => _state.DumpState();

    public ValueTask DisposeAsync() => _state.DisposeAsync();

    private static IReadOnlyList<EbOptionSetting> Options(SimParams p, string name)
        => [.. p.Structs(name).Select(o => new EbOptionSetting(o.Required("Namespace"), o.Required("OptionName"), o.Get("Value"), o.Get("ResourceName")))];

    private static void ApplyLifecycle(EbApplication app, SimParams config)
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

    private static System.Xml.Linq.XElement LifecycleXml(EbApplication a) => X.E(
        "ResourceLifecycleConfig",
        X.Opt("ServiceRole", a.ServiceRole),
        X.E(
            "VersionLifecycleConfig",
            X.E("MaxCountRule", X.Opt("Enabled", a.MaxCountEnabled), X.Opt("MaxCount", a.MaxCount), X.Opt("DeleteSourceFromS3", a.MaxCountDeleteSource)),
            X.E("MaxAgeRule", X.Opt("Enabled", a.MaxAgeEnabled), X.Opt("MaxAgeInDays", a.MaxAgeInDays), X.Opt("DeleteSourceFromS3", a.MaxAgeDeleteSource))));

    private static System.Xml.Linq.XElement OptionsXml(string name, IEnumerable<EbOptionSetting> options)
        => X.Members(name, options, o => [X.Opt("ResourceName", o.ResourceName), X.Opt("Namespace", o.Namespace), X.Opt("OptionName", o.OptionName), X.Opt("Value", o.Value)]);

    private SimPage<T> Paginate<T>(IReadOnlyList<T> all, SimParams p, string action)
    {
        var size = p.Int("MaxRecords");
        if (size is < 1 or > 1000)
        {
            throw EbErrors.Invalid($"Value {size} for parameter MaxRecords is invalid. It must be between 1 and 1000.");
        }

        return world.Paging.Page(C.SigningName, action, all, p.Get("NextToken"), size, invalidTokenCode: C.Errors.InvalidParameterValue);
    }

    private List<EbPlatform> FilterPlatforms(SimParams p)
    {
        IEnumerable<EbPlatform> result = _state.Platforms;
        foreach (var filter in p.Structs("Filters"))
        {
            var type = filter.Required("Type");
            var op = filter.Get("Operator") ?? "=";
            var values = filter.Members("Values");
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
        X.Opt("ApplicationArn", a.Arn),
        X.Opt("ApplicationName", a.Name),
        X.Opt("Description", a.Description),
        X.Opt("DateCreated", a.Created),
        X.Opt("DateUpdated", a.Updated),
        X.Strings("Versions", _state.VersionLabelsOf(a.Name)),
        X.Strings("ConfigurationTemplates", _state.TemplateNamesOf(a.Name)),
        LifecycleXml(a),
    ];

    private object?[] VersionXml(EbApplicationVersion v) =>
    [
        X.Opt("ApplicationVersionArn", v.Arn),
        X.Opt("ApplicationName", v.ApplicationName),
        X.Opt("Description", v.Description),
        X.Opt("VersionLabel", v.Label),
        v.S3Bucket is null ? null : X.E("SourceBundle", X.Opt("S3Bucket", v.S3Bucket), X.Opt("S3Key", v.S3Key)),
        X.Opt("DateCreated", v.Created),
        X.Opt("DateUpdated", v.Updated),
        X.Opt("Status", v.StatusAt(_state.Now)),
    ];

    private static object?[] TemplateXml(EbConfigurationTemplate t) =>
    [
        X.Opt("SolutionStackName", t.Platform.SolutionStackName),
        X.Opt("PlatformArn", t.Platform.Arn),
        X.Opt("ApplicationName", t.ApplicationName),
        X.Opt("TemplateName", t.Name),
        X.Opt("Description", t.Description),
        X.Opt("DateCreated", t.Created),
        X.Opt("DateUpdated", t.Updated),
        OptionsXml("OptionSettings", t.Options),
    ];

    private object?[] EnvironmentXml(EbEnvironment e)
    {
        var status = _state.StatusOf(e);
        var health = _state.HealthOf(e);
        return
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
    }

    private static object?[] PlatformXml(EbPlatform x) =>
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

    private object?[] EnvironmentHealthXml(SimParams p)
    {
        var (environment, health, metrics, duration) = _state.DescribeHealth(p.Get("EnvironmentId"), p.Get("EnvironmentName"));
        var wanted = Attributes(p);
        bool Want(string name) => wanted.Contains("All") || wanted.Contains(name);
        return
        [
            X.Opt("EnvironmentName", environment.Name),
            Want("HealthStatus") ? X.Opt("HealthStatus", health.HealthStatus) : null,
            Want("Status") ? X.Opt("Status", _state.StatusOf(environment)) : null,
            Want("Color") ? X.Opt("Color", health.Color) : null,
            Want("Causes") ? X.Strings("Causes", health.Causes) : null,
            Want("ApplicationMetrics") ? MetricsXml(metrics, duration) : null,
            Want("InstancesHealth") ? X.E("InstancesHealth", [.. new[] { C.NoData, C.Unknown, C.Pending, C.Ok, C.Info, C.Warning, C.Degraded, C.Severe }.Select(k => X.Opt(k, health.Instances[k]))]) : null,
            Want("RefreshedAt") ? X.Opt("RefreshedAt", _state.Now) : null,
        ];
    }

    private object?[] InstancesHealthXml(SimParams p)
    {
        var (environment, health, _, _) = _state.DescribeHealth(p.Get("EnvironmentId"), p.Get("EnvironmentName"));
        var wanted = Attributes(p);
        bool Want(string name) => wanted.Contains("All") || wanted.Contains(name);
        var instances = _state.Instances(environment);
        var page = Paginate(instances, p, "DescribeInstancesHealth");
        return
        [
            X.Members("InstanceHealthList", page.Items, i =>
            {
                var status = health.InstanceStatus.GetValueOrDefault(i.Id, C.NoData);
                return
                [
                    X.Opt("InstanceId", i.Id),
                    Want("HealthStatus") ? X.Opt("HealthStatus", status) : null,
                    Want("Color") ? X.Opt("Color", status switch { C.Ok => C.Green, C.Severe => C.Red, C.Warning => C.Yellow, _ => C.Grey }) : null,
                    Want("Causes") ? X.Strings("Causes", status == C.Severe ? ["Instance failed ELB health checks."] : []) : null,
                    Want("LaunchedAt") ? X.Opt("LaunchedAt", i.LaunchedAt) : null,
                    Want("Deployment") ? X.E("Deployment", X.Opt("VersionLabel", i.Server.VersionLabel), X.Opt("DeploymentId", i.DeploymentId), X.Opt("Status", "Deployed"), X.Opt("DeploymentTime", i.DeployedAt)) : null,
                    Want("AvailabilityZone") ? X.Opt("AvailabilityZone", i.AvailabilityZone) : null,
                    Want("InstanceType") ? X.Opt("InstanceType", environment.Option(C.LaunchConfigurationNamespace, "InstanceType") ?? "t3.micro") : null,
                ];
            }),
            Want("RefreshedAt") ? X.Opt("RefreshedAt", _state.Now) : null,
            X.Opt("NextToken", page.NextToken),
        ];
    }

    private static HashSet<string> Attributes(SimParams p)
    {
        var names = p.Members("AttributeNames");
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
        return X.E(
            "ApplicationMetrics",
            X.Opt("Duration", duration),
            X.Opt("RequestCount", (int)Math.Min(int.MaxValue, metrics.Requests)),
            X.E("StatusCodes", X.Opt("Status2xx", (int)metrics.Status2xx), X.Opt("Status3xx", (int)metrics.Status3xx), X.Opt("Status4xx", (int)metrics.Status4xx), X.Opt("Status5xx", (int)metrics.Status5xx)),
            metrics.Requests == 0 ? null : X.E(
                "Latency",
                [.. new[] { "P999", "P99", "P95", "P90", "P85", "P75", "P50", "P10" }.Select(k => X.Opt(k, Math.Round(latency, 3, MidpointRounding.AwayFromZero)))]));
    }

    // This service has always answered without an XML declaration and with an (empty) Result element even for
    // outputs without members; kept byte-for-byte.
    private static SimResponse Respond(string action, string requestId, params object?[] result) =>
        SimXml.QueryResponse(C.XmlNamespace, action, requestId, result, declaration: false);

    private static SimResponse RespondEmpty(string action, string requestId) =>
        SimXml.QueryResponse(C.XmlNamespace, action, requestId, null, declaration: false);
}
