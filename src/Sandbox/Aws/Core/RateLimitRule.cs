namespace Ebops.Sandbox.Aws.Core;

/// <summary>
/// One token bucket of an AWS API rate limit: <see cref="Capacity"/> tokens, refilled at <see cref="RefillPerSecond"/>
/// per simulated second; every call it applies to takes one token, and a call that finds no token is throttled.
/// </summary>
/// <param name="Service">Signing name the rule applies to.</param>
/// <param name="Name">The bucket's name in the docs and the state dump (e.g. <c>non-mutating</c>).</param>
/// <param name="Capacity">Burst: tokens in a full bucket.</param>
/// <param name="RefillPerSecond">Tokens added per simulated second, up to <see cref="Capacity"/>.</param>
/// <param name="Applies">Whether a call (action, parameters) takes a token from this bucket.</param>
/// <param name="Group">Rules of one service and group are exclusive: a call takes a token from the first that applies
/// (categories). Rules of different groups all apply (an account-wide bucket next to the categories).</param>
/// <param name="Partition">Splits the bucket: one bucket per value (EC2 throttles each action separately, S3 each
/// bucket); null keeps one bucket for every call the rule applies to.</param>
public sealed record RateLimitRule(
    string Service,
    string Name,
    double Capacity,
    double RefillPerSecond,
    Func<string, IReadOnlyDictionary<string, string>, bool> Applies,
    string Group = "category",
    Func<string, IReadOnlyDictionary<string, string>, string>? Partition = null);
