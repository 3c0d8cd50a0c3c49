namespace Ebops.Operator.Resources;

/// <summary>
/// The tags ebops puts on every AWS object it creates (at creation, where the API allows it). Lookups find an object by
/// (cluster, namespace, name, component); <see cref="Uid"/> tells which Kubernetes object created it. The IAM policy
/// scopes writes with <c>aws:ResourceTag/ebops.io/cluster</c>.
/// </summary>
public static class OwnershipTags
{
    /// <summary>The operator installation (<c>Controllers:ClusterName</c>), so two clusters sharing an account never
    /// take each other's objects.</summary>
    public const string Cluster = "ebops.io/cluster";

    /// <summary>Kind of the owning Kubernetes object (RdsDatabase, BeanstalkApp, NlbFrontend, BlueGreenRelease).</summary>
    public const string Kind = "ebops.io/kind";

    public const string Namespace = "ebops.io/namespace";

    public const string Name = "ebops.io/name";

    /// <summary>metadata.uid of the owning object when the AWS object was created or taken over.</summary>
    public const string Uid = "ebops.io/uid";

    /// <summary>Which part of the owner's setup the object is, when one owner has several of a type
    /// (for example <c>target-group-blue</c>, <c>eip-subnet-0aaa...</c>).</summary>
    public const string Component = "ebops.io/component";

    /// <summary>Set to <c>true</c> on an object ebops adopted (it existed before): deleted only when the deletion policy
    /// annotation says <c>delete</c> explicitly. Not an ownership key.</summary>
    public const string Adopted = "ebops.io/adopted";

    /// <summary>Every ownership key above (not <see cref="Adopted"/>).</summary>
    public static IReadOnlyList<string> All { get; } = [Cluster, Kind, Namespace, Name, Uid, Component];
}
