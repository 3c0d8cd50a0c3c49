using System.Collections.Concurrent;
using System.Reflection;
using k8s.Models;

namespace Ebops.Operator.Runtime;

/// <summary>Group, version, plural and kind of an entity type, read from its <see cref="KubernetesEntityAttribute"/>.</summary>
public sealed record EntityMetadata(string Group, string Version, string Plural, string Kind)
{
    private static readonly ConcurrentDictionary<Type, EntityMetadata> Cache = new();

    public string ApiVersion => string.IsNullOrEmpty(Group) ? Version : $"{Group}/{Version}";

    /// <summary>Reads the attribute on <typeparamref name="T"/>; throws when it is missing or incomplete.</summary>
    public static EntityMetadata For<T>() => For(typeof(T));

    public static EntityMetadata For(Type type) => Cache.GetOrAdd(type, static t =>
    {
        var attribute = t.GetCustomAttribute<KubernetesEntityAttribute>()
            ?? throw new InvalidOperationException($"{t.Name} has no [KubernetesEntity] attribute.");
        if (string.IsNullOrEmpty(attribute.Kind) || string.IsNullOrEmpty(attribute.ApiVersion) || string.IsNullOrEmpty(attribute.PluralName))
        {
            throw new InvalidOperationException($"[KubernetesEntity] on {t.Name} must set Kind, ApiVersion and PluralName.");
        }

        return new EntityMetadata(attribute.Group ?? "", attribute.ApiVersion, attribute.PluralName, attribute.Kind);
    });
}
