namespace Ebops.Sandbox.Aws.Core;

/// <summary>The wire protocol of a simulated service; decides how requests are parsed and errors rendered.</summary>
public enum SimProtocol
{
    /// <summary>AWS Query (EB, ELBv2, RDS, STS): form POST, <c>&lt;ErrorResponse&gt;</c> errors.</summary>
    Query,

    /// <summary>EC2's Query dialect: form POST, <c>&lt;Response&gt;&lt;Errors&gt;</c> errors.</summary>
    Ec2,

    /// <summary>S3 REST-XML: verb + path, <c>&lt;Error&gt;</c> errors.</summary>
    RestXml,
}
