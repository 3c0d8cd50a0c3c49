namespace Ebops.Operator.Tests.Runtime.Support;

public sealed class WidgetSpec
{
    public string? Size { get; set; }

    public string? SecretName { get; set; }
}
