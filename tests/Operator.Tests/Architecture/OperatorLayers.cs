namespace Ebops.Operator.Tests.Architecture;

/// <summary>
/// The layers of the operator assembly and the arrows allowed between them (docs/architecture.md draws the same
/// table). To add a room: one line with its namespaces and what it may use; anything else it imports fails
/// <see cref="LayeringTests"/>.
/// </summary>
internal static class OperatorLayers
{
    public const string Kubernetes = "Kubernetes client";
    public const string Sandbox = "Sandbox";

    private static readonly string[] RuntimeBase = ["Runtime", "Entities", Kubernetes];

    public static IReadOnlyList<Layer> All { get; } =
    [
        // Outside the assembly, constrained: only the layers that list them may use them.
        new(Kubernetes, ["k8s.*"], []),
        new(Sandbox, ["Ebops.Sandbox.*"], []),

        // Entities know nothing but their shape.
        new("Entities", ["Ebops.Operator.Entities.*"], [Kubernetes]),

        // Aws knows the wire, not Kubernetes and not the kinds.
        new("Aws", ["Ebops.Operator.Aws.*"], []),

        // Runtime knows Kubernetes, not AWS; its rooms from the bottom up.
        new("Runtime", ["Ebops.Operator.Runtime"], ["Entities", Kubernetes]),
        new("Runtime.Queue", ["Ebops.Operator.Runtime.Queue.*"], ["Runtime"]),
        new("Runtime.Api", ["Ebops.Operator.Runtime.Api.*"], RuntimeBase),
        new("Runtime.Watch", ["Ebops.Operator.Runtime.Watch.*"], RuntimeBase),
        new("Runtime.Status", ["Ebops.Operator.Runtime.Status.*"], [.. RuntimeBase, "Runtime.Api"]),
        new("Runtime.Events", ["Ebops.Operator.Runtime.Events.*"], RuntimeBase),
        new("Runtime.Metrics", ["Ebops.Operator.Runtime.Metrics.*"], ["Runtime", "Runtime.Queue"]),
        new("Runtime.Cache", ["Ebops.Operator.Runtime.Cache.*"], [.. RuntimeBase, "Runtime.Watch", "Runtime.Api"]),
        new("Runtime.Reconciliation", ["Ebops.Operator.Runtime.Reconciliation.*"],
            [.. RuntimeBase, "Runtime.Queue", "Runtime.Api", "Runtime.Watch", "Runtime.Status", "Runtime.Events", "Runtime.Metrics", "Runtime.Cache"]),
        new("Runtime.Election", ["Ebops.Operator.Runtime.Election.*"], [.. RuntimeBase, "Runtime.Metrics"]),
        new("Runtime.Hosting", ["Ebops.Operator.Runtime.Hosting.*"],
            [.. RuntimeBase, "Runtime.Queue", "Runtime.Api", "Runtime.Watch", "Runtime.Status", "Runtime.Events", "Runtime.Metrics", "Runtime.Cache",
             "Runtime.Reconciliation", "Runtime.Election"]),

        // Resources know AWS semantics: the wire below them, nothing of Kubernetes or the kinds.
        new("Resources", ["Ebops.Operator.Resources.*"], ["Aws"]),

        // Controllers decide: everything below them, but not the host.
        new("Controllers", ["Ebops.Operator.Controllers", "Ebops.Operator.Controllers.BeanstalkApp.*", "Ebops.Operator.Controllers.BlueGreenRelease.*",
            "Ebops.Operator.Controllers.NlbFrontend.*", "Ebops.Operator.Controllers.RdsDatabase.*"],
            [.. RuntimeBase, "Aws", "Resources", "Runtime.Queue", "Runtime.Api", "Runtime.Watch", "Runtime.Status", "Runtime.Events", "Runtime.Metrics",
             "Runtime.Cache", "Runtime.Reconciliation"]),

        // Their registration (AddEbopsControllers) is the one piece of them that talks to the host.
        new("Controllers.Registration", ["Ebops.Operator.Controllers.Registration.*"],
            ["Controllers", "Aws", "Resources", "Runtime.Hosting", "Runtime.Cache", "Runtime.Reconciliation", .. RuntimeBase]),

        // The CRD generator reads the kinds.
        new("Crds", ["Ebops.Operator.Crds.*"], ["Entities", Kubernetes]),

        // The verbs and the composition root (Program, counted in the root namespace) sit on top of everything.
        new("Cli", ["Ebops.Operator.Cli.*", "Ebops.Operator"],
            ["Entities", "Aws", "Resources", "Controllers", "Controllers.Registration", "Crds", Kubernetes, Sandbox, "Runtime", "Runtime.Queue", "Runtime.Api", "Runtime.Watch",
             "Runtime.Status", "Runtime.Events", "Runtime.Metrics", "Runtime.Cache", "Runtime.Reconciliation", "Runtime.Election", "Runtime.Hosting"]),
    ];
}
