using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using Ebops.EndToEnd.Tests.Kube;
using Ebops.Tests.Shared;

namespace Ebops.EndToEnd.Tests.Aws;

/// <summary>The <c>sandbox</c> verb as a process: the AWS lines it prints are enough to make a signed AWS call.</summary>
public sealed class SandboxAwsTests
{
    [Fact]
    public async Task Sandbox_prints_aws_environment_lines_that_work_with_a_sigv4_client()
    {
        var ct = TestContext.Current.CancellationToken;
        var directory = Directory.CreateTempSubdirectory("ebops-sandbox-aws-").FullName;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "ebops.dll"), "sandbox", "--kubeconfig", Path.Combine(directory, "k"),
                     "--crds", RepoPaths.Config("crds"), "--time-scale", "50" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        _ = process.StandardError.ReadToEndAsync(ct);
        try
        {
            var lines = new Dictionary<string, string>();
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
            deadline.CancelAfter(TimeSpan.FromSeconds(30));
            while (!lines.ContainsKey("Release__ProbeProxy") && await process.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
            {
                var equals = line.IndexOf('=', StringComparison.Ordinal);
                lines[line[..equals]] = line[(equals + 1)..];
            }

            var endpoint = new Uri(lines["AWS_ENDPOINT_URL"] + "/");
            Assert.Equal("127.0.0.1", endpoint.Host);
            Assert.Equal("ap-northeast-2", lines["AWS_REGION"]);
            Assert.Equal(lines["AWS_ENDPOINT_URL"], lines["Release__ProbeProxy"]);

            var body = "Action=DescribeVpcs&Version=2016-11-15";
            var signing = new AWSSigningRequest { HttpMethod = HttpMethod.Post, RequestUri = endpoint, Content = Encoding.UTF8.GetBytes(body) };
            signing.Headers["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8";
            var signed = await AWSSigV4Signer.SignAsync(signing, new AWSSigV4Parameters
            {
                Credentials = new BasicAWSCredentials(lines["AWS_ACCESS_KEY_ID"], lines["AWS_SECRET_ACCESS_KEY"]),
                Region = RegionEndpoint.GetBySystemName(lines["AWS_REGION"]),
                Service = "ec2",
            }, ct);
            using var http = new HttpClient();
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(body, Encoding.UTF8) };
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded") { CharSet = "utf-8" };
            foreach (var (name, value) in signed.Headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            using var response = await http.SendAsync(request, ct);
            var xml = await response.Content.ReadAsStringAsync(ct);
            Assert.True(response.IsSuccessStatusCode, xml);
            Assert.Contains("<isDefault>true</isDefault>", xml, StringComparison.Ordinal);

            var state = JsonNode.Parse(await http.GetStringAsync(new Uri(endpoint, "/_sim/state"), ct))!;
            Assert.Equal(0.02, (double)state["timeScale"]!, 6);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            Directory.Delete(directory, recursive: true);
        }
    }
}
