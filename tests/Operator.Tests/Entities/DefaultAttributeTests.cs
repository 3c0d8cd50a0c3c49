using System.Reflection;
using System.Text.Json.Nodes;
using Ebops.Operator.Entities;
using Ebops.Operator.Entities.Schema;
using k8s;

namespace Ebops.Operator.Tests.Entities;

public sealed class DefaultAttributeTests
{
    [Fact]
    public void EverySchemaDefaultEqualsTheCSharpInitializer()
    {
        var properties = typeof(EbopsApi).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(EbopsApi).Namespace && t.IsClass && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) is not null)
            .SelectMany(t => t.GetProperties().Select(p => (Type: t, Property: p)))
            .Where(x => x.Property.IsDefined(typeof(DefaultAttribute)) || x.Property.IsDefined(typeof(DefaultObjectAttribute)))
            .ToList();
        Assert.True(properties.Count > 40, $"only {properties.Count} defaulted properties found");

        foreach (var (type, property) in properties)
        {
            var value = property.GetValue(Activator.CreateInstance(type));
            var actual = JsonNode.Parse(KubernetesJson.Serialize(value));
            if (property.GetCustomAttribute<DefaultAttribute>() is { } attribute)
            {
                Assert.True(JsonNode.DeepEquals(attribute.Value, actual), $"{type.Name}.{property.Name}: default {attribute.Value.ToJsonString()}, initializer {actual?.ToJsonString()}");
            }
            else
            {
                Assert.True(actual is JsonObject, $"{type.Name}.{property.Name}: default {{}} but the initializer is {actual?.ToJsonString()}");
            }
        }
    }
}
