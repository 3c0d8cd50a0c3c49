using System.ComponentModel;

namespace Ebops.Operator.Entities;

/// <summary>No settings: its presence selects the check. Written as <c>targetHealth: {}</c>.</summary>
[Description("A check that green's targets are healthy. No settings; write targetHealth: {}.")]
public sealed class TargetHealthCheck;
