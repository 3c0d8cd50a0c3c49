using System.Globalization;
using Ebops.Operator.Resources;

namespace Ebops.Operator.Controllers.RdsDatabase;

/// <summary>
/// The deterministic names of what an RdsDatabase owns, all derived from <c>spec.identifier</c> (unique per account
/// and region, like the instance itself), and the ownership components that tell them apart.
/// </summary>
public static class RdsNames
{
    /// <summary>The <c>ebops.io/component</c> of the instance's security group.</summary>
    public const string SecurityGroupComponent = "db-security-group";

    /// <summary><c>&lt;identifier&gt;-subnets</c>.</summary>
    public static string SubnetGroup(string identifier) => AwsNames.Compose(255, AwsNames.LowerAlphanumeric, identifier, "subnets");

    /// <summary><c>&lt;identifier&gt;-&lt;family&gt;</c> with the family's dots as hyphens (<c>orders-mysql8-0</c>): a
    /// group's family is immutable, so another family is another group.</summary>
    public static string ParameterGroup(string identifier, string family) => AwsNames.Compose(255, AwsNames.LowerAlphanumeric, identifier, family);

    /// <summary><c>&lt;identifier&gt;-db</c>, unique in its VPC.</summary>
    public static string SecurityGroup(string identifier) => AwsNames.Compose(255, AwsNames.LowerAlphanumeric, identifier, "db");

    /// <summary><c>&lt;identifier&gt;-final-&lt;yyyyMMdd-HHmmss&gt;</c> (UTC).</summary>
    public static string FinalSnapshot(string identifier, DateTimeOffset now) =>
        identifier + "-final-" + now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
}
