namespace Ebops.EndToEnd.Tests.Kube;

/// <summary>What one kubectl run printed.</summary>
internal sealed record KubectlResult(int ExitCode, string StdOut, string StdErr)
{
    public KubectlResult EnsureSuccess(string what)
    {
        Assert.True(ExitCode == 0, $"kubectl {what} failed ({ExitCode}):\n{StdErr}\n{StdOut}");
        return this;
    }
}
