using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Ebops.Operator.Entities.Schema;

namespace Ebops.Operator.Entities;

[Description("How a release progresses. All durations are in seconds.")]
public sealed class ReleaseStrategy
{
    [Description("Cut-over method: NlbSwitch (switch the NlbFrontend listener at once; needs frontendRef), NlbWeighted (shift new connections to green in steps with NLB weighted target groups; needs frontendRef and steps) or CnameSwap (swap environment CNAMEs). Default: NlbSwitch when frontendRef is set, else CnameSwap.")]
    [JsonPropertyName("cutover")]
    public CutoverMethod? Cutover { get; set; }

    [Description("NlbWeighted: the share of new connections green gets at each step, in percent, increasing, the last 100. A step without pauseSeconds waits for a promote signal. Example: [{weight: 5, pauseSeconds: 120}, {weight: 25, pauseSeconds: 300}, {weight: 100}].")]
    [MaxLength(10)]
    [CelRule("self.size() == 0 || self[self.size() - 1].weight == 100", Message = "spec.strategy.steps: the last step must have weight 100")]
    // Pairwise and unrolled (at most 10 steps) rather than isSorted(), so any CEL implementation evaluates it.
    [CelRule("(self.size() < 2 || self[0].weight < self[1].weight) && (self.size() < 3 || self[1].weight < self[2].weight) && (self.size() < 4 || self[2].weight < self[3].weight) && (self.size() < 5 || self[3].weight < self[4].weight) && (self.size() < 6 || self[4].weight < self[5].weight) && (self.size() < 7 || self[5].weight < self[6].weight) && (self.size() < 8 || self[6].weight < self[7].weight) && (self.size() < 9 || self[7].weight < self[8].weight) && (self.size() < 10 || self[8].weight < self[9].weight)", Message = "spec.strategy.steps: weights must increase from step to step")]
    [JsonPropertyName("steps")]
    public List<TrafficStep>? Steps { get; set; }

    [Description("NlbWeighted: how green is compared with blue at each step.")]
    [DefaultObject]
    [JsonPropertyName("analysis")]
    public WeightedAnalysis Analysis { get; set; } = new();

    [Description("Promote automatically once the health gate passes (after autoPromotionSeconds). false: wait in AwaitingPromotion for 'kubectl ebops promote'. Default: true.")]
    [Default(true)]
    [JsonPropertyName("autoPromotion")]
    public bool AutoPromotion { get; set; } = true;

    [Description("Seconds to wait in AwaitingPromotion after the gate passes before promoting automatically, 0-86400. Default: 0.")]
    [Default(0)]
    [Range(0, 86400)]
    [JsonPropertyName("autoPromotionSeconds")]
    public int AutoPromotionSeconds { get; set; }

    [Description("Seconds a release may wait in AwaitingPromotion before it is aborted, 0-604800; 0 waits forever. Default: 0.")]
    [Default(0)]
    [Range(0, 604800)]
    [JsonPropertyName("promotionDeadlineSeconds")]
    public int PromotionDeadlineSeconds { get; set; }

    [Description("Seconds green may take to become ready and pass the gate before the release is aborted, 60-86400. Default: 1800.")]
    [Default(1800)]
    [Range(60, 86400)]
    [JsonPropertyName("progressDeadlineSeconds")]
    public int ProgressDeadlineSeconds { get; set; } = 1800;

    [Description("Seconds to keep checking green after the cut-over; a failure switches traffic back to blue, 0-86400. Default: 60.")]
    [Default(60)]
    [Range(0, 86400)]
    [JsonPropertyName("bakeSeconds")]
    public int BakeSeconds { get; set; } = 60;

    [Description("How long the old (blue) environment is kept after the cut-over, for instant rollback and connection draining.")]
    [DefaultObject]
    [JsonPropertyName("blueRetention")]
    public BlueRetention BlueRetention { get; set; } = new();

    [Description("CnameSwap only: seconds blue is kept after the swap at least, because resolvers and clients cache the old CNAME (AmazonProvidedDNS caps TTLs at 300 s; JVMs may cache longer), 0-86400. Default: 360.")]
    [Default(360)]
    [Range(0, 86400)]
    [JsonPropertyName("cnameDrainSeconds")]
    public int CnameDrainSeconds { get; set; } = 360;

    [Description("On-demand price of one instance per hour in USD (e.g. \"0.026\"), to show what running two environments costs in status.extraCapacity. Empty: no cost shown.")]
    [MaxLength(16)]
    [RegularExpression("^[0-9]+(\\.[0-9]+)?$")]
    [JsonPropertyName("instanceHourlyPrice")]
    public string? InstanceHourlyPrice { get; set; }

    [Description("Seconds an aborted green environment is kept for inspection before it is terminated, 0-604800. Default: 600.")]
    [Default(600)]
    [Range(0, 604800)]
    [JsonPropertyName("abortGreenRetentionSeconds")]
    public int AbortGreenRetentionSeconds { get; set; } = 600;
}
