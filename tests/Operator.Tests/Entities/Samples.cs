using System.Text.Json.Nodes;
using Ebops.Operator.Crds;
using Ebops.Operator.Entities;
using Ebops.Sandbox.Kube.Validation;
using Ebops.Tests.Shared;

namespace Ebops.Operator.Tests.Entities;

/// <summary>The files of config/samples and validators for the generated CRDs.</summary>
internal static class Samples
{
    public static string File(EntityKind kind) =>
        RepoPaths.Get("config", "samples", $"{EbopsApi.Group}_{EbopsApi.Version}_{kind.Kind.ToLowerInvariant()}.yaml");

    public static JsonObject Load(EntityKind kind) => YamlDocuments.LoadObject(System.IO.File.ReadAllText(File(kind)));

    /// <summary>The validator of the CRD as generated in memory (the golden test ties it to config/crds).</summary>
    public static CrdSchemaValidator Validator(EntityKind kind) =>
        CrdSchemaValidator.ForVersion(CrdGenerator.BuildCrd(kind), EbopsApi.Version);

    public static EntityKind Kind(string name) => EbopsKinds.All.Single(k => k.Kind == name);
}
