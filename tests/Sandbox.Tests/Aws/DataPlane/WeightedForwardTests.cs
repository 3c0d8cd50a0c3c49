using Ebops.Sandbox.Aws.DataPlane;

namespace Ebops.Sandbox.Tests.Aws.DataPlane;

/// <summary>
/// NLB weighted target groups in the data plane: each new connection goes to a group chosen by weight (a seeded draw, so
/// every run sees the same choices), weight 0 gets nothing, open connections stay where they are, and target group
/// stickiness keeps a source address on its group.
/// </summary>
public sealed class WeightedForwardTests
{
    private const int Seed = 20251119;

    /// <summary>100 000 draws: the binomial standard deviation of a share is at most 0.16 points; 1 point is over 6 of them.</summary>
    [Theory]
    [InlineData(5, 95)]
    [InlineData(25, 75)]
    [InlineData(50, 50)]
    [InlineData(1, 999)]
    [InlineData(999, 0)]
    public async Task Draws_split_by_weight_and_weight_zero_is_never_chosen(int greenWeight, int blueWeight)
    {
        await using var rig = new DataPlaneRig();
        var green = rig.Group("green");
        var blue = rig.Group("blue");
        var idle = rig.Group("idle");
        var forward = new WeightedForward([new(green, greenWeight), new(blue, blueWeight), new(idle, 0)]);
        var random = new Random(Seed);
        const int draws = 100_000;

        var counts = Enumerable.Range(0, draws).Select(_ => forward.Choose(random)).GroupBy(g => g!).ToDictionary(g => g.Key, g => g.Count());

        var expected = 100.0 * greenWeight / (greenWeight + blueWeight);
        var share = 100.0 * counts.GetValueOrDefault(green) / draws;
        TestContext.Current.TestOutputHelper?.WriteLine($"weights {greenWeight}/{blueWeight}: green {share:F2}% of {draws} (expected {expected:F2}%)");
        Assert.InRange(share, expected - 1, expected + 1);
        Assert.False(counts.ContainsKey(idle));
        Assert.Equal(blueWeight == 0, !counts.ContainsKey(blue));
    }

    [Fact]
    public async Task A_forward_whose_weights_are_all_zero_chooses_no_group_and_a_single_group_needs_no_draw()
    {
        await using var rig = new DataPlaneRig();
        var green = rig.Group("green");
        var blue = rig.Group("blue");
        Assert.Null(new WeightedForward([new(green, 0), new(blue, 0)]).Choose(new Random(Seed)));

        var random = new Random(Seed);
        Assert.Same(green, WeightedForward.Single(green).Choose(random));
        Assert.Equal(new Random(Seed).Next(), random.Next());
        Assert.Throws<ArgumentException>(() => new WeightedForward([]));
    }

    /// <summary>
    /// 1 000 new connections through the NLB port at 25 % to green: the standard deviation of green's share is 1.4
    /// points, the tolerance 5 (and the seeded draw makes the figure the same every run).
    /// </summary>
    [Fact]
    public async Task New_connections_through_the_nlb_follow_the_weights_and_weight_zero_gets_none()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var rig = new DataPlaneRig();
        var (nlb, blueAlbGroup, greenAlbGroup) = await WeightedNlbAsync(rig);
        nlb.Forward = new WeightedForward([new(greenAlbGroup, 25), new(blueAlbGroup, 75)]);
        using var fresh = SwitchUnderLoad.Client(ClientMode.NewConnectionPerRequest);

        var versions = await CountVersionsAsync(fresh, nlb, 1000, ct);

        var green = 100.0 * versions.GetValueOrDefault("1.0.1") / 1000;
        TestContext.Current.TestOutputHelper?.WriteLine($"green 25 / blue 75: green answered {green:F1}% of 1000 new connections");
        Assert.Equal(1000, versions.Values.Sum());
        Assert.InRange(green, 20, 30);
        Assert.Equal(1000, nlb.AcceptedConnections);

        nlb.Forward = new WeightedForward([new(greenAlbGroup, 0), new(blueAlbGroup, 100)]);
        Assert.Equal(new Dictionary<string, int> { ["1.0.0"] = 200 }, await CountVersionsAsync(fresh, nlb, 200, ct));
        nlb.Forward = new WeightedForward([new(greenAlbGroup, 100), new(blueAlbGroup, 0)]);
        Assert.Equal(new Dictionary<string, int> { ["1.0.1"] = 200 }, await CountVersionsAsync(fresh, nlb, 200, ct));
        Assert.Equal(0, nlb.RejectedConnections);
    }

    [Fact]
    public async Task Open_keep_alive_connections_stay_on_their_group_when_its_weight_drops_to_zero()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var rig = new DataPlaneRig();
        var (nlb, blueAlbGroup, greenAlbGroup) = await WeightedNlbAsync(rig);
        nlb.Forward = new WeightedForward([new(greenAlbGroup, 50), new(blueAlbGroup, 50)]);
        using var keptAlive = new HttpClient(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = 1 });
        var (pinned, _) = await DataPlaneRig.GetAsync(keptAlive, nlb.Endpoint, ct);
        var (stays, other) = pinned == "1.0.0" ? (blueAlbGroup, greenAlbGroup) : (greenAlbGroup, blueAlbGroup);

        nlb.Forward = new WeightedForward([new(stays, 0), new(other, 100)]);

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(pinned, (await DataPlaneRig.GetAsync(keptAlive, nlb.Endpoint, ct)).Version);
        }

        using var fresh = SwitchUnderLoad.Client(ClientMode.NewConnectionPerRequest);
        var moved = await CountVersionsAsync(fresh, nlb, 50, ct);
        Assert.Equal([pinned == "1.0.0" ? "1.0.1" : "1.0.0"], moved.Keys);
    }

    /// <summary>
    /// NLB user guide: with target group stickiness, later connections from the same source address prefer the group
    /// chosen before. Every test connection comes from 127.0.0.1, so all of them stick until the duration ends.
    /// </summary>
    [Fact]
    public async Task Stickiness_keeps_a_source_address_on_its_group_until_the_duration_ends_or_the_group_leaves()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var rig = new DataPlaneRig();
        var (nlb, blueAlbGroup, greenAlbGroup) = await WeightedNlbAsync(rig);
        var stickiness = TimeSpan.FromMinutes(5);
        using var fresh = SwitchUnderLoad.Client(ClientMode.NewConnectionPerRequest);
        nlb.Forward = new WeightedForward([new(greenAlbGroup, 1), new(blueAlbGroup, 0)], stickiness);
        Assert.Equal(new Dictionary<string, int> { ["1.0.1"] = 5 }, await CountVersionsAsync(fresh, nlb, 5, ct));

        nlb.Forward = new WeightedForward([new(greenAlbGroup, 50), new(blueAlbGroup, 50)], stickiness);
        Assert.Equal(new Dictionary<string, int> { ["1.0.1"] = 60 }, await CountVersionsAsync(fresh, nlb, 60, ct));

        // Past the duration the next connection is drawn again, and sticks again.
        rig.Time.Advance(stickiness);
        var again = Assert.Single(await CountVersionsAsync(fresh, nlb, 60, ct)).Key;

        // A group whose weight drops to 0 no longer holds its sources.
        var (held, other) = again == "1.0.1" ? (greenAlbGroup, blueAlbGroup) : (blueAlbGroup, greenAlbGroup);
        nlb.Forward = new WeightedForward([new(held, 0), new(other, 1)], stickiness);
        Assert.Equal([again == "1.0.1" ? "1.0.0" : "1.0.1"], (await CountVersionsAsync(fresh, nlb, 10, ct)).Keys);
    }

    private static async Task<(NlbListenerProxy Nlb, TargetGroupRuntime Blue, TargetGroupRuntime Green)> WeightedNlbAsync(DataPlaneRig rig)
    {
        var (_, blueInstances, blueAlbGroup) = rig.Environment("blue", "1.0.0");
        var (_, greenInstances, greenAlbGroup) = rig.Environment("green", "1.0.1");
        var nlb = rig.Own(new NlbListenerProxy(seed: Seed, time: rig.Time));
        blueAlbGroup.InUse = true;
        greenAlbGroup.InUse = true;
        TargetGroupRuntime[] all = [blueInstances, greenInstances, blueAlbGroup, greenAlbGroup];
        await rig.TickAsync(all);
        await rig.TickAsync(all);
        Assert.All(all.SelectMany(g => g.Describe()), h => Assert.Equal("healthy", h.State));
        return (nlb, blueAlbGroup, greenAlbGroup);
    }

    /// <summary>Versions answering <paramref name="count"/> requests, each on a new connection, from four workers.</summary>
    private static async Task<Dictionary<string, int>> CountVersionsAsync(HttpClient fresh, NlbListenerProxy nlb, int count, CancellationToken ct)
    {
        var versions = new System.Collections.Concurrent.ConcurrentBag<string>();
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(
            async () =>
            {
                while (Interlocked.Increment(ref next) <= count)
                {
                    versions.Add((await DataPlaneRig.GetAsync(fresh, nlb.Endpoint, ct)).Version);
                }
            },
            ct)));
        return versions.GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count());
    }
}
