using Ebops.Sandbox.Aws.Core;
using static Ebops.Sandbox.Aws.Core.SimXml;

namespace Ebops.Sandbox.Tests.Aws.Core;

/// <summary>The one response builder: envelope variants and value formatting.</summary>
public sealed class SimXmlTests
{
    private const string Ns = "http://example.test/doc/";

    [Fact]
    public void Query_response_puts_every_element_in_the_namespace_and_drops_nulls()
    {
        var response = QueryResponse(Ns, "DescribeThings", "req-1",
            [Members("Things", [1, 2], i => [Opt("Id", i), Opt("Gone", null), Opt("On", i == 1)]), Strings("Names", ["a"]), Tags("Tags", [KeyValuePair.Create("k", "v")])],
            declaration: false);

        Assert.Equal(
            "<DescribeThingsResponse xmlns=\"http://example.test/doc/\"><DescribeThingsResult>"
            + "<Things><member><Id>1</Id><On>true</On></member><member><Id>2</Id><On>false</On></member></Things>"
            + "<Names><member>a</member></Names><Tags><member><Key>k</Key><Value>v</Value></member></Tags>"
            + "</DescribeThingsResult><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></DescribeThingsResponse>",
            response.Body);
    }

    [Fact]
    public void Result_element_is_omitted_only_for_null_content_and_the_declaration_is_optional()
    {
        var empty = QueryResponse(Ns, "DeleteThing", "r", [], declaration: true);
        var none = QueryResponse(Ns, "DeleteThing", "r", null, declaration: false);

        Assert.StartsWith(Declaration + "\n<DeleteThingResponse", empty.Body, StringComparison.Ordinal);
        Assert.Contains("<DeleteThingResult />", empty.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("DeleteThingResult", none.Body, StringComparison.Ordinal);
        Assert.StartsWith("<DeleteThingResponse", none.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Timestamps_are_utc_with_milliseconds()
    {
        var element = E("At", new DateTimeOffset(2026, 3, 1, 9, 0, 0, 5, TimeSpan.FromHours(9)));

        Assert.Equal("2026-03-01T00:00:00.005Z", element.Value);
    }
}
