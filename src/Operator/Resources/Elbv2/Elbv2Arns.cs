namespace Ebops.Operator.Resources.Elbv2;

/// <summary>Parts of an ELBv2 ARN (<c>arn:partition:elasticloadbalancing:region:account:resource</c>).</summary>
internal static class Elbv2Arns
{
    public static string? Region(string arn) => Part(arn, 3);

    public static string? Account(string arn) => Part(arn, 4);

    /// <summary>The name in a target group ARN (<c>...:targetgroup/&lt;name&gt;/&lt;id&gt;</c>), or the ARN itself.</summary>
    public static string TargetGroupName(string arn)
    {
        var resource = Part(arn, 5);
        var parts = resource?.Split('/');
        return parts is { Length: 3 } && parts[0] == "targetgroup" ? parts[1] : arn;
    }

    private static string? Part(string arn, int index)
    {
        var parts = arn.Split(':', 6);
        return parts.Length == 6 && parts[index].Length > 0 ? parts[index] : null;
    }
}
