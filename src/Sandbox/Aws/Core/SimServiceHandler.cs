namespace Ebops.Sandbox.Aws.Core;

/// <summary>
/// The shape every simulated service shares: a thin handler that owns an <see cref="OperationTable"/> filled by one
/// <see cref="ISimOperations"/> per aggregate, and dispatches each request to it with the service's own parameter
/// errors. Stores take <see cref="SimWorld.Gate"/> themselves (never across an await), so a handler holds no state.
/// </summary>
/// <param name="signingName">The SigV4 signing name served (elasticbeanstalk, elasticloadbalancing, rds, ec2, s3).</param>
/// <param name="parameterErrors">How the service reports missing or malformed parameters.</param>
/// <param name="groups">The aggregates' operations, registered in order.</param>
public abstract class SimServiceHandler(string signingName, SimParamErrors parameterErrors, params IReadOnlyList<ISimOperations> groups)
    : IAwsServiceHandler
{
    private readonly OperationTable table = Build(groups);

    public string SigningName => signingName;

    /// <summary>Every action this service answers.</summary>
    public IReadOnlyList<string> Actions => table.Actions;

    public virtual ValueTask<SimResponse> HandleAsync(SimRequest request, CancellationToken cancellationToken) =>
        table.DispatchAsync(request, new SimParams(request.Parameters, parameterErrors), cancellationToken);

    private static OperationTable Build(IReadOnlyList<ISimOperations> groups)
    {
        var table = new OperationTable();
        foreach (var group in groups)
        {
            group.Register(table);
        }

        return table;
    }
}
