using System.Diagnostics;
using Amazon.Runtime;

namespace Ebops.Operator.Tests.Aws;

/// <summary>
/// The Query clients subclass <see cref="AmazonServiceClient"/> and use types from the SDK's Internal namespaces, which
/// carry no compatibility promise. AWSSDK.Core is pinned exactly; this test makes an upgrade a deliberate act: bump
/// the pin, run the AWS tests (they drive the real pipeline over HTTP), then update the version here.
/// </summary>
public sealed class SdkPinTests
{
    [Fact]
    public void AwsSdkCore_is_the_pinned_version()
    {
        var file = FileVersionInfo.GetVersionInfo(typeof(AmazonServiceClient).Assembly.Location);
        Assert.Equal("4.1.0.0", file.FileVersion);
    }
}
