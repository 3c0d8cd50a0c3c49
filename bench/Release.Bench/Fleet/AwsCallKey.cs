namespace Ebops.Bench.Release.Fleet;

/// <summary>One kind of AWS call: service (signing name), operation and outcome (<c>ok</c> or the error code).</summary>
internal readonly record struct AwsCallKey(string Service, string Operation, string Outcome);
