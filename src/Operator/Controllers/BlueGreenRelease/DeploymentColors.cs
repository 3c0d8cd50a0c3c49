using Ebops.Operator.Entities;

namespace Ebops.Operator.Controllers.BlueGreenRelease;

public static class DeploymentColors
{
    public static DeploymentColor Other(this DeploymentColor color) =>
        color == DeploymentColor.Blue ? DeploymentColor.Green : DeploymentColor.Blue;

    /// <summary>blue or green, as the API spells it.</summary>
    public static string Label(this DeploymentColor color) => color == DeploymentColor.Blue ? "blue" : "green";
}
