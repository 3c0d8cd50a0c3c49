using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Microsoft.Extensions.Logging;

namespace Ebops.Operator.Aws.Core;

/// <summary>
/// Outermost pipeline handler (one call, all attempts): duration and outcome metrics, one log line, and translation of
/// every failure into <see cref="AwsApiException"/> classified by the service's table, with sensitive values masked.
/// </summary>
internal sealed class AwsCallHandler(AwsService service, IAwsErrorClassifier classifier, TimeProvider time, ILogger logger, AwsMetrics metrics) : PipelineHandler
{
    public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
    {
        var request = executionContext.RequestContext;
        var operation = AwsOperationName.Of(request.OriginalRequest);
        var start = time.GetTimestamp();
        try
        {
            var response = await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
            var elapsed = time.GetElapsedTime(start);
            metrics.Calls.WithLabels(service.Key, operation, AwsMetrics.Success).Inc();
            metrics.Duration.WithLabels(service.Key, operation).Observe(elapsed.TotalSeconds);
            Log.CallSucceeded(logger, service.Key, operation, elapsed.TotalMilliseconds, request.Retries + 1, response?.ResponseMetadata?.RequestId);
            return response!;
        }
        catch (Exception e) when (Translate(e, operation, request) is { } translated)
        {
            var elapsed = time.GetElapsedTime(start);
            metrics.Calls.WithLabels(service.Key, operation, Outcome(translated)).Inc();
            metrics.Duration.WithLabels(service.Key, operation).Observe(elapsed.TotalSeconds);
            if (translated.Kind == AwsErrorKind.NotFound)
            {
                // A look-up of something that does not exist (yet, or any more) is an answer, not a failure.
                Log.CallNotFound(logger, service.Key, operation, translated.Code, translated.StatusCode, elapsed.TotalMilliseconds, translated.RequestId);
            }
            else
            {
                Log.CallFailed(logger, service.Key, operation, translated.Code, translated.Kind, translated.StatusCode,
                    elapsed.TotalMilliseconds, request.Retries + 1, translated.RequestId, translated.ErrorMessage);
            }

            throw translated;
        }
    }

    internal static string Outcome(AwsApiException e) => e.Kind switch
    {
        AwsErrorKind.Throttled => AwsMetrics.Throttled,
        AwsErrorKind.Network => AwsMetrics.NetworkError,
        AwsErrorKind.ServerError => AwsMetrics.ServerError,
        _ when e.StatusCode >= 500 => AwsMetrics.ServerError,
        _ => AwsMetrics.ClientError,
    };

    private AwsApiException? Translate(Exception e, string operation, IRequestContext request)
    {
        var sensitive = (request.OriginalRequest as QueryRequest)?.SensitiveValues ?? [];
        switch (e)
        {
            case AwsApiException:
                return null;
            case AmazonServiceException ase when ase.StatusCode != 0 || ase.ErrorCode is not null:
            {
                var status = (int)ase.StatusCode;
                var code = ase.ErrorCode ?? "Http" + status;
                var message = Mask(ase.Message, sensitive);
                return new AwsApiException(service.Key, operation, code, message, ase.RequestId, status,
                    classifier.Classify(code, message, status), Scrub(ase, sensitive));
            }

            case OperationCanceledException when request.CancellationToken.IsCancellationRequested:
                return null;
            case AmazonServiceException or AmazonClientException or HttpRequestException or IOException or SocketException
                or TimeoutException or OperationCanceledException:
                return new AwsApiException(service.Key, operation, AwsApiException.NetworkErrorCode, Mask(e.Message, sensitive), null, 0,
                    AwsErrorKind.Network, Scrub(e, sensitive));
            default:
                return null;
        }
    }

    // The SDK exception's message could carry an echoed secret; keep it as the inner exception only when it does not.
    private static Exception? Scrub(Exception e, IReadOnlyList<string> sensitive) =>
        sensitive.Any(v => v.Length > 0 && e.ToString().Contains(v, StringComparison.Ordinal)) ? null : e;

    internal static string Mask(string message, IReadOnlyList<string> sensitive)
    {
        foreach (var value in sensitive)
        {
            if (value.Length > 0)
            {
                message = message.Replace(value, "***", StringComparison.Ordinal);
            }
        }

        return message;
    }
}
