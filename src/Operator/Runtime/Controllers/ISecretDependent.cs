namespace Ebops.Operator.Runtime.Controllers;

/// <summary>A controller that wants to hear when a Secret one of its objects references changes.</summary>
internal interface ISecretDependent
{
    void OnReferencedSecretChanged(ResourceKey key);
}
