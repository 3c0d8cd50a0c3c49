using Ebops.Operator.Entities;

namespace Ebops.Operator.Controllers.BlueGreenRelease;

/// <summary>One check's measurement in a gate round: passed, failed, or inconclusive (the measurement itself failed), with the evidence.</summary>
public sealed record GateCheckResult(string Name, GateCheckPhase Phase, string Message);
