using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>EB request structures several operations read.</summary>
internal static class EbParams
{
    /// <summary>A list of ConfigurationOptionSetting (or OptionSpecification: no Value) under <paramref name="name"/>.</summary>
    public static IReadOnlyList<EbOptionSetting> Options(SimParams p, string name) =>
        [.. p.Structs(name).Select(o => new EbOptionSetting(o.Required("Namespace"), o.Required("OptionName"), o.Get("Value"), o.Get("ResourceName")))];

    /// <summary>An ApplicationResourceLifecycleConfig.</summary>
    public static EbLifecyclePatch Lifecycle(SimParams config)
    {
        var count = config.Struct("VersionLifecycleConfig.MaxCountRule");
        var age = config.Struct("VersionLifecycleConfig.MaxAgeRule");
        return new EbLifecyclePatch(
            config.Get("ServiceRole"),
            count.Bool("Enabled"),
            count.Int("MaxCount"),
            count.Bool("DeleteSourceFromS3"),
            age.Bool("Enabled"),
            age.Int("MaxAgeInDays"),
            age.Bool("DeleteSourceFromS3"));
    }
}
