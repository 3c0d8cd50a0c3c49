using Amazon.EC2.Model;
using Ebops.Operator.Resources.Rds;

namespace Ebops.Operator.Tests.Resources.Rds;

/// <summary>The subnets RDS refuses in a DB subnet group, found before any write.</summary>
public sealed class SubnetGroupPreflightTests
{
    private static readonly Dictionary<string, Subnet> Found = new(StringComparer.Ordinal)
    {
        ["subnet-a1"] = new Subnet { SubnetId = "subnet-a1", VpcId = "vpc-1", AvailabilityZone = "ap-northeast-2a" },
        ["subnet-a2"] = new Subnet { SubnetId = "subnet-a2", VpcId = "vpc-1", AvailabilityZone = "ap-northeast-2a" },
        ["subnet-c1"] = new Subnet { SubnetId = "subnet-c1", VpcId = "vpc-1", AvailabilityZone = "ap-northeast-2c" },
        ["subnet-x1"] = new Subnet { SubnetId = "subnet-x1", VpcId = "vpc-2", AvailabilityZone = "ap-northeast-2c" },
    };

    public static TheoryData<string[], int?, string?> Cases => new()
    {
        { ["subnet-a1", "subnet-c1"], null, null },
        { ["subnet-a1", "subnet-a2", "subnet-c1"], null, null },
        { ["subnet-a1", "subnet-gone"], 1, "subnet subnet-gone does not exist" },
        { ["subnet-a1", "subnet-x1"], 1, "subnet subnet-x1 is in vpc-2, not in vpc-1" },
        { ["subnet-a1", "subnet-a2"], null, "the subnets are all in ap-northeast-2a; RDS needs subnets in at least two Availability Zones" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Finds_the_first_problem_and_the_subnet_at_fault(string[] subnets, int? index, string? message)
    {
        var problem = SubnetGroupPreflight.Check(subnets, Found);

        if (message is null)
        {
            Assert.Null(problem);
            return;
        }

        Assert.NotNull(problem);
        Assert.Equal(index, problem.Index);
        Assert.StartsWith(message, problem.Message, StringComparison.Ordinal);
    }
}
