namespace Ebops.Operator.Entities;

/// <summary>An additionalPrinterColumns entry of a CRD. Type is an OpenAPI type: string, integer, boolean, date.</summary>
public sealed record PrinterColumn(string Name, string Type, string JsonPath, string Description, int Priority = 0)
{
    public static PrinterColumn Ready { get; } = new(
        "Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status", "Whether the resource is ready.");

    public static PrinterColumn Age { get; } = new(
        "Age", "date", ".metadata.creationTimestamp", "Time since the resource was created.");
}
