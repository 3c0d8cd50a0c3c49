using Ebops.Sandbox.Aws;

namespace Ebops.EndToEnd.Tests.Stack;

/// <summary>How an <see cref="EbopsStack"/> is set up.</summary>
internal sealed record StackOptions
{
    /// <summary>
    /// The simulator (ignored with <c>EBOPS_TEST_AWS_ENDPOINT</c>). Default: the system clock, realistic durations scaled
    /// to 1/500 (an RDS instance is created in about a second).
    /// </summary>
    public Func<AwsSimulatorOptions> Simulator { get; init; } = () => new AwsSimulatorOptions { Timing = new Sandbox.Aws.Core.SimTiming(0.002) };

    /// <summary>Extra <c>ebops run</c> flags.</summary>
    public IReadOnlyList<string> OperatorArgs { get; init; } = [];

    /// <summary>Extra variables for the operator process (configuration such as <c>Logging__LogLevel__Default</c>).</summary>
    public IReadOnlyDictionary<string, string> OperatorEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary>Whether to start the operator with the stack (false: the test starts it with <see cref="EbopsStack.StartOperator"/>).</summary>
    public bool StartOperator { get; init; } = true;
}
