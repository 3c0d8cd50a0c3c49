using System.Text.RegularExpressions;

namespace Ebops.Sandbox.Aws.Elbv2;

/// <summary>ELBv2's naming rule for load balancers and target groups.</summary>
internal static partial class Elbv2Names
{
    /// <summary>Up to 32 alphanumerics and hyphens, not starting or ending with a hyphen; ValidationError otherwise.</summary>
    public static void Validate(string name, string what)
    {
        if (!NamePattern().IsMatch(name))
        {
            throw Elbv2Errors.Validation($"The {what} name '{name}' cannot be longer than '32' characters, can contain only alphanumeric characters and hyphens, and cannot begin or end with a hyphen");
        }
    }

    [GeneratedRegex("^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,30}[a-zA-Z0-9])?$")]
    private static partial Regex NamePattern();
}
