namespace Ebops.Sandbox.Aws.Core;

/// <summary>
/// Action name → <see cref="SimOperation"/> for one simulated service, filled by its <see cref="ISimOperations"/>
/// groups. An action registered twice is a programming error; an action not registered is AWS's
/// <c>InvalidAction</c> (<see cref="SimErrors.UnknownAction"/>).
/// </summary>
public sealed class OperationTable
{
    private readonly Dictionary<string, SimOperation> operations = new(StringComparer.Ordinal);

    /// <summary>The registered actions, sorted (conformance tests check each against the official model).</summary>
    public IReadOnlyList<string> Actions => [.. operations.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Registers an asynchronous operation.</summary>
    public OperationTable Add(string action, SimOperation operation)
    {
        if (!operations.TryAdd(action, operation))
        {
            throw new InvalidOperationException($"The action '{action}' is registered twice.");
        }

        return this;
    }

    /// <summary>Registers a synchronous operation.</summary>
    public OperationTable Add(string action, Func<SimRequest, SimParams, SimResponse> operation) =>
        Add(action, (request, parameters, _) => ValueTask.FromResult(operation(request, parameters)));

    /// <summary>Runs the operation registered for the request's action.</summary>
    public ValueTask<SimResponse> DispatchAsync(SimRequest request, SimParams parameters, CancellationToken cancellationToken) =>
        operations.TryGetValue(request.Action, out var operation)
            ? operation(request, parameters, cancellationToken)
            : throw SimErrors.UnknownAction(request);
}
