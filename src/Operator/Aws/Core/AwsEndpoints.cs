namespace Ebops.Operator.Aws.Core;

/// <summary>
/// Endpoint resolution, in this order: options per service (<c>Aws:Endpoints:&lt;key&gt;</c>), options for all
/// (<c>Aws:EndpointUrl</c>), <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>, <c>AWS_ENDPOINT_URL</c>, then the partition's
/// default <c>https://{prefix}.{region}.{dnsSuffix}</c>. Explicit configuration wins over ambient environment;
/// <c>AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true</c> disables the environment variables as in the SDKs.
/// </summary>
internal static class AwsEndpoints
{
    /// <summary>The endpoint and whether it was overridden (the default is the public AWS endpoint).</summary>
    public static (Uri Url, bool Overridden) Resolve(AwsService service, string region, AwsOptions options, Func<string, string?> env)
    {
        if (options.Endpoints.TryGetValue(service.Key, out var own) && !string.IsNullOrWhiteSpace(own))
        {
            return (new Uri(own), true);
        }

        if (!string.IsNullOrWhiteSpace(options.EndpointUrl))
        {
            return (new Uri(options.EndpointUrl), true);
        }

        if (!string.Equals(env("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"), "true", StringComparison.OrdinalIgnoreCase))
        {
            if (env("AWS_ENDPOINT_URL_" + service.EnvSuffix) is { Length: > 0 } perService)
            {
                return (new Uri(perService), true);
            }

            if (env("AWS_ENDPOINT_URL") is { Length: > 0 } global)
            {
                return (new Uri(global), true);
            }
        }

        return (Default(service, region), false);
    }

    public static Uri Default(AwsService service, string region) =>
        new($"https://{service.EndpointPrefix}.{region}.{AwsRegion.DnsSuffix(region)}/");

    public static bool IsValidUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
