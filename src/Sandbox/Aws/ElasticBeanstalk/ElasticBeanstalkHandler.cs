using System.Text.Json.Nodes;
using Ebops.Sandbox.Aws.Core;
using C = Ebops.Sandbox.Aws.ElasticBeanstalk.EbConstants;

namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>
/// The Elastic Beanstalk (2010-12-01) Query-protocol service: one operations group per aggregate over the world's
/// <see cref="ElasticBeanstalkState"/> (applications, versions, templates, configurations, environments, health,
/// events, platforms, tags).
/// </summary>
public sealed class ElasticBeanstalkHandler : SimServiceHandler, ISimStateSource, IAsyncDisposable
{
    private static readonly SimParamErrors ParamErrors = SimParamErrors.Validation(
        static (name, _) => EbErrors.Missing(name),
        static (_, message) => EbErrors.Invalid(message));

    public ElasticBeanstalkHandler(SimWorld world)
        : this(world, ElasticBeanstalkState.For(world), new EbPaging(world))
    {
    }

    private ElasticBeanstalkHandler(SimWorld world, ElasticBeanstalkState state, EbPaging paging)
        : base(
            C.SigningName,
            ParamErrors,
            new ApplicationOperations(state.Stores, state.Environments),
            new VersionOperations(world, state.Stores.Versions, paging),
            new TemplateOperations(state.Stores.Templates),
            new ConfigurationOperations(state.Configurations),
            new EnvironmentOperations(state.Environments, state.Stores.Health, paging),
            new HealthOperations(world, state.Stores.Health, paging),
            new EventOperations(state.Stores, paging),
            new PlatformOperations(state.Stores.Platforms, paging),
            new TagOperations(state.Tags))
    {
        State = state;
    }

    public string StateName => C.SigningName;

    /// <summary>The simulation behind this handler (in-process access for tests and the demo).</summary>
    public ElasticBeanstalkState State { get; }

    public JsonNode DumpState() => State.DumpState();

    public ValueTask DisposeAsync() => State.DisposeAsync();
}
