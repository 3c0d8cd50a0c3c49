using System.Xml.Linq;
using Xunit.Sdk;

namespace Ebops.Sandbox.Tests.Aws;

/// <summary>The model checker itself must catch what it is meant to catch, or the conformance tests prove nothing.</summary>
public sealed class AwsModelTests
{
    private static readonly AwsModel Elbv2 = AwsModel.Load("elasticloadbalancingv2-2015-12-01");

    [Fact]
    public void Request_with_the_wrong_list_encoding_or_a_missing_member_is_flagged()
    {
        var good = new Dictionary<string, string>
        {
            ["Action"] = "ModifyDBInstance", ["Version"] = "2014-10-31", ["DBInstanceIdentifier"] = "x",
            ["VpcSecurityGroupIds.VpcSecurityGroupId.1"] = "sg-1", ["ApplyImmediately"] = "true",
        };
        Assert.Empty(AwsModel.Rds.ValidateRequest(good));
        Assert.NotEmpty(AwsModel.Rds.ValidateRequest(new Dictionary<string, string>(good) { ["VpcSecurityGroupIds.member.1"] = "sg-1" }));
        Assert.NotEmpty(AwsModel.Rds.ValidateRequest(new Dictionary<string, string>(good) { ["ApplyImmediately"] = "yes" }));
        Assert.NotEmpty(AwsModel.Rds.ValidateRequest(new Dictionary<string, string> { ["Action"] = "ModifyDBInstance", ["Version"] = "2014-10-31" }));
        Assert.Empty(AwsModel.Ec2.ValidateRequest(new Dictionary<string, string>
        {
            ["Action"] = "AuthorizeSecurityGroupIngress", ["Version"] = "2016-11-15", ["GroupId"] = "sg-1",
            ["IpPermissions.1.IpProtocol"] = "tcp", ["IpPermissions.1.FromPort"] = "3306", ["IpPermissions.1.Groups.1.GroupId"] = "sg-2",
            ["IpPermissions.1.IpRanges.1.CidrIp"] = "10.0.0.0/8", ["TagSpecification.1.Tag.1.Key"] = "k",
        }));
        Assert.NotEmpty(AwsModel.Ec2.ValidateRequest(new Dictionary<string, string>
        {
            ["Action"] = "AuthorizeSecurityGroupIngress", ["Version"] = "2016-11-15", ["IpPermissions.1.UserIdGroupPairs.1.GroupId"] = "sg-2",
        }));
    }

    [Fact]
    public void Response_with_an_unknown_or_misplaced_element_is_flagged()
    {
        XNamespace ns = "http://rds.amazonaws.com/doc/2014-10-31/";
        XElement Doc(params object[] instance) => new(ns + "DescribeDBInstancesResponse",
            new XElement(ns + "DescribeDBInstancesResult", new XElement(ns + "DBInstances", new XElement(ns + "DBInstance", instance))));
        Assert.Empty(AwsModel.Rds.ValidateResponse("DescribeDBInstances", Doc(new XElement(ns + "DBInstanceStatus", "available"))));
        Assert.NotEmpty(AwsModel.Rds.ValidateResponse("DescribeDBInstances", Doc(new XElement(ns + "Status", "available"))));
        Assert.NotEmpty(AwsModel.Rds.ValidateResponse("DescribeDBInstances", Doc(new XElement(ns + "AllocatedStorage", "twenty"))));
        Assert.NotEmpty(AwsModel.Rds.ValidateResponse("DescribeDBInstances",
            Doc(new XElement(ns + "VpcSecurityGroups", new XElement(ns + "member", new XElement(ns + "VpcSecurityGroupId", "sg-1"))))));
    }

    [Fact]
    public void Query_request_with_a_member_path_of_the_model_passes_and_a_wrong_one_fails()
    {
        Elbv2.CheckRequest("CreateLoadBalancer", new Dictionary<string, string> { ["Name"] = "x", ["SubnetMappings.member.1.AllocationId"] = "e" });
        Assert.ThrowsAny<XunitException>(() => Elbv2.CheckRequest("CreateLoadBalancer", new Dictionary<string, string> { ["SubnetMappings.member.1.EipId"] = "e" }));
        Assert.ThrowsAny<XunitException>(() => Elbv2.CheckRequest("CreateLoadBalancer", new Dictionary<string, string> { ["Subnets.1"] = "s" }));
        Assert.ThrowsAny<XunitException>(() => Elbv2.CheckRequest("CreateLoadBalancer", new Dictionary<string, string> { ["Subnets.member.1"] = "s" }, strict: true));
    }

    [Fact]
    public void Query_response_element_outside_the_output_shape_or_namespace_fails()
    {
        const string ns = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";
        var good = $"<DescribeTagsResponse xmlns=\"{ns}\"><DescribeTagsResult><TagDescriptions><member><ResourceArn>a</ResourceArn></member></TagDescriptions></DescribeTagsResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></DescribeTagsResponse>";
        Assert.Equal("a", Elbv2.CheckResponse("DescribeTags", good).Value);
        Assert.ThrowsAny<XunitException>(() => Elbv2.CheckResponse("DescribeTags", good.Replace("ResourceArn", "Arn", StringComparison.Ordinal)));
        Assert.ThrowsAny<XunitException>(() => Elbv2.CheckResponse("DescribeTags", good.Replace("<member>", "<item>", StringComparison.Ordinal).Replace("</member>", "</item>", StringComparison.Ordinal)));
        Assert.ThrowsAny<XunitException>(() => Elbv2.CheckResponse("DescribeTags", good.Replace("<ResourceArn>", "<ResourceArn xmlns=\"\">", StringComparison.Ordinal)));
        Assert.ThrowsAny<XunitException>(() => Elbv2.CheckResponse("DescribeTags", good.Replace("<RequestId>r</RequestId>", "", StringComparison.Ordinal)));
    }
}
