namespace Ebops.EndToEnd.Tests.Runtime;

public sealed class WidgetSpec
{
    public string? Size { get; set; }

    public string? SecretName { get; set; }
}
