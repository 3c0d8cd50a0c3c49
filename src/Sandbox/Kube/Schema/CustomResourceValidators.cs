using System.Text.Json.Nodes;

namespace Ebops.Sandbox.Kube.Schema;

/// <summary>Creates the validator used for a CRD version's schema. The one place to plug a fuller validator in.</summary>
internal static class CustomResourceValidators
{
    public static ICustomResourceValidator Create(JsonObject openApiV3Schema) => new MinimalSchemaValidator(openApiV3Schema);
}
