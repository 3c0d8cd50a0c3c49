namespace Ebops.Sandbox.Kube.Registry;

/// <summary>One <c>additionalPrinterColumns</c> entry of a CRD version (or a built-in kind's column).</summary>
internal sealed record PrinterColumn(string Name, string Type, string? Format, string Description, int Priority, string JsonPath);
