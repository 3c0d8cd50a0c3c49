using Xunit.Sdk;

namespace Ebops.Sandbox.Tests.Aws.SimModel;

public sealed class ServiceModelTests
{
    private static readonly ServiceModel Elbv2 = ServiceModel.Load("elasticloadbalancingv2-2015-12-01");

    [Fact]
    public void Request_with_a_member_path_of_the_model_passes_and_a_wrong_one_fails()
    {
        Elbv2.CheckRequest("CreateLoadBalancer", new Dictionary<string, string> { ["Name"] = "x", ["SubnetMappings.member.1.AllocationId"] = "e" });
        Assert.ThrowsAny<XunitException>(() => Elbv2.CheckRequest("CreateLoadBalancer", new Dictionary<string, string> { ["SubnetMappings.member.1.EipId"] = "e" }));
        Assert.ThrowsAny<XunitException>(() => Elbv2.CheckRequest("CreateLoadBalancer", new Dictionary<string, string> { ["Subnets.1"] = "s" }));
    }

    [Fact]
    public void Response_element_outside_the_output_shape_fails()
    {
        const string ns = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";
        var good = $"<DescribeTagsResponse xmlns=\"{ns}\"><DescribeTagsResult><TagDescriptions><member><ResourceArn>a</ResourceArn></member></TagDescriptions></DescribeTagsResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></DescribeTagsResponse>";
        Elbv2.CheckResponse("DescribeTags", good);
        Assert.ThrowsAny<XunitException>(() => Elbv2.CheckResponse("DescribeTags", good.Replace("ResourceArn", "Arn", StringComparison.Ordinal)));
        Assert.ThrowsAny<XunitException>(() => Elbv2.CheckResponse("DescribeTags", good.Replace("<member>", "<item>", StringComparison.Ordinal).Replace("</member>", "</item>", StringComparison.Ordinal)));
    }
}
