using Ebops.Operator.Controllers.BeanstalkApp;

namespace Ebops.Operator.Tests.Controllers.BeanstalkApp;

public sealed class BeanstalkAppDecisionTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("", "spec.network")]
    [InlineData("VpcId", "spec.network.vpcId")]
    [InlineData("InstanceSubnets[1]", "spec.network.instanceSubnets[1]")]
    [InlineData("LoadBalancerSubnets[0]", "spec.network.loadBalancerSubnets[0]")]
    public void Network_problems_name_the_spec_field(string field, string path) =>
        Assert.Equal(path, BeanstalkAppController.NetworkField(field));

    [Theory]
    [InlineData(null, 0, true)]
    [InlineData("a", 0, false)]
    [InlineData("a", 29, false)]
    [InlineData("a", 30, true)]
    [InlineData("b", 1, true)]
    public void The_template_comparison_is_due_on_new_inputs_or_after_the_interval(string? previousInputs, int minutesLater, bool due)
    {
        var schedule = new TemplateCompareSchedule();
        if (previousInputs is not null)
        {
            schedule.Compared("uid", previousInputs, T0);
        }

        Assert.Equal(due, schedule.IsDue("uid", "a", T0.AddMinutes(minutesLater), TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public void Forgetting_an_object_makes_its_next_comparison_due()
    {
        var schedule = new TemplateCompareSchedule();
        schedule.Compared("uid", "a", T0);

        schedule.Forget("uid");

        Assert.True(schedule.IsDue("uid", "a", T0, TimeSpan.FromMinutes(30)));
        Assert.Null(schedule.LastInputs("uid"));
    }
}
