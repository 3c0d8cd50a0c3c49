namespace Ebops.Operator.Resources.Ec2;

/// <summary>
/// An AllocateAddress for this address failed ambiguously (it may have been executed) a moment ago and EC2 does not
/// show the address yet: allocating again could leave a second address, so ebops waits for EC2 to settle (transient).
/// </summary>
internal sealed class ElasticIpPendingException(string subnetId, DateTimeOffset attemptedAt, DateTimeOffset retryAfter)
    : Exception($"an Elastic IP for subnet {subnetId} may have been allocated at {attemptedAt:O}; waiting until {retryAfter:O} for EC2 to show it before allocating again")
{
    public DateTimeOffset RetryAfter { get; } = retryAfter;
}
