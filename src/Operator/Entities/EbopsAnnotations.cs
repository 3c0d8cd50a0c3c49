namespace Ebops.Operator.Entities;

/// <summary>The annotations every ebops kind understands, and their values.</summary>
public static class EbopsAnnotations
{
    /// <summary>
    /// What to do when the AWS object already exists but carries no ebops ownership tags:
    /// <see cref="AdoptionPolicyAdopt"/> (adopt it, fail if missing) or <see cref="AdoptionPolicyAdoptOrCreate"/>
    /// (adopt it, create it if missing). Absent: never adopt; an untagged object with the same name is a conflict.
    /// </summary>
    public const string AdoptionPolicy = EbopsApi.Group + "/adoption-policy";

    public const string AdoptionPolicyAdopt = "adopt";
    public const string AdoptionPolicyAdoptOrCreate = "adopt-or-create";

    /// <summary>
    /// With an adoption policy: the identifiers of the AWS objects to adopt, as a JSON object of strings (for example
    /// <c>{"securityGroupId": "sg-0123", "parameterGroupName": "myapp-params"}</c>); the keys each kind reads are
    /// listed in docs/resources.md.
    /// </summary>
    public const string AdoptionFields = EbopsApi.Group + "/adoption-fields";

    /// <summary>
    /// What deleting the Kubernetes object does to the AWS objects: <see cref="DeletionPolicyDelete"/> (the default)
    /// or <see cref="DeletionPolicyRetain"/> (leave them and only remove the finalizer).
    /// </summary>
    public const string DeletionPolicy = EbopsApi.Group + "/deletion-policy";

    public const string DeletionPolicyDelete = "delete";
    public const string DeletionPolicyRetain = "retain";

    /// <summary>
    /// A request to a BlueGreenRelease: <c>promote</c>, <c>abort</c>, <c>retry</c> or <c>rollback</c>. The operator
    /// applies it once (it remembers the object's resourceVersion at which it saw the request) and removes the
    /// annotation, so nothing in Git drifts. <c>kubectl ebops</c> and the Argo CD actions set it.
    /// </summary>
    public const string Signal = EbopsApi.Group + "/signal";

    /// <summary>Who sent the <see cref="Signal"/> (recorded as promotedBy and in events).</summary>
    public const string SignalBy = EbopsApi.Group + "/signal-by";

    /// <summary><c>"true"</c>: the controller reads and reports but changes nothing in AWS.</summary>
    public const string Paused = EbopsApi.Group + "/paused";

    /// <summary>How often a synced object is re-read from AWS, as a Go-style duration (<c>30s</c>, <c>2m</c>, <c>1h</c>).</summary>
    public const string PollInterval = EbopsApi.Group + "/poll-interval";
}
