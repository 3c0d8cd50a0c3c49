using Ebops.Operator.Entities;

namespace Ebops.Operator.Tests.Runtime.Support;

public sealed class WidgetStatus : ResourceStatus
{
    public string? Note { get; set; }
}
