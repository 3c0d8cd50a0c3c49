using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Tests.Aws.Front;

/// <summary>
/// The simulator's endpoint as an HTTP proxy for the DNS names it invents: an EB CNAME (following SwapEnvironmentCNAMEs),
/// an ALB DNS name, an NLB DNS name; 502 for a simulated name nothing answers to, 403 for other hosts; origin-form
/// requests are still AWS API calls.
/// </summary>
public sealed class FrontEndProbeProxyTests
{

    [Fact]
    public async Task A_web_proxy_client_reaches_environments_by_cname_across_a_swap_and_load_balancers_by_dns_name()
    {
        await using var host = await SimHost.StartAsync();
        var blue = await LaunchAsync(host, "web-blue", "1.0.0");
        var green = await LaunchAsync(host, "web-green", "1.0.1");
        using var proxied = new HttpClient(new HttpClientHandler { Proxy = new WebProxy(host.Simulator.Endpoint), UseProxy = true });

        Assert.Equal("1.0.1", await VersionAsync(proxied, $"http://{green.Cname}/health"));
        Assert.Equal("1.0.0", await VersionAsync(proxied, $"http://{blue.Cname.ToUpperInvariant()}/"));
        Assert.Equal("1.0.0", await VersionAsync(proxied, $"http://{blue.AlbDnsName}/?probe=1"));

        await host.OkAsync("elasticbeanstalk", "SwapEnvironmentCNAMEs", ("SourceEnvironmentName", "web-blue"), ("DestinationEnvironmentName", "web-green"));
        Assert.Equal("1.0.0", await VersionAsync(proxied, $"http://{green.Cname}/health"));
        Assert.Equal("1.0.1", await VersionAsync(proxied, $"http://{blue.Cname}/health"));

        var nlbDnsName = await NlbInFrontOfAsync(host, green.AlbArn);
        Assert.Equal("1.0.1", await VersionAsync(proxied, $"http://{nlbDnsName}/"));
        using var noListener = await proxied.GetAsync(new Uri($"http://{nlbDnsName}:8080/"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadGateway, noListener.StatusCode);
    }

    [Fact]
    public async Task Unknown_simulated_names_get_502_other_hosts_403_and_origin_form_stays_the_aws_api()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await SimHost.StartAsync();
        using var proxied = new HttpClient(new HttpClientHandler { Proxy = new WebProxy(host.Simulator.Endpoint), UseProxy = true });

        using var unknownCname = await proxied.GetAsync(new Uri("http://nobody.ap-northeast-2.elasticbeanstalk.com/health"), ct);
        Assert.Equal(HttpStatusCode.BadGateway, unknownCname.StatusCode);
        Assert.Contains("nobody.ap-northeast-2.elasticbeanstalk.com:80", await unknownCname.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        using var unknownElb = await proxied.GetAsync(new Uri("http://gone-0123456789abcdef.elb.ap-northeast-2.amazonaws.com/"), ct);
        Assert.Equal(HttpStatusCode.BadGateway, unknownElb.StatusCode);
        using var foreign = await proxied.GetAsync(new Uri("http://example.com/"), ct);
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);

        // Absolute form naming the simulator itself is an ordinary request (here the admin API), not a proxy request.
        var self = host.Simulator.Endpoint;
        var raw = await RawAsync(self, $"GET http://{self.Authority}/_sim/health HTTP/1.1\r\nHost: {self.Authority}\r\nConnection: close\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 200", raw, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"ok\"", raw.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);

        var api = await host.QueryAsync("elasticbeanstalk", "DescribeApplications");
        Assert.Equal(200, api.Status);
        Assert.Equal("DescribeApplications", Assert.Single(host.World.Calls.All).Action);
    }

    /// <summary>curl with only the printed <c>AWS_ENDPOINT_URL</c> as its proxy, as the demo prints it.</summary>
    [Fact]
    public async Task Curl_with_the_endpoint_as_proxy_reaches_an_environment_by_cname()
    {
        var curl = FindOnPath("curl") ?? throw Xunit.Sdk.SkipException.ForSkip("curl not installed");
        await using var host = await SimHost.StartAsync();
        var green = await LaunchAsync(host, "web-green", "1.0.1");
        var endpoint = host.Simulator.EnvironmentLines().Single(l => l.StartsWith("AWS_ENDPOINT_URL=", StringComparison.Ordinal))["AWS_ENDPOINT_URL=".Length..];

        var start = new ProcessStartInfo(curl) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-sS", "--fail", "--max-time", "30", "-x", endpoint, $"http://{green.Cname}/health" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NO_PROXY"] = "";
        start.Environment["no_proxy"] = "";
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.True(process.ExitCode == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("1.0.1", json.RootElement.GetProperty("version").GetString());
    }

    private static async Task<(string Cname, string AlbArn, string AlbDnsName)> LaunchAsync(SimHost host, string name, string version)
    {
        if ((await host.QueryAsync("elasticbeanstalk", "DescribeApplications")).All("ApplicationName").Count == 0)
        {
            await host.OkAsync("elasticbeanstalk", "CreateApplication", ("ApplicationName", "web"));
            host.World.S3.CreateBucket("bundles");
        }

        host.World.S3.PutObject("bundles", $"web/{version}.zip", [1]);
        await host.OkAsync("elasticbeanstalk", "CreateApplicationVersion", ("ApplicationName", "web"), ("VersionLabel", version), ("SourceBundle.S3Bucket", "bundles"), ("SourceBundle.S3Key", $"web/{version}.zip"));
        var created = await host.OkAsync("elasticbeanstalk", "CreateEnvironment", ("ApplicationName", "web"), ("EnvironmentName", name), ("CNAMEPrefix", name),
            ("SolutionStackName", "64bit Amazon Linux 2023 v4.3.0 running Corretto 17"), ("VersionLabel", version));
        var resources = await host.OkAsync("elasticbeanstalk", "DescribeEnvironmentResources", ("EnvironmentName", name));
        var albArn = resources.All("LoadBalancers").Single().Elements().Single().Value;
        var alb = await host.OkAsync("elasticloadbalancing", "DescribeLoadBalancers", ("LoadBalancerArns.member.1", albArn));
        return (created.Value("CNAME")!, albArn, alb.Value("DNSName")!);
    }

    private static async Task<string> NlbInFrontOfAsync(SimHost host, string albArn)
    {
        var nlb = await host.OkAsync("elasticloadbalancing", "CreateLoadBalancer", ("Name", "web-front"), ("Type", "network"), ("Subnets.member.1", SandboxNetwork.SubnetA));
        var group = (await host.OkAsync("elasticloadbalancing", "CreateTargetGroup",
            ("Name", "web-front-green"), ("TargetType", "alb"), ("Protocol", "TCP"), ("Port", "80"), ("VpcId", SandboxNetwork.VpcId))).Value("TargetGroupArn")!;
        await host.OkAsync("elasticloadbalancing", "RegisterTargets", ("TargetGroupArn", group), ("Targets.member.1.Id", albArn));
        await host.OkAsync("elasticloadbalancing", "CreateListener", ("LoadBalancerArn", nlb.Value("LoadBalancerArn")!), ("Protocol", "TCP"), ("Port", "80"),
            ("DefaultActions.member.1.Type", "forward"), ("DefaultActions.member.1.TargetGroupArn", group));
        return nlb.Value("DNSName")!;
    }


    private static async Task<string> VersionAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("version").GetString()!;
    }

    private static async Task<string> RawAsync(Uri endpoint, string request)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, endpoint.Port), TestContext.Current.CancellationToken);
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), TestContext.Current.CancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
    }

    private static string? FindOnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);
}
