using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Status;
using Ebops.Sandbox.Aws.Core;
using Ebops.Sandbox.Aws.Elbv2;
using k8s;
using Bgr = Ebops.Operator.Entities.BlueGreenRelease;

namespace Ebops.Operator.Tests.Controllers.Support.Release;

/// <summary>What release tests do to a <see cref="ReleaseWorld"/>, in the words of a user (set a version, signal) and
/// of an auditor (which AWS calls succeeded, where requests through the NLB were answered).</summary>
internal static class ReleaseScript
{
    public const string Eb = "elasticbeanstalk";
    public const string Elb = "elasticloadbalancing";

    /// <summary>The app (with its database when <paramref name="database"/>), its NLB (unless <paramref name="frontend"/>
    /// is false, changed by <paramref name="changeFrontend"/>) and a release of <paramref name="first"/>, run until that
    /// first release is Ready.</summary>
    public static async Task<Bgr> SetUpAsync(this ReleaseWorld world, string first = "1.0.1", Action<Bgr>? change = null, bool frontend = true,
        bool database = false, Action<Ebops.Operator.Entities.NlbFrontend>? changeFrontend = null)
    {
        world.PutBundle(first);
        if (database)
        {
            await world.CreateAsync(ReleaseSamples.RdsDatabase());
        }

        await world.CreateAsync(database ? ReleaseSamples.BeanstalkAppWithDatabase() : ReleaseSamples.BeanstalkApp());
        if (frontend)
        {
            var nlbFrontend = ReleaseSamples.NlbFrontend();
            changeFrontend?.Invoke(nlbFrontend);
            await world.CreateAsync(nlbFrontend);
        }

        var release = ReleaseSamples.BlueGreenRelease(first, frontend);
        change?.Invoke(release);
        await world.CreateAsync(release);
        return await world.UntilAsync(r => IsReady(r, first), TimeSpan.FromHours(1), $"the first release ({first}) is Ready");
    }

    public static Task<Bgr> UntilAsync(this ReleaseWorld world, Func<Bgr, bool> condition, TimeSpan within, string what, Func<Task>? eachStep = null) =>
        world.RunUntilAsync(ReleaseSamples.Release, condition, within, what, eachStep);

    public static Task<Bgr> UntilPhaseAsync(this ReleaseWorld world, ReleasePhase phase, TimeSpan? within = null) =>
        world.UntilAsync(r => r.Status?.Phase == phase, within ?? TimeSpan.FromHours(1), $"phase {phase}");

    public static Task<Bgr> CurrentAsync(this ReleaseWorld world) => world.GetAsync<Bgr>(ReleaseSamples.Release);

    public static bool IsReady(Bgr release, string version) =>
        release.Status?.StableVersion == version && Conditions.IsTrue(release.Status, ConditionTypes.Ready);

    /// <summary><c>kubectl patch bgr myapp --type merge</c> with a new version (its bundle uploaded first).</summary>
    public static Task<Bgr> SetVersionAsync(this ReleaseWorld world, string label)
    {
        world.PutBundle(label);
        return world.PatchAsync<Bgr>(ReleaseSamples.Release, new JsonObject
        {
            ["spec"] = new JsonObject { ["version"] = JsonNode.Parse(KubernetesJson.Serialize(ReleaseSamples.Version(label))) },
        });
    }

    public static Task<Bgr> PatchSpecAsync(this ReleaseWorld world, JsonObject spec) =>
        world.PatchAsync<Bgr>(ReleaseSamples.Release, new JsonObject { ["spec"] = spec });

    /// <summary>What <c>kubectl ebops promote|abort|retry|rollback</c> and the Argo CD actions do: the two annotations.</summary>
    public static Task<Bgr> SignalAsync(this ReleaseWorld world, string signal, string by = "alice") =>
        world.PatchAsync<Bgr>(ReleaseSamples.Release, new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["annotations"] = new JsonObject { [EbopsAnnotations.Signal] = signal, [EbopsAnnotations.SignalBy] = by },
            },
        });

    /// <summary>Successful calls of <paramref name="action"/> whose parameters satisfy <paramref name="filter"/>.</summary>
    public static IReadOnlyList<SimCall> Succeeded(this ReleaseWorld world, string service, string action, Func<SimCall, bool>? filter = null) =>
        [.. world.Sim.Calls.Find(service, action).Where(c => c.Succeeded && (filter is null || filter(c)))];

    /// <summary>Mutating calls (not Describe/List/Get), successful or not.</summary>
    public static IReadOnlyList<SimCall> Mutations(this ReleaseWorld world) =>
        [.. world.Sim.Calls.All.Where(c => !c.Action.StartsWith("Describe", StringComparison.Ordinal) && !c.Action.StartsWith("List", StringComparison.Ordinal)
            && !c.Action.StartsWith("Get", StringComparison.Ordinal) && !c.Action.StartsWith("Head", StringComparison.Ordinal) && c.Action.Length > 0)];

    public static string? Parameter(this SimCall call, string name) => call.Parameters.GetValueOrDefault(name);

    /// <summary>The id of the environment of <paramref name="color"/> as the BeanstalkApp reports it now.</summary>
    public static async Task<string> EnvironmentIdAsync(this ReleaseWorld world, DeploymentColor color) =>
        (await world.GetAsync<Ebops.Operator.Entities.BeanstalkApp>(ReleaseSamples.App)).Status?.Environments?.FirstOrDefault(e => e.Color == color)?.Id
            ?? throw new InvalidOperationException($"the BeanstalkApp reports no {color} environment");

    /// <summary>The target groups (by ARN) a ModifyListener call forwards to, with their weights (one group: weight 1).</summary>
    public static IReadOnlyDictionary<string, int> Forward(this SimCall call)
    {
        const string prefix = "DefaultActions.member.1.";
        if (call.Parameter(prefix + "TargetGroupArn") is { } single)
        {
            return new Dictionary<string, int> { [single] = 1 };
        }

        var groups = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 1; call.Parameter($"{prefix}ForwardConfig.TargetGroups.member.{i}.TargetGroupArn") is { } arn; i++)
        {
            groups[arn] = int.Parse(call.Parameter($"{prefix}ForwardConfig.TargetGroups.member.{i}.Weight") ?? "1", System.Globalization.CultureInfo.InvariantCulture);
        }

        return groups;
    }

    /// <summary>The target group ARN of <paramref name="color"/>, from the NlbFrontend's status.</summary>
    public static async Task<string> TargetGroupAsync(this ReleaseWorld world, DeploymentColor color) =>
        (await world.GetAsync<Ebops.Operator.Entities.NlbFrontend>(ReleaseSamples.Frontend)).Status?.TargetGroups?.FirstOrDefault(g => g.Color == color)?.Arn
            ?? throw new InvalidOperationException($"the NlbFrontend reports no {color} target group");

    /// <summary>Sends <paramref name="count"/> requests, each on a new connection, through the NLB's listener and says
    /// which versions answered (and how many failed).</summary>
    public static async Task<Dictionary<string, int>> RequestsAsync(this ReleaseWorld world, int count)
    {
        var nlb = Elbv2State.For(world.Sim).Endpoints().Single(e => e.Type == "network");
        var answers = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            using var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero });
            string answer;
            try
            {
                using var response = await client.GetAsync(new Uri($"http://{nlb.Loopback}/"), TestContext.Current.CancellationToken);
                var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                answer = response.StatusCode == HttpStatusCode.OK
                    ? JsonDocument.Parse(body).RootElement.GetProperty("version").GetString()!
                    : $"HTTP {(int)response.StatusCode}";
            }
            catch (HttpRequestException)
            {
                answer = "failed";
            }

            answers[answer] = answers.GetValueOrDefault(answer) + 1;
        }

        return answers;
    }
}
