namespace Ebops.Sandbox.Kube.Storage;

internal enum StoreOutcome
{
    Ok,
    NotFound,
    AlreadyExists,
    Conflict,
}
