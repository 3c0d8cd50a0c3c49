using System.Collections.Concurrent;
using Ebops.Operator.Aws.Core;
using Ebops.Operator.Aws.ElasticBeanstalk;
using Microsoft.Extensions.Logging;

namespace Ebops.Operator.Resources.ElasticBeanstalk;

/// <summary>
/// Elastic Beanstalk configuration templates. Reads with DescribeConfigurationSettings (plus the platform's option
/// catalogue, cached); checks settings before writing (<see cref="ValidateAsync"/>); creates with
/// CreateConfigurationTemplate; updates with UpdateConfigurationTemplate carrying exactly the settings that differ and
/// <c>OptionsToRemove</c> for owned settings no longer wanted. A template's platform cannot change: callers put the
/// platform into the template name.
/// </summary>
public sealed class ConfigurationTemplateManager(IElasticBeanstalkApi eb, TimeProvider time, ILogger<ConfigurationTemplateManager> log)
    : IResourceManager<EbTemplateDesired, EbTemplateObserved>
{
    /// <summary>How long a platform's option catalogue is reused (platform versions do not change their options).</summary>
    public static readonly TimeSpan CatalogLifetime = TimeSpan.FromHours(6);

    private readonly ConcurrentDictionary<string, (EbOptionCatalog Catalog, DateTimeOffset LoadedAt)> catalogs = new(StringComparer.Ordinal);

    public async Task<EbTemplateObserved?> ReadAsync(EbTemplateDesired desired, CancellationToken cancellationToken) =>
        await ReadAsync(desired.ApplicationName, desired.TemplateName, cancellationToken).ConfigureAwait(false);

    /// <summary>The template, or null when it (or its application) does not exist.</summary>
    public async Task<EbTemplateObserved?> ReadAsync(string applicationName, string templateName, CancellationToken cancellationToken)
    {
        ConfigurationSettingsDescription? found;
        try
        {
            var response = await eb.DescribeConfigurationSettingsAsync(
                new() { ApplicationName = applicationName, TemplateName = templateName }, cancellationToken).ConfigureAwait(false);
            found = response.ConfigurationSettings?.FirstOrDefault(s => s.TemplateName == templateName);
        }
        catch (AwsApiException e) when (e.IsNotFound)
        {
            return null;
        }

        if (found is null)
        {
            return null;
        }

        var catalog = await CatalogAsync(found.SolutionStackName, found.PlatformArn, cancellationToken).ConfigureAwait(false);
        var settings = new Dictionary<EbOptionKey, string?>();
        foreach (var option in found.OptionSettings ?? [])
        {
            if (option.Namespace is { } ns && option.OptionName is { } name)
            {
                settings[new EbOptionKey(ns, name, option.ResourceName)] = option.Value;
            }
        }

        return new EbTemplateObserved(applicationName, templateName, found.SolutionStackName, found.PlatformArn, found.Description,
            settings, catalog, found.DateUpdated);
    }

    /// <summary>The options the platform defines (DescribeConfigurationOptions), cached for <see cref="CatalogLifetime"/>.</summary>
    public async Task<EbOptionCatalog> CatalogAsync(string? solutionStackName, string? platformArn, CancellationToken cancellationToken)
    {
        var key = platformArn ?? solutionStackName ?? "";
        var now = time.GetUtcNow();
        if (catalogs.TryGetValue(key, out var cached) && now - cached.LoadedAt < CatalogLifetime)
        {
            return cached.Catalog;
        }

        var request = platformArn is not null ? new DescribeConfigurationOptionsRequest { PlatformArn = platformArn }
            : new DescribeConfigurationOptionsRequest { SolutionStackName = solutionStackName };
        var response = await eb.DescribeConfigurationOptionsAsync(request, cancellationToken).ConfigureAwait(false);
        var catalog = new EbOptionCatalog(response.Options ?? []);
        catalogs[key] = (catalog, now);
        Log.CatalogLoaded(log, key, catalog.Count);
        return catalog;
    }

    /// <summary>
    /// Checks every desired setting without writing anything: first against the platform's option catalogue (unknown
    /// options, values outside the allowed set, range, length or pattern), then, when the template exists, with
    /// ValidateConfigurationSettings against it (EB's own rules across settings). Returns the errors (warnings are
    /// ignored); empty when EB accepts the settings.
    /// </summary>
    public async Task<IReadOnlyList<EbOptionProblem>> ValidateAsync(EbTemplateDesired desired, bool templateExists, CancellationToken cancellationToken)
    {
        var catalog = await CatalogAsync(desired.SolutionStackName, desired.PlatformArn, cancellationToken).ConfigureAwait(false);
        var problems = desired.Settings.Select(catalog.Check).OfType<EbOptionProblem>().ToList();
        if (problems.Count > 0 || !templateExists)
        {
            return problems;
        }

        var sensitive = SensitiveValues.Of(desired.Settings);
        var response = await SensitiveValues.GuardAsync(sensitive, () => eb.ValidateConfigurationSettingsAsync(new()
        {
            ApplicationName = desired.ApplicationName,
            TemplateName = desired.TemplateName,
            OptionSettings = [.. desired.Settings.Select(ToWire)],
        }, cancellationToken)).ConfigureAwait(false);
        return [.. (response.Messages ?? [])
            .Where(m => string.Equals(m.Severity, ElasticBeanstalkStatuses.ValidationError, StringComparison.OrdinalIgnoreCase))
            .Select(m => new EbOptionProblem(new EbOptionKey(m.Namespace ?? "", m.OptionName ?? ""), SensitiveValues.Scrub(m.Message ?? "rejected", sensitive)))];
    }

    public Delta Diff(EbTemplateDesired desired, EbTemplateObserved observed)
    {
        var builder = new DeltaBuilder();
        foreach (var setting in desired.Settings)
        {
            var current = observed.ValueOf(setting.Key);
            var differs = !SameValue(observed.Catalog, setting.Key, setting.Value, current);
            builder.Add(setting.Key.ToString(), differs, setting.Value, current, setting.Sensitive);
        }

        foreach (var (key, value) in observed.Settings.OrderBy(s => s.Key.ToString(), StringComparer.Ordinal))
        {
            var unwanted = desired.Find(key) is null && desired.Owns(key) && !observed.Catalog.IsDefault(key, value);

            // The value of a setting being removed is never shown: it may be a secret nobody wants any more.
            builder.Add(key.ToString(), unwanted, null, value, sensitive: true);
        }

        return builder.Build();
    }

    public async Task<EbTemplateObserved> CreateAsync(EbTemplateDesired desired, CancellationToken cancellationToken)
    {
        if (await ReadAsync(desired, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return existing;
        }

        try
        {
            await SensitiveValues.GuardAsync(SensitiveValues.Of(desired.Settings), () => eb.CreateConfigurationTemplateAsync(new()
            {
                ApplicationName = desired.ApplicationName,
                TemplateName = desired.TemplateName,
                SolutionStackName = desired.PlatformArn is null ? desired.SolutionStackName : null,
                PlatformArn = desired.PlatformArn,
                Description = desired.Description,
                OptionSettings = [.. desired.Settings.Select(ToWire)],
                Tags = [.. desired.Tags.Select(t => new Tag { Key = t.Key, Value = t.Value })],
            }, cancellationToken)).ConfigureAwait(false);
            Log.TemplateCreated(log, desired.ApplicationName, desired.TemplateName, desired.Platform);
        }
        catch (AwsApiException e) when (e.IsAlreadyExists)
        {
            // A concurrent or earlier attempt created it: take it as it is (the next diff corrects it).
        }

        return await ReadAsync(desired, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Configuration template {desired.TemplateName} was created but cannot be read yet.");
    }

    public async Task<EbTemplateObserved> UpdateAsync(EbTemplateDesired desired, EbTemplateObserved observed, Delta delta, CancellationToken cancellationToken)
    {
        var set = new List<OptionSetting>();
        var remove = new List<OptionSpecification>();
        foreach (var difference in delta.Differences)
        {
            if (EbOptionKey.Parse(difference.Field) is not { } key)
            {
                continue;
            }

            if (desired.Find(key) is { } setting)
            {
                set.Add(ToWire(setting));
            }
            else
            {
                remove.Add(new OptionSpecification { Namespace = key.Namespace, OptionName = key.OptionName, ResourceName = key.ResourceName });
            }
        }

        if (set.Count + remove.Count > 0)
        {
            await SensitiveValues.GuardAsync(SensitiveValues.Of(desired.Settings), () => eb.UpdateConfigurationTemplateAsync(new()
            {
                ApplicationName = desired.ApplicationName,
                TemplateName = desired.TemplateName,
                OptionSettings = set.Count > 0 ? set : null,
                OptionsToRemove = remove.Count > 0 ? remove : null,
            }, cancellationToken)).ConfigureAwait(false);
            Log.TemplateUpdated(log, desired.ApplicationName, desired.TemplateName, string.Join(", ", delta.Fields));
        }

        return await ReadAsync(desired, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Configuration template {desired.TemplateName} disappeared during its update.");
    }

    public Task DeleteAsync(EbTemplateObserved observed, CancellationToken cancellationToken) =>
        DeleteAsync(observed.ApplicationName, observed.TemplateName, cancellationToken);

    /// <summary>Deletes the template; done when it (or its application) does not exist.</summary>
    public async Task DeleteAsync(string applicationName, string templateName, CancellationToken cancellationToken)
    {
        try
        {
            await eb.DeleteConfigurationTemplateAsync(new() { ApplicationName = applicationName, TemplateName = templateName }, cancellationToken)
                .ConfigureAwait(false);
            Log.TemplateDeleted(log, applicationName, templateName);
        }
        catch (AwsApiException e) when (e.IsNotFound)
        {
        }
    }

    private static bool SameValue(EbOptionCatalog catalog, EbOptionKey key, string desired, string? observed)
    {
        if (string.Equals(desired, observed ?? "", StringComparison.Ordinal))
        {
            return true;
        }

        // EB prints lists with a space after each comma; the order of a list's items is kept.
        return catalog.Find(key)?.ValueType == ElasticBeanstalkStatuses.ValueTypeList && observed is not null
            && SplitList(desired).SequenceEqual(SplitList(observed), StringComparer.Ordinal);
    }

    private static string[] SplitList(string value) => value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static OptionSetting ToWire(EbTemplateOption setting) => new()
    {
        Namespace = setting.Key.Namespace,
        OptionName = setting.Key.OptionName,
        ResourceName = string.IsNullOrEmpty(setting.Key.ResourceName) ? null : setting.Key.ResourceName,
        Value = setting.Value,
    };
}
