using System.Text.Json.Nodes;
using Ebops.Operator.Runtime.Status;
using Ebops.Operator.Tests.Runtime.Support;
using Ebops.Tests.Shared;

namespace Ebops.Operator.Tests.Runtime.Status;

public sealed class JsonMergePatchTests
{
    [Theory]
    [InlineData("""{"a":1,"b":{"c":2,"d":3},"e":[1,2]}""", """{"a":1,"b":{"c":2,"d":4},"e":[1,2]}""", """{"b":{"d":4}}""")]
    [InlineData("""{"a":1,"b":2}""", """{"a":1}""", """{"b":null}""")]
    [InlineData("""{"e":[1,2]}""", """{"e":[1]}""", """{"e":[1]}""")]
    [InlineData("""{"a":1}""", """{"a":1}""", null)]
    public void Diff_is_the_smallest_patch_and_applies_back(string before, string after, string? expected)
    {
        var patch = JsonMergePatch.Diff(JsonNode.Parse(before), JsonNode.Parse(after));
        Assert.Equal(expected, patch?.ToJsonString());
        if (patch is not null)
        {
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(after), JsonMerge.Apply(JsonNode.Parse(before), patch)));
        }
    }
}
