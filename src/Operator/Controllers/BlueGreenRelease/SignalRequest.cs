namespace Ebops.Operator.Controllers.BlueGreenRelease;

/// <summary>A signal as read from the object: the request, its id (applied once per id) and who sent it.</summary>
public sealed record SignalRequest(ReleaseSignal Signal, string Id, string? By);
