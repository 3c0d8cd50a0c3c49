using System.Net;

namespace Ebops.Sandbox.Aws.DataPlane;

/// <summary>A registered target of a <see cref="TargetGroupRuntime"/> and its ELBv2 health state machine.</summary>
internal sealed class TargetEntry(string id, IPEndPoint endpoint)
{
    public string Id { get; } = id;

    public IPEndPoint Endpoint { get; set; } = endpoint;

    public string State { get; set; } = TargetHealthStates.Initial;

    public string? Reason { get; set; } = TargetHealthStates.RegistrationInProgress;

    public string? Description { get; set; } = TargetHealthStates.RegistrationInProgressDescription;

    public int Successes { get; set; }

    public int Failures { get; set; }

    public ITimer? DrainTimer { get; set; }

    public void ResetToInitial()
    {
        State = TargetHealthStates.Initial;
        Reason = TargetHealthStates.RegistrationInProgress;
        Description = TargetHealthStates.RegistrationInProgressDescription;
        Successes = 0;
        Failures = 0;
    }

    public void Apply(HealthCheckResult result, HealthCheckSettings settings)
    {
        if (result.Ok)
        {
            Failures = 0;
            Successes++;
            if (State != TargetHealthStates.Healthy && Successes >= settings.HealthyThreshold)
            {
                State = TargetHealthStates.Healthy;
                Reason = null;
                Description = null;
            }

            return;
        }

        Successes = 0;
        Failures++;
        if (State == TargetHealthStates.Unhealthy || Failures >= settings.UnhealthyThreshold)
        {
            State = TargetHealthStates.Unhealthy;
            Reason = result.Reason;
            Description = result.Description;
        }
    }
}
