namespace Ebops.Sandbox.Aws.Core;

/// <summary>An AWS error: code, message, HTTP status, and whether the caller (Sender) or AWS (Receiver) is at fault.</summary>
public sealed class AwsSimException(string code, string message, int statusCode = 400, bool senderFault = true)
    : Exception(message)
{
    public string Code { get; } = code;
    public int StatusCode { get; } = statusCode;
    public bool SenderFault { get; } = senderFault;
}
