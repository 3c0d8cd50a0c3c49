using Ebops.Operator.Entities;

namespace Ebops.Operator.Controllers.BlueGreenRelease;

/// <summary>
/// The one AWS write a release step makes. The executor performs it after the status (with the phase) is written, and
/// every action is safe to repeat: the next observation shows whether it took effect.
/// </summary>
public abstract record ReleaseAction
{
    /// <summary>The AWS call, for plans, events and logs (e.g. <c>elasticbeanstalk:CreateEnvironment myapp-green</c>).</summary>
    public abstract string Describe();
}

/// <summary>Registers the candidate label with its S3 bundle.</summary>
public sealed record CreateApplicationVersion(string Label, string Bucket, string Key) : ReleaseAction
{
    public override string Describe() => $"elasticbeanstalk:CreateApplicationVersion {Label} (s3://{Bucket}/{Key})";
}

/// <summary>Creates the candidate's environment from the BeanstalkApp's template with at least <paramref name="MinInstances"/>.</summary>
public sealed record CreateEnvironment(DeploymentColor Color, string Name, string Label, int MinInstances, int ReleaseNumber) : ReleaseAction
{
    public override string Describe() => $"elasticbeanstalk:CreateEnvironment {Name} ({Label}, min {MinInstances} instances)";
}

/// <summary>Registers an environment's ALB in the NLB target group of its colour.</summary>
public sealed record RegisterAlb(DeploymentColor Color, string AlbArn) : ReleaseAction
{
    public override string Describe() => $"elasticloadbalancing:RegisterTargets target group {Color.Label()} <- {AlbArn}";
}

/// <summary>
/// Removes an ALB from the NLB target group of a colour, after setting the group's connection termination to
/// <paramref name="CloseConnections"/>: true (a switched-back or aborted green), the NLB closes the connections still
/// open to the ALB when the deregistration delay ends, so kept-alive clients reconnect to blue; false (a retired blue),
/// they drain until the clients close them.
/// </summary>
public sealed record DeregisterAlb(DeploymentColor Color, string AlbArn, bool CloseConnections = false) : ReleaseAction
{
    public override string Describe() => CloseConnections
        ? $"elasticloadbalancing:ModifyTargetGroupAttributes target group {Color.Label()} connection termination on, DeregisterTargets -> {AlbArn}"
        : $"elasticloadbalancing:ModifyTargetGroupAttributes target group {Color.Label()} connection termination off, DeregisterTargets -> {AlbArn}";
}

/// <summary>Sends every new connection to one colour's target group (atomic for new connections). The other colour's group
/// stays in the forward at weight 0, so AWS keeps health-checking it for an instant switch back.</summary>
public sealed record SwitchListener(DeploymentColor To) : ReleaseAction
{
    public override string Describe() => $"elasticloadbalancing:ModifyListener forward -> target group {To.Label()}";
}

/// <summary>Forwards <paramref name="Weight"/>% of new connections to <paramref name="Green"/>'s target group and the
/// rest to the other colour's (a weighted forward; open connections stay where they are). Weight 0 only adds green's group
/// to the forward, so that AWS health-checks it.</summary>
public sealed record SetWeights(DeploymentColor Green, int Weight) : ReleaseAction
{
    public override string Describe() => $"elasticloadbalancing:ModifyListener forward {Green.Label()} {Weight}% / {Green.Other().Label()} {100 - Weight}%";
}

/// <summary>Swaps the CNAMEs of two environments.</summary>
public sealed record SwapCnames(string SourceEnvironment, string DestinationEnvironment) : ReleaseAction
{
    public override string Describe() => $"elasticbeanstalk:SwapEnvironmentCNAMEs {SourceEnvironment} <-> {DestinationEnvironment}";
}

/// <summary>Terminates an environment that serves no traffic.</summary>
public sealed record TerminateEnvironment(DeploymentColor Color, string Name) : ReleaseAction
{
    public override string Describe() => $"elasticbeanstalk:TerminateEnvironment {Name}";
}
