using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ebops.Sandbox.Aws.Core;
using Ebops.Sandbox.Aws.ElasticBeanstalk;
using Ebops.Sandbox.Aws.Elbv2;
using Ebops.Sandbox.Tests.Aws.SimModel;

namespace Ebops.Sandbox.Tests.Aws.ElasticBeanstalk;

/// <summary>EB and ELBv2 through the simulator's real HTTP front end, signed with AWSSDK.Core's public SigV4 signer.</summary>
public sealed class FrontEndEbElbTests
{

    [Fact]
    public async Task Signed_eb_and_elbv2_calls_launch_an_environment_reachable_through_the_state_dump_endpoints()
    {
        await using var host = await SimHost.StartAsync(timing: new SimTiming(0.01));
        host.World.S3.CreateBucket("bundles");
        host.World.S3.PutObject("bundles", "web/1.0.0.zip", [1]);

        await host.OkAsync("elasticbeanstalk", "CreateApplication", ("ApplicationName", "web"));
        await host.OkAsync("elasticbeanstalk", "CreateApplicationVersion", ("ApplicationName", "web"), ("VersionLabel", "1.0.0"), ("SourceBundle.S3Bucket", "bundles"), ("SourceBundle.S3Key", "web/1.0.0.zip"));
        var created = await host.OkAsync("elasticbeanstalk", "CreateEnvironment", ("ApplicationName", "web"), ("EnvironmentName", "web-blue"), ("CNAMEPrefix", "web-blue"),
            ("SolutionStackName", "64bit Amazon Linux 2023 v4.3.0 running Corretto 17"), ("VersionLabel", "1.0.0"));
        Assert.Equal("Launching", created.Value("Status"));

        // Scale 0.01: launch takes 2.4 s of the fake clock; health checks every 0.15 s.
        for (var i = 0; i < 60; i++)
        {
            host.Time.Advance(TimeSpan.FromMilliseconds(100));
            await Elbv2State.For(host.World).HealthRoundsAsync();
        }

        var described = await host.OkAsync("elasticbeanstalk", "DescribeEnvironments", ("EnvironmentNames.member.1", "web-blue"));
        Assert.Equal(("Ready", "Green"), (described.Value("Status"), described.Value("Health")));
        var albs = await host.OkAsync("elasticloadbalancing", "DescribeLoadBalancers");
        Assert.StartsWith("awseb-AWSEB-", albs.Value("LoadBalancerName"), StringComparison.Ordinal);

        using var http = new HttpClient();
        var state = JsonNode.Parse(await http.GetStringAsync(new Uri(host.Simulator.Endpoint, "/_sim/state"), TestContext.Current.CancellationToken))!;
        var loopback = state["elasticloadbalancing"]!["loadBalancers"]![0]!["listeners"]![0]!["loopback"]!.GetValue<string>();
        Assert.Equal(state["elasticbeanstalk"]!["environments"]![0]!["loopback"]!.GetValue<string>(), loopback);
        using var json = JsonDocument.Parse(await http.GetStringAsync(new Uri($"http://{loopback}/"), TestContext.Current.CancellationToken));
        Assert.Equal("1.0.0", json.RootElement.GetProperty("version").GetString());
        Assert.Equal(
            ["CreateApplication", "CreateApplicationVersion", "CreateEnvironment", "DescribeEnvironments"],
            host.World.Calls.Actions("elasticbeanstalk"));
    }

    [Fact]
    public async Task Eb_and_elbv2_errors_come_back_in_the_query_error_shape()
    {
        await using var host = await SimHost.StartAsync();
        var eb = await host.QueryAsync("elasticbeanstalk", "DescribeEnvironmentHealth", new Dictionary<string, string> { ["EnvironmentName"] = "nope" });
        Assert.Equal(HttpStatusCode.BadRequest, eb.StatusCode);
        Assert.Equal(("ErrorResponse", "http://elasticbeanstalk.amazonaws.com/docs/2010-12-01/"), (eb.Xml.Name.LocalName, eb.Xml.Name.NamespaceName));
        Assert.Equal(("InvalidParameterValue", "No Environment found for EnvironmentName = 'nope'."), (eb.ErrorCode, eb.Value("Message")));

        var elb = await host.QueryAsync("elasticloadbalancing", "DescribeTargetGroups", new Dictionary<string, string> { ["Names.member.1"] = "nope" });
        Assert.Equal(HttpStatusCode.BadRequest, elb.StatusCode);
        Assert.Equal(("TargetGroupNotFound", "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/"), (elb.ErrorCode, elb.Xml.Name.NamespaceName));
    }

    [Fact]
    public async Task Simulator_disposal_stops_every_data_plane_server()
    {
        IPEndPoint alb;
        await using (var host = await SimHost.StartAsync())
        {
            await host.OkAsync("elasticbeanstalk", "CreateApplication", ("ApplicationName", "web"));
            await host.OkAsync("elasticbeanstalk", "CreateEnvironment", ("ApplicationName", "web"), ("EnvironmentName", "web-blue"), ("SolutionStackName", "64bit Amazon Linux 2023 v4.3.0 running Corretto 17"));
            alb = ElasticBeanstalkState.For(host.World).ResolveCname(Elbv2State.For(host.World).Endpoints().Count == 1
                ? (await host.OkAsync("elasticbeanstalk", "DescribeEnvironments")).Value("CNAME")!
                : throw new InvalidOperationException())!;
        }

        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        var error = await Assert.ThrowsAsync<System.Net.Sockets.SocketException>(async () => await socket.ConnectAsync(alb, TestContext.Current.CancellationToken));
        Assert.Equal(System.Net.Sockets.SocketError.ConnectionRefused, error.SocketErrorCode);
    }

    [Fact]
    public async Task Environment_variable_secrets_stay_out_of_the_call_log_events_and_state_dump()
    {
        const string secret = "s3cr3t-Pa55word-value";
        await using var host = await SimHost.StartAsync();
        await host.OkAsync("elasticbeanstalk", "CreateApplication", ("ApplicationName", "web"));
        await host.OkAsync(
            "elasticbeanstalk",
            "CreateEnvironment",
            ("ApplicationName", "web"),
            ("EnvironmentName", "web-blue"),
            ("SolutionStackName", "64bit Amazon Linux 2023 v4.3.0 running Corretto 17"),
            ("OptionSettings.member.1.Namespace", "aws:elasticbeanstalk:application:environment"),
            ("OptionSettings.member.1.OptionName", "RDS_PASSWORD"),
            ("OptionSettings.member.1.Value", secret));
        var events = await host.OkAsync("elasticbeanstalk", "DescribeEvents", ("EnvironmentName", "web-blue"));
        var environments = await host.OkAsync("elasticbeanstalk", "DescribeEnvironments");

        Assert.DoesNotContain(secret, events.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, environments.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, host.World.DumpState().ToJsonString(), StringComparison.Ordinal);
        Assert.All(host.World.Calls.All, c => Assert.DoesNotContain(secret, string.Join(",", c.Parameters.Values), StringComparison.Ordinal));

        // DescribeConfigurationSettings returns it, as AWS does (the caller owns the environment).
        var settings = await host.OkAsync("elasticbeanstalk", "DescribeConfigurationSettings", ("ApplicationName", "web"), ("EnvironmentName", "web-blue"));
        Assert.Contains(secret, settings.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nlb_listeners_take_fixed_ports_from_the_configured_base()
    {
        // A base port that was free a moment ago; the allocator moves on if something took it since.
        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var basePort = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        await using var host = await SimHost.StartAsync(o =>
        {
            var index = o.Services.Count - 2;
            o.Services[index] = Elbv2Handler.WithOptions(new Elbv2Options { NlbListenerBasePort = basePort });
        });
        var nlb = (await host.OkAsync("elasticloadbalancing", "CreateLoadBalancer", ("Name", "front"), ("Type", "network"), ("Subnets.member.1", SandboxNetwork.SubnetA))).Value("LoadBalancerArn")!;
        var tg = (await host.OkAsync("elasticloadbalancing", "CreateTargetGroup", ("Name", "front-tg"), ("Protocol", "TCP"), ("Port", "80"), ("VpcId", SandboxNetwork.VpcId))).Value("TargetGroupArn")!;
        foreach (var port in new[] { "80", "443" })
        {
            await host.OkAsync("elasticloadbalancing", "CreateListener", ("LoadBalancerArn", nlb), ("Protocol", "TCP"), ("Port", port), ("DefaultActions.member.1.Type", "forward"), ("DefaultActions.member.1.TargetGroupArn", tg));
        }

        var ports = Elbv2State.For(host.World).Endpoints().Select(e => e.Loopback.Port).Order().ToList();
        Assert.Equal(2, ports.Distinct().Count());
        Assert.All(ports, p => Assert.InRange(p, basePort, basePort + 999));
    }

}
