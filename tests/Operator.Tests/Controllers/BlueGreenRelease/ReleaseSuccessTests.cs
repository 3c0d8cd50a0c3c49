using System.Text.Json.Nodes;
using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Status;
using Ebops.Operator.Tests.Controllers.Support.Release;
using Bgr = Ebops.Operator.Entities.BlueGreenRelease;

namespace Ebops.Operator.Tests.Controllers.BlueGreenRelease;

/// <summary>Whole releases through the operator, the emulator and the simulator, on a fake clock.</summary>
public sealed class ReleaseSuccessTests
{
    [Fact]
    public async Task First_release_then_1_0_2_blue_green_behind_the_nlb()
    {
        await using var world = await ReleaseWorld.StartAsync();
        world.PutBundle("1.0.1");
        world.PutBundle("1.0.2");
        await world.CreateAsync(ReleaseSamples.BeanstalkApp());
        await world.CreateAsync(ReleaseSamples.NlbFrontend());
        await world.CreateAsync(ReleaseSamples.BlueGreenRelease("1.0.1"));

        var first = await world.RunUntilAsync<Bgr>(ReleaseSamples.Release, r => Conditions.IsTrue(r.Status, ConditionTypes.Ready),
            TimeSpan.FromHours(1), "the first release is Ready");
        Assert.Equal(("1.0.1", DeploymentColor.Blue), (first.Status!.StableVersion, first.Status.ActiveColor));

        await world.PatchAsync<Bgr>(ReleaseSamples.Release, new JsonObject { ["spec"] = new JsonObject { ["version"] = JsonNode.Parse(k8s.KubernetesJson.Serialize(ReleaseSamples.Version("1.0.2"))) } });
        var second = await world.RunUntilAsync<Bgr>(ReleaseSamples.Release, r => r.Status?.StableVersion == "1.0.2" && Conditions.IsTrue(r.Status, ConditionTypes.Ready),
            TimeSpan.FromHours(2), "1.0.2 is released");

        Assert.Equal(DeploymentColor.Green, second.Status!.ActiveColor);
        Assert.Equal(ReleasePhase.Succeeded, second.Status.Phase);
        Assert.Equal(2, second.Status.History!.Count);
    }
}
