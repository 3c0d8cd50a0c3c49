namespace Ebops.Sandbox.Aws.Core;

/// <summary>
/// A request to make an instance of an environment fail (its HTTP server starts answering 500 and health checks fail).
/// <paramref name="InstanceId"/> null means "any one instance" (the data plane picks one, deterministically).
/// </summary>
public sealed record InstanceFailure(string EnvironmentId, string? InstanceId, DateTimeOffset RequestedAt);
