using System.Text.RegularExpressions;
using Ebops.Tests.Shared;

namespace Ebops.Sandbox.Tests.Aws.ElasticBeanstalk;

/// <summary>
/// The simulator answers every EB operation the ebops client implements (read from the generated client interface),
/// plus DescribeConfigurationOptions and ValidateConfigurationSettings; each is an operation of the official model,
/// and each is called by a conformance test of this folder (where requests and responses are checked against it).
/// </summary>
public sealed partial class OperationCoverageTests
{
    [Fact]
    public async Task Every_client_operation_is_answered_and_is_an_operation_of_the_official_model()
    {
        await using var rig = new EbRig();
        var client = ClientOperations();
        Assert.True(client.Count >= 20, "the client interface could not be read");

        Assert.Empty(client.Concat(["DescribeConfigurationOptions", "ValidateConfigurationSettings"]).Except(rig.Handler.Actions));
        Assert.All(rig.Handler.Actions, action => Assert.True(rig.Call.Model.HasOperation(action), $"{action} is not in the official model"));
    }

    [Fact]
    public async Task Every_answered_operation_has_a_conformance_test()
    {
        await using var rig = new EbRig();
        var sources = string.Concat(Directory.GetFiles(RepoPaths.Get("tests", "Sandbox.Tests", "Aws", "ElasticBeanstalk"), "*.cs")
            .Where(f => !f.EndsWith(nameof(OperationCoverageTests) + ".cs", StringComparison.Ordinal))
            .Select(File.ReadAllText));

        var untested = rig.Handler.Actions.Where(a => !sources.Contains($"\"{a}\"", StringComparison.Ordinal)).ToList();
        Assert.True(untested.Count == 0, "No conformance test calls " + string.Join(", ", untested));
    }

    private static List<string> ClientOperations()
    {
        var source = File.ReadAllText(RepoPaths.Get("src", "Operator", "Aws", "ElasticBeanstalk", "Generated", "IElasticBeanstalkApi.g.cs"));
        return [.. ClientMethod().Matches(source).Select(m => m.Groups[1].Value).Distinct()];
    }

    // "Task<X> NameAsync(NameRequest request" or "Task NameAsync(NameRequest request": the operations, not the helpers.
    [GeneratedRegex(@"Task(?:<[^>]+>)? (\w+)Async\(\1Request request")]
    private static partial Regex ClientMethod();
}
