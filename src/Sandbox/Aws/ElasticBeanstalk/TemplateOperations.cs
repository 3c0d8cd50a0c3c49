using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>CreateConfigurationTemplate, UpdateConfigurationTemplate, DeleteConfigurationTemplate.</summary>
internal sealed class TemplateOperations(TemplateStore templates) : ISimOperations
{
    public void Register(OperationTable table) => table
        .Add("CreateConfigurationTemplate", CreateConfigurationTemplate)
        .Add("UpdateConfigurationTemplate", UpdateConfigurationTemplate)
        .Add("DeleteConfigurationTemplate", DeleteConfigurationTemplate);

    private SimResponse CreateConfigurationTemplate(SimRequest request, SimParams p)
    {
        var source = p.Has("SourceConfiguration")
            ? (p.Get("SourceConfiguration.ApplicationName") ?? p.Required("ApplicationName"), p.Required("SourceConfiguration.TemplateName"))
            : ((string, string)?)null;
        var template = templates.Create(new EbTemplateInput(
            p.Required("ApplicationName"),
            p.Required("TemplateName"),
            p.Get("SolutionStackName"),
            p.Get("PlatformArn"),
            source,
            p.Get("EnvironmentId"),
            p.Get("Description"),
            EbParams.Options(p, "OptionSettings"),
            p.Tags()));
        return EbXml.Respond(request, EbXml.Template(template));
    }

    private SimResponse UpdateConfigurationTemplate(SimRequest request, SimParams p)
    {
        var template = templates.Update(
            p.Required("ApplicationName"),
            p.Required("TemplateName"),
            p.Get("Description"),
            EbParams.Options(p, "OptionSettings"),
            EbParams.Options(p, "OptionsToRemove"));
        return EbXml.Respond(request, EbXml.Template(template));
    }

    private SimResponse DeleteConfigurationTemplate(SimRequest request, SimParams p)
    {
        templates.Delete(p.Required("ApplicationName"), p.Required("TemplateName"));
        return EbXml.RespondEmpty(request);
    }
}
