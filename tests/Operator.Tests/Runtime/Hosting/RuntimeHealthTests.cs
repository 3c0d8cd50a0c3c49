using Ebops.Operator.Runtime.Reconciliation;
using Ebops.Operator.Runtime.Hosting;
using Ebops.Tests.Shared;

namespace Ebops.Operator.Tests.Runtime.Hosting;

public sealed class RuntimeHealthTests
{
    [Fact]
    public void Ready_only_when_every_watcher_synced_and_healthy_until_a_loop_faults()
    {
        var health = new RuntimeHealth();
        var first = new Runner("A");
        var second = new Runner("B");
        health.Track(first);
        health.Track(second);
        Assert.True(health.IsHealthy);
        Assert.False(health.IsReady);

        first.IsSynced = true;
        Assert.False(health.IsReady);
        second.IsSynced = true;
        Assert.True(health.IsReady);

        var secretsSynced = false;
        health.TrackSynced(() => secretsSynced);
        Assert.False(health.IsReady);
        secretsSynced = true;
        Assert.True(health.IsReady);

        second.IsFaulted = true;
        Assert.False(health.IsHealthy);
        Assert.Contains("B: synced=True faulted=True", health.Describe(), StringComparison.Ordinal);
    }

    private sealed class Runner(string kind) : IControllerRunner
    {
        public string Kind => kind;

        public bool IsSynced { get; set; }

        public bool IsFaulted { get; set; }

        public void Start()
        {
        }

        public Task<bool> StopAsync(TimeSpan deadline) => Task.FromResult(true);
    }
}
