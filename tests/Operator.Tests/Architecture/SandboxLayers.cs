namespace Ebops.Operator.Tests.Architecture;

/// <summary>
/// The layers of the Sandbox assembly (the Kubernetes API emulator and the AWS simulator), top to bottom, and the
/// arrows allowed between them (docs/architecture.md draws the same table).
/// </summary>
internal static class SandboxLayers
{
    private static readonly string[] KubeBelowApi = ["Kube.Discovery", "Kube.Tables", "Kube.Selectors", "Kube.Storage", "Kube.Registry", "Kube.Patching",
        "Kube.Schema", "Kube.Validation.Crds", "Kube.Validation", "Kube.Validation.Cel", "Kube.Errors"];

    public static IReadOnlyList<Layer> All { get; } =
    [
        // The Kubernetes API emulator: the HTTP surface on top, errors at the bottom.
        new("Kube", ["Ebops.Sandbox.Kube"], ["Kube.Api", .. KubeBelowApi]),
        new("Kube.Api", ["Ebops.Sandbox.Kube.Api.*"], KubeBelowApi),
        new("Kube.Discovery", ["Ebops.Sandbox.Kube.Discovery.*"], ["Kube.Storage", "Kube.Registry", "Kube.Errors"]),
        new("Kube.Tables", ["Ebops.Sandbox.Kube.Tables.*"], ["Kube.Storage", "Kube.Registry", "Kube.Errors"]),
        new("Kube.Selectors", ["Ebops.Sandbox.Kube.Selectors.*"], ["Kube.Storage", "Kube.Registry", "Kube.Errors"]),
        new("Kube.Storage", ["Ebops.Sandbox.Kube.Storage.*"], ["Kube.Registry", "Kube.Patching", "Kube.Schema", "Kube.Validation.Crds", "Kube.Validation", "Kube.Validation.Cel", "Kube.Errors"]),
        new("Kube.Registry", ["Ebops.Sandbox.Kube.Registry.*"], ["Kube.Schema", "Kube.Validation.Crds", "Kube.Validation", "Kube.Validation.Cel", "Kube.Errors"]),
        new("Kube.Patching", ["Ebops.Sandbox.Kube.Patching.*"], ["Kube.Schema", "Kube.Validation.Crds", "Kube.Validation", "Kube.Validation.Cel", "Kube.Errors"]),
        new("Kube.Schema", ["Ebops.Sandbox.Kube.Schema.*"], ["Kube.Validation.Crds", "Kube.Validation", "Kube.Validation.Cel", "Kube.Errors"]),
        new("Kube.Validation.Crds", ["Ebops.Sandbox.Kube.Validation.Crds.*"], ["Kube.Validation", "Kube.Validation.Cel", "Kube.Errors"]),
        new("Kube.Validation", ["Ebops.Sandbox.Kube.Validation"], ["Kube.Validation.Cel", "Kube.Errors"]),
        new("Kube.Validation.Cel", ["Ebops.Sandbox.Kube.Validation.Cel.*"], ["Kube.Errors"]),
        new("Kube.Errors", ["Ebops.Sandbox.Kube.Errors.*"], []),

        // The load generator and the simulated DNS for environment CNAMEs: a client of the simulator, above it.
        new("Load", ["Ebops.Sandbox.Load.*"], ["Aws.Core", "Aws.ElasticBeanstalk"]),

        // The AWS simulator: Core and the data plane at the bottom, one room per service, the front end and the
        // simulator itself on top.
        new("Aws", ["Ebops.Sandbox.Aws"], ["Aws.Core", "Aws.DataPlane", "Aws.Ec2", "Aws.S3", "Aws.Rds", "Aws.Elbv2", "Aws.ElasticBeanstalk", "Aws.Front"]),
        new("Aws.Front", ["Ebops.Sandbox.Aws.Front.*"], ["Aws.Core", "Aws.S3"]),
        new("Aws.ElasticBeanstalk", ["Ebops.Sandbox.Aws.ElasticBeanstalk.*"], ["Aws.Core", "Aws.DataPlane", "Aws.Elbv2"]),
        new("Aws.Elbv2", ["Ebops.Sandbox.Aws.Elbv2.*"], ["Aws.Core", "Aws.DataPlane"]),
        new("Aws.Rds", ["Ebops.Sandbox.Aws.Rds.*"], ["Aws.Core"]),
        new("Aws.S3", ["Ebops.Sandbox.Aws.S3.*"], ["Aws.Core"]),
        new("Aws.Ec2", ["Ebops.Sandbox.Aws.Ec2.*"], ["Aws.Core"]),
        new("Aws.DataPlane", ["Ebops.Sandbox.Aws.DataPlane.*"], []),
        new("Aws.Core", ["Ebops.Sandbox.Aws.Core.*"], []),
    ];
}
