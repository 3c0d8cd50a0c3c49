namespace Ebops.Operator.Tests.Aws.Support;

/// <summary>What the server answers.</summary>
internal sealed record ServerReply(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null, string ContentType = "text/xml")
{
    public static ServerReply Xml(string body, int status = 200) => new(status, body);
}
