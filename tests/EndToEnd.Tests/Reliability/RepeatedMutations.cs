using Ebops.Sandbox.Aws.Core;

namespace Ebops.EndToEnd.Tests.Reliability;

/// <summary>
/// "A mutating AWS call made twice", precisely: two calls that AWS accepted (not refused, not an injected fault) with
/// the same service, action and parameters, the action being one that changes something (not Describe/List/Get/Head/
/// Check), where the pair does not share a client token (ClientToken, ClientRequestToken: AWS treats such a retry as the
/// same request, so it has one effect), and the target did not change in between through another accepted call on the
/// same target (a listener switched to green, back to blue, then to green again is three effects, not a repeat).
/// </summary>
internal static class RepeatedMutations
{
    private static readonly string[] ReadPrefixes = ["Describe", "List", "Get", "Head", "Check"];
    private static readonly string[] Tokens = ["ClientToken", "ClientRequestToken", "IdempotencyToken"];
    private static readonly string[] TargetKeys = ["ListenerArn", "TargetGroupArn", "LoadBalancerArn", "EnvironmentId", "EnvironmentName", "DBInstanceIdentifier",
        "GroupId", "ApplicationName", "AllocationId"];

    public static bool IsMutation(SimCall call) => call.Action.Length > 0 && !ReadPrefixes.Any(p => call.Action.StartsWith(p, StringComparison.Ordinal));

    /// <summary>Every accepted mutating call that repeats an earlier one in the sense above, with the one it repeats.</summary>
    public static IReadOnlyList<(SimCall First, SimCall Again)> Find(IEnumerable<SimCall> calls)
    {
        var accepted = calls.Where(c => c.Succeeded && !c.Injected && IsMutation(c)).OrderBy(c => c.Sequence).ToList();
        var lastByTarget = new Dictionary<string, SimCall>(StringComparer.Ordinal);
        var repeats = new List<(SimCall, SimCall)>();
        foreach (var call in accepted)
        {
            var target = $"{call.Service} {Target(call)}";
            if (lastByTarget.TryGetValue(target, out var previous) && previous.Action == call.Action && Same(previous, call)
                && !SharesToken(previous, call))
            {
                repeats.Add((previous, call));
            }

            lastByTarget[target] = call;
        }

        return repeats;
    }

    private static string Target(SimCall call) =>
        TargetKeys.Select(k => call.Parameters.GetValueOrDefault(k)).FirstOrDefault(v => v is not null) is { } target
            ? target
            : call.Action + " " + Key(call);

    private static bool Same(SimCall a, SimCall b) => Key(a) == Key(b);

    private static bool SharesToken(SimCall a, SimCall b) =>
        Tokens.Any(t => a.Parameters.GetValueOrDefault(t) is { } token && token == b.Parameters.GetValueOrDefault(t));

    private static string Key(SimCall call) => string.Join("&", call.Parameters.Where(p => !Tokens.Contains(p.Key))
        .OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value));
}
