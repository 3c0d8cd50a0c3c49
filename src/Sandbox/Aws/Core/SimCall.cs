namespace Ebops.Sandbox.Aws.Core;

/// <summary>One API call as the simulator saw it. Parameters are already redacted (see <see cref="SimRedaction"/>).</summary>
/// <param name="Sequence">1-based position in the log.</param>
/// <param name="Time">When the call arrived (the world's TimeProvider).</param>
/// <param name="Service">Signing name (rds, ec2, s3, elasticbeanstalk, elasticloadbalancing).</param>
/// <param name="Action">Query action or S3 operation; empty when the request was rejected before one was known.</param>
/// <param name="Parameters">Redacted request parameters.</param>
/// <param name="Outcome"><c>ok</c>, or the AWS error code returned.</param>
/// <param name="StatusCode">HTTP status returned.</param>
/// <param name="RequestId">The request id returned to the caller.</param>
/// <param name="Injected">True when the outcome came from fault injection rather than the service.</param>
public sealed record SimCall(
    long Sequence,
    DateTimeOffset Time,
    string Service,
    string Action,
    IReadOnlyDictionary<string, string> Parameters,
    string Outcome,
    int StatusCode,
    string RequestId,
    bool Injected = false)
{
    public const string Ok = "ok";

    public bool Succeeded => Outcome == Ok;
}
