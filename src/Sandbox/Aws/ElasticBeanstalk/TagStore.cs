using Ebops.Sandbox.Aws.Core;
using C = Ebops.Sandbox.Aws.ElasticBeanstalk.EbConstants;
using E = Ebops.Sandbox.Aws.ElasticBeanstalk.EbConstants.Errors;

namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>
/// Tags of applications, application versions and live environments, by ARN. Keys starting with
/// <c>elasticbeanstalk:</c> or <c>aws:</c> are EB's own and cannot be added or removed; at most 50 per resource.
/// </summary>
internal sealed class TagStore(SimWorld world, EbStores stores)
{
    public IReadOnlyList<KeyValuePair<string, string>> List(string arn)
    {
        lock (world.Gate)
        {
            return [.. Find(arn).Items];
        }
    }

    public void Update(string arn, IReadOnlyList<KeyValuePair<string, string>> add, IReadOnlyList<string> remove)
    {
        foreach (var key in add.Select(t => t.Key).Concat(remove))
        {
            if (key.StartsWith("elasticbeanstalk:", StringComparison.Ordinal) || key.StartsWith("aws:", StringComparison.Ordinal))
            {
                throw EbErrors.Invalid($"Tag key '{key}' is reserved: keys starting with 'elasticbeanstalk:' or 'aws:' cannot be added or removed.");
            }
        }

        lock (world.Gate)
        {
            var tags = Find(arn);
            if (tags.CountAfterAdding(add) > C.MaxTags)
            {
                throw new AwsSimException(E.TooManyTags, "The quota for the number of tags that can be assigned to a resource has been reached.");
            }

            tags.Remove(remove);
            tags.Add(add);
        }
    }

    private TagList Find(string arn) =>
        stores.Applications.FindByArn(arn)?.Tags
        ?? stores.Environments.FindLiveByArn(arn)?.Tags
        ?? stores.Versions.FindByArn(arn)?.Tags
        ?? throw new AwsSimException(E.ResourceNotFound, $"Resource with ARN: {arn} not found.");
}
