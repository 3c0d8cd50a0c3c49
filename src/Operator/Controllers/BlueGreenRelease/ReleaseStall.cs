namespace Ebops.Operator.Controllers.BlueGreenRelease;

/// <summary>The release cannot go on until the user fixes <paramref name="Field"/> (Stalled; no AWS write).</summary>
public sealed record ReleaseStall(string Field, string Message, string Reason);
