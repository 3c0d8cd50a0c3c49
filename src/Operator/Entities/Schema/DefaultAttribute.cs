using System.Text.Json.Nodes;

namespace Ebops.Operator.Entities.Schema;

/// <summary>
/// The schema <c>default</c> the apiserver fills in when the field is absent. Keep the C# initializer equal to it
/// (a test checks both agree) so objects built in code and objects read from the API mean the same.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DefaultAttribute : Attribute
{
    public DefaultAttribute(bool value) => Value = JsonValue.Create(value);

    public DefaultAttribute(int value) => Value = JsonValue.Create(value);

    public DefaultAttribute(string value) => Value = JsonValue.Create(value);

    /// <summary>The default as JSON.</summary>
    public JsonNode Value { get; }
}
