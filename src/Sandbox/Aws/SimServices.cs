using Ebops.Sandbox.Aws.Core;
using Ebops.Sandbox.Aws.Ec2;
using Ebops.Sandbox.Aws.Rds;
using Ebops.Sandbox.Aws.S3;

namespace Ebops.Sandbox.Aws;

/// <summary>
/// The registration point of simulated services: one line per service. <see cref="AwsSimulatorOptions.Services"/> starts
/// as a copy of this list. A handler factory receives the <see cref="SimWorld"/> (see its remarks for what it offers).
/// <para>To add a service, add ONE line below, e.g. <c>world =&gt; new ElasticBeanstalkHandler(world),</c>; nothing else
/// is needed: routing is by <see cref="IAwsServiceHandler.SigningName"/>, protocol details (API version, XML namespace,
/// error shape) come from <see cref="SimServiceInfo.Known"/>, and a handler that implements
/// <see cref="ISimStateSource"/> appears in the state dump; one that implements <see cref="IAsyncDisposable"/> or
/// <see cref="IDisposable"/> is disposed with the simulator.</para>
/// </summary>
public static class SimServices
{
    /// <summary>The network every world gets by default: the EC2 simulation.</summary>
    public static Func<SimWorld, ISimNetwork> Network { get; } = world => new Ec2Network(world);

    /// <summary>The object store every world gets by default: the S3 simulation.</summary>
    public static Func<SimWorld, ISimObjectStore> ObjectStore { get; } = world => new S3Store(world);

    public static IReadOnlyList<Func<SimWorld, IAwsServiceHandler>> All { get; } =
    [
        world => new Ec2Handler(world),
        world => new RdsHandler(world),
        world => new S3Handler(world),
        world => new Elbv2.Elbv2Handler(world),
        world => new ElasticBeanstalk.ElasticBeanstalkHandler(world),
    ];
}
