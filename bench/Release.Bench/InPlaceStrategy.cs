using Ebops.Operator.Aws.ElasticBeanstalk;
using Ebops.Sandbox.Load;

namespace Ebops.Bench.Release;

/// <summary>
/// Beanstalk's own in-place deployment: one environment, <c>UpdateEnvironment VersionLabel=...</c> with its
/// <c>aws:elasticbeanstalk:command</c> deployment options, clients on its ALB. The cut-over is the update call; the
/// release is over when the environment is Ready again. No second environment, so no double capacity.
/// </summary>
internal abstract class InPlaceStrategy(string name, int order, params (string Name, string Value)[] deployment) : IReleaseStrategy
{
    private const string Application = "web";
    private const string Environment = "web-live";

    public string Name { get; } = name;

    public int Order { get; } = order;

    public async Task<LoadTarget> DeployFirstAsync(ReleaseBench bench, string version, CancellationToken cancellationToken)
    {
        await bench.Eb.CreateApplicationAsync(new() { ApplicationName = Application }, cancellationToken);
        await bench.CreateVersionAsync(Application, version, cancellationToken);
        var options = deployment.Select(o => new OptionSetting { Namespace = "aws:elasticbeanstalk:command", OptionName = o.Name, Value = o.Value });
        var environment = await bench.LaunchAsync(Application, Environment, Environment, version, options, cancellationToken);
        return bench.AlbOf(environment.CNAME!);
    }

    public async Task ReleaseAsync(ReleaseBench bench, ReleaseRecord release, CancellationToken cancellationToken)
    {
        await bench.CreateVersionAsync(Application, release.Version, cancellationToken);
        release.MarkCutover();
        await bench.Eb.UpdateEnvironmentAsync(new() { EnvironmentName = Environment, VersionLabel = release.Version }, cancellationToken);
        await bench.WaitForAsync(Environment, e => e.Status == "Ready", cancellationToken);
    }
}
