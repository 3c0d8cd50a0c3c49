namespace Ebops.Operator.Controllers.BlueGreenRelease;

/// <summary>What a user (kubectl ebops, an Argo CD action) asks of a release through <c>ebops.io/signal</c>.</summary>
public enum ReleaseSignal
{
    /// <summary>Move traffic to green now (manual promotion).</summary>
    Promote,

    /// <summary>Give up the release before traffic moved; blue keeps serving.</summary>
    Abort,

    /// <summary>Start an aborted, rolled back or failed release of the same version again.</summary>
    Retry,

    /// <summary>Move traffic back to blue while it still runs.</summary>
    Rollback,
}
