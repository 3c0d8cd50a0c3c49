namespace Ebops.Sandbox.Aws.Core;

/// <summary>
/// One simulated AWS operation: reads the request's parameters, asks the service's stores, renders the response.
/// Throws <see cref="AwsSimException"/> for AWS errors. Synchronous operations return a completed task
/// (<see cref="OperationTable.Add(string, Func{SimRequest, SimParams, SimResponse})"/> wraps them).
/// </summary>
public delegate ValueTask<SimResponse> SimOperation(SimRequest request, SimParams parameters, CancellationToken cancellationToken);
