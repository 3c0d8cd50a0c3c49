using Ebops.Sandbox.Aws.Core;
using X = Ebops.Sandbox.Aws.Core.SimXml;

namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>DescribeEvents (health is refreshed first, so transitions up to now are listed).</summary>
internal sealed class EventOperations(EbStores stores, EbPaging paging) : ISimOperations
{
    public void Register(OperationTable table) => table.Add("DescribeEvents", DescribeEvents);

    private SimResponse DescribeEvents(SimRequest request, SimParams p)
    {
        var query = new EbEventQuery(
            p.Get("ApplicationName"),
            p.Get("VersionLabel"),
            p.Get("TemplateName"),
            p.Get("EnvironmentId"),
            p.Get("EnvironmentName"),
            p.Get("RequestId"),
            p.Get("Severity"),
            p.Timestamp("StartTime"),
            p.Timestamp("EndTime"));
        stores.Health.RefreshAll();

        // An id that names no environment matches no event.
        var nameOfId = query.EnvironmentId is null ? null : stores.Environments.NameOf(query.EnvironmentId) ?? "\0";
        var page = paging.Page(stores.Events.Describe(query, nameOfId), p, request.Action);
        return EbXml.Respond(request, X.Members("Events", page.Items, e =>
        [
            X.Opt("EventDate", e.Date),
            X.Opt("Message", e.Message),
            X.Opt("ApplicationName", e.ApplicationName),
            X.Opt("VersionLabel", e.VersionLabel),
            X.Opt("TemplateName", e.TemplateName),
            X.Opt("EnvironmentName", e.EnvironmentName),
            X.Opt("RequestId", e.RequestId),
            X.Opt("Severity", e.Severity),
        ]), X.Opt("NextToken", page.NextToken));
    }
}
