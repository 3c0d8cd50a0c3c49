using Ebops.Tests.Shared;

namespace Ebops.Operator.Tests.Runtime.Support;

/// <summary>Widgets as the API server would hand them out (a generation, a uid, a resourceVersion), for tests without a server.</summary>
internal static class TestWidgets
{
    public static Widget Create(string name, string? ns = "default", long generation = 1)
    {
        var widget = Widget.New(name, ns);
        widget.Metadata.Generation = generation;
        widget.Metadata.Uid = Guid.NewGuid().ToString();
        widget.Metadata.ResourceVersion = "1";
        return widget;
    }
}
