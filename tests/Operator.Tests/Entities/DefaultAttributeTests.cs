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
                // The schema spells an object default out as its fields' defaults: the initializer must build the same.
                var expected = SpelledOut(property.PropertyType);
                Assert.True(JsonNode.DeepEquals(expected, actual), $"{type.Name}.{property.Name}: default {expected.ToJsonString()}, initializer {actual?.ToJsonString()}");
            }
        }
    }

    private static JsonObject SpelledOut(Type type)
    {
        var result = new JsonObject();
        foreach (var property in type.GetProperties())
        {
            var name = property.GetCustomAttribute<System.Text.Json.Serialization.JsonPropertyNameAttribute>()?.Name ?? property.Name;
            if (property.GetCustomAttribute<DefaultAttribute>() is { } attribute)
            {
                result[name] = attribute.Value.DeepClone();
            }
            else if (property.IsDefined(typeof(DefaultObjectAttribute)))
            {
                result[name] = SpelledOut(property.PropertyType);
            }
        }

        return result;
    }
}
