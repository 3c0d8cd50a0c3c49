using Ebops.Operator.Entities;

namespace Ebops.Operator.Controllers.BlueGreenRelease;

/// <summary>What a gate round measures: green's environment (with its health when this pass read it), its ALB in its
/// NLB target group (null without a frontend), and the gate's thresholds.</summary>
internal sealed record GateTarget(EnvironmentSnapshot Green, string? TargetHealthInGroup, bool UsesFrontend, HealthGate Gate);
