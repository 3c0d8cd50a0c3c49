using System.Xml.Linq;
using Amazon.Runtime;

namespace Ebops.Operator.Aws.Core;

/// <summary>The parsed body of a successful Query call: the result-wrapper element (null when there is none).</summary>
internal sealed class QueryResponse : AmazonWebServiceResponse
{
    public XElement? Result { get; set; }
}
