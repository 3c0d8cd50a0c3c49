using System.Collections.Concurrent;
using Ebops.Operator.Aws.Core;
using Ebops.Operator.Aws.Rds;

namespace Ebops.Operator.Resources.Rds;

/// <summary>
/// What RDS offers, read once per process and kept in memory (it does not change while the operator runs): engine
/// versions with their parameter group family (DescribeDBEngineVersions), which instance classes can run an engine
/// version (DescribeOrderableDBInstanceOptions), and each family's parameters (DescribeDBParameters of the family's
/// <c>default.&lt;family&gt;</c> group, all pages: the expensive one). Only answers are cached, never failures.
/// </summary>
public sealed class RdsCatalog(IRdsApi rds)
{
    private readonly ConcurrentDictionary<string, EngineVersionInfo?> versions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> orderable = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ParameterCatalog> families = new(StringComparer.Ordinal);

    private int parameterPages;

    /// <summary>How many DescribeDBParameters pages were read to build catalogues (for tests and metrics).</summary>
    public int ParameterPages => Volatile.Read(ref parameterPages);

    /// <summary>
    /// The version RDS would run for <paramref name="version"/> (a major version such as <c>8.0</c> resolves to that
    /// major's default minor), with its family; null when RDS does not offer it.
    /// </summary>
    public async Task<EngineVersionInfo?> ResolveVersionAsync(string engine, string version, CancellationToken cancellationToken)
    {
        var key = engine + "/" + version;
        if (versions.TryGetValue(key, out var known))
        {
            return known;
        }

        var response = await rds.DescribeDBEngineVersionsAsync(new DescribeDBEngineVersionsRequest
        {
            Engine = engine,
            EngineVersion = version,
            DefaultOnly = EngineVersions.IsMajorOnly(version) ? true : null,
        }, cancellationToken).ConfigureAwait(false);
        var found = (response.DBEngineVersions ?? [])
            .Where(v => v.EngineVersion is not null && v.DBParameterGroupFamily is not null)
            .Select(v => new EngineVersionInfo(engine, v.EngineVersion!, v.DBParameterGroupFamily!))
            .FirstOrDefault();
        versions[key] = found;
        return found;
    }

    /// <summary>True when RDS can run <paramref name="engineVersion"/> of <paramref name="engine"/> on <paramref name="instanceClass"/>.</summary>
    public async Task<bool> IsOrderableAsync(string engine, string engineVersion, string instanceClass, CancellationToken cancellationToken)
    {
        var key = $"{engine}/{engineVersion}/{instanceClass}";
        if (orderable.TryGetValue(key, out var known))
        {
            return known;
        }

        var response = await rds.DescribeOrderableDBInstanceOptionsAsync(new DescribeOrderableDBInstanceOptionsRequest
        {
            Engine = engine,
            EngineVersion = engineVersion,
            DBInstanceClass = instanceClass,
            MaxRecords = 20,
        }, cancellationToken).ConfigureAwait(false);
        var result = response.OrderableDBInstanceOptions is { Count: > 0 };
        orderable[key] = result;
        return result;
    }

    /// <summary>The parameters of <paramref name="family"/>; throws the <see cref="AwsApiException"/> (NotFound:
    /// DBParameterGroupNotFound) RDS answers for a family it does not know.</summary>
    public async Task<ParameterCatalog> ParametersAsync(string family, CancellationToken cancellationToken)
    {
        if (families.TryGetValue(family, out var known))
        {
            return known;
        }

        var definitions = new Dictionary<string, ParameterDefinition>(StringComparer.Ordinal);
        string? marker = null;
        do
        {
            var page = await rds.DescribeDBParametersAsync(new DescribeDBParametersRequest
            {
                DBParameterGroupName = "default." + family,
                Marker = marker,
            }, cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref parameterPages);
            foreach (var p in page.Parameters ?? [])
            {
                if (p.ParameterName is { } name)
                {
                    definitions[name] = new ParameterDefinition(name, p.DataType ?? "string", p.AllowedValues, p.IsModifiable ?? true,
                        p.ApplyType ?? RdsStatuses.ApplyTypeDynamic);
                }
            }

            marker = page.Marker;
        }
        while (!string.IsNullOrEmpty(marker));

        var catalog = new ParameterCatalog(family, definitions);
        families[family] = catalog;
        return catalog;
    }
}
