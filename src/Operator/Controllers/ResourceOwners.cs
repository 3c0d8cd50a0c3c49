using Ebops.Operator.Entities;
using Ebops.Operator.Resources;
using Ebops.Operator.Runtime;

namespace Ebops.Operator.Controllers;

/// <summary>Builds the <see cref="ResourceOwner"/> (ownership tags) of a Kubernetes object.</summary>
public static class ResourceOwners
{
    public static ResourceOwner For(ICustomResource entity, ControllerSettings settings) => new(
        settings.ClusterName,
        EntityMetadata.For(entity.GetType()).Kind,
        entity.Metadata.NamespaceProperty ?? "",
        entity.Metadata.Name,
        entity.Metadata.Uid ?? "");
}
