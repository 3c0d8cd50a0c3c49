using System.Collections;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prometheus;

namespace Ebops.Operator.Runtime.Hosting;

/// <summary>
/// Builds the operator process: the generic host (through ASP.NET Core's slim builder, for Kestrel) with the runtime,
/// the registered controllers and the /healthz, /readyz and /metrics endpoints.
/// </summary>
public static class OperatorHost
{
    /// <summary>
    /// Builds the host. Configuration sources, later wins: appsettings.json, EBOPS_* environment variables
    /// (<c>EBOPS_MAX_CONCURRENT_RECONCILES</c> → Operator:MaxConcurrentReconciles), then <paramref name="overrides"/>
    /// (keys like "Operator:MetricsPort", used for command-line flags and by tests).
    /// </summary>
    public static WebApplication Build(IEnumerable<KeyValuePair<string, string?>> overrides, Action<IServiceCollection, IConfiguration>? configureServices = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "ebops", Args = [] });
        builder.Configuration.AddInMemoryCollection(EnvironmentOverrides(Environment.GetEnvironmentVariables()));
        builder.Configuration.AddInMemoryCollection(overrides);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // Start-up failures (invalid options) are printed by the run verb as one clear line each.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);

        var services = builder.Services;
        services.AddEbopsRuntime();
        services.AddSingleton<IConfigureOptions<OperatorOptions>>(new OperatorOptionsSetup(builder.Configuration));
        // The host must never cut the runtime's own drain (--shutdown-timeout, at most 10m) short; the runtime returns
        // as soon as it is done, so this is only an upper bound. A constant, because reading the options here would
        // validate them while the host is being built instead of at start.
        services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromMinutes(11));
        // Kestrel is created while the host is built, before start-up validation runs; it reads the raw settings and
        // binds only valid ones (invalid ones are then reported by ValidateOnStart with the flag's name).
        var configuration = builder.Configuration;
        services.Configure<KestrelServerOptions>(kestrel =>
        {
            var raw = new OperatorOptions();
            try
            {
                configuration.GetSection(OperatorOptions.Section).Bind(raw);
            }
            catch (InvalidOperationException)
            {
                return;
            }

            if (raw.MetricsPort is >= 0 and <= 65535 && IPAddress.TryParse(raw.MetricsAddress, out var address))
            {
                kestrel.Listen(address, raw.MetricsPort);
            }
        });
        configureServices?.Invoke(services, configuration);

        var app = builder.Build();
        app.MapGet("/healthz", (RuntimeHealth health) => health.IsHealthy
            ? Results.Text("ok\n" + health.Describe())
            : Results.Text("unhealthy\n" + health.Describe(), statusCode: StatusCodes.Status500InternalServerError));
        app.MapGet("/readyz", (RuntimeHealth health) => health.IsReady
            ? Results.Text("ok\n" + health.Describe())
            : Results.Text("not ready\n" + health.Describe(), statusCode: StatusCodes.Status503ServiceUnavailable));
        app.MapMetrics("/metrics", app.Services.GetRequiredService<Metrics.RuntimeMetrics>().Registry);
        return app;
    }

    /// <summary>The metrics server's base address once the host started (resolves port 0).</summary>
    public static Uri MetricsAddress(WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The metrics server has not started.");
        return new Uri(address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
    }

    /// <summary>Exit code the runtime asks for (1 after losing the lease), 0 otherwise.</summary>
    public static Func<int> ExitCode(WebApplication app)
    {
        var runtime = app.Services.GetRequiredService<OperatorRuntime>();
        return () => runtime.ExitCode;
    }

    /// <summary>EBOPS_SOME_NAME=value becomes Operator:SomeName (underscores dropped, matched case-insensitively).</summary>
    internal static IEnumerable<KeyValuePair<string, string?>> EnvironmentOverrides(IDictionary variables)
    {
        foreach (DictionaryEntry variable in variables)
        {
            var name = (string)variable.Key;
            if (name.StartsWith("EBOPS_", StringComparison.OrdinalIgnoreCase) && !name.StartsWith("EBOPS_TEST_", StringComparison.OrdinalIgnoreCase))
            {
                yield return new($"{OperatorOptions.Section}:{name["EBOPS_".Length..].Replace("_", "", StringComparison.Ordinal)}", (string?)variable.Value);
            }
        }
    }
}
