using Ebops.Sandbox.Aws.Core;
using X = Ebops.Sandbox.Aws.Core.SimXml;

namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>CreateApplication, DescribeApplications, UpdateApplicationResourceLifecycle, DeleteApplication.</summary>
internal sealed class ApplicationOperations(EbStores stores, EnvironmentStore environments) : ISimOperations
{
    public void Register(OperationTable table) => table
        .Add("CreateApplication", CreateApplication)
        .Add("DescribeApplications", DescribeApplications)
        .Add("UpdateApplicationResourceLifecycle", UpdateApplicationResourceLifecycle)
        .Add("DeleteApplication", DeleteApplicationAsync);

    private SimResponse CreateApplication(SimRequest request, SimParams p)
    {
        var app = stores.Applications.Create(p.Required("ApplicationName"), p.Get("Description"), p.Tags());
        if (p.Has("ResourceLifecycleConfig"))
        {
            stores.Applications.UpdateResourceLifecycle(app.Name, EbParams.Lifecycle(p.Struct("ResourceLifecycleConfig")));
        }

        return EbXml.Respond(request, X.E("Application", Describe(app)));
    }

    private SimResponse DescribeApplications(SimRequest request, SimParams p) =>
        EbXml.Respond(request, X.Members("Applications", stores.Applications.Describe(p.Members("ApplicationNames")), Describe));

    private SimResponse UpdateApplicationResourceLifecycle(SimRequest request, SimParams p)
    {
        var app = stores.Applications.UpdateResourceLifecycle(p.Required("ApplicationName"), EbParams.Lifecycle(p.Struct("ResourceLifecycleConfig")));
        return EbXml.Respond(request, X.Opt("ApplicationName", app.Name), EbXml.Lifecycle(app));
    }

    private async ValueTask<SimResponse> DeleteApplicationAsync(SimRequest request, SimParams p, CancellationToken cancellationToken)
    {
        await environments.DeleteApplicationAsync(p.Required("ApplicationName"), p.Bool("TerminateEnvByForce") ?? false, request.RequestId).ConfigureAwait(false);
        return EbXml.RespondEmpty(request);
    }

    private object?[] Describe(EbApplication app) =>
        EbXml.Application(app, stores.Versions.LabelsOf(app.Name), stores.Templates.NamesOf(app.Name));
}
