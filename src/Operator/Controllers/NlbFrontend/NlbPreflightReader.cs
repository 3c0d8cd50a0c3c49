using Ebops.Operator.Entities;
using Ebops.Operator.Resources;
using Ebops.Operator.Resources.Ec2;
using Ebops.Operator.Resources.Elbv2;
using Ebops.Operator.Runtime.Cache;

namespace Ebops.Operator.Controllers.NlbFrontend;

/// <summary>Gathers <see cref="NlbPreflightFacts"/> with reads only (EC2 subnets and addresses, the caches, and the
/// registrations of the backend's ALBs) and runs <see cref="NlbPreflight"/>: a failure throws, nothing is written.</summary>
internal sealed class NlbPreflightReader(
    SubnetPlacementReader placement,
    ElasticIpManager addresses,
    TargetGroupManager targetGroups,
    IResourceCache<Entities.NlbFrontend> frontends)
{
    public async Task CheckAsync(NlbPass pass, Entities.BeanstalkApp app, CancellationToken cancellationToken)
    {
        var spec = pass.Entity.Spec;
        var subnets = await NlbGuard.RunAsync("spec.subnets", () => placement.ReadAsync([.. spec.Subnets.Select(s => s.SubnetId)], cancellationToken)).ConfigureAwait(false);
        var given = new Dictionary<string, ElasticIpObserved?>(StringComparer.Ordinal);
        foreach (var subnet in spec.Subnets.Where(s => s.AllocationId is not null))
        {
            var field = NlbDesiredState.ElasticIpField(spec, subnet.SubnetId);
            given[subnet.AllocationId!] = await NlbGuard.RunAsync(field, () => addresses.ReadAsync(NlbDesiredState.ElasticIp(pass.Owner, subnet), ReadMode.Live, cancellationToken)).ConfigureAwait(false);
        }

        var others = OtherFrontends(pass.Entity);
        var registrations = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (others.Count < NlbPreflight.MaxNlbsPerAlb)
        {
            foreach (var alb in NlbDesiredState.Colors.Select(c => NlbDecisions.AlbOf(app, c)).OfType<string>().Distinct(StringComparer.Ordinal))
            {
                registrations[alb] = await NlbGuard.RunAsync("spec.backendRef.name", () => targetGroups.FindRegistrationsAsync(alb, new HashSet<string>(), cancellationToken)).ConfigureAwait(false);
            }
        }

        var facts = new NlbPreflightFacts(subnets, BackendVpc(app), given, others, registrations);
        if (NlbPreflight.Check(spec, app.Metadata.Name, facts) is { } failure)
        {
            throw failure;
        }
    }

    /// <summary>The VPC the backend's environments run in: the one the BeanstalkApp resolved, else the one its spec names.</summary>
    public static string? BackendVpc(Entities.BeanstalkApp app) => app.Status?.VpcId ?? app.Spec.Network?.VpcId;

    private List<string> OtherFrontends(Entities.NlbFrontend entity) =>
        [.. frontends.List(entity.Metadata.NamespaceProperty,
                f => f.Metadata.Name != entity.Metadata.Name && f.Metadata.DeletionTimestamp is null && f.Spec.BackendRef.Name == entity.Spec.BackendRef.Name)
            .Select(f => f.Metadata.Name)
            .Order(StringComparer.Ordinal)];
}
