using Ebops.Operator.Entities;

namespace Ebops.Operator.Cli.Demo;

/// <summary>
/// What the demo saw at one moment: the step it is on, the four objects as last read (null before they exist), and the
/// load's last complete second (null before the load starts).
/// </summary>
internal sealed record DemoSnapshot(
    TimeSpan Elapsed,
    string Step,
    RdsDatabase? Database,
    BeanstalkApp? App,
    NlbFrontend? Frontend,
    BlueGreenRelease? Release,
    DemoTraffic? Traffic)
{
    public static DemoSnapshot Empty { get; } = new(TimeSpan.Zero, "", null, null, null, null, null);
}
