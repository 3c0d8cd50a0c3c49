using System.Collections.Concurrent;

namespace Ebops.Sandbox.Tests.Aws.ElasticBeanstalk;

/// <summary>
/// The release the operator will drive, done by hand against the simulator: two EB environments, an NLB with one
/// alb-type target group per environment, and a ModifyListener cut-over under live traffic.
/// </summary>
public sealed class BlueGreenThroughNlbTests
{
    [Fact]
    public async Task Cut_over_from_blue_to_green_through_the_nlb_fails_no_request_and_blue_retires_cleanly()
    {
        await using var rig = new EbRig();
        var blueId = await rig.LaunchAsync("web", "web-blue", "1.0.0");
        var greenId = await rig.LaunchAsync("web", "web-green", "1.0.1");
        var blueAlb = await EnvironmentFront.AlbOfAsync(rig, blueId);
        var greenAlb = await EnvironmentFront.AlbOfAsync(rig, greenId);
        // An NLB with an Elastic IP, one alb-type target group per environment, and a TCP:80 listener forwarding to blue.
        var (nlb, blueTg, greenTg, listener) = await EnvironmentFront.CreateAsync(rig, blueAlb, greenAlb, await AllocateAddressAsync(rig));
        await rig.AdvanceAsync(TimeSpan.FromMinutes(5));
        Assert.Equal(("Ready", "Green", "Ok"), await rig.StatusAsync("web-green"));
        var endpoint = rig.ElbHandler.State.FindEndpoint(nlb, 80)!;

        using var fresh = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero });
        using var keptAlive = new HttpClient();
        Assert.Equal("1.0.0", await EbRig.GetVersionAsync(keptAlive, endpoint));
        var (versions, failures) = await TrafficThroughSwitchAsync(fresh, endpoint, () => rig.Elb.CallAsync(
            "ModifyListener", ("ListenerArn", listener), ("DefaultActions.member.1.Type", "forward"), ("DefaultActions.member.1.TargetGroupArn", greenTg)));

        Assert.Empty(failures);
        Assert.Contains(versions, v => v.Version == "1.0.0");
        Assert.All(versions.Where(v => v.AfterSwitch), v => Assert.Equal("1.0.1", v.Version));
        Assert.Equal("1.0.0", await EbRig.GetVersionAsync(keptAlive, endpoint));

        // Retiring blue while its ALB is still behind the NLB leaves the ALB (ResourceInUse) and says so in an event.
        await rig.Call.CallAsync("TerminateEnvironment", ("EnvironmentId", blueId));
        var errors = await rig.Call.CallAsync("DescribeEvents", ("EnvironmentName", "web-blue"), ("Severity", "ERROR"));
        Assert.Contains("ResourceInUse", rig.Call.Text(errors, "Events/member/Message"), StringComparison.Ordinal);
        Assert.Single(rig.Elb.Members(await rig.Elb.CallAsync("DescribeLoadBalancers", ("LoadBalancerArns.member.1", blueAlb)), "LoadBalancers"));

        // Deregistered and drained, the ALB can go.
        await rig.Elb.CallAsync("DeregisterTargets", ("TargetGroupArn", blueTg), ("Targets.member.1.Id", blueAlb));
        await rig.AdvanceAsync(TimeSpan.FromSeconds(300), TimeSpan.FromSeconds(30));
        await rig.Elb.CallAsync("DeleteLoadBalancer", ("LoadBalancerArn", blueAlb));
        Assert.Equal("LoadBalancerNotFound", (await rig.Elb.FailAsync("DescribeLoadBalancers", ("LoadBalancerArns.member.1", blueAlb))).Code);
        Assert.Equal("1.0.1", await EbRig.GetVersionAsync(fresh, endpoint));
    }

    // 300 requests on new connections from two workers; the listener is switched after the 100th.
    private static async Task<(ConcurrentQueue<(int N, bool AfterSwitch, string Version)> Versions, ConcurrentQueue<string> Failures)> TrafficThroughSwitchAsync(
        HttpClient fresh, System.Net.IPEndPoint endpoint, Func<Task> switchListener)
    {
        var versions = new ConcurrentQueue<(int N, bool AfterSwitch, string Version)>();
        var failures = new ConcurrentQueue<string>();
        var count = 0;
        var switched = false;
        var switchPoint = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        async Task LoopAsync()
        {
            while (Interlocked.Increment(ref count) is var n && n <= 300)
            {
                var after = Volatile.Read(ref switched);
                try
                {
                    versions.Enqueue((n, after, await EbRig.GetVersionAsync(fresh, endpoint)));
                }
                catch (Exception ex) when (ex is HttpRequestException or IOException or System.Net.Sockets.SocketException)
                {
                    failures.Enqueue($"#{n}: {ex.Message}");
                }

                if (n == 100)
                {
                    switchPoint.TrySetResult();
                }
            }
        }

        async Task SwitchAsync()
        {
            await switchPoint.Task;
            await switchListener();
            Volatile.Write(ref switched, true);
        }

        await Task.WhenAll(Task.Run(LoopAsync, TestContext.Current.CancellationToken), Task.Run(LoopAsync, TestContext.Current.CancellationToken), SwitchAsync());

        return (versions, failures);
    }

    private static async Task<string> AllocateAddressAsync(EbRig rig)
    {
        var ec2 = new Ebops.Sandbox.Aws.Ec2.Ec2Handler(rig.World);
        var request = new Ebops.Sandbox.Aws.Core.SimRequest("ec2", "AllocateAddress", new Dictionary<string, string> { ["Domain"] = "vpc" }, "r-eip", rig.World.Region, Ebops.Sandbox.Aws.Core.SandboxNetwork.AccessKeyId);
        var response = await ec2.HandleAsync(request, TestContext.Current.CancellationToken);
        return System.Xml.Linq.XElement.Parse(response.Body).Descendants().First(e => e.Name.LocalName == "allocationId").Value;
    }
}
