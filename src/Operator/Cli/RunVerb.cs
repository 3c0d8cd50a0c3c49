using System.CommandLine;
using System.Globalization;
using Ebops.Operator.Aws;
using Ebops.Operator.Controllers;
using Ebops.Operator.Controllers.Registration;
using Ebops.Operator.Runtime.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ebops.Operator.Cli;

/// <summary><c>ebops run</c>: the operator against the current kubeconfig or the in-cluster config.</summary>
internal static class RunVerb
{
    public static Command Create()
    {
        var command = new Command("run", "Run the operator: watch ebops resources and reconcile them.");
        var flags = Flags();
        foreach (var (option, _, _) in flags)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            return Overrides(parse, flags, error) is { } overrides
                ? await RunAsync(overrides, error, cancellationToken).ConfigureAwait(false)
                : 2;
        });
        return command;
    }

    private static (Option Option, string Key, Func<string, string> Convert)[] Flags() =>
    [
        (new Option<string>("--kubeconfig") { Description = "Path to the kubeconfig file (default: KUBECONFIG, then in-cluster, then ~/.kube/config)." }, nameof(OperatorOptions.Kubeconfig), Same),
        (new Option<string>("--context") { Description = "kubeconfig context to use." }, nameof(OperatorOptions.Context), Same),
        (new Option<string>("--namespace", "-n") { Description = "Namespace to watch (default: all namespaces)." }, nameof(OperatorOptions.Namespace), Same),
        (new Option<string>("--label-selector", "-l") { Description = "Only watch and reconcile objects matching this label selector (one shard; see README)." }, nameof(OperatorOptions.LabelSelector), Same),
        (new Option<bool>("--leader-elect") { Description = "Elect a leader through a Lease so only one replica reconciles." }, nameof(OperatorOptions.LeaderElect), Same),
        (new Option<string>("--leader-election-namespace") { Description = "Namespace of the leader Lease (default: the pod's namespace, else default)." }, nameof(OperatorOptions.LeaderElectionNamespace), Same),
        (new Option<string>("--leader-election-id") { Description = "Name of the leader Lease (default: ebops-leader; with --label-selector, one name per selector)." }, nameof(OperatorOptions.LeaderElectionId), Same),
        (new Option<int>("--metrics-port") { Description = "Port for /healthz, /readyz and /metrics (default: 8080; 0 picks a free port)." }, nameof(OperatorOptions.MetricsPort), Same),
        (new Option<string>("--metrics-address") { Description = "Address the metrics server binds to (default: 0.0.0.0)." }, nameof(OperatorOptions.MetricsAddress), Same),
        (new Option<int>("--max-concurrent-reconciles") { Description = "Concurrent reconciles per kind, 1 to 64 (default: 2)." }, nameof(OperatorOptions.MaxConcurrentReconciles), Same),
        (new Option<string>("--resync-period") { Description = "Reconcile every object at least this often, e.g. 10m; 0 disables (default: 10m)." }, nameof(OperatorOptions.ResyncPeriod), Duration),
        (new Option<string>("--shutdown-timeout") { Description = "How long in-flight reconciles may run after SIGTERM, e.g. 30s (default: 30s)." }, nameof(OperatorOptions.ShutdownTimeout), Duration),
    ];

    /// <summary>The flags given on the command line as configuration keys, or null (after printing why) when one is malformed.</summary>
    private static List<KeyValuePair<string, string?>>? Overrides(ParseResult parse, (Option Option, string Key, Func<string, string> Convert)[] flags, TextWriter error)
    {
        var overrides = new List<KeyValuePair<string, string?>>();
        foreach (var (option, key, convert) in flags)
        {
            if (parse.GetResult(option) is { Implicit: false } result)
            {
                var raw = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "true";
                try
                {
                    overrides.Add(new($"{OperatorOptions.Section}:{key}", convert(raw)));
                }
                catch (FormatException e)
                {
                    error.WriteLine($"error: {option.Name}: {e.Message}");
                    return null;
                }
            }
        }

        return overrides;
    }

    /// <summary>Builds and runs the host; configuration problems are printed one per line with exit code 2.</summary>
    private static async Task<int> RunAsync(List<KeyValuePair<string, string?>> overrides, TextWriter error, CancellationToken cancellationToken)
    {
        Microsoft.AspNetCore.Builder.WebApplication app;
        try
        {
            app = OperatorHost.Build(overrides, ConfigureControllers);
        }
        catch (Exception e) when (ConfigurationError(e) is { } configuration)
        {
            error.WriteLine($"error: invalid configuration: {configuration.Message}");
            return 2;
        }

        var exitCode = OperatorHost.ExitCode(app);
        try
        {
            await Microsoft.Extensions.Hosting.HostingAbstractionsHostExtensions.RunAsync(app, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (ValidationFailures(e) is { Count: > 0 } failures)
        {
            // Every options type is validated at start (Operator, Aws, ...): report all their failures at once.
            foreach (var failure in failures)
            {
                error.WriteLine($"error: {failure}");
            }

            return 2;
        }
        catch (Exception e) when (ConfigurationError(e) is { } configuration)
        {
            error.WriteLine($"error: {configuration.Message}");
            return 2;
        }

        return exitCode();
    }

    /// <summary>The AWS clients (section <c>Aws</c>) and the four controllers (section <c>Controllers</c>).</summary>
    internal static void ConfigureControllers(IServiceCollection services, IConfiguration configuration)
    {
        services.AddEbopsAws(configuration);
        services.AddEbopsControllers(configuration);
    }

    /// <summary>The option validation failures in <paramref name="e"/> (one options type, or several aggregated).</summary>
    private static List<string> ValidationFailures(Exception e) => e switch
    {
        OptionsValidationException single => [.. single.Failures],
        AggregateException many when many.InnerExceptions.All(i => i is OptionsValidationException) =>
            [.. many.InnerExceptions.Cast<OptionsValidationException>().SelectMany(i => i.Failures)],
        _ => [],
    };

    /// <summary>The configuration error behind <paramref name="e"/> (the host may wrap it), or null for any other failure.</summary>
    private static OperatorConfigurationException? ConfigurationError(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is OperatorConfigurationException configuration)
            {
                return configuration;
            }
        }

        return null;
    }

    private static string Same(string value) => value;

    /// <summary>Accepts 1h30m, 10m, 30s, 500ms, a plain number of seconds, or hh:mm:ss; returns the TimeSpan invariant form for binding.</summary>
    internal static string Duration(string value)
    {
        if (TimeSpan.TryParseExact(value, "c", CultureInfo.InvariantCulture, out var exact) && value.Contains(':', StringComparison.Ordinal))
        {
            return exact.ToString("c", CultureInfo.InvariantCulture);
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds).ToString("c", CultureInfo.InvariantCulture);
        }

        return GoDuration.TryParse(value, out var duration)
            ? duration.ToString("c", CultureInfo.InvariantCulture)
            : throw new FormatException($"'{value}' is not a duration (examples: 30s, 10m, 1h30m, 00:10:00)");
    }
}
