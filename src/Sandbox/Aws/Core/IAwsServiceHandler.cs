namespace Ebops.Sandbox.Aws.Core;

/// <summary>
/// One simulated AWS service. The simulator's HTTP front end verifies SigV4, reads the service from the credential
/// scope, parses the Query-protocol form (or the S3 REST request), applies fault injection, logs the call, and hands
/// the request to the handler registered for that signing name.
/// </summary>
public interface IAwsServiceHandler
{
    /// <summary>The SigV4 signing name this handler serves: elasticbeanstalk, elasticloadbalancing, rds, ec2, s3.</summary>
    string SigningName { get; }

    /// <summary>
    /// Handles one request. Returns the response (for Query services: the whole
    /// <c>&lt;ActionResponse&gt;&lt;ActionResult&gt;...&lt;/ActionResult&gt;&lt;ResponseMetadata/&gt;&lt;/ActionResponse&gt;</c>
    /// document, or EC2's <c>&lt;ActionResponse&gt;</c> shape). Throws <see cref="AwsSimException"/> for AWS errors;
    /// the front end renders them in the service's own error XML.
    /// </summary>
    ValueTask<SimResponse> HandleAsync(SimRequest request, CancellationToken cancellationToken);
}
