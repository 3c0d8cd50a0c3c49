namespace Ebops.Operator.Resources.Elbv2;

/// <summary>A target group as DescribeTargetGroups and DescribeTags report it. <c>LoadBalancerArns</c>: The load balancers whose listeners forward to it. <c>Attributes</c>: DescribeTargetGroupAttributes (null: not read).</summary>
internal sealed record TargetGroupObserved(
    string Arn,
    string Name,
    string? VpcId,
    int? Port,
    string? Protocol,
    string? TargetType,
    TargetGroupHealthCheck HealthCheck,
    IReadOnlyList<string> LoadBalancerArns,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyDictionary<string, string>? Attributes = null)
{
    public bool IsAdopted => Tags.TryGetValue(OwnershipTags.Adopted, out var value) && value == "true";
}
