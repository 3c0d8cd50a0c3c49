namespace Ebops.Operator.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Builds() => Assert.Equal("ebops-sandbox", Ebops.Sandbox.SandboxInfo.Name);
}
