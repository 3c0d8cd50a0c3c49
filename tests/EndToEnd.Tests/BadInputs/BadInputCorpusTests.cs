using Ebops.EndToEnd.Tests.Stack;

namespace Ebops.EndToEnd.Tests.BadInputs;

/// <summary>
/// The bad-input corpus against <c>ebops run</c>, the real kubectl and the simulator: every manifest is refused at
/// apply time with a message naming the field (kubectl's stderr), or accepted and then Stalled by ebops with such a
/// message; either way the simulator's call log shows no mutating AWS call for it.
/// </summary>
public sealed class BadInputCorpusTests(CorpusStack corpus) : IClassFixture<CorpusStack>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Files => [.. BadInput.Files()];

    [Fact]
    public void The_corpus_has_at_least_50_readable_cases_across_the_four_kinds()
    {
        var cases = BadInput.Files().Select(BadInput.Load).ToList();

        Assert.True(cases.Count >= 50, $"{cases.Count} bad inputs");
        Assert.All(cases, c =>
        {
            Assert.True(c.Description.Length > 10, $"{c.File}: say what is wrong in the header");
            Assert.Contains(c.Expect, new[] { BadInput.Rejected, BadInput.Stalled });
            Assert.True(c.Field.StartsWith("spec", StringComparison.Ordinal) || c.Field.StartsWith("metadata.", StringComparison.Ordinal), c.File);
            Assert.True(c.Message.Length > 0, c.File);
        });
        Assert.Equal(["BeanstalkApp", "BlueGreenRelease", "NlbFrontend", "RdsDatabase"], cases.Select(c => c.Kind).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(cases.Count, cases.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Each_bad_input_is_refused_or_stalls_naming_the_field_with_zero_mutating_aws_calls(string file)
    {
        var input = BadInput.Load(file);
        var stack = corpus.Stack;
        var before = (await stack.Aws.CallsAsync(Ct))?.LastOrDefault()?.Sequence ?? 0;
        string message;
        try
        {
            message = input.Expect == BadInput.Rejected ? await RejectedAsync(stack, input) : await StalledAsync(stack, input);
        }
        finally
        {
            await CleanUpAsync(stack, input);
        }

        Assert.Contains(input.Field, message, StringComparison.Ordinal);
        Assert.Contains(input.Message, message, StringComparison.Ordinal);
        if (await stack.Aws.CallsAsync(Ct) is { } calls)
        {
            var writes = AwsActions.Mutations(calls.Where(c => c.Sequence > before));
            Assert.True(writes.Count == 0, $"{file}: mutating AWS calls:\n{AwsActions.Describe(writes)}");
        }
    }

    /// <summary>kubectl apply fails; returns its error output.</summary>
    private static async Task<string> RejectedAsync(EbopsStack stack, BadInput input)
    {
        var result = await stack.KubectlAsync("apply", "-f", input.Path);
        Assert.True(result.ExitCode != 0, $"{input.File}: kubectl apply accepted it:\n{result.StdOut}");
        Assert.Contains($"\"{input.Name}\"", result.StdErr, StringComparison.Ordinal);
        return result.StdErr;
    }

    /// <summary>kubectl apply succeeds and the object goes Stalled; returns the Stalled condition's message.</summary>
    private static async Task<string> StalledAsync(EbopsStack stack, BadInput input)
    {
        (await stack.KubectlAsync("apply", "-f", input.Path)).EnsureSuccess("apply " + input.File);
        var target = $"{input.Kind.ToLowerInvariant()}.ebops.io/{input.Name}";
        await stack.WaitAsync("--for=condition=Stalled", target);
        var status = (await stack.GetJsonAsync(target))["status"]!;
        var conditions = status["conditions"]!.AsArray().ToDictionary(c => c!["type"]!.GetValue<string>(), c => c!);
        Assert.NotEqual("True", conditions.GetValueOrDefault("Ready")?["status"]?.GetValue<string>());
        var stalled = conditions["Stalled"]["message"]!.GetValue<string>();
        Assert.StartsWith(input.Field, stalled, StringComparison.Ordinal);
        return stalled;
    }

    /// <summary>Bad input created nothing in AWS (the test checks it), so its objects go without their finalizers.</summary>
    private static async Task CleanUpAsync(EbopsStack stack, BadInput input)
    {
        await stack.KubectlAsync("patch", $"{input.Kind.ToLowerInvariant()}.ebops.io/{input.Name}", "--type=merge", "-p", """{"metadata":{"finalizers":null}}""");
        await stack.KubectlAsync("delete", "-f", input.Path, "--ignore-not-found", "--wait=true");
    }
}
