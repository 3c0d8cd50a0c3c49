namespace Ebops.EndToEnd.Tests.Kube;

/// <summary>A small test CRD (widgets.e2e.ebops.io) and manifests of it, for kubectl behaviour independent of the ebops kinds.</summary>
internal static class WidgetManifests
{
    public const string Crd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.e2e.ebops.io
        spec:
          group: e2e.ebops.io
          scope: Namespaced
          names:
            plural: widgets
            singular: widget
            kind: Widget
            listKind: WidgetList
            shortNames: [wdg]
          versions:
          - name: v1
            served: true
            storage: true
            subresources:
              status: {}
            additionalPrinterColumns:
            - name: Size
              type: integer
              jsonPath: .spec.size
            - name: Ready
              type: string
              jsonPath: .status.conditions[?(@.type=="Ready")].status
            - name: Color
              type: string
              priority: 1
              jsonPath: .spec.color
            - name: Age
              type: date
              jsonPath: .metadata.creationTimestamp
            schema:
              openAPIV3Schema:
                type: object
                description: A Widget exists only for the end-to-end tests.
                properties:
                  spec:
                    type: object
                    description: The desired widget.
                    required: [size]
                    properties:
                      size:
                        type: integer
                        minimum: 1
                        description: How big the widget is.
                      color:
                        type: string
                        default: blue
                        description: The colour of the widget.
                  status:
                    type: object
                    properties:
                      conditions:
                        type: array
                        items:
                          type: object
                          x-kubernetes-preserve-unknown-fields: true
        """;

    public static string Widget(string name, int size, string? color = null) => $"""
        apiVersion: e2e.ebops.io/v1
        kind: Widget
        metadata:
          name: {name}
        spec:
          size: {size}
        {(color is null ? "" : $"  color: {color}\n")}
        """;

    /// <summary>Installs the CRD (idempotent) and waits until it is established.</summary>
    public static async Task InstallAsync(Kubectl kubectl)
    {
        (await kubectl.RunAsync(["apply", "-f", "-"], Crd)).EnsureSuccess("apply widget CRD");
        (await kubectl.RunAsync("wait", "--for", "condition=established", "--timeout=60s", "crd/widgets.e2e.ebops.io")).EnsureSuccess("wait established");
    }
}
