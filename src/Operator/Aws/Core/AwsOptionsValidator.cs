using Microsoft.Extensions.Options;

namespace Ebops.Operator.Aws.Core;

/// <summary>Rejects settings the clients cannot work with, at start-up rather than on the first call.</summary>
internal sealed class AwsOptionsValidator : IValidateOptions<AwsOptions>
{
    public ValidateOptionsResult Validate(string? name, AwsOptions options)
    {
        var errors = new List<string>();
        if (options.MaxAttempts is < 1 or > 10)
        {
            errors.Add($"Aws:MaxAttempts must be between 1 and 10 (was {options.MaxAttempts}).");
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            errors.Add("Aws:Timeout must be positive.");
        }

        if (options.Region is { } region && !AwsRegion.IsValidName(region))
        {
            errors.Add($"Aws:Region '{region}' is not a region name.");
        }

        if (options.EndpointUrl is { } url && !AwsEndpoints.IsValidUrl(url))
        {
            errors.Add($"Aws:EndpointUrl '{url}' is not an absolute http(s) URL.");
        }

        foreach (var (key, value) in options.Endpoints)
        {
            if (!AwsService.All.Any(s => string.Equals(s.Key, key, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add($"Aws:Endpoints:{key} is not a known service key ({string.Join(", ", AwsService.All.Select(s => s.Key))}).");
            }
            else if (!AwsEndpoints.IsValidUrl(value))
            {
                errors.Add($"Aws:Endpoints:{key} '{value}' is not an absolute http(s) URL.");
            }
        }

        if (AwsRegion.Resolve(options, Environment.GetEnvironmentVariable) is null)
        {
            errors.Add("No AWS region: set Aws:Region, AWS_REGION or a region in the shared profile.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
