using Ebops.Operator.Controllers;
using Ebops.Operator.Controllers.NlbFrontend;
using Ebops.Operator.Entities;
using Ebops.Operator.Resources;

namespace Ebops.Operator.Tests.Controllers.NlbFrontend;

/// <summary>The desired AWS objects and names derived from the spec (pure).</summary>
public sealed class NlbDesiredStateTests
{
    private static readonly ResourceOwner Owner = new("ebops", "NlbFrontend", "default", "web", "uid-1");

    private static ObjectPolicy Policy(string? fields = null)
    {
        var entity = new Ebops.Operator.Entities.NlbFrontend { Metadata = new() { Name = "web", Annotations = new Dictionary<string, string>() } };
        if (fields is not null)
        {
            entity.Metadata.Annotations[EbopsAnnotations.AdoptionPolicy] = "adopt-or-create";
            entity.Metadata.Annotations[EbopsAnnotations.AdoptionFields] = fields;
        }

        return ObjectPolicy.Of(entity, DeletionPolicy.Delete, new ControllerSettings());
    }

    [Theory]
    [InlineData(5, 4)]
    [InlineData(7, 6)]
    [InlineData(10, 6)]
    [InlineData(300, 6)]
    public void The_health_check_timeout_is_AWS_default_kept_below_the_interval(int interval, int timeout) =>
        Assert.Equal(timeout, NlbDesiredState.HealthCheckTimeout(interval));

    [Fact]
    public void The_health_check_comes_from_the_spec()
    {
        var spec = new NlbHealthCheck { Protocol = HealthCheckProtocol.Https, Path = "/healthz", Port = "8443", IntervalSeconds = 30, HealthyThresholdCount = 2, UnhealthyThresholdCount = 4, Matcher = "200" };

        var check = NlbDesiredState.HealthCheck(spec);

        Assert.Equal(("HTTPS", "/healthz", "8443", 30, 6, 2, 4, "200"), (check.Protocol, check.Path, check.Port, check.IntervalSeconds, check.TimeoutSeconds, check.HealthyThresholdCount, check.UnhealthyThresholdCount, check.Matcher));
    }

    [Fact]
    public void Names_are_deterministic_unless_adoption_fields_name_existing_objects()
    {
        Assert.Equal("ebops-default-web", NlbDesiredState.LoadBalancerName(Owner, Policy()));
        Assert.Equal("ebops-default-web-green", NlbDesiredState.TargetGroupName(Owner, Policy(), DeploymentColor.Green));

        var adopting = Policy("{\"loadBalancerName\": \"legacy\", \"blueTargetGroupName\": \"legacy-tg\"}");
        Assert.Equal("legacy", NlbDesiredState.LoadBalancerName(Owner, adopting));
        Assert.Equal("legacy-tg", NlbDesiredState.TargetGroupName(Owner, adopting, DeploymentColor.Blue));
        Assert.Equal("ebops-default-web-green", NlbDesiredState.TargetGroupName(Owner, adopting, DeploymentColor.Green));
    }

    [Fact]
    public void The_load_balancer_maps_each_subnet_to_its_elastic_ip_in_spec_order()
    {
        var spec = new NlbFrontendSpec { Subnets = [new() { SubnetId = "subnet-c", Allocate = true }, new() { SubnetId = "subnet-a", AllocationId = "eipalloc-given" }] };

        var desired = NlbDesiredState.LoadBalancer(Owner, "web", spec, new Dictionary<string, string> { ["subnet-c"] = "eipalloc-owned" }, adopted: false);

        Assert.Equal(["subnet-c=eipalloc-owned", "subnet-a=eipalloc-given"], desired.Subnets.Select(s => $"{s.SubnetId}={s.AllocationId}"));
        Assert.Equal("spec.subnets[0].allocate", NlbDesiredState.ElasticIpField(spec, "subnet-c"));
        Assert.Equal("spec.subnets[1].allocationId", NlbDesiredState.ElasticIpField(spec, "subnet-a"));
    }

    [Theory]
    [InlineData("HealthCheckPath", "spec.healthCheck.path")]
    [InlineData("HealthCheckTimeoutSeconds", "spec.healthCheck.intervalSeconds")]
    [InlineData("Matcher", "spec.healthCheck.matcher")]
    [InlineData("Tags", "metadata (ownership tags)")]
    public void Differing_target_group_settings_name_their_spec_field(string field, string path) =>
        Assert.Equal(path, NlbDesiredState.TargetGroupField(field));
}
