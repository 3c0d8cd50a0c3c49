namespace Ebops.Operator.Tests.Controllers.Support.Release;

/// <summary>
/// The HTTP pipeline of a Kubernetes client in a <see cref="ReleaseWorld"/>: records the resourceVersion of every
/// write, and once <see cref="Crashed"/> fails every request at once, the way a process that died makes none.
/// </summary>
internal sealed class KubeWriteHandler(KubeWrites writes) : DelegatingHandler
{
    private volatile bool crashed;

    public bool Crashed => crashed;

    public void Crash() => crashed = true;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (crashed)
        {
            throw new HttpRequestException("the operator process is gone (simulated crash)");
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (request.Method != HttpMethod.Get && response.IsSuccessStatusCode && response.Content is { } content)
        {
            var body = await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var replaced = new StringContent(body);
            foreach (var header in content.Headers)
            {
                replaced.Headers.Remove(header.Key);
                replaced.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            response.Content = replaced;
            writes.Written(request.RequestUri!.AbsolutePath, body);
        }

        return response;
    }
}
