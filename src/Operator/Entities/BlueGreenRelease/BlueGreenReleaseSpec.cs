using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Ebops.Operator.Entities.Schema;

namespace Ebops.Operator.Entities;

[Description("The desired version of a BeanstalkApp and how to release it blue/green. Each change of version starts a release.")]
[CelRule("!has(self.strategy) || !has(self.strategy.cutover) || self.strategy.cutover != 'NlbSwitch' || has(self.frontendRef)", Message = "spec.frontendRef is required when spec.strategy.cutover is NlbSwitch", FieldPath = ".frontendRef")]
[CelRule("!has(self.strategy) || !has(self.strategy.cutover) || self.strategy.cutover != 'NlbWeighted' || (has(self.frontendRef) && has(self.strategy.steps) && self.strategy.steps.size() > 0)", Message = "spec.strategy.steps and spec.frontendRef are required when spec.strategy.cutover is NlbWeighted", FieldPath = ".strategy")]
public sealed class BlueGreenReleaseSpec
{
    [Description("The BeanstalkApp to release. Immutable.")]
    [Required]
    [CelRule("self == oldSelf", Message = "spec.appRef is immutable")]
    [JsonPropertyName("appRef")]
    public LocalObjectReference AppRef { get; set; } = new();

    [Description("The NlbFrontend in front of the app. With it traffic is cut over by switching the NLB listener (static IPs, no DNS change); without it by swapping environment CNAMEs.")]
    [JsonPropertyName("frontendRef")]
    public LocalObjectReference? FrontendRef { get; set; }

    [Description("The version to run. Changing it starts a release.")]
    [Required]
    [JsonPropertyName("version")]
    public ReleaseVersion Version { get; set; } = new();

    [Description("How the release progresses: cut-over method, promotion, deadlines and blue retention. All durations are in seconds.")]
    [DefaultObject]
    [JsonPropertyName("strategy")]
    public ReleaseStrategy Strategy { get; set; } = new();

    [Description("Checks the green environment must pass before traffic moves to it (and while baking after).")]
    [DefaultObject]
    [JsonPropertyName("healthGate")]
    public HealthGate HealthGate { get; set; } = new();

    [Description("Plan only: compute and publish status.plan without calling any mutating AWS API. Default: false.")]
    [Default(false)]
    [JsonPropertyName("dryRun")]
    public bool DryRun { get; set; }
}
