using System.Security.Cryptography;
using System.Text;
using Ebops.Operator.Aws.Rds;
using Ebops.Operator.Entities;
using Ebops.Operator.Resources;
using Ebops.Operator.Resources.Rds;
using Ebops.Operator.Runtime.Status;

namespace Ebops.Operator.Controllers.RdsDatabase;

/// <summary>The RdsDatabase controller's decisions that need no I/O, each a pure function (table-tested).</summary>
public static class RdsDecisions
{
    /// <summary>How many polls pass between two reads of the parameter values (DescribeDBParameters, paginated) while nothing changes.</summary>
    public const int ParameterValuesEveryNthPoll = 12;

    /// <summary>
    /// <see cref="ReadMode.Cached"/> when the object is steady (status observed this generation, Synced, the instance
    /// available and its parameters in sync): one snapshot then serves every object. Anything else (creating, modifying,
    /// rebooting, a spec change) reads <see cref="ReadMode.Recent"/>: the instances RDS is working on share one describe
    /// every few seconds, and a write is always preceded by a live read of what it changes.
    /// </summary>
    public static ReadMode ReadModeFor(Entities.RdsDatabase entity)
    {
        var status = entity.Status;
        var steady = status is not null
            && status.ObservedGeneration == entity.Metadata.Generation
            && Conditions.IsTrue(status, ConditionTypes.Synced)
            && status.InstanceStatus == RdsStatuses.Available
            && status.ParameterGroup?.ApplyStatus is null or RdsStatuses.ParameterInSync;
        return steady ? ReadMode.Cached : ReadMode.Recent;
    }

    /// <summary>
    /// Whether <paramref name="instance"/> is rebooted now to apply a pending-reboot parameter group. Never when the
    /// instance is not available: a reboot already made shows as <c>rebooting</c> until the group is in sync, so one
    /// pending change gets one reboot even across a crash.
    /// </summary>
    public static RebootDecision Reboot(RebootPolicy policy, DbInstanceObserved instance, DateTimeOffset now)
    {
        if (!instance.IsAvailable || instance.ParameterApplyStatus != RdsStatuses.ParameterPendingReboot)
        {
            return RebootDecision.None;
        }

        switch (policy)
        {
            case RebootPolicy.Immediate:
                return new RebootDecision(RebootAction.RebootNow);
            case RebootPolicy.Manual:
                return new RebootDecision(RebootAction.ReportOnly);
            default:
                // Without a readable window RDS's own maintenance would be the only reboot: report, never guess.
                if (MaintenanceWindow.TryParse(instance.PreferredMaintenanceWindow) is not { } window)
                {
                    return new RebootDecision(RebootAction.ReportOnly);
                }

                var wait = window.UntilOpen(now);
                return wait == TimeSpan.Zero ? new RebootDecision(RebootAction.RebootNow) : new RebootDecision(RebootAction.WaitForWindow, wait);
        }
    }

    /// <summary>
    /// The value kept in <c>status.passwordSecretHash</c>: HMAC-SHA256 keyed with the object's uid over the SHA-256 (hex)
    /// of the password, so status never holds a plain hash that could be matched against guesses offline.
    /// </summary>
    public static string PasswordHash(string uid, string passwordSha256) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(uid), Encoding.UTF8.GetBytes(passwordSha256)));

    /// <summary>The SHA-256 (lower-case hex) of a value, as the Secret cache keeps it.</summary>
    public static string Sha256(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    /// <summary>True when the parameter values are worth reading on this pass (they cost DescribeDBParameters pages): on a
    /// spec change, a live pass, the first read and every nth poll; not on every pass that polls an instance RDS is
    /// working on.</summary>
    public static bool ReadParameterValues(bool specChanged, ReadMode mode, DateTimeOffset? lastRead, DateTimeOffset now, TimeSpan pollInterval) =>
        specChanged || mode == ReadMode.Live || lastRead is null || now - lastRead.Value >= pollInterval * ParameterValuesEveryNthPoll;

    /// <summary>Why RDS would refuse <paramref name="password"/> as a master password, or null when it would not
    /// (8-41 printable ASCII characters other than '/', '@', '"' and space). The message never contains the value.</summary>
    public static string? PasswordProblem(string password)
    {
        if (password.Length is < 8 or > 41)
        {
            return $"the master password must be 8 to 41 characters long (it has {password.Length})";
        }

        return password.Any(c => c is < '!' or > '~' or '/' or '@' or '"')
            ? "the master password may hold printable ASCII characters except '/', '@', '\"' and space"
            : null;
    }

    /// <summary>The spec field a manager's delta field comes from (for events and conditions).</summary>
    public static string SpecField(string field) => field switch
    {
        "Ingress" => "spec.network.securityGroup.ingress",
        "SubnetIds" => "spec.network.subnets",
        "Family" => "spec.parameters.family",
        "EngineVersion" => "spec.engineVersion",
        "InstanceClass" => "spec.instanceClass",
        "AllocatedStorage" => "spec.allocatedStorage",
        "PubliclyAccessible" => "spec.publiclyAccessible",
        "ParameterGroupName" => "spec.parameters",
        "SecurityGroupIds" => "spec.network.securityGroup",
        "DeletionProtection" => "spec.deletion.deletionProtection",
        "Tags" => "ownership tags",
        _ when field.StartsWith("Parameters.", StringComparison.Ordinal) => "spec.parameters.overrides." + field["Parameters.".Length..],
        _ => field,
    };

    /// <summary>The connection Secret's keys and values (the password only as the hash the master Secret has).</summary>
    public static IReadOnlyDictionary<string, string> ConnectionValues(RdsDatabaseSpec spec, string host, int port) => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["host"] = host,
        ["port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["dbname"] = spec.DbName ?? "",
        ["username"] = spec.MasterUsername,
    };
}
