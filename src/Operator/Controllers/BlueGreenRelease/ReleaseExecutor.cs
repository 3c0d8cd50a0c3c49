using System.Globalization;
using System.Text.Json.Nodes;
using Ebops.Operator.Aws.ElasticBeanstalk;
using Ebops.Operator.Entities;
using Ebops.Operator.Resources;
using Ebops.Operator.Resources.ElasticBeanstalk;
using Ebops.Operator.Resources.Elbv2;
using Ebops.Operator.Runtime.Api;
using k8s;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ebops.Operator.Controllers.BlueGreenRelease;

/// <summary>
/// Performs the one AWS write a release step decided, after its phase is in status. Every action is safe to repeat (a
/// version or environment that exists is found, a registered target stays registered, a listener already forwarding
/// there is set again); a terminal AWS error is Stalled on the spec field it came from.
/// </summary>
internal sealed class ReleaseExecutor(
    ApplicationVersionManager versions,
    EnvironmentManager environments,
    TargetGroupManager targetGroups,
    ListenerManager listeners,
    IResourceClient<Entities.NlbFrontend> frontends,
    IOptions<ControllerSettings> settings,
    TimeProvider time,
    ILogger<ReleaseExecutor> logger)
{
    public const string VersionComponent = "version";

    public Task ExecuteAsync(ReleaseAction action, ReleaseInputs inputs, CancellationToken cancellationToken) => action switch
    {
        CreateApplicationVersion create => AwsFailures.GuardAsync("spec.version", () => versions.CreateAsync(inputs.ApplicationName, create.Label,
            create.Bucket, create.Key, ResourceOwners.For(inputs.Release, settings.Value).Tags(VersionComponent), cancellationToken)),
        CreateEnvironment create => AwsFailures.GuardAsync("spec.appRef", () => CreateEnvironmentAsync(create, inputs, cancellationToken)),
        RegisterAlb register => AwsFailures.GuardAsync("spec.frontendRef", () => targetGroups.RegisterAsync(
            GroupOf(inputs, register.Color), register.AlbArn, inputs.App?.Spec.LoadBalancer.ListenerPort, cancellationToken)),
        DeregisterAlb deregister => AwsFailures.GuardAsync("spec.frontendRef", () => targetGroups.DeregisterAsync(
            GroupOf(inputs, deregister.Color), deregister.AlbArn, inputs.App?.Spec.LoadBalancer.ListenerPort, deregister.CloseConnections, cancellationToken)),
        SwitchListener to => AwsFailures.GuardAsync("spec.frontendRef", () => SwitchAsync(to, inputs, cancellationToken)),
        SetWeights weights => AwsFailures.GuardAsync("spec.frontendRef", () => ForwardAsync(inputs, weights.Green, weights.Weight, cancellationToken)),
        SwapCnames swap => AwsFailures.GuardAsync("spec.appRef", () => SwapAsync(swap, inputs, cancellationToken)),
        TerminateEnvironment terminate => AwsFailures.GuardAsync("spec.appRef", () => TerminateAsync(terminate, inputs, cancellationToken)),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "unknown release action"),
    };

    private async Task CreateEnvironmentAsync(CreateEnvironment create, ReleaseInputs inputs, CancellationToken cancellationToken)
    {
        var app = inputs.App ?? throw new InvalidOperationException("the BeanstalkApp left the cache");
        var template = app.Status?.TemplateName ?? throw new InvalidOperationException($"BeanstalkApp {app.Metadata.Name} has no configuration template yet");
        var color = create.Color.Label();
        var tags = new Dictionary<string, string>(ResourceOwners.For(app, settings.Value).Tags(EnvironmentManager.ComponentFor(color)), StringComparer.Ordinal)
        {
            [EnvironmentManager.ReleaseTag] = inputs.Release.Metadata.Name,
            [EnvironmentManager.ReleaseNumberTag] = create.ReleaseNumber.ToString(CultureInfo.InvariantCulture),
        };
        if (app.Status.ConfigurationHash is { } hash)
        {
            tags[EnvironmentManager.ConfigurationHashTag] = hash;
        }

        // Green starts with blue's instance count; the maximum must allow it.
        var maximum = Math.Max(app.Spec.Capacity.Max, create.MinInstances);
        EbTemplateOption[] overrides =
        [
            new(ElasticBeanstalkOptions.AutoScalingGroup, ElasticBeanstalkOptions.MinSize, create.MinInstances.ToString(CultureInfo.InvariantCulture)),
            new(ElasticBeanstalkOptions.AutoScalingGroup, ElasticBeanstalkOptions.MaxSize, maximum.ToString(CultureInfo.InvariantCulture)),
        ];
        await environments.CreateAsync(new EbEnvironmentDesired(inputs.ApplicationName, create.Name, template, create.Label, tags, overrides,
            Description: $"release {create.ReleaseNumber} of {create.Label} by BlueGreenRelease {inputs.Release.Metadata.Name}"), cancellationToken).ConfigureAwait(false);
    }

    private async Task SwitchAsync(SwitchListener to, ReleaseInputs inputs, CancellationToken cancellationToken)
    {
        await ForwardAsync(inputs, to.To, 100, cancellationToken).ConfigureAwait(false);
        await RecordSwitchAsync(inputs, to.To, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Green gets <paramref name="weight"/>% of new connections, the other colour the rest; both groups stay in
    /// the forward so AWS keeps health-checking both (a colour without a group gets everything alone).</summary>
    private Task ForwardAsync(ReleaseInputs inputs, DeploymentColor green, int weight, CancellationToken cancellationToken)
    {
        var listener = inputs.ListenerArn ?? throw new InvalidOperationException($"NlbFrontend {inputs.Release.Spec.FrontendRef?.Name} has no listener yet");
        var to = GroupOf(inputs, green);
        if (inputs.TargetGroupArn(green.Other()) is not { } other)
        {
            return listeners.ForwardAsync(listener, to, cancellationToken);
        }

        return listeners.ForwardAsync(listener, [new WeightedTargetGroup(to, weight), new WeightedTargetGroup(other, 100 - weight)], cancellationToken);
    }

    /// <summary>The NlbFrontend's <c>status.lastSwitch</c> belongs to the release: a merge patch of that field only.</summary>
    private async Task RecordSwitchAsync(ReleaseInputs inputs, DeploymentColor to, CancellationToken cancellationToken)
    {
        if (inputs.Frontend is not { } frontend)
        {
            return;
        }

        var now = time.GetUtcNow();
        var retention = TimeSpan.FromSeconds(inputs.Release.Spec.Strategy.BlueRetention.MaxSeconds);
        var change = new TrafficSwitch { From = to.Other(), To = to, At = now, DrainingUntil = now + retention };
        var patch = new JsonObject { ["status"] = new JsonObject { ["lastSwitch"] = JsonNode.Parse(KubernetesJson.Serialize(change)) } };
        try
        {
            await frontends.PatchStatusAsync(frontend.Metadata.NamespaceProperty, frontend.Metadata.Name, patch, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Reporting only: the switch itself is done and the release's own status records it.
            Log.SwitchNotRecorded(logger, e, inputs.Release.Metadata.NamespaceProperty, inputs.Release.Metadata.Name, frontend.Metadata.Name);
        }
    }

    private async Task SwapAsync(SwapCnames swap, ReleaseInputs inputs, CancellationToken cancellationToken)
    {
        var source = await ReadAsync(inputs, swap.SourceEnvironment, cancellationToken).ConfigureAwait(false);
        var destination = await ReadAsync(inputs, swap.DestinationEnvironment, cancellationToken).ConfigureAwait(false);
        await environments.SwapCnamesAsync(source, destination, cancellationToken).ConfigureAwait(false);
    }

    private async Task TerminateAsync(TerminateEnvironment terminate, ReleaseInputs inputs, CancellationToken cancellationToken)
    {
        if (inputs.Release.Status?.ActiveColor == terminate.Color)
        {
            throw new InvalidOperationException($"refusing to terminate {terminate.Name}: it serves traffic");
        }

        if (await environments.ReadAsync(inputs.ApplicationName, terminate.Name, ReadMode.Live, cancellationToken).ConfigureAwait(false) is { } environment)
        {
            await environments.TerminateAsync(environment, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<EbEnvironment> ReadAsync(ReleaseInputs inputs, string name, CancellationToken cancellationToken) =>
        await environments.ReadAsync(inputs.ApplicationName, name, ReadMode.Live, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"environment {name} is not there (any more)");

    private static string GroupOf(ReleaseInputs inputs, DeploymentColor color) =>
        inputs.TargetGroupArn(color) ?? throw new InvalidOperationException($"NlbFrontend {inputs.Release.Spec.FrontendRef?.Name} has no {color.Label()} target group yet");
}
