using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Ebops.Sandbox.Aws;
using Ebops.Sandbox.Aws.Core;
using Ebops.Sandbox.Aws.ElasticBeanstalk;
using Ebops.Sandbox.Aws.Elbv2;
using Ebops.Sandbox.Tests.Aws.SimModel;
using Microsoft.Extensions.Time.Testing;

namespace Ebops.Sandbox.Tests.Aws.ElasticBeanstalk;

/// <summary>EB and ELBv2 handlers on an in-process <see cref="SimWorld"/> (real EC2 and S3 simulations) and a FakeTimeProvider.</summary>
internal sealed class EbRig : IAsyncDisposable
{
    public const string Stack = "64bit Amazon Linux 2023 v4.3.0 running Corretto 17";
    public const string Bucket = "ebops-bundles";

    public EbRig(double scale = 1, SimQuotas? quotas = null)
    {
        World = new SimWorld(new AwsSimulatorOptions { TimeProvider = Time, Timing = new SimTiming(scale), PageSizes = new Dictionary<string, int>(), Quotas = quotas ?? new() });
        ElbHandler = new Elbv2Handler(World);
        Handler = new ElasticBeanstalkHandler(World);
        Call = new ModelCaller(Handler, "elasticbeanstalk-2010-12-01");
        Elb = new ModelCaller(ElbHandler, "elasticloadbalancingv2-2015-12-01");
        World.S3.CreateBucket(Bucket);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    public SimWorld World { get; }

    public ElasticBeanstalkHandler Handler { get; }

    public Elbv2Handler ElbHandler { get; }

    public ElasticBeanstalkState State => Handler.State;

    public ModelCaller Call { get; }

    public ModelCaller Elb { get; }

    /// <summary>Advances the clock in steps, awaiting the health-check rounds each step starts.</summary>
    public async Task AdvanceAsync(TimeSpan total, TimeSpan? step = null)
    {
        var by = step ?? TimeSpan.FromSeconds(5);
        for (var elapsed = TimeSpan.Zero; elapsed < total; elapsed += by)
        {
            Time.Advance(by < total - elapsed ? by : total - elapsed);
            await ElbHandler.State.HealthRoundsAsync();
        }
    }

    public async Task VersionAsync(string application, string label)
    {
        World.S3.PutObject(Bucket, $"{application}/{label}.zip", [1, 2, 3]);
        await Call.CallAsync(
            "CreateApplicationVersion",
            ("ApplicationName", application),
            ("VersionLabel", label),
            ("SourceBundle.S3Bucket", Bucket),
            ("SourceBundle.S3Key", $"{application}/{label}.zip"),
            ("Process", "true"));
    }

    /// <summary>
    /// Creates the application (once), the version, and an environment running it with <paramref name="options"/>
    /// added to its settings; returns the environment id.
    /// </summary>
    public async Task<string> LaunchAsync(string application, string environment, string version, int minSize = 2, string? cnamePrefix = null, params (string Namespace, string Name, string Value)[] options)
    {
        if ((await Call.CallAsync("DescribeApplications", ("ApplicationNames.member.1", application))).Descendants(Call.Ns + "ApplicationName").All(e => e.Value != application))
        {
            await Call.CallAsync("CreateApplication", ("ApplicationName", application));
        }

        if ((await Call.CallAsync("DescribeApplicationVersions", ("ApplicationName", application), ("VersionLabels.member.1", version))).Descendants(Call.Ns + "VersionLabel").All(e => e.Value != version))
        {
            await VersionAsync(application, version);
        }

        (string Key, string Value)[] extra = [.. options.SelectMany((o, i) => new[]
        {
            ($"OptionSettings.member.{i + 3}.Namespace", o.Namespace),
            ($"OptionSettings.member.{i + 3}.OptionName", o.Name),
            ($"OptionSettings.member.{i + 3}.Value", o.Value),
        })];
        var result = await Call.CallAsync(
            "CreateEnvironment",
            [
                ("ApplicationName", application),
                ("EnvironmentName", environment),
                ("CNAMEPrefix", cnamePrefix ?? environment),
                ("SolutionStackName", Stack),
                ("VersionLabel", version),
                ("OptionSettings.member.1.Namespace", "aws:autoscaling:asg"),
                ("OptionSettings.member.1.OptionName", "MinSize"),
                ("OptionSettings.member.1.Value", minSize.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("OptionSettings.member.2.Namespace", "aws:elasticbeanstalk:environment:process:default"),
                ("OptionSettings.member.2.OptionName", "HealthCheckPath"),
                ("OptionSettings.member.2.Value", "/health"),
                ("Tags.member.1.Key", "ebops.io/owner"),
                ("Tags.member.1.Value", "default/web"),
                .. extra,
            ]);
        return Call.Text(result, "EnvironmentId")!;
    }

    /// <summary>Advances the clock in <paramref name="step"/>s until <paramref name="condition"/> holds; fails after <paramref name="limit"/> of simulated time.</summary>
    public async Task AdvanceUntilAsync(Func<Task<bool>> condition, TimeSpan limit, TimeSpan? step = null)
    {
        var by = step ?? TimeSpan.FromSeconds(5);
        for (var elapsed = TimeSpan.Zero; !await condition(); elapsed += by)
        {
            Assert.True(elapsed < limit, $"the condition did not hold within {limit} of simulated time");
            await AdvanceAsync(by, by);
        }
    }

    /// <summary>The environment's instances (DescribeInstancesHealth, all attributes), in launch order.</summary>
    public async Task<IReadOnlyList<InstanceView>> InstancesAsync(string environment)
    {
        var result = await Call.CallAsync("DescribeInstancesHealth", ("EnvironmentName", environment), ("AttributeNames.member.1", "All"));
        return [.. Call.Members(result, "InstanceHealthList").Select(i => new InstanceView(
            Call.Text(i, "InstanceId")!,
            Call.Text(i, "HealthStatus"),
            Call.Text(i, "Deployment/VersionLabel"),
            Call.Text(i, "Deployment/Status"),
            Call.Text(i, "Deployment/DeploymentId")))];
    }

    /// <summary>The environment's event messages dated at or after <paramref name="since"/>, oldest first, without health transitions.</summary>
    public async Task<IReadOnlyList<string>> EventsAsync(string environment, DateTimeOffset since, string? severity = null)
    {
        (string Key, string Value)[] query = [("EnvironmentName", environment), ("StartTime", since.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture))];
        var result = await Call.CallAsync("DescribeEvents", [.. query, .. severity is null ? [] : new[] { ("Severity", severity) }]);
        return [.. Call.Members(result, "Events")
            .Select(e => Call.Text(e, "Message")!)
            .Where(m => !m.StartsWith("Environment health has transitioned", StringComparison.Ordinal))
            .Reverse()];
    }

    public async Task<XElement> EnvironmentAsync(string name)
    {
        var result = await Call.CallAsync("DescribeEnvironments", ("EnvironmentNames.member.1", name), ("IncludeDeleted", "false"));
        return Assert.Single(Call.Members(result, "Environments"));
    }

    public async Task<(string? Status, string? Health, string? HealthStatus)> StatusAsync(string name)
    {
        var result = await Call.CallAsync("DescribeEnvironments", ("EnvironmentNames.member.1", name));
        var environment = Call.Members(result, "Environments").Last();
        return (Call.Text(environment, "Status"), Call.Text(environment, "Health"), Call.Text(environment, "HealthStatus"));
    }

    /// <summary>Query parameters of a ConfigurationOptionSetting list (<c>{list}.member.N.Namespace</c>, ...); null values are not sent.</summary>
    public static IEnumerable<(string Key, string Value)> Options(string list, params (string Namespace, string Name, string? Value)[] options) =>
        options.SelectMany((o, i) => new (string Key, string? Value)[]
        {
            ($"{list}.member.{i + 1}.Namespace", o.Namespace),
            ($"{list}.member.{i + 1}.OptionName", o.Name),
            ($"{list}.member.{i + 1}.Value", o.Value),
        }.Where(p => p.Value is not null).Select(p => (p.Key, p.Value!)));

    public static async Task<string> GetVersionAsync(HttpClient client, IPEndPoint endpoint)
    {
        var body = await client.GetStringAsync(new Uri($"http://{endpoint}/"), TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("version").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        await Handler.DisposeAsync();
        await ElbHandler.DisposeAsync();
    }
}
