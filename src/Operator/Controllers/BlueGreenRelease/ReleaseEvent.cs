namespace Ebops.Operator.Controllers.BlueGreenRelease;

/// <summary>An event the release wants recorded (type Normal or Warning, CamelCase reason, a note without secrets).</summary>
public sealed record ReleaseEvent(string Type, string Reason, string Note);
