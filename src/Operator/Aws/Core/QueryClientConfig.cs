using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;

namespace Ebops.Operator.Aws.Core;

/// <summary>
/// SDK client configuration for a Query service that has no AWSSDK package. The endpoint is always resolved by
/// <see cref="AwsEndpoints"/> and set as <see cref="ClientConfig.ServiceURL"/>, so no endpoint ruleset is needed.
/// </summary>
internal sealed class QueryClientConfig : ClientConfig
{
    private readonly AwsService service;

    public QueryClientConfig(AwsService service)
        : base(new DefaultConfigurationProvider([new DefaultConfiguration { Name = DefaultConfigurationMode.Standard, RetryMode = RequestRetryMode.Standard }]))
    {
        this.service = service;
        ServiceId = service.ServiceId;
        AuthenticationServiceName = service.SigningName;
    }

    public override string ServiceVersion => service.ApiVersion;

    public override string UserAgent => "ebops";

    public override string RegionEndpointServiceName => service.EndpointPrefix;

    public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters) => new(ServiceURL);
}
