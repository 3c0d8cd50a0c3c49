using System.Xml;
using System.Xml.Linq;

namespace Ebops.Operator.Aws.Core;

/// <summary>
/// Parses both AWS XML error shapes: Query's <c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Type/&gt;&lt;Code/&gt;
/// &lt;Message/&gt;&lt;/Error&gt;&lt;RequestId/&gt;</c> and EC2's <c>&lt;Response&gt;&lt;Errors&gt;&lt;Error&gt;
/// &lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;&lt;/Errors&gt;&lt;RequestID/&gt;</c> (also S3's bare <c>&lt;Error&gt;</c>).
/// </summary>
internal sealed record AwsErrorBody(string? Code, string? Message, string? Type, string? RequestId)
{
    public static AwsErrorBody Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return new(null, null, null, null);
        }

        try
        {
            var root = XDocument.Parse(body).Root;
            if (root is null)
            {
                return new(null, null, null, null);
            }

            var error = root.Name.LocalName == "Error" ? root : root.Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
            var requestId = root.Descendants().Append(root).FirstOrDefault(e => e.Name.LocalName is "RequestId" or "RequestID")?.Value;
            return new(Child(error, "Code"), Child(error, "Message"), Child(error, "Type"), requestId);
        }
        catch (XmlException)
        {
            return new(null, null, null, null);
        }
    }

    private static string? Child(XElement? parent, string name) =>
        parent?.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
}
