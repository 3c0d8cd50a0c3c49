using System.Text.RegularExpressions;
using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Aws.Rds;

/// <summary>RDS's naming rules and ARNs.</summary>
internal static partial class RdsNames
{
    public const string Service = "rds";

    /// <summary>AWS's identifier rule for instances, snapshots, parameter groups: 1-255 (instances 63) letters, digits and
    /// hyphens, starting with a letter, no trailing hyphen, no two consecutive hyphens.</summary>
    public static void CheckIdentifier(string name, string parameter, int maxLength)
    {
        if (name.Length > maxLength || !IdentifierPattern().IsMatch(name) || name.EndsWith('-') || name.Contains("--", StringComparison.Ordinal))
        {
            throw SimErrors.Invalid($"The parameter {parameter} is not a valid identifier. Identifiers must begin with a letter; " +
                "must contain only ASCII letters, digits, and hyphens; and must not end with a hyphen or contain two consecutive hyphens.");
        }
    }

    /// <summary><c>arn:aws:rds:region:account:{type}:{name}</c>.</summary>
    public static string Arn(SimWorld world, string type, string name) => world.Ids.Arn(Service, $"{type}:{name}");

    /// <summary>The lower-cased identifier an identifier or an ARN names.</summary>
    public static string IdFromIdentifierOrArn(string identifier) =>
        (identifier.StartsWith("arn:", StringComparison.Ordinal) ? identifier[(identifier.LastIndexOf(':') + 1)..] : identifier)
        .ToLowerInvariant();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9-]*$")]
    private static partial Regex IdentifierPattern();
}
