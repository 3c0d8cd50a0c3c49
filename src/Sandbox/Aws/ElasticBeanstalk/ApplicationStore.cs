using Ebops.Sandbox.Aws.Core;
using C = Ebops.Sandbox.Aws.ElasticBeanstalk.EbConstants;
using E = Ebops.Sandbox.Aws.ElasticBeanstalk.EbConstants.Errors;

namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>EB applications: names, descriptions, tags, and the version lifecycle rules.</summary>
internal sealed class ApplicationStore(SimWorld world)
{
    private readonly List<EbApplication> applications = [];

    public EbApplication Create(string name, string? description, IReadOnlyList<KeyValuePair<string, string>> tags)
    {
        if (name.Length is < 1 or > 100 || name.Contains('/', StringComparison.Ordinal))
        {
            throw EbErrors.Invalid($"Value {name} for parameter ApplicationName is invalid. It must be 1 to 100 characters and cannot contain '/'.");
        }

        lock (world.Gate)
        {
            if (applications.Any(a => a.Name == name))
            {
                throw EbErrors.Invalid($"Application {name} already exists.");
            }

            if (applications.Count >= world.Options.Quotas.EbApplications)
            {
                throw new AwsSimException(E.TooManyApplications, $"You cannot have more than {world.Options.Quotas.EbApplications} applications.");
            }

            var now = world.Time.GetUtcNow();
            var app = new EbApplication { Name = name, Arn = EbArn.Of(world, $"application/{name}"), Description = description, Created = now, Updated = now };
            app.Tags.Add(tags);
            applications.Add(app);
            return app;
        }
    }

    public IReadOnlyList<EbApplication> Describe(IReadOnlyList<string> names)
    {
        lock (world.Gate)
        {
            return [.. applications.Where(a => names.Count == 0 || names.Contains(a.Name))];
        }
    }

    public EbApplication UpdateResourceLifecycle(string name, EbLifecyclePatch patch)
    {
        lock (world.Gate)
        {
            var app = Find(name);
            patch.ApplyTo(app);
            app.Updated = world.Time.GetUtcNow();
            return app;
        }
    }

    /// <summary>The application; <c>No Application named 'x' found.</c> when there is none.</summary>
    public EbApplication Find(string name)
    {
        lock (world.Gate)
        {
            return applications.FirstOrDefault(a => a.Name == name) ?? throw EbErrors.NoApplication(name);
        }
    }

    public bool Exists(string name)
    {
        lock (world.Gate)
        {
            return applications.Any(a => a.Name == name);
        }
    }

    public EbApplication? FindByArn(string arn)
    {
        lock (world.Gate)
        {
            return applications.FirstOrDefault(a => a.Arn == arn);
        }
    }

    public void Remove(EbApplication app)
    {
        lock (world.Gate)
        {
            applications.Remove(app);
        }
    }

    public IReadOnlyList<EbApplication> All()
    {
        lock (world.Gate)
        {
            return [.. applications];
        }
    }
}
