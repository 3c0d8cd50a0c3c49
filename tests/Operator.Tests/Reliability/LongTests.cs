namespace Ebops.Operator.Tests.Reliability;

/// <summary>Whether the long versions of the reliability suites run (<c>EBOPS_LONG_TESTS=1</c>).</summary>
internal static class LongTests
{
    public static bool Enabled => Environment.GetEnvironmentVariable("EBOPS_LONG_TESTS") == "1";
}
