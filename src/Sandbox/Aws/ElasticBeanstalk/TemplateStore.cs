using Ebops.Sandbox.Aws.Core;
using E = Ebops.Sandbox.Aws.ElasticBeanstalk.EbConstants.Errors;

namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>
/// Saved configuration templates of an application: a platform and option settings, checked against the platform's
/// option catalogue like an environment's.
/// </summary>
internal sealed class TemplateStore(SimWorld world, ApplicationStore applications, EnvironmentIndex environments, PlatformStore platforms)
{
    private readonly List<EbConfigurationTemplate> templates = [];

    public EbConfigurationTemplate Create(EbTemplateInput input)
    {
        lock (world.Gate)
        {
            applications.Find(input.ApplicationName);
            if (templates.Any(t => t.ApplicationName == input.ApplicationName && t.Name == input.Name))
            {
                throw EbErrors.Invalid($"Configuration Template {input.Name} already exists.");
            }

            var (platform, baseOptions) = SourceOf(input);
            var options = EbOptionSettings.Merge(baseOptions, input.Options, []);
            Validate(platform, input.Options, [], options);
            var now = world.Time.GetUtcNow();
            var created = new EbConfigurationTemplate
            {
                ApplicationName = input.ApplicationName,
                Name = input.Name,
                Platform = platform,
                Description = input.Description,
                Created = now,
                Updated = now,
                Options = options,
            };
            created.Tags.Add(input.Tags);
            templates.Add(created);
            return created;
        }
    }

    public EbConfigurationTemplate Update(string application, string name, string? description, IReadOnlyList<EbOptionSetting> options, IReadOnlyList<EbOptionSetting> remove)
    {
        lock (world.Gate)
        {
            applications.Find(application);
            var template = Find(application, name);
            var merged = EbOptionSettings.Merge(template.Options, options, remove);
            Validate(template.Platform, options, remove, merged);
            template.Options = merged;
            template.Description = description ?? template.Description;
            template.Updated = world.Time.GetUtcNow();
            return template;
        }
    }

    public void Delete(string application, string name)
    {
        lock (world.Gate)
        {
            applications.Find(application);
            templates.Remove(Find(application, name));
        }
    }

    /// <summary>The template; <c>No Configuration Template named 'app/name' found.</c> when there is none.</summary>
    public EbConfigurationTemplate Find(string application, string name)
    {
        lock (world.Gate)
        {
            return templates.FirstOrDefault(t => t.ApplicationName == application && t.Name == name)
                ?? throw EbErrors.Invalid($"No Configuration Template named '{application}/{name}' found.");
        }
    }

    public IReadOnlyList<string> NamesOf(string application)
    {
        lock (world.Gate)
        {
            return [.. templates.Where(t => t.ApplicationName == application).Select(t => t.Name)];
        }
    }

    public void RemoveAllOf(string application)
    {
        lock (world.Gate)
        {
            templates.RemoveAll(t => t.ApplicationName == application);
        }
    }

    private static void Validate(EbPlatform platform, IReadOnlyList<EbOptionSetting> options, IReadOnlyList<EbOptionSetting> remove, IReadOnlyList<EbOptionSetting> merged)
    {
        EbOptionValidator.ThrowFirstError(EbOptionValidator.Check(EbOptionCatalog.For(platform), options, remove));
        EbOptionValidator.ThrowFirstError(EbOptionValidator.CheckConfiguration(merged));
    }

    private (EbPlatform Platform, IReadOnlyList<EbOptionSetting> BaseOptions) SourceOf(EbTemplateInput input)
    {
        if (input.SolutionStackName is not null || input.PlatformArn is not null)
        {
            return (platforms.Resolve(input.SolutionStackName, input.PlatformArn), []);
        }

        if (input.Source is { } from)
        {
            var template = Find(from.Application, from.Template);
            return (template.Platform, template.Options);
        }

        if (input.EnvironmentId is not null)
        {
            var environment = environments.FindLive(input.EnvironmentId) ?? throw EbErrors.NoEnvironment(null, input.EnvironmentId);
            return (environment.Platform, environment.Options);
        }

        throw new AwsSimException(E.InvalidParameterCombination, "One of SolutionStackName, PlatformArn, SourceConfiguration or EnvironmentId must be specified.");
    }
}
