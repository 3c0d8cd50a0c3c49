using System.Text.Json.Nodes;
using Ebops.Sandbox.Kube.Errors;

namespace Ebops.Sandbox.Kube.Schema;

/// <summary>
/// The seam between the emulator and a CRD schema validator: defaults are applied before validation on create and
/// update; violations become a 422 Invalid Status.
/// </summary>
internal interface ICustomResourceValidator
{
    /// <summary>CEL rules (<c>x-kubernetes-validations</c>) this validator cannot evaluate; printed when the CRD is served.</summary>
    IReadOnlyList<string> UnsupportedRules { get; }

    /// <summary>Removes fields the schema does not declare (structural pruning) and returns their paths (<c>spec.foo</c>).</summary>
    IReadOnlyList<string> PruneUnknownFields(JsonObject obj);

    void ApplyDefaults(JsonObject obj);

    /// <summary>Returns every violation; empty when the object is valid. <paramref name="oldObj"/> is null on create.</summary>
    IReadOnlyList<FieldError> Validate(JsonObject obj, JsonObject? oldObj);
}
