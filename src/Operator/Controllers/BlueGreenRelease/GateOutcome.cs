namespace Ebops.Operator.Controllers.BlueGreenRelease;

/// <summary>What a gate round did to the gate.</summary>
public enum GateOutcome
{
    /// <summary>No round was measured.</summary>
    None,

    /// <summary>Every check passed; the streak grew but is not long enough yet.</summary>
    Passing,

    /// <summary>The streak reached consecutiveSuccesses.</summary>
    Passed,

    /// <summary>A check failed; failures are below failureLimit.</summary>
    Failing,

    /// <summary>Failures reached failureLimit.</summary>
    Failed,

    /// <summary>A measurement itself failed and none failed: neither counts nor breaks the streak.</summary>
    Inconclusive,
}
