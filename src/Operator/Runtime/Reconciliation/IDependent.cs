namespace Ebops.Operator.Runtime.Reconciliation;

/// <summary>A controller that wants to hear when an object one of its objects references, or owns, changed.</summary>
internal interface IDependent
{
    /// <summary>The kind of the objects this controller reconciles.</summary>
    string Kind { get; }


    void OnDependencyChanged(ResourceKey key);
}
