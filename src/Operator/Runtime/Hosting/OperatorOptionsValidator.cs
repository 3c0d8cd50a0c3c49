using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Ebops.Operator.Runtime.Hosting;

/// <summary>Start-up validation of <see cref="OperatorOptions"/>, with messages that name the command-line flag.</summary>
internal sealed partial class OperatorOptionsValidator : IValidateOptions<OperatorOptions>
{
    private const string Key = @"[A-Za-z0-9]([A-Za-z0-9._/-]*[A-Za-z0-9])?";
    private const string Value = @"[A-Za-z0-9._-]*";
    private const string Requirement = "(!?" + Key + "|" + Key + @"\s*(==|=|!=)\s*" + Value + "|" + Key + @"\s+(in|notin)\s+\(\s*" + Value + @"(\s*,\s*" + Value + @")*\s*\))";

    /// <summary>The label selector grammar of kubectl -l (equality- and set-based requirements, comma-separated).</summary>
    [GeneratedRegex(@"^\s*" + Requirement + @"(\s*,\s*" + Requirement + @")*\s*$")]
    private static partial Regex SelectorSyntax();

    public ValidateOptionsResult Validate(string? name, OperatorOptions options)
    {
        var errors = new List<string>();
        if (options.MaxConcurrentReconciles is < 1 or > 64)
        {
            errors.Add($"--max-concurrent-reconciles must be between 1 and 64, got {options.MaxConcurrentReconciles}");
        }

        if (options.MetricsPort is < 0 or > 65535)
        {
            errors.Add($"--metrics-port must be between 0 and 65535, got {options.MetricsPort}");
        }

        if (!IPAddress.TryParse(options.MetricsAddress, out _))
        {
            errors.Add($"--metrics-address must be an IP address, got '{options.MetricsAddress}'");
        }

        if (options.ResyncPeriod < TimeSpan.Zero || (options.ResyncPeriod > TimeSpan.Zero && options.ResyncPeriod < TimeSpan.FromSeconds(1)))
        {
            errors.Add($"--resync-period must be 0 (off) or at least 1s, got {options.ResyncPeriod}");
        }

        if (options.ShutdownTimeout < TimeSpan.Zero || options.ShutdownTimeout > TimeSpan.FromMinutes(10))
        {
            errors.Add($"--shutdown-timeout must be between 0s and 10m, got {options.ShutdownTimeout}");
        }

        if (options.LeaderElect)
        {
            if (options.LeaderElectionId is not null && string.IsNullOrWhiteSpace(options.LeaderElectionId))
            {
                errors.Add("--leader-election-id must not be empty");
            }

            if (options.RetryPeriod <= TimeSpan.Zero || options.RenewDeadline <= options.RetryPeriod || options.LeaseDuration <= options.RenewDeadline)
            {
                errors.Add($"leader election needs 0 < RetryPeriod < RenewDeadline < LeaseDuration, got {options.RetryPeriod}, {options.RenewDeadline}, {options.LeaseDuration}");
            }
        }

        if (options.LabelSelector is { Length: > 0 } selector && !SelectorSyntax().IsMatch(selector))
        {
            errors.Add($"--label-selector is not a valid label selector: '{selector}'");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
