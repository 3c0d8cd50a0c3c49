using System.Text.Json.Nodes;
using Ebops.Sandbox.Kube.Errors;
using Ebops.Sandbox.Kube.Validation;

namespace Ebops.Sandbox.Kube.Schema;

/// <summary>Plugs <see cref="CrdSchemaValidator"/> into the emulator's write path.</summary>
internal sealed class CrdSchemaValidatorAdapter(CrdSchemaValidator inner) : ICustomResourceValidator
{
    public IReadOnlyList<string> UnsupportedRules => inner.UnsupportedRules;

    public IReadOnlyList<string> PruneUnknownFields(JsonObject obj) => inner.PruneUnknownFields(obj);

    public void ApplyDefaults(JsonObject obj) => inner.ApplyDefaults(obj);

    public IReadOnlyList<FieldError> Validate(JsonObject obj, JsonObject? oldObj) => inner.Validate(obj, oldObj);
}
