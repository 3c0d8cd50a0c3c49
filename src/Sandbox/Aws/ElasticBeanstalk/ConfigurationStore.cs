using Ebops.Sandbox.Aws.Core;
using E = Ebops.Sandbox.Aws.ElasticBeanstalk.EbConstants.Errors;
using O = Ebops.Sandbox.Aws.ElasticBeanstalk.EbOptionDefinition;

namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>
/// Configurations as a whole, of a template or an environment: their settings (DescribeConfigurationSettings), the
/// options their platform offers (DescribeConfigurationOptions) and what a change would be told
/// (ValidateConfigurationSettings).
/// </summary>
internal sealed class ConfigurationStore(SimWorld world, EbStores stores)
{
    /// <summary>EB's defaults overlaid with what the template or environment set.</summary>
    public EbConfigurationDescription DescribeSettings(string application, string? templateName, string? environmentName)
    {
        if ((templateName is null) == (environmentName is null))
        {
            throw new AwsSimException(E.InvalidParameterCombination, "You must specify either TemplateName or EnvironmentName, but not both.");
        }

        lock (world.Gate)
        {
            stores.Applications.Find(application);
            if (templateName is not null)
            {
                var template = stores.Templates.Find(application, templateName);
                return new(template.Platform, application, template.Name, null, template.Description, null, template.Created, template.Updated, EbOptionSettings.Effective(template.Options));
            }

            var environment = stores.Environments.Find(null, environmentName);
            return new(environment.Platform, application, environment.TemplateName, environment.Name, environment.Description, "deployed", environment.Created, environment.Updated, EbOptionSettings.Effective(environment.Options));
        }
    }

    /// <summary>
    /// The options of the platform, plus the user-named namespaces and environment properties the template or
    /// environment uses (UserDefined), restricted to the names the query lists.
    /// </summary>
    public (EbPlatform Platform, IReadOnlyList<EbOptionDefinition> Options) DescribeOptions(EbOptionsQuery query)
    {
        var (platform, current) = Resolve(query);
        var catalog = EbOptionCatalog.For(platform);
        var instances = current
            .Select(o => o.Namespace)
            .Where(ns => !catalog.All.Any(d => d.Namespace == ns))
            .Distinct(StringComparer.Ordinal)
            .SelectMany(ns => EbOptionCatalog.InstanceOf(ns) ?? []);
        var userDefined = current
            .Where(o => EbOptionCatalog.IsUserNamed(o.Namespace))
            .Select(o => new O(o.Namespace, o.OptionName, O.Scalar, O.RestartApplicationServer) { MaxLength = 256, UserDefined = true });
        var all = catalog.All.Concat(instances).Concat(userDefined);
        return (platform, [.. all.Where(d => query.Options.Count == 0
            || query.Options.Any(f => f.Namespace == d.Namespace && (string.IsNullOrEmpty(f.OptionName) || f.OptionName == d.Name)))]);
    }

    /// <summary>Errors and warnings about <paramref name="settings"/> applied to the template's or environment's configuration.</summary>
    public IReadOnlyList<EbValidationMessage> Validate(string application, string? templateName, string? environmentName, IReadOnlyList<EbOptionSetting> settings)
    {
        if (templateName is null && environmentName is null)
        {
            throw new AwsSimException(E.MissingRequiredParameter, "You must specify either TemplateName or EnvironmentName.");
        }

        if (templateName is not null && environmentName is not null)
        {
            throw new AwsSimException(E.InvalidParameterCombination, "You must specify either TemplateName or EnvironmentName, but not both.");
        }

        if (settings.Count == 0)
        {
            throw EbErrors.Missing("OptionSettings");
        }

        stores.Applications.Find(application);
        var (platform, current) = Resolve(new EbOptionsQuery(application, templateName, environmentName, null, null, []));
        var messages = EbOptionValidator.Check(EbOptionCatalog.For(platform), settings, []);
        messages.AddRange(EbOptionValidator.CheckConfiguration(EbOptionSettings.Merge(current, settings, [])));
        return messages;
    }

    private (EbPlatform Platform, IReadOnlyList<EbOptionSetting> Current) Resolve(EbOptionsQuery query)
    {
        if (query.SolutionStackName is not null || query.PlatformArn is not null)
        {
            return (stores.Platforms.Resolve(query.SolutionStackName, query.PlatformArn), []);
        }

        if (query.TemplateName is not null)
        {
            var application = query.ApplicationName ?? throw EbErrors.Missing("ApplicationName");
            var template = stores.Templates.Find(application, query.TemplateName);
            return (template.Platform, template.Options);
        }

        if (query.EnvironmentName is not null)
        {
            var environment = stores.Environments.Find(null, query.EnvironmentName);
            if (query.ApplicationName is not null && environment.ApplicationName != query.ApplicationName)
            {
                throw EbErrors.NoEnvironment(query.EnvironmentName, null);
            }

            return (environment.Platform, environment.Options);
        }

        throw new AwsSimException(E.MissingRequiredParameter, "You must specify a SolutionStackName, PlatformArn, TemplateName or EnvironmentName.");
    }
}
