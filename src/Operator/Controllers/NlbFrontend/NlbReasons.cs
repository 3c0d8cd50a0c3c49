namespace Ebops.Operator.Controllers.NlbFrontend;

/// <summary>Condition and event reasons of the NlbFrontend controller.</summary>
internal static class NlbReasons
{
    public const string WaitingForBeanstalkApp = "WaitingForBeanstalkApp";
    public const string Provisioning = "Provisioning";
    public const string Paused = "Paused";
    public const string DriftCorrected = "DriftCorrected";
    public const string ListenerDrift = "ListenerDrift";
    public const string CannotChange = "CannotChange";
    public const string NameConflict = "NameConflict";
    public const string Created = "Created";
    public const string Adopted = "Adopted";
    public const string DriftDetected = "DriftDetected";
    public const string Updated = "Updated";
    public const string Deleting = "Deleting";
    public const string Retained = "Retained";
    public const string Kept = "Kept";
}
