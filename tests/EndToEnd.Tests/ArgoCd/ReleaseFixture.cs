using Ebops.Operator.Entities;

namespace Ebops.EndToEnd.Tests.ArgoCd;

/// <summary>A BlueGreenRelease as ebops leaves it in some state, and the Argo CD health it must show.</summary>
internal sealed record ReleaseFixture(string Name, BlueGreenRelease Release, string Health)
{
    public override string ToString() => Name;
}
