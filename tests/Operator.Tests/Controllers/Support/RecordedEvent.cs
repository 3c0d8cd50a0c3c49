namespace Ebops.Operator.Tests.Controllers.Support;

/// <summary>One event a controller recorded.</summary>
internal sealed record RecordedEvent(string Object, string Type, string Reason, string Action, string Note);
