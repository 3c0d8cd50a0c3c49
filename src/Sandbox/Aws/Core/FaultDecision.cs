namespace Ebops.Sandbox.Aws.Core;

/// <summary>What fault injection decided for one call: a delay to apply first, then maybe a failure.</summary>
internal readonly record struct FaultDecision(TimeSpan Delay, FaultRule? Failure);
