using Ebops.Operator.Entities;
using k8s.Models;

namespace Ebops.Operator.Tests.Runtime.Support;

/// <summary>A test kind: the runtime only needs [KubernetesEntity] and the CustomResource base.</summary>
[KubernetesEntity(Group = "test.ebops.io", ApiVersion = "v1", Kind = "Widget", PluralName = "widgets")]
public sealed class Widget : CustomResource<WidgetSpec, WidgetStatus>
{
    public static Widget Create(string name, string? ns = "default", long generation = 1, string? secret = null) => new()
    {
        Kind = "Widget",
        ApiVersion = "test.ebops.io/v1",
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Generation = generation, Uid = Guid.NewGuid().ToString(), ResourceVersion = "1" },
        Spec = new WidgetSpec { Size = "small", SecretName = secret },
    };
}
