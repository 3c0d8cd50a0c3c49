using Ebops.Operator.Controllers;
using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Reconciliation;

namespace Ebops.Operator.Tests.Controllers;

public sealed class ObjectPolicyTests
{
    private static readonly ControllerSettings Settings = new();

    private static Ebops.Operator.Entities.RdsDatabase With(params (string Key, string Value)[] annotations) => new()
    {
        Metadata = new() { Name = "db", NamespaceProperty = "ns", Annotations = annotations.ToDictionary(a => a.Key, a => a.Value) },
    };

    [Fact]
    public void No_annotations_give_the_kind_defaults()
    {
        var policy = ObjectPolicy.Of(With(), DeletionPolicy.Delete, Settings);

        Assert.Equal(new ObjectPolicy(false, DeletionPolicy.Delete, false, AdoptionPolicy.None, policy.AdoptionFields, TimeSpan.FromMinutes(5)), policy);
        Assert.Empty(policy.AdoptionFields);
    }

    [Fact]
    public void Annotations_are_read()
    {
        var policy = ObjectPolicy.Of(With(
            (EbopsAnnotations.Paused, "true"),
            (EbopsAnnotations.DeletionPolicy, "retain"),
            (EbopsAnnotations.AdoptionPolicy, "adopt-or-create"),
            (EbopsAnnotations.AdoptionFields, "{\"securityGroupId\":\"sg-1\"}"),
            (EbopsAnnotations.PollInterval, "1h30m")), DeletionPolicy.Delete, Settings);

        Assert.True(policy.Paused);
        Assert.Equal(DeletionPolicy.Retain, policy.Deletion);
        Assert.True(policy.DeletionPolicyExplicit);
        Assert.Equal(AdoptionPolicy.AdoptOrCreate, policy.Adoption);
        Assert.Equal("sg-1", policy.AdoptionField("securityGroupId"));
        Assert.Null(policy.AdoptionField("other"));
        Assert.Equal(TimeSpan.FromMinutes(90), policy.PollInterval);
    }

    [Fact]
    public void A_poll_interval_below_the_minimum_is_raised_to_it()
    {
        var policy = ObjectPolicy.Of(With((EbopsAnnotations.PollInterval, "1s")), DeletionPolicy.Delete, Settings);

        Assert.Equal(Settings.MinPollInterval, policy.PollInterval);
    }

    [Theory]
    [InlineData(EbopsAnnotations.Paused, "yes")]
    [InlineData(EbopsAnnotations.DeletionPolicy, "orphan")]
    [InlineData(EbopsAnnotations.AdoptionPolicy, "always")]
    [InlineData(EbopsAnnotations.AdoptionFields, "[1,2]")]
    [InlineData(EbopsAnnotations.PollInterval, "5 minutes")]
    [InlineData(EbopsAnnotations.PollInterval, "0s")]
    public void A_value_ebops_does_not_understand_is_terminal_and_names_the_annotation(string key, string value)
    {
        var e = Assert.Throws<TerminalException>(() => ObjectPolicy.Of(With((key, value)), DeletionPolicy.Delete, Settings));

        Assert.Equal("metadata.annotations." + key, e.Field);
        Assert.Equal("InvalidAnnotation", e.Reason);
    }
}
