namespace Ebops.Sandbox.Aws.Core;

/// <summary>
/// The operations of one aggregate of a simulated service (for example Elastic Beanstalk environments, or ELBv2
/// listeners): each registers its actions in the service's <see cref="OperationTable"/>. An operations class parses
/// parameters and renders XML; the rules and the state live in the aggregate's store.
/// </summary>
public interface ISimOperations
{
    /// <summary>Adds this aggregate's actions to <paramref name="table"/>.</summary>
    void Register(OperationTable table);
}
