using Ebops.Operator.Aws.ElasticBeanstalk;
using Ebops.Operator.Resources.ElasticBeanstalk;

namespace Ebops.Operator.Controllers.BeanstalkApp;

/// <summary>
/// The template ebops wants for an app, and for each setting the spec field it came from, so that an option Elastic
/// Beanstalk rejects (or one that drifted) is reported on the field the user wrote.
/// </summary>
internal sealed record TemplatePlan(EbTemplateDesired Desired, IReadOnlyDictionary<EbOptionKey, string> SpecPaths, IReadOnlyList<string> RawKeys)
{
    /// <summary>The spec field behind <paramref name="key"/>; for settings ebops removes, the field that used to want them.</summary>
    public string PathOf(EbOptionKey key)
    {
        if (SpecPaths.TryGetValue(key, out var path))
        {
            return path;
        }

        if (SpecPaths.FirstOrDefault(p => p.Key.Namespace == key.Namespace && p.Key.OptionName == key.OptionName).Value is { } sameOption)
        {
            return sameOption;
        }

        return key.Namespace == ElasticBeanstalkOptions.ApplicationEnvironment ? "spec.env"
            : ElasticBeanstalkOptions.IsListener(key.Namespace) ? "spec.loadBalancer.listenerPort"
            : "spec.optionSettings";
    }

    /// <summary>The spec fields behind <paramref name="keys"/>, distinct, in order.</summary>
    public IReadOnlyList<string> PathsOf(IEnumerable<EbOptionKey> keys) => [.. keys.Select(PathOf).Distinct(StringComparer.Ordinal)];
}
