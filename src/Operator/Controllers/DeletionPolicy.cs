namespace Ebops.Operator.Controllers;

/// <summary>What deleting the Kubernetes object does to the AWS objects (<c>ebops.io/deletion-policy</c>).</summary>
public enum DeletionPolicy
{
    /// <summary>Delete the AWS objects the resource owns (RDS: with a final snapshot unless the spec says otherwise).</summary>
    Delete,

    /// <summary>Leave every AWS object as it is; only the finalizer comes off.</summary>
    Retain,
}
