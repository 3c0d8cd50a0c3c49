using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Aws;

/// <summary>Options of <see cref="AwsSimulator"/>. Defaults: ephemeral loopback port, system clock, sandbox time scale,
/// sandbox credentials, account/region from <see cref="SandboxNetwork"/>, page size 100, every built-in service, the EC2
/// simulation as the network and the S3 simulation as the object store.</summary>
public sealed class AwsSimulatorOptions : SimWorldOptions
{
    public AwsSimulatorOptions()
    {
        Network = SimServices.Network;
        ObjectStore = SimServices.ObjectStore;
    }

    /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>Key pairs accepted; the first one is what <see cref="AwsSimulator.AccessKeyId"/> reports.</summary>
    public IList<SimCredential> Credentials { get; set; } = [SimCredential.Sandbox];

    /// <summary>Largest accepted difference between a request's signing time and the world's clock (AWS: 15 minutes);
    /// null disables the check (useful when a FakeTimeProvider sits far from the real clock the SDK signs with).</summary>
    public TimeSpan? MaxClockSkew { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Factories of the service handlers, each receiving the <see cref="SimWorld"/>. Defaults to <see cref="SimServices.All"/>;
    /// add one with <c>options.Services.Add(world =&gt; new MyHandler(world))</c>.
    /// </summary>
    public IList<Func<SimWorld, IAwsServiceHandler>> Services { get; set; } = [.. SimServices.All];

    /// <summary>Whether the admin API (<c>/_sim/*</c>) is served (loopback callers only).</summary>
    public bool EnableAdminApi { get; set; } = true;
}
