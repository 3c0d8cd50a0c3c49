namespace Ebops.Operator.Runtime.Events;

/// <summary>Values of an Event's type.</summary>
public static class EventTypes
{
    public const string Normal = "Normal";
    public const string Warning = "Warning";
}
