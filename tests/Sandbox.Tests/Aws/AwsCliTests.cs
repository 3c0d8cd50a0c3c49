using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Ebops.Sandbox.Tests.Aws;

/// <summary>
/// The AWS CLI (botocore: a signer and marshaller written by neither us nor the .NET SDK) against the simulator, using
/// only the environment lines the sandbox prints. Slow (a Python process per call): runs with EBOPS_LONG_TESTS=1 and
/// when <c>aws</c> is on PATH.
/// </summary>
public sealed class AwsCliTests
{
    [Fact]
    public async Task Aws_cli_works_with_the_printed_environment()
    {
        var aws = AwsCliOrSkip();
        await using var host = await SimHost.StartAsync(sdkClients: true);
        var env = host.Simulator.EnvironmentLines().Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var bundle = Path.Combine(Path.GetTempPath(), $"ebops-cli-{Guid.NewGuid():N}.zip");
        await File.WriteAllTextAsync(bundle, "bundle-v1", TestContext.Current.CancellationToken);
        try
        {
            var created = await RunAsync(aws, env, "rds", "create-db-instance", "--db-instance-identifier", "cli-db",
                "--db-instance-class", "db.t4g.micro", "--engine", "mysql", "--allocated-storage", "20",
                "--master-username", "admin", "--master-user-password", "Cli-Passw0rd-123",
                "--vpc-security-group-ids", host.World.Ec2.SecurityGroups.Values.First().GroupId,
                "--tags", "Key=owner,Value=cli");
            Assert.Equal("creating", (string?)created["DBInstance"]!["DBInstanceStatus"]);
            var described = await RunAsync(aws, env, "rds", "describe-db-instances", "--db-instance-identifier", "cli-db");
            Assert.Equal("cli", (string?)described["DBInstances"]![0]!["TagList"]![0]!["Value"]);

            var vpcs = await RunAsync(aws, env, "ec2", "describe-vpcs", "--filters", "Name=is-default,Values=true");
            Assert.Equal(Ebops.Sandbox.Aws.Core.SandboxNetwork.VpcId, (string?)vpcs["Vpcs"]![0]!["VpcId"]);

            await RunAsync(aws, env, "s3api", "create-bucket", "--bucket", "cli-bundles");
            await RunAsync(aws, env, "s3api", "put-object", "--bucket", "cli-bundles", "--key", "app/v1.zip", "--body", bundle);
            var head = await RunAsync(aws, env, "s3api", "head-object", "--bucket", "cli-bundles", "--key", "app/v1.zip");
            Assert.Equal(9, (int?)head["ContentLength"]);
        }
        finally
        {
            File.Delete(bundle);
        }

        Assert.DoesNotContain(host.World.Calls.All, c => !c.Succeeded);
        Assert.DoesNotContain(host.World.Calls.All.SelectMany(c => c.Parameters.Values), v => v.Contains("Cli-Passw0rd", StringComparison.Ordinal));
    }

    /// <summary>
    /// <c>aws s3 cp</c> of a 20 MB bundle goes through multipart upload (the CLI's threshold is 8 MiB) and back through
    /// ranged GETs; <c>aws s3 ls</c> of the bucket root shows the key's folder as a common prefix.
    /// </summary>
    [Fact]
    public async Task Aws_cli_copies_a_20_MB_bundle_both_ways_and_lists_it()
    {
        var aws = AwsCliOrSkip();
        await using var host = await SimHost.StartAsync(sdkClients: true);
        var env = host.Simulator.EnvironmentLines().Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var folder = Directory.CreateTempSubdirectory("ebops-cli-");
        try
        {
            var bundle = new byte[20 * 1024 * 1024];
            new Random(20).NextBytes(bundle);
            var upload = Path.Combine(folder.FullName, "v1.jar");
            await File.WriteAllBytesAsync(upload, bundle, TestContext.Current.CancellationToken);

            await RunTextAsync(aws, env, "s3", "mb", "s3://cli-bundles");
            await RunTextAsync(aws, env, "s3", "cp", upload, "s3://cli-bundles/app/v1.jar");
            var stored = host.World.S3.GetObject("cli-bundles", "app/v1.jar")!;
            Assert.Equal(bundle, stored.Content);
            Assert.Matches("^\"[0-9a-f]{32}-3\"$", stored.ETag);
            Assert.Contains("CompleteMultipartUpload", host.World.Calls.Actions("s3"));

            Assert.Equal("PRE app/", (await RunTextAsync(aws, env, "s3", "ls", "s3://cli-bundles/")).Trim());
            Assert.EndsWith($"{bundle.Length} v1.jar", (await RunTextAsync(aws, env, "s3", "ls", "s3://cli-bundles/app/")).Trim(), StringComparison.Ordinal);

            var download = Path.Combine(folder.FullName, "downloaded.jar");
            await RunTextAsync(aws, env, "s3", "cp", "s3://cli-bundles/app/v1.jar", download);
            Assert.Equal(bundle, await File.ReadAllBytesAsync(download, TestContext.Current.CancellationToken));
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        Assert.DoesNotContain(host.World.Calls.All, c => !c.Succeeded);
    }

    private static string AwsCliOrSkip()
    {
        if (Environment.GetEnvironmentVariable("EBOPS_LONG_TESTS") != "1")
        {
            Assert.Skip("set EBOPS_LONG_TESTS=1 to run the AWS CLI against the simulator");
        }

        return FindOnPath("aws") ?? throw Xunit.Sdk.SkipException.ForSkip("aws CLI not installed");
    }

    private static async Task<JsonObject> RunAsync(string aws, IReadOnlyDictionary<string, string> env, params string[] args)
    {
        var text = await RunTextAsync(aws, env, [.. args, "--output", "json"]);
        return text.Trim().Length == 0 ? [] : JsonNode.Parse(text)!.AsObject();
    }

    private static async Task<string> RunTextAsync(string aws, IReadOnlyDictionary<string, string> env, params string[] args)
    {
        var start = new ProcessStartInfo(aws) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in env)
        {
            start.Environment[key] = value;
        }

        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        start.Environment["AWS_MAX_ATTEMPTS"] = "1";
        start.Environment["AWS_PAGER"] = "";
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"aws {string.Join(' ', args)} failed: {await stderr}");
        return await stdout;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
