using Ebops.Sandbox.Kube.Api;

namespace Ebops.Sandbox.Tests.Kube;

public sealed class ProtobufBodyTests
{
    private static byte[] Field(int number, byte[] value) => [(byte)((number << 3) | 2), (byte)value.Length, .. value];

    private static byte[] Text(int number, string value) => Field(number, System.Text.Encoding.UTF8.GetBytes(value));

    [Fact]
    public void Decodes_the_envelope_of_a_typed_secret()
    {
        var metadata = Field(1, [.. Text(1, "db"), .. Text(2, ""), .. Field(11, [.. Text(1, "app"), .. Text(2, "shop")])]);
        var secret = (byte[])[.. metadata, .. Field(2, [.. Text(1, "password"), .. Text(2, "abc")]), .. Text(3, "")];
        var envelope = (byte[])[0x6b, 0x38, 0x73, 0x00, .. Field(1, [.. Text(1, "v1"), .. Text(2, "Secret")]), .. Field(2, secret)];

        var obj = ProtobufBody.Decode(envelope);

        Assert.Equal("""{"apiVersion":"v1","kind":"Secret","metadata":{"name":"db","labels":{"app":"shop"}},"data":{"password":"YWJj"}}""", obj.ToJsonString());
    }
}
