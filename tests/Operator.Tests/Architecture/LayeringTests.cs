using Ebops.Operator.Runtime.Hosting;

namespace Ebops.Operator.Tests.Architecture;

/// <summary>Every arrow between the operator's namespaces points the way <see cref="OperatorLayers"/> allows.</summary>
public sealed class LayeringTests
{
    private static readonly string Operator = typeof(OperatorHost).Assembly.Location;

    [Fact]
    public void No_namespace_imports_one_its_layer_may_not_use()
    {
        var violations = LayerChecker.Violations(Operator, OperatorLayers.All, "Ebops.Operator");
        Assert.True(violations.Count == 0, "Arrows the layer table does not allow:\n" + string.Join('\n', violations));
    }

    [Fact]
    public void No_sandbox_namespace_imports_one_its_layer_may_not_use()
    {
        var sandbox = typeof(Ebops.Sandbox.Kube.KubeApiEmulator).Assembly.Location;
        var violations = LayerChecker.Violations(sandbox, SandboxLayers.All, "Ebops.Sandbox");
        Assert.True(violations.Count == 0, "Arrows the layer table does not allow:\n" + string.Join('\n', violations));
    }

    [Fact]
    public void The_sandbox_check_sees_an_arrow_the_table_does_not_allow()
    {
        // One real arrow taken away: Elastic Beanstalk environments own ALBs through the ELBv2 simulation.
        var stricter = SandboxLayers.All
            .Select(l => l.Name == "Aws.ElasticBeanstalk" ? l with { Uses = [.. l.Uses.Where(u => u != "Aws.Elbv2")] } : l)
            .ToList();
        var sandbox = typeof(Ebops.Sandbox.Kube.KubeApiEmulator).Assembly.Location;
        var violations = LayerChecker.Violations(sandbox, stricter, "Ebops.Sandbox");
        Assert.NotEmpty(violations);
        Assert.All(violations, v => Assert.StartsWith("Aws.ElasticBeanstalk -> Aws.Elbv2", v, StringComparison.Ordinal));
    }

    [Fact]
    public void The_check_sees_an_arrow_the_table_does_not_allow()
    {
        // The same table with one real arrow taken away: Status -> Api (Finalizers patches through IResourceClient).
        var stricter = OperatorLayers.All
            .Select(l => l.Name == "Runtime.Status" ? l with { Uses = [.. l.Uses.Where(u => u != "Runtime.Api")] } : l)
            .ToList();
        var violations = LayerChecker.Violations(Operator, stricter, "Ebops.Operator");
        Assert.Contains(violations, v => v.StartsWith("Runtime.Status -> Runtime.Api: Ebops.Operator.Runtime.Status.Finalizers uses", StringComparison.Ordinal));
        Assert.All(violations, v => Assert.StartsWith("Runtime.Status -> Runtime.Api", v, StringComparison.Ordinal));
    }

    [Fact]
    public void A_namespace_no_layer_claims_is_reported()
    {
        var withoutEvents = OperatorLayers.All.Where(l => l.Name != "Runtime.Events").ToList();
        Assert.Contains(LayerChecker.Violations(Operator, withoutEvents, "Ebops.Operator"),
            v => v.StartsWith("namespace 'Ebops.Operator.Runtime.Events' (", StringComparison.Ordinal));
    }
}
