using System.Text.Json.Nodes;
using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Aws.Rds;

/// <summary>
/// RDS (2014-10-31): DB instances, parameter groups and their parameters, subnet groups, snapshots, tags, and the
/// engine versions and orderable instance classes the region offers. One operations class per aggregate registers its
/// actions; they share one set of <see cref="RdsStores"/> (state and AWS rules), built by the public constructor and
/// handed down the private one.
/// </summary>
internal sealed class RdsHandler : SimServiceHandler, ISimStateSource
{
    private readonly RdsStores stores;

    public RdsHandler(SimWorld world)
        : this(RdsStores.Create(world))
    {
    }

    private RdsHandler(RdsStores stores)
        : base(RdsNames.Service, SimParamErrors.Default,
            new RdsInstanceOperations(stores),
            new RdsParameterGroupOperations(stores),
            new RdsSubnetGroupOperations(stores),
            new RdsSnapshotOperations(stores),
            new RdsTagOperations(stores),
            new RdsEngineOperations(stores)) =>
        this.stores = stores;

    public string StateName => RdsNames.Service;

    /// <summary>True when <paramref name="password"/> is the instance's current master password (in-process checks
    /// for rotation tests; the password itself is never stored).</summary>
    public bool PasswordMatches(string identifier, string password) => stores.Instances.PasswordMatches(identifier, password);

    /// <summary>The instance's status now, or null when it does not exist (in-process).</summary>
    public string? StatusOf(string identifier) => stores.Instances.StatusOf(identifier);

    public JsonNode DumpState() => RdsStateDump.Dump(stores);
}
