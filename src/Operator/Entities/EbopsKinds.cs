namespace Ebops.Operator.Entities;

/// <summary>The four kinds, in the order CRDs, docs and samples list them.</summary>
public static class EbopsKinds
{
    /// <summary>Every ebops kind is in this category: <c>kubectl get ebops</c> lists them all.</summary>
    public const string Category = "ebops";

    public static EntityKind RdsDatabase { get; } = new(
        typeof(RdsDatabase), Entities.RdsDatabase.KindName, Entities.RdsDatabase.Plural, "rdsdatabase", ["rdsdb"],
        "RdsDatabase is an RDS for MySQL DB instance with its parameter group, security group, master password Secret and connection Secret.",
        [
            new("Status", "string", ".status.instanceStatus", "RDS instance status."),
            new("Endpoint", "string", ".status.endpoint.address", "DNS name clients connect to."),
            new("Params", "string", ".status.parameterGroup.applyStatus", "Parameter group apply status (in-sync or pending-reboot)."),
            PrinterColumn.Ready,
            PrinterColumn.Age,
        ]);

    public static EntityKind BeanstalkApp { get; } = new(
        typeof(BeanstalkApp), Entities.BeanstalkApp.KindName, Entities.BeanstalkApp.Plural, "beanstalkapp", ["ebapp"],
        "BeanstalkApp is an Elastic Beanstalk application with a blue and a green environment behind Application Load Balancers.",
        [
            new("Active", "string", ".status.activeColor", "Colour serving traffic."),
            new("Health", "string", ".status.activeHealth", "Enhanced health of the active environment."),
            new("Version", "string", ".status.activeVersion", "Version label of the active environment."),
            PrinterColumn.Ready,
            PrinterColumn.Age,
        ]);

    public static EntityKind NlbFrontend { get; } = new(
        typeof(NlbFrontend), Entities.NlbFrontend.KindName, Entities.NlbFrontend.Plural, "nlbfrontend", ["nlbf"],
        "NlbFrontend is a Network Load Balancer with one Elastic IP per subnet, forwarding to the active colour of a BeanstalkApp.",
        [
            new("IPs", "string", ".status.staticIps", "Static public IPs."),
            new("Active", "string", ".status.activeColor", "Colour the listener forwards to."),
            PrinterColumn.Ready,
            PrinterColumn.Age,
        ]);

    public static EntityKind BlueGreenRelease { get; } = new(
        typeof(BlueGreenRelease), Entities.BlueGreenRelease.KindName, Entities.BlueGreenRelease.Plural, "bluegreenrelease", ["bgr"],
        "BlueGreenRelease releases spec.version of a BeanstalkApp blue/green: provision green, verify it with a health gate, cut traffic over, bake, retire blue.",
        [
            new("Phase", "string", ".status.phase", "Phase of the release."),
            new("Stable", "string", ".status.stableVersion", "Version serving traffic before this release."),
            new("Candidate", "string", ".status.candidateVersion", "Version being released."),
            new("Active", "string", ".status.activeColor", "Colour serving traffic."),
            new("Gate", "string", ".status.gate.summary", "Health gate progress."),
            new("Traffic", "string", ".status.traffic.summary", "Where new connections go, e.g. green 25%."),
            PrinterColumn.Ready,
            PrinterColumn.Age,
        ]);

    public static IReadOnlyList<EntityKind> All { get; } = [RdsDatabase, BeanstalkApp, NlbFrontend, BlueGreenRelease];

    /// <summary>The kind served by C# type <typeparamref name="T"/>.</summary>
    public static EntityKind Of<T>() where T : ICustomResource => Of(typeof(T));

    /// <summary>The kind served by <paramref name="type"/>; throws for a type that is not an ebops kind.</summary>
    public static EntityKind Of(Type type) =>
        All.FirstOrDefault(k => k.Type == type) ?? throw new ArgumentException($"{type.Name} is not an ebops kind.", nameof(type));
}
