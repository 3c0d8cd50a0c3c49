using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Ebops.Operator.Entities;

[Description("An environment kept for inspection after an abort or a rollback, terminated once its retention ends.")]
public sealed class PendingTermination
{
    [Description("Colour of the environment.")]
    [JsonPropertyName("color")]
    public DeploymentColor Color { get; set; }

    [Description("Name of the environment.")]
    [JsonPropertyName("environmentName")]
    public string EnvironmentName { get; set; } = "";

    [Description("When it is terminated.")]
    [JsonPropertyName("notBefore")]
    public DateTimeOffset NotBefore { get; set; }
}
