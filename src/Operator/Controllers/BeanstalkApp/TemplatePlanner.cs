using System.Globalization;
using Ebops.Operator.Entities;
using Ebops.Operator.Resources;
using Ebops.Operator.Resources.ElasticBeanstalk;
using O = Ebops.Operator.Aws.ElasticBeanstalk.ElasticBeanstalkOptions;

namespace Ebops.Operator.Controllers.BeanstalkApp;

/// <summary>
/// Pure: the configuration template an app's spec asks for. Settings are added in precedence order — derived from
/// the spec, then environment properties from envFrom (RDS_*), then <c>env</c> (wins over envFrom), then the raw
/// <c>optionSettings</c> last — and a later setting of the same option replaces an earlier one, with its spec field.
/// </summary>
internal static class TemplatePlanner
{
    /// <summary>Prefix of the names of templates ebops makes for <paramref name="applicationName"/>.</summary>
    public static string TemplatePrefix(string applicationName) => applicationName + "-ebops-";

    /// <summary>
    /// The template name for the spec's platform. A template's platform cannot be changed in place, so a new
    /// platform gets a new template (and the old one is deleted).
    /// </summary>
    public static string TemplateName(BeanstalkAppSpec spec) =>
        TemplatePrefix(spec.ApplicationName) + EbTemplateDesired.Sha256(spec.Platform.PlatformArn ?? spec.Platform.SolutionStackName ?? "")[..8];

    /// <param name="spec">The app's spec.</param>
    /// <param name="owner">Ownership tags of the template.</param>
    /// <param name="network">The resolved network.</param>
    /// <param name="securityGroupId">The app's security group; null while it does not exist (the option is left out).</param>
    /// <param name="database">The database filling RDS_*, or null.</param>
    /// <param name="password">Its master password, or null to leave RDS_PASSWORD out.</param>
    /// <param name="previousRawKeys">The raw option keys written last time (status.appliedOptionSettings).</param>
    public static TemplatePlan Plan(BeanstalkAppSpec spec, ResourceOwner owner, EbEnvironmentNetwork network, string? securityGroupId,
        DatabaseConnection? database, string? password, IReadOnlyList<string> previousRawKeys)
    {
        var settings = new Dictionary<EbOptionKey, (EbTemplateOption Option, string Path)>();
        void Put(string ns, string name, string value, string path, bool sensitive = false, string? resource = null) =>
            settings[new EbOptionKey(ns, name, string.IsNullOrEmpty(resource) ? null : resource)] =
                (new EbTemplateOption(new EbOptionKey(ns, name, string.IsNullOrEmpty(resource) ? null : resource), value, sensitive), path);

        Derived(spec, network, securityGroupId, Put);
        if (database is not null)
        {
            FromDatabase(database, password, Put);
        }

        foreach (var (key, value) in (spec.Env ?? []).OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            Put(O.ApplicationEnvironment, key, value, "spec.env." + key);
        }

        var rawKeys = new List<string>();
        var raw = spec.OptionSettings ?? [];
        for (var i = 0; i < raw.Count; i++)
        {
            Put(raw[i].Namespace, raw[i].OptionName, raw[i].Value, $"spec.optionSettings[{i}]", resource: raw[i].ResourceName);
            rawKeys.Add(new EbOptionKey(raw[i].Namespace, raw[i].OptionName, string.IsNullOrEmpty(raw[i].ResourceName) ? null : raw[i].ResourceName).ToString());
        }

        var ordered = settings.Values.OrderBy(s => s.Option.Key.ToString(), StringComparer.Ordinal).ToList();
        var owned = previousRawKeys.Select(EbOptionKey.Parse).OfType<EbOptionKey>().Where(k => !settings.ContainsKey(k)).ToList();
        var desired = new EbTemplateDesired(
            spec.ApplicationName,
            TemplateName(spec),
            spec.Platform.PlatformArn is null ? spec.Platform.SolutionStackName : null,
            spec.Platform.PlatformArn,
            $"Managed by ebops for BeanstalkApp {owner.Namespace}/{owner.Name}",
            [.. ordered.Select(s => s.Option)],
            [O.ApplicationEnvironment, O.ListenerPrefix + "*"],
            owned,
            owner.Tags("configuration-template"));
        return new TemplatePlan(desired, ordered.ToDictionary(s => s.Option.Key, s => s.Path), [.. rawKeys.Distinct(StringComparer.Ordinal)]);
    }

    private static void Derived(BeanstalkAppSpec spec, EbEnvironmentNetwork network, string? securityGroupId, Action<string, string, string, string, bool, string?> put)
    {
        put(O.AutoScalingGroup, O.MinSize, Number(spec.Capacity.Min), "spec.capacity.min", false, null);
        put(O.AutoScalingGroup, O.MaxSize, Number(spec.Capacity.Max), "spec.capacity.max", false, null);
        put(O.Ec2Instances, O.InstanceTypes, spec.Capacity.InstanceType, "spec.capacity.instanceType", false, null);
        put(O.Environment, O.EnvironmentType, O.EnvironmentTypeLoadBalanced, "spec.loadBalancer.type", false, null);
        put(O.Environment, O.LoadBalancerType, O.LoadBalancerTypeApplication, "spec.loadBalancer.type", false, null);
        put(O.Environment, O.ServiceRole, spec.ServiceRole, "spec.serviceRole", false, null);
        put(O.LaunchConfiguration, O.IamInstanceProfile, spec.InstanceProfile, "spec.instanceProfile", false, null);
        if (securityGroupId is not null)
        {
            put(O.LaunchConfiguration, O.SecurityGroups, securityGroupId, "spec.securityGroup", false, null);
        }

        put(O.DefaultProcess, O.HealthCheckPath, spec.LoadBalancer.HealthCheckPath, "spec.loadBalancer.healthCheckPath", false, null);
        const string port = "spec.loadBalancer.listenerPort";
        var listenerPort = spec.LoadBalancer.ListenerPort;
        put(O.DefaultListener, O.ListenerEnabled, listenerPort == O.DefaultListenerPort ? "true" : "false", port, false, null);
        if (listenerPort == O.DefaultListenerPort)
        {
            put(O.DefaultListener, O.ListenerProtocol, O.ProtocolHttp, port, false, null);
        }
        else
        {
            put(O.Listener(listenerPort), O.ListenerEnabled, "true", port, false, null);
            put(O.Listener(listenerPort), O.ListenerProtocol, O.ProtocolHttp, port, false, null);
            put(O.Listener(listenerPort), O.ListenerDefaultProcess, O.DefaultProcessName, port, false, null);
        }

        put(O.HealthReporting, O.SystemType, O.SystemTypeEnhanced, "spec", false, null);
        put(O.Vpc, O.VpcId, network.VpcId, "spec.network.vpcId", false, null);
        put(O.Vpc, O.Subnets, string.Join(",", network.InstanceSubnets), "spec.network.instanceSubnets", false, null);
        put(O.Vpc, O.ElbSubnets, string.Join(",", network.LoadBalancerSubnets), "spec.network.loadBalancerSubnets", false, null);
        put(O.Vpc, O.ElbScheme, O.ElbSchemePublic, "spec.network", false, null);
        put(O.Vpc, O.AssociatePublicIpAddress, network.AssociatePublicIpAddress ? "true" : "false", "spec.network.associatePublicIpAddress", false, null);
    }

    private static void FromDatabase(DatabaseConnection database, string? password, Action<string, string, string, string, bool, string?> put)
    {
        var path = database.SpecPath;
        put(O.ApplicationEnvironment, O.RdsHostname, database.Host, path, false, null);
        put(O.ApplicationEnvironment, O.RdsPort, Number(database.Port), path, false, null);
        if (database.DbName is { } dbName)
        {
            put(O.ApplicationEnvironment, O.RdsDbName, dbName, path, false, null);
        }

        put(O.ApplicationEnvironment, O.RdsUsername, database.Username, path, false, null);
        if (password is not null)
        {
            put(O.ApplicationEnvironment, O.RdsPassword, password, path, true, null);
        }
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
