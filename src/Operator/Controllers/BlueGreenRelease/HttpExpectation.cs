namespace Ebops.Operator.Controllers.BlueGreenRelease;

/// <summary>What the gate's HTTP check accepts: status codes and ranges (<c>200-399</c>), and text the body must contain (null: any body).</summary>
internal sealed record HttpExpectation(string Status, string? Body = null);
