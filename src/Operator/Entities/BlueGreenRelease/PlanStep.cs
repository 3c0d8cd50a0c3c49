using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Ebops.Operator.Entities;

[Description("One AWS step of the release plan.")]
public sealed class PlanStep
{
    [Description("What the step does, e.g. 'elasticbeanstalk:CreateEnvironment myapp-green'.")]
    [JsonPropertyName("step")]
    public string Step { get; set; } = "";

    [Description("The release phase the step belongs to.")]
    [JsonPropertyName("phase")]
    public ReleasePhase? Phase { get; set; }

    [Description("Pending, Running, Done, Failed or Skipped.")]
    [JsonPropertyName("state")]
    public PlanStepState State { get; set; }
}
