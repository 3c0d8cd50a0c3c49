using Ebops.Operator.Aws.Core;
using Ebops.Operator.Entities;
using Ebops.Operator.Resources.Rds;
using Ebops.Operator.Runtime.Reconciliation;

namespace Ebops.Operator.Controllers.RdsDatabase;

/// <summary>
/// Checks what the CRD schema cannot, before anything is written to AWS: cross-field rules (pure) and RDS's
/// catalogue (reads only, cached per process): the engine version exists, the parameter family is that version's,
/// every override names a modifiable parameter of the family with an allowed value, and the instance class can run
/// the version. Each failure is a <see cref="TerminalException"/> naming the field.
/// </summary>
internal sealed class RdsSpecChecks(RdsCatalog catalog)
{
    /// <summary>The rules that need no AWS call.</summary>
    public static void CheckSpec(RdsDatabaseSpec spec)
    {
        if (spec.ConnectionSecret?.Name is { } connection && connection == spec.MasterPassword.SecretRef.Name)
        {
            throw new TerminalException($"must not be the master password's Secret ({connection}): ebops owns and rewrites it", "spec.connectionSecret", "InvalidSpec");
        }

        var engine = RdsDesired.Engine(spec.Engine);
        if (spec.Parameters is { } parameters && !parameters.Family.StartsWith(engine, StringComparison.Ordinal))
        {
            throw new TerminalException($"family {parameters.Family} is not a {engine} family", "spec.parameters.family", "InvalidSpec");
        }
    }

    /// <summary>The engine version RDS runs for the spec; checks the family and the overrides against the catalogue.</summary>
    public async Task<EngineVersionInfo> CheckCatalogAsync(RdsDatabaseSpec spec, CancellationToken cancellationToken)
    {
        var engine = RdsDesired.Engine(spec.Engine);
        var version = await AwsFailures.GuardAsync("spec.engineVersion", () => catalog.ResolveVersionAsync(engine, spec.EngineVersion, cancellationToken))
            .ConfigureAwait(false)
            ?? throw new TerminalException($"RDS offers no {engine} version {spec.EngineVersion}", "spec.engineVersion", "UnknownEngineVersion");
        if (spec.Parameters is not { } parameters)
        {
            return version;
        }

        if (parameters.Family != version.Family)
        {
            throw new TerminalException($"{engine} {version.EngineVersion} needs family {version.Family}, not {parameters.Family}", "spec.parameters.family", "FamilyMismatch");
        }

        ParameterCatalog definitions;
        try
        {
            definitions = await catalog.ParametersAsync(parameters.Family, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsApiException e) when (e.IsNotFound || e.IsTerminal)
        {
            throw new TerminalException($"RDS has no parameter group family {parameters.Family}", "spec.parameters.family", "UnknownFamily", e);
        }

        foreach (var (name, value) in (parameters.Overrides ?? []).OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            if (definitions.Check(name, value) is { } problem)
            {
                throw new TerminalException(problem, "spec.parameters.overrides." + name, "InvalidParameter");
            }
        }

        return version;
    }

    /// <summary>Checks that <c>spec.instanceClass</c> can run <paramref name="version"/> (before a create or a class change).</summary>
    public async Task CheckInstanceClassAsync(RdsDatabaseSpec spec, EngineVersionInfo version, CancellationToken cancellationToken)
    {
        var orderable = await AwsFailures.GuardAsync("spec.instanceClass",
            () => catalog.IsOrderableAsync(version.Engine, version.EngineVersion, spec.InstanceClass, cancellationToken)).ConfigureAwait(false);
        if (!orderable)
        {
            throw new TerminalException($"RDS does not offer {spec.InstanceClass} for {version.Engine} {version.EngineVersion}", "spec.instanceClass", "UnknownInstanceClass");
        }
    }
}
