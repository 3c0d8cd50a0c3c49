using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml;

namespace Ebops.Operator.Tests.Aws.Support;

/// <summary>
/// Writes a response document for an operation straight from the model (independently of the generator): every
/// output member present, element names from <c>locationName</c>, lists wrapped in <c>member</c>/<c>locationName</c>
/// items or flattened, maps as <c>entry/key/value</c>. Values are derived from the member name so the test can check
/// that each one landed in the right property.
/// </summary>
internal sealed class SampleResponses(QueryModelValidator model, string xmlNamespace)
{
    public const int IntValue = 3;
    public const string Time = "2024-02-03T04:05:06.789Z";

    public string Build(string action)
    {
        var op = model.Operation(action)!;
        var sb = new StringBuilder();
        using (var w = XmlWriter.Create(sb, new XmlWriterSettings { OmitXmlDeclaration = true, Indent = true }))
        {
            w.WriteStartElement(action + "Response", xmlNamespace);
            if (op["output"] is JsonObject output)
            {
                w.WriteStartElement((string)output["resultWrapper"]!, xmlNamespace);
                WriteMembers(w, model.Resolve(output), 0);
                w.WriteEndElement();
            }

            w.WriteStartElement("ResponseMetadata", xmlNamespace);
            w.WriteElementString("RequestId", xmlNamespace, "req-" + action);
            w.WriteEndElement();
            w.WriteEndElement();
        }

        return sb.ToString();
    }

    private void WriteMembers(XmlWriter w, JsonObject structure, int depth)
    {
        foreach (var (name, reference) in structure["members"]!.AsObject())
        {
            var wire = (string?)reference!["locationName"] ?? name;
            WriteValue(w, wire, name, model.Resolve(reference.AsObject()), depth);
        }
    }

    private void WriteValue(XmlWriter w, string element, string name, JsonObject shape, int depth)
    {
        switch (QueryModelValidator.TypeOf(shape))
        {
            case "structure":
                w.WriteStartElement(element, xmlNamespace);
                if (depth < 6)
                {
                    WriteMembers(w, shape, depth + 1);
                }

                w.WriteEndElement();
                break;
            case "list":
            {
                var item = shape["member"]!.AsObject();
                var itemShape = model.Resolve(item);
                if ((bool?)shape["flattened"] == true)
                {
                    for (var i = 0; i < 2; i++)
                    {
                        WriteValue(w, (string?)item["locationName"] ?? element, name, itemShape, depth + 1);
                    }
                }
                else
                {
                    w.WriteStartElement(element, xmlNamespace);
                    for (var i = 0; i < 2 && depth < 6; i++)
                    {
                        WriteValue(w, (string?)item["locationName"] ?? "member", name, itemShape, depth + 1);
                    }

                    w.WriteEndElement();
                }

                break;
            }

            case "map":
            {
                var keyName = (string?)shape["key"]!["locationName"] ?? "key";
                var valueName = (string?)shape["value"]!["locationName"] ?? "value";
                w.WriteStartElement(element, xmlNamespace);
                foreach (var k in new[] { "k1", "k2" })
                {
                    w.WriteStartElement("entry", xmlNamespace);
                    w.WriteElementString(keyName, xmlNamespace, k);
                    WriteValue(w, valueName, name, model.Resolve(shape["value"]!.AsObject()), depth + 1);
                    w.WriteEndElement();
                }

                w.WriteEndElement();
                break;
            }

            default:
                w.WriteElementString(element, xmlNamespace, Scalar(shape, name));
                break;
        }
    }

    public static string Scalar(JsonObject shape, string name) => QueryModelValidator.TypeOf(shape) switch
    {
        "integer" or "long" => IntValue.ToString(CultureInfo.InvariantCulture),
        "boolean" => "true",
        "timestamp" => Time,
        "double" or "float" => "2.5",
        _ => "v-" + name,
    };
}
