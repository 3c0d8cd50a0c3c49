namespace Ebops.Sandbox.Kube.Storage;

/// <summary>One page of a list: <see cref="ContinueAfter"/> is the last key returned when more items remain.</summary>
internal sealed record ListResult(IReadOnlyList<StoredObject> Items, long ResourceVersion, string? ContinueAfter, long RemainingItemCount);
