namespace Ebops.Sandbox.Kube.Storage;

internal sealed record StoreResult(StoreOutcome Outcome, StoredObject? Object)
{
    public static readonly StoreResult NotFound = new(StoreOutcome.NotFound, null);
    public static readonly StoreResult Conflict = new(StoreOutcome.Conflict, null);
}
