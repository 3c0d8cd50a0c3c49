using Ebops.Sandbox.Aws.Core;
using X = Ebops.Sandbox.Aws.Core.SimXml;

namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>
/// CreateEnvironment, DescribeEnvironments, UpdateEnvironment, AbortEnvironmentUpdate, TerminateEnvironment,
/// SwapEnvironmentCNAMEs, DescribeEnvironmentResources, CheckDNSAvailability.
/// </summary>
internal sealed class EnvironmentOperations(EnvironmentStore environments, HealthStore health, EbPaging paging) : ISimOperations
{
    public void Register(OperationTable table) => table
        .Add("CreateEnvironment", CreateEnvironment)
        .Add("DescribeEnvironments", DescribeEnvironments)
        .Add("UpdateEnvironment", UpdateEnvironment)
        .Add("AbortEnvironmentUpdate", AbortEnvironmentUpdate)
        .Add("TerminateEnvironment", TerminateEnvironmentAsync)
        .Add("SwapEnvironmentCNAMEs", SwapEnvironmentCnames)
        .Add("DescribeEnvironmentResources", DescribeEnvironmentResources)
        .Add("CheckDNSAvailability", CheckDnsAvailability);

    private SimResponse CreateEnvironment(SimRequest request, SimParams p)
    {
        var environment = environments.Create(
            new EbEnvironmentInput(
                p.Required("ApplicationName"),
                p.Required("EnvironmentName"),
                p.Get("CNAMEPrefix"),
                p.Get("Description"),
                p.Get("SolutionStackName"),
                p.Get("PlatformArn"),
                p.Get("TemplateName"),
                p.Get("VersionLabel"),
                p.Get("Tier.Name"),
                EbParams.Options(p, "OptionSettings"),
                EbParams.Options(p, "OptionsToRemove"),
                p.Tags()),
            request.RequestId);
        return EbXml.Respond(request, Describe(environment));
    }

    private SimResponse DescribeEnvironments(SimRequest request, SimParams p)
    {
        var all = environments.Describe(new EbEnvironmentQuery(
            p.Get("ApplicationName"),
            p.Get("VersionLabel"),
            p.Members("EnvironmentIds"),
            p.Members("EnvironmentNames"),
            p.Bool("IncludeDeleted") ?? true,
            p.Timestamp("IncludedDeletedBackTo")));
        var page = paging.Page(all, p, request.Action, allWhenUnrequested: true);
        return EbXml.Respond(request, X.Members("Environments", page.Items, Describe), X.Opt("NextToken", page.NextToken));
    }

    private SimResponse UpdateEnvironment(SimRequest request, SimParams p)
    {
        var environment = environments.Update(
            new EbEnvironmentUpdate(
                p.Get("EnvironmentId"),
                p.Get("EnvironmentName"),
                p.Get("Description"),
                p.Get("VersionLabel"),
                p.Get("TemplateName"),
                EbParams.Options(p, "OptionSettings"),
                EbParams.Options(p, "OptionsToRemove")),
            request.RequestId);
        return EbXml.Respond(request, Describe(environment));
    }

    private SimResponse AbortEnvironmentUpdate(SimRequest request, SimParams p)
    {
        environments.AbortUpdate(p.Get("EnvironmentId"), p.Get("EnvironmentName"), request.RequestId);
        return EbXml.RespondEmpty(request);
    }

    private async ValueTask<SimResponse> TerminateEnvironmentAsync(SimRequest request, SimParams p, CancellationToken cancellationToken)
    {
        var environment = await environments.TerminateAsync(p.Get("EnvironmentId"), p.Get("EnvironmentName"), request.RequestId).ConfigureAwait(false);
        return EbXml.Respond(request, Describe(environment));
    }

    private SimResponse SwapEnvironmentCnames(SimRequest request, SimParams p)
    {
        environments.SwapCnames(p.Get("SourceEnvironmentId"), p.Get("SourceEnvironmentName"), p.Get("DestinationEnvironmentId"), p.Get("DestinationEnvironmentName"), request.RequestId);
        return EbXml.RespondEmpty(request);
    }

    private SimResponse DescribeEnvironmentResources(SimRequest request, SimParams p)
    {
        var r = environments.Resources(p.Get("EnvironmentId"), p.Get("EnvironmentName"));
        return EbXml.Respond(request, X.E(
            "EnvironmentResources",
            X.Opt("EnvironmentName", r.Name),
            X.Members("AutoScalingGroups", [r.AutoScalingGroup], g => [X.Opt("Name", g)]),
            X.Members("Instances", r.Instances, i => [X.Opt("Id", i)]),
            X.Members("LaunchConfigurations", Array.Empty<string>(), l => [X.Opt("Name", l)]),
            X.Members("LaunchTemplates", [r.LaunchTemplate], l => [X.Opt("Id", l)]),
            X.Members("LoadBalancers", r.LoadBalancer is null ? Array.Empty<string>() : [r.LoadBalancer], l => [X.Opt("Name", l)]),
            X.Members("Triggers", Array.Empty<string>(), t => [X.Opt("Name", t)]),
            X.Members("Queues", Array.Empty<string>(), q => [X.Opt("Name", q)])));
    }

    private SimResponse CheckDnsAvailability(SimRequest request, SimParams p)
    {
        var (available, cname) = environments.CheckDnsAvailability(p.Required("CNAMEPrefix"));
        return EbXml.Respond(request, X.Opt("Available", available), X.Opt("FullyQualifiedCNAME", cname));
    }

    private object?[] Describe(EbEnvironment environment) =>
        EbXml.Environment(environment, environments.StatusOf(environment), health.Of(environment));
}
