namespace Ebops.Operator.Resources.Rds;

/// <summary>The parts of an RDS ARN (<c>arn:aws:rds:ap-northeast-2:123456789012:db:orders</c>) status reports.</summary>
public sealed record RdsArn(string Arn, string Region, string AccountId)
{
    /// <summary>Null when <paramref name="arn"/> is not an ARN.</summary>
    public static RdsArn? TryParse(string? arn)
    {
        var parts = arn?.Split(':', 6);
        return parts is ["arn", _, _, var region, var account, _] ? new RdsArn(arn!, region, account) : null;
    }
}
