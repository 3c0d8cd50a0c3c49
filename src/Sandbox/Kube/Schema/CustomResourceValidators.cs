using System.Text.Json.Nodes;
using Ebops.Sandbox.Kube.Validation;

namespace Ebops.Sandbox.Kube.Schema;

/// <summary>Creates the validator used for a CRD version's schema.</summary>
internal static class CustomResourceValidators
{
    public static ICustomResourceValidator Create(JsonObject openApiV3Schema) => new CrdSchemaValidatorAdapter(new CrdSchemaValidator(openApiV3Schema));
}
