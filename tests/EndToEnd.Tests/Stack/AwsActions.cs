using Ebops.Sandbox.Aws.Core;

namespace Ebops.EndToEnd.Tests.Stack;

/// <summary>
/// Which AWS operations change something, from their names: the verbs AWS uses for writes (Create, Modify, Delete,
/// Reboot, Authorize, Revoke, Allocate, Release, Register, Deregister, Update, Swap, Terminate, Add, Remove, ...) and
/// those for reads (Describe, List, Get, Validate, Check, Head). An action with neither kind of name is unknown, and
/// <see cref="IsMutating"/> refuses to guess: a test that meets one fails and names it.
/// </summary>
internal static class AwsActions
{
    private static readonly string[] WritePrefixes =
    [
        "Create", "Modify", "Delete", "Reboot", "Authorize", "Revoke", "Allocate", "Release", "Register", "Deregister", "Update", "Swap",
        "Terminate", "Add", "Remove", "Associate", "Disassociate", "Put", "Set", "Apply", "Rebuild", "Restart", "Restore", "Start", "Stop",
        "Copy", "Attach", "Detach", "Abort", "Complete", "Upload", "Rotate", "Reset", "Compose", "Promote", "Failover", "Purchase",
        "Request", "Enable", "Disable", "Import", "Replace", "Assign", "Unassign",
    ];

    private static readonly string[] ReadPrefixes = ["Describe", "List", "Get", "Validate", "Check", "Head"];

    /// <summary>True for a write, false for a read; throws for a name that is neither.</summary>
    public static bool IsMutating(string action)
    {
        if (ReadPrefixes.Any(p => Starts(action, p)))
        {
            return false;
        }

        return WritePrefixes.Any(p => Starts(action, p))
            ? true
            : throw new InvalidOperationException($"AWS action '{action}' is neither a known read nor a known write: classify it in {nameof(AwsActions)}");
    }

    /// <summary>The calls that asked AWS to change something (whatever the answer: a refused write was still attempted).</summary>
    public static IReadOnlyList<SimCall> Mutations(IEnumerable<SimCall> calls) => [.. calls.Where(c => c.Action.Length > 0 && IsMutating(c.Action))];

    /// <summary>One line per call, for assertion messages.</summary>
    public static string Describe(IEnumerable<SimCall> calls) =>
        string.Join('\n', calls.Select(c => $"  #{c.Sequence} {c.Service} {c.Action} -> {c.Outcome} {string.Join(' ', c.Parameters.Where(p => p.Key is not ("Action" or "Version")).Select(p => $"{p.Key}={p.Value}"))}"));

    /// <summary>A name is followed by an upper-case letter or ends (Add matches AddTags, not Address).</summary>
    private static bool Starts(string action, string prefix) =>
        action.StartsWith(prefix, StringComparison.Ordinal) && (action.Length == prefix.Length || char.IsUpper(action[prefix.Length]));
}
