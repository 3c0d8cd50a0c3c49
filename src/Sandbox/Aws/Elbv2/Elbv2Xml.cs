using System.Xml.Linq;
using Ebops.Sandbox.Aws.Core;
using X = Ebops.Sandbox.Aws.Core.SimXml;
using C = Ebops.Sandbox.Aws.Elbv2.Elbv2Constants;

namespace Ebops.Sandbox.Aws.Elbv2;

/// <summary>What every ELBv2 operation parses and renders the same way: responses, pages, attributes, member lists, targets.</summary>
internal static class Elbv2Xml
{
    /// <summary>EB and ELBv2 report missing and malformed members in their validation wording.</summary>
    public static SimParamErrors ParameterErrors { get; } = SimParamErrors.Validation(
        static (_, message) => Elbv2Errors.Validation(message),
        static (_, message) => Elbv2Errors.Validation(message));

    /// <summary>
    /// The response document. This service has always answered without an XML declaration and with a Result element
    /// (empty for outputs without members); kept byte-for-byte.
    /// </summary>
    public static SimResponse Respond(SimRequest request, params object?[] result) =>
        X.QueryResponse(C.XmlNamespace, request.Action, request.RequestId, result, declaration: false);

    /// <summary>One page of a describe (<c>PageSize</c> 1-400, <c>Marker</c>); returns the items and the NextMarker.</summary>
    public static (IReadOnlyList<T> Items, string? Next) Paginate<T>(SimPaging paging, IReadOnlyList<T> all, SimParams p, string action)
    {
        var size = p.Int("PageSize");
        if (size is < 1 or > C.MaxPageSize)
        {
            throw Elbv2Errors.Validation($"Page size must be between 1 and {C.MaxPageSize}");
        }

        var page = paging.Page(C.SigningName, action, all, p.Get("Marker"), size, invalidTokenCode: C.Errors.ValidationError);
        return (page.Items, page.NextToken);
    }

    /// <summary>A <c>member</c> list that must not be empty.</summary>
    public static IReadOnlyList<string> RequiredList(SimParams p, string name)
    {
        var list = p.Members(name);
        return list.Count > 0 ? list : throw Elbv2Errors.Validation($"1 validation error detected: Value null at '{char.ToLowerInvariant(name[0])}{name[1..]}' failed to satisfy constraint: Member must not be null");
    }

    public static List<KeyValuePair<string, string>> ParseAttributes(SimParams p)
    {
        var attributes = p.Structs("Attributes").Select(a => new KeyValuePair<string, string>(a.Required("Key"), a.Get("Value") ?? string.Empty)).ToList();
        return attributes.Count > 0 ? attributes : throw Elbv2Errors.Validation("At least one attribute must be specified");
    }

    public static XElement AttributesXml(IReadOnlyDictionary<string, string> attributes)
        => X.Members("Attributes", attributes.OrderBy(a => a.Key, StringComparer.Ordinal), a => [X.Opt("Key", a.Key), X.Opt("Value", a.Value)]);

    public static List<TargetInput> ParseTargets(SimParams p)
        => [.. p.Structs("Targets").Select(t => new TargetInput(t.Required("Id"), t.Int("Port"), t.Get("AvailabilityZone")))];
}
