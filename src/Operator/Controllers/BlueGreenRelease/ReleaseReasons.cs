namespace Ebops.Operator.Controllers.BlueGreenRelease;

/// <summary>The CamelCase reasons of release transitions (status.reason, events, history).</summary>
public static class ReleaseReasons
{
    public const string NewVersion = "NewVersion";
    public const string ConfigurationChanged = "ConfigurationChanged";
    public const string ActiveEnvironmentMissing = "ActiveEnvironmentMissing";
    public const string RetryRequested = "RetryRequested";
    public const string GreenReady = "GreenReady";
    public const string GatePassed = "GatePassed";
    public const string GateFailed = "GateFailed";
    public const string GreenFailed = "GreenFailed";
    public const string TargetNotHealthy = "TargetNotHealthy";
    public const string Promoted = "Promoted";
    public const string CutOver = "CutOver";
    public const string BakePassed = "BakePassed";
    public const string BakeFailed = "BakeFailed";
    public const string AnalysisFailed = "AnalysisFailed";
    public const string RollbackRequested = "RollbackRequested";
    public const string AbortRequested = "AbortRequested";
    public const string Superseded = "Superseded";
    public const string ProgressDeadlineExceeded = "ProgressDeadlineExceeded";
    public const string PromotionDeadlineExceeded = "PromotionDeadlineExceeded";
    public const string Released = "Released";
    public const string BundleNotFound = "BundleNotFound";
    public const string EnvironmentConflict = "EnvironmentConflict";
    public const string AdoptedEnvironment = "AdoptedEnvironment";
    public const string DryRun = "DryRun";
}
