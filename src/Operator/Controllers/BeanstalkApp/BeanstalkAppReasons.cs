namespace Ebops.Operator.Controllers.BeanstalkApp;

/// <summary>Condition and event reasons of BeanstalkApp.</summary>
public static class BeanstalkAppReasons
{
    public const string Progressing = "Progressing";
    public const string WaitingForDatabase = "WaitingForDatabase";
    public const string Reconciled = "Reconciled";
    public const string DriftCorrected = "DriftCorrected";
    public const string Updated = "Updated";
    public const string InvalidOption = "InvalidOption";
    public const string InvalidNetwork = "InvalidNetwork";
    public const string NotManaged = "NotManaged";
    public const string AdoptionTargetMissing = "AdoptionTargetMissing";
    public const string VpcChanged = "VpcChanged";
    public const string DeletionRefused = "DeletionRefused";
    public const string Deleting = "Deleting";
    public const string Created = "Created";
    public const string WaitingForFrontend = "WaitingForFrontend";
    public const string Paused = "Paused";
}
