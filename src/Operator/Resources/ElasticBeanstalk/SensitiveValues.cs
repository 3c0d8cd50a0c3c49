using Ebops.Operator.Aws.Core;

namespace Ebops.Operator.Resources.ElasticBeanstalk;

/// <summary>
/// Keeps secret option values (an RDS password in an environment property) out of exception messages: Elastic
/// Beanstalk may echo a rejected value in its error message, and the model does not mark option values sensitive.
/// </summary>
internal static class SensitiveValues
{
    public const string Mask = "***";

    /// <summary>The values of <paramref name="settings"/> marked sensitive.</summary>
    public static IReadOnlyList<string> Of(IEnumerable<EbTemplateOption> settings) =>
        [.. settings.Where(s => s.Sensitive && s.Value.Length > 0).Select(s => s.Value)];

    /// <summary><paramref name="text"/> with every sensitive value replaced by <see cref="Mask"/>.</summary>
    public static string Scrub(string text, IReadOnlyList<string> values) =>
        values.Aggregate(text, (current, value) => current.Replace(value, Mask, StringComparison.Ordinal));

    /// <summary>Runs <paramref name="call"/>; an <see cref="AwsApiException"/> whose message holds a sensitive value is
    /// rethrown with the value masked and without the inner exception (which may hold it too).</summary>
    public static async Task<T> GuardAsync<T>(IReadOnlyList<string> values, Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (AwsApiException e) when (values.Count > 0 && values.Any(v => e.ToString().Contains(v, StringComparison.Ordinal)))
        {
            throw new AwsApiException(e.Service, e.Operation, e.Code, Scrub(e.ErrorMessage, values), e.RequestId, e.StatusCode, e.Kind);
        }
    }
}
