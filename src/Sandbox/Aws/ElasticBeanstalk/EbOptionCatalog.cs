using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using C = Ebops.Sandbox.Aws.ElasticBeanstalk.EbConstants;

namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>
/// The configuration options a platform knows, as DescribeConfigurationOptions lists them: the general options of
/// every environment plus the platform's own. Namespaces the user names (a process, a listener port, a listener rule)
/// take the options of their kind; environment properties and static-file mappings take any (checked) name.
/// </summary>
internal sealed partial class EbOptionCatalog
{
    private static readonly ConcurrentDictionary<string, EbOptionCatalog> Catalogs = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Namespace, string Name), EbOptionDefinition> options;

    private EbOptionCatalog(IEnumerable<EbOptionDefinition> definitions)
    {
        All = [.. definitions];
        options = All.ToDictionary(o => (o.Namespace, o.Name));
    }

    /// <summary>Every option of the platform's fixed namespaces (process and listener: their <c>default</c> instance).</summary>
    public IReadOnlyList<EbOptionDefinition> All { get; }

    /// <summary>The catalogue of a platform (platforms of one category share it).</summary>
    public static EbOptionCatalog For(EbPlatform platform) =>
        Catalogs.GetOrAdd(platform.Category, _ => new EbOptionCatalog(
        [
            .. EbScalingOptions.All(), .. EbEnvironmentOptions.All(), .. EbLoadBalancerOptions.All(), .. EbPlatformOptions.For(platform),
        ]));

    /// <summary>Namespaces whose option names are chosen by the user: environment properties and static files.</summary>
    public static bool IsUserNamed(string ns) => ns is C.AppEnvironmentNamespace or C.StaticFilesNamespace;

    /// <summary>The definition of an option (user-named namespace instances included); null when EB does not know it.</summary>
    public EbOptionDefinition? Find(string ns, string name) =>
        options.TryGetValue((ns, name), out var known) ? known : InstanceOf(ns)?.FirstOrDefault(o => o.Name == name);

    /// <summary>True when the option exists (what OptionsToRemove may name).</summary>
    public bool Knows(string ns, string name) => IsUserNamed(ns) || Find(ns, name) is not null;

    /// <summary>The options of a namespace instance named by the user, or null when the namespace is not one.</summary>
    public static IEnumerable<EbOptionDefinition>? InstanceOf(string ns)
    {
        if (Suffix(ns, C.ProcessNamespacePrefix) is { } process && ResourceName().IsMatch(process))
        {
            return EbEnvironmentOptions.Process(ns);
        }

        if (Suffix(ns, C.ListenerNamespacePrefix) is { } port
            && int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 65535)
        {
            return EbLoadBalancerOptions.Listener(ns);
        }

        return Suffix(ns, C.ListenerRuleNamespacePrefix) is { } rule && ResourceName().IsMatch(rule)
            ? EbLoadBalancerOptions.ListenerRule(ns)
            : null;
    }

    private static string? Suffix(string ns, string prefix) =>
        ns.StartsWith(prefix, StringComparison.Ordinal) && ns.Length > prefix.Length ? ns[prefix.Length..] : null;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$")]
    private static partial Regex ResourceName();
}
