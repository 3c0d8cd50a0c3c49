using System.Text;
using Amazon.Runtime;

namespace Ebops.Sandbox.Tests.Aws;

/// <summary>An AWSSDK HTTP client factory whose handler flips one byte of a marker in every request body after the
/// SDK signed it, and remembers the x-amz-content-sha256 mode it saw.</summary>
internal sealed class TamperingHttpClientFactory(string marker) : HttpClientFactory
{
    public List<string> PayloadModes { get; } = [];

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(new Tamper(this, marker, new SocketsHttpHandler()));

    private sealed class Tamper(TamperingHttpClientFactory owner, string marker, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Headers.TryGetValues("x-amz-content-sha256", out var modes))
            {
                owner.PayloadModes.AddRange(modes);
            }

            if (request.Content is { } content)
            {
                var bytes = await content.ReadAsByteArrayAsync(cancellationToken);
                var at = Encoding.ASCII.GetString(bytes).IndexOf(marker, StringComparison.Ordinal);
                if (at >= 0)
                {
                    bytes[at] ^= 0x20;
                    var replaced = new ByteArrayContent(bytes);
                    foreach (var header in content.Headers)
                    {
                        replaced.Headers.TryAddWithoutValidation(header.Key, header.Value);
                    }

                    request.Content = replaced;
                }
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
