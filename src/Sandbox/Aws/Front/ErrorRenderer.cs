using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Aws.Front;

/// <summary>Renders an <see cref="AwsSimException"/> in the service's own error document.</summary>
internal static class ErrorRenderer
{
    public static SimResponse Render(SimServiceInfo info, AwsSimException error, string requestId)
    {
        switch (info.Protocol)
        {
            case SimProtocol.Ec2:
                var ec2 = SimXml.E("Response",
                    SimXml.E("Errors", SimXml.E("Error", SimXml.E("Code", error.Code), SimXml.E("Message", error.Message))),
                    SimXml.E("RequestID", requestId));
                return new SimResponse(error.StatusCode, "text/xml;charset=UTF-8", SimXml.Serialize(ec2, ""));
            case SimProtocol.RestXml:
                var s3 = SimXml.E("Error",
                    SimXml.E("Code", error.Code), SimXml.E("Message", error.Message), SimXml.E("RequestId", requestId));
                return new SimResponse(error.StatusCode, "application/xml", SimXml.Serialize(s3, ""));
            default:
                var query = SimXml.E("ErrorResponse",
                    SimXml.E("Error",
                        SimXml.E("Type", error.SenderFault ? "Sender" : "Receiver"),
                        SimXml.E("Code", error.Code),
                        SimXml.E("Message", error.Message)),
                    SimXml.E("RequestId", requestId));
                return new SimResponse(error.StatusCode, "text/xml", SimXml.Serialize(query, info.XmlNamespace));
        }
    }
}
