using Ebops.Sandbox.Aws.Core;
using X = Ebops.Sandbox.Aws.Core.SimXml;

namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>DescribeConfigurationSettings, DescribeConfigurationOptions, ValidateConfigurationSettings.</summary>
internal sealed class ConfigurationOperations(ConfigurationStore configurations) : ISimOperations
{
    public void Register(OperationTable table) => table
        .Add("DescribeConfigurationSettings", DescribeConfigurationSettings)
        .Add("DescribeConfigurationOptions", DescribeConfigurationOptions)
        .Add("ValidateConfigurationSettings", ValidateConfigurationSettings);

    private SimResponse DescribeConfigurationSettings(SimRequest request, SimParams p)
    {
        var settings = configurations.DescribeSettings(p.Required("ApplicationName"), p.Get("TemplateName"), p.Get("EnvironmentName"));
        return EbXml.Respond(request, X.Members("ConfigurationSettings", [settings], EbXml.Settings));
    }

    private SimResponse DescribeConfigurationOptions(SimRequest request, SimParams p)
    {
        var filter = p.Structs("Options").Select(o => new EbOptionSetting(o.Required("Namespace"), o.Get("OptionName") ?? string.Empty, null, o.Get("ResourceName")));
        var (platform, options) = configurations.DescribeOptions(new EbOptionsQuery(
            p.Get("ApplicationName"),
            p.Get("TemplateName"),
            p.Get("EnvironmentName"),
            p.Get("SolutionStackName"),
            p.Get("PlatformArn"),
            [.. filter]));
        return EbXml.Respond(
            request,
            X.Opt("SolutionStackName", platform.SolutionStackName),
            X.Opt("PlatformArn", platform.Arn),
            X.Members("Options", options, EbXml.OptionDescription));
    }

    private SimResponse ValidateConfigurationSettings(SimRequest request, SimParams p)
    {
        var messages = configurations.Validate(
            p.Required("ApplicationName"),
            p.Get("TemplateName"),
            p.Get("EnvironmentName"),
            EbParams.Options(p, "OptionSettings"));
        return EbXml.Respond(request, X.Members("Messages", messages, m =>
        [
            X.Opt("Message", m.Message),
            X.Opt("Severity", m.Severity),
            X.Opt("Namespace", m.Namespace),
            X.Opt("OptionName", m.OptionName),
        ]));
    }
}
