namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>The simulated account's EB aggregates, one store each (built once per world by <see cref="ElasticBeanstalkState"/>).</summary>
internal sealed record EbStores(
    ApplicationStore Applications,
    VersionStore Versions,
    TemplateStore Templates,
    EnvironmentIndex Environments,
    PlatformStore Platforms,
    HealthStore Health,
    EbEventLog Events);
