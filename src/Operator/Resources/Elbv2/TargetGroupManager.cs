using Ebops.Operator.Aws.Core;
using Ebops.Operator.Aws.Elbv2;
using Microsoft.Extensions.Logging;

namespace Ebops.Operator.Resources.Elbv2;

/// <summary>
/// <c>alb</c>-type target groups, found by their deterministic name; steady-state reads come from a snapshot of every
/// <c>alb</c>-type group tagged with the cluster. Also the target operations a release uses: register and deregister an ALB,
/// read target health (one DescribeTargetHealth per call: only when the answer matters).
/// </summary>
internal sealed class TargetGroupManager : IResourceManager<TargetGroupDesired, TargetGroupObserved>
{
    private readonly IElbv2Api elbv2;
    private readonly ILogger logger;
    private readonly string cluster;

    public TargetGroupManager(IElbv2Api elbv2, ManagerSettings settings, TimeProvider time, ILogger<TargetGroupManager> logger)
    {
        this.elbv2 = elbv2;
        this.logger = logger;
        cluster = settings.ClusterName;
        // No recent snapshot (ReadMode.Recent reads go live): a load costs a DescribeTags per 20 objects on top of the
        // describes, N/20 calls of ELBv2's account budget (10/s shared by every action), far more than the objects in motion.
        Reader = new SnapshotReader<TargetGroupObserved>(LoadAllAsync, LoadOneAsync, o => o.Name, settings.SnapshotMaxAge, time);
    }

    public SnapshotReader<TargetGroupObserved> Reader { get; }

    public Task<TargetGroupObserved?> ReadAsync(TargetGroupDesired desired, CancellationToken cancellationToken) =>
        ReadAsync(desired.Name, ReadMode.Live, cancellationToken);

    /// <summary>The target group named <paramref name="name"/>, or null.</summary>
    public Task<TargetGroupObserved?> ReadAsync(string name, ReadMode mode, CancellationToken cancellationToken) =>
        Reader.ReadAsync(name, mode, cancellationToken);

    /// <summary>
    /// The health check settings, the attributes (when they were read) and the tags (ModifyTargetGroup,
    /// ModifyTargetGroupAttributes and AddTags change them in place).
    /// </summary>
    public Delta Diff(TargetGroupDesired desired, TargetGroupObserved observed)
    {
        var (want, have) = (desired.HealthCheck, observed.HealthCheck);
        return new DeltaBuilder()
            .Compare("HealthCheckProtocol", want.Protocol, have.Protocol)
            .Compare("HealthCheckPath", want.Path, have.Path)
            .Compare("HealthCheckPort", want.Port, have.Port)
            .Compare("HealthCheckIntervalSeconds", want.IntervalSeconds, have.IntervalSeconds)
            .Compare("HealthCheckTimeoutSeconds", want.TimeoutSeconds, have.TimeoutSeconds)
            .Compare("HealthyThresholdCount", want.HealthyThresholdCount, have.HealthyThresholdCount)
            .Compare("UnhealthyThresholdCount", want.UnhealthyThresholdCount, have.UnhealthyThresholdCount)
            .Compare("Matcher", want.Matcher, have.Matcher)
            .Compare("DeregistrationDelay", desired.Attributes[Elbv2Statuses.AttributeDeregistrationDelay], Attribute(observed, Elbv2Statuses.AttributeDeregistrationDelay, desired))
            .Add("Tags", Elbv2Tags.Missing(desired.Tags, observed.Tags).Count > 0, null, null)
            .Build();
    }

    /// <summary>Pure: what differs and cannot be changed on an existing target group.</summary>
    public static Delta FixedDiff(TargetGroupDesired desired, TargetGroupObserved observed) => new DeltaBuilder()
        .Compare("TargetType", Elbv2Statuses.TargetTypeAlb, observed.TargetType)
        .Compare("Protocol", Elbv2Statuses.ProtocolTcp, observed.Protocol)
        .Compare("Port", (int?)desired.Port, observed.Port)
        .Compare("VpcId", desired.VpcId, observed.VpcId)
        .Build();

    public async Task<TargetGroupObserved> CreateAsync(TargetGroupDesired desired, CancellationToken cancellationToken)
    {
        if (await ReadAsync(desired.Name, ReadMode.Live, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return desired.Owner.Owns(existing.Tags, desired.Component)
                ? existing
                : throw Elbv2Tags.Conflict("target group", desired.Name, existing.Tags);
        }

        var check = desired.HealthCheck;
        var response = await elbv2.CreateTargetGroupAsync(new()
        {
            Name = desired.Name,
            TargetType = Elbv2Statuses.TargetTypeAlb,
            Protocol = Elbv2Statuses.ProtocolTcp,
            Port = desired.Port,
            VpcId = desired.VpcId,
            HealthCheckEnabled = true,
            HealthCheckProtocol = check.Protocol,
            HealthCheckPath = check.Path,
            HealthCheckPort = check.Port,
            HealthCheckIntervalSeconds = check.IntervalSeconds,
            HealthCheckTimeoutSeconds = check.TimeoutSeconds,
            HealthyThresholdCount = check.HealthyThresholdCount,
            UnhealthyThresholdCount = check.UnhealthyThresholdCount,
            Matcher = new Matcher { HttpCode = check.Matcher },
            Tags = Elbv2Tags.ToTags(desired.Tags),
        }, cancellationToken).ConfigureAwait(false);
        Reader.Invalidate(desired.Name);
        var created = response.TargetGroups?.FirstOrDefault() ?? throw new InvalidOperationException("CreateTargetGroup returned no target group");
        var observed = ToObserved(created, desired.Tags);
        Log.TargetGroupCreated(logger, observed.Name, observed.Arn);
        return observed with { Attributes = await ModifyAttributesAsync(observed.Arn, desired.Attributes, cancellationToken).ConfigureAwait(false) };
    }

    public async Task<TargetGroupObserved> UpdateAsync(TargetGroupDesired desired, TargetGroupObserved observed, Delta delta, CancellationToken cancellationToken)
    {
        var result = observed;
        var check = desired.HealthCheck;
        if (delta.Has("DeregistrationDelay"))
        {
            result = result with { Attributes = await ModifyAttributesAsync(observed.Arn, desired.Attributes, cancellationToken).ConfigureAwait(false) };
            Log.TargetGroupUpdated(logger, observed.Arn, "Attributes");
        }

        if (delta.Fields.Any(f => f is not ("Tags" or "DeregistrationDelay")))
        {
            var response = await elbv2.ModifyTargetGroupAsync(new()
            {
                TargetGroupArn = observed.Arn,
                HealthCheckProtocol = delta.Has("HealthCheckProtocol") ? check.Protocol : null,
                HealthCheckPath = delta.Has("HealthCheckPath") ? check.Path : null,
                HealthCheckPort = delta.Has("HealthCheckPort") ? check.Port : null,
                HealthCheckIntervalSeconds = delta.Has("HealthCheckIntervalSeconds") ? check.IntervalSeconds : null,
                HealthCheckTimeoutSeconds = delta.Has("HealthCheckTimeoutSeconds") ? check.TimeoutSeconds : null,
                HealthyThresholdCount = delta.Has("HealthyThresholdCount") ? check.HealthyThresholdCount : null,
                UnhealthyThresholdCount = delta.Has("UnhealthyThresholdCount") ? check.UnhealthyThresholdCount : null,
                Matcher = delta.Has("Matcher") ? new Matcher { HttpCode = check.Matcher } : null,
            }, cancellationToken).ConfigureAwait(false);
            result = response.TargetGroups?.FirstOrDefault() is { } modified
                ? ToObserved(modified, observed.Tags) with { Attributes = result.Attributes }
                : result with { HealthCheck = check };
            Log.TargetGroupUpdated(logger, observed.Arn, string.Join(",", delta.Fields));
        }

        if (delta.Has("Tags"))
        {
            var missing = Elbv2Tags.Missing(desired.Tags, observed.Tags);
            result = result with { Tags = await Elbv2Tags.AddAsync(elbv2, logger, observed.Arn, observed.Tags, missing, cancellationToken).ConfigureAwait(false) };
        }

        Reader.Invalidate(observed.Name);
        return result;
    }

    public async Task DeleteAsync(TargetGroupObserved observed, CancellationToken cancellationToken)
    {
        Log.TargetGroupDeleting(logger, observed.Arn);
        try
        {
            // ResourceInUse (a listener still forwards to it) is a Conflict: retried once the listener is gone.
            await elbv2.DeleteTargetGroupAsync(new() { TargetGroupArn = observed.Arn }, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsApiException e) when (e.IsNotFound)
        {
            // Already gone.
        }

        Reader.Invalidate(observed.Name);
    }

    /// <summary>
    /// Registers the Application Load Balancer <paramref name="albArn"/> in the group (on <paramref name="port"/>, which
    /// must be the ALB's listener port; null: the group's port). Registering a registered target is a no-op on AWS.
    /// AWS refuses a second ALB in one group (<c>TooManyTargets</c>) and an ALB behind more than two network load
    /// balancers (<c>TooManyRegistrationsForTargetId</c>); both are terminal <see cref="AwsApiException"/>s.
    /// </summary>
    public async Task RegisterAsync(string targetGroupArn, string albArn, int? port, CancellationToken cancellationToken)
    {
        await elbv2.RegisterTargetsAsync(new() { TargetGroupArn = targetGroupArn, Targets = [new Target { Id = albArn, Port = port }] }, cancellationToken).ConfigureAwait(false);
        Log.TargetRegistered(logger, albArn, port, targetGroupArn);
    }

    /// <summary>
    /// Deregisters <paramref name="albArn"/>; a target that is not registered is not an error (as on AWS). The target
    /// drains for the group's deregistration delay; first the group's
    /// <c>deregistration_delay.connection_termination.enabled</c> is set to <paramref name="closeConnections"/>: true,
    /// the NLB closes the connections still open to it when the delay ends; false, they stay until either side closes.
    /// </summary>
    public async Task DeregisterAsync(string targetGroupArn, string albArn, int? port, bool closeConnections, CancellationToken cancellationToken)
    {
        var termination = closeConnections ? "true" : "false";
        await ModifyAttributesAsync(targetGroupArn, new Dictionary<string, string> { [Elbv2Statuses.AttributeConnectionTermination] = termination }, cancellationToken)
            .ConfigureAwait(false);
        Log.TargetGroupUpdated(logger, targetGroupArn, $"{Elbv2Statuses.AttributeConnectionTermination}={termination}");
        await elbv2.DeregisterTargetsAsync(new() { TargetGroupArn = targetGroupArn, Targets = [new Target { Id = albArn, Port = port }] }, cancellationToken).ConfigureAwait(false);
        Log.TargetDeregistered(logger, albArn, targetGroupArn);
    }

    /// <summary>Every registered target and its health (one DescribeTargetHealth); null when the group does not exist.</summary>
    public async Task<IReadOnlyList<TargetHealthObserved>?> ReadHealthAsync(string targetGroupArn, CancellationToken cancellationToken)
    {
        try
        {
            var response = await elbv2.DescribeTargetHealthAsync(new() { TargetGroupArn = targetGroupArn }, cancellationToken).ConfigureAwait(false);
            return [.. (response.TargetHealthDescriptions ?? []).Select(ToHealth)];
        }
        catch (AwsApiException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    /// <summary>
    /// The targets of every target group the load balancer <paramref name="loadBalancerArn"/> forwards to, with their
    /// health (one DescribeTargetGroups and one DescribeTargetHealth per group); empty when it forwards to none or does
    /// not exist. An environment's ALB forwards to its instances, so this is how healthy they are behind it.
    /// </summary>
    public async Task<IReadOnlyList<TargetHealthObserved>> ReadLoadBalancerTargetHealthAsync(string loadBalancerArn, CancellationToken cancellationToken)
    {
        var found = new List<TargetHealthObserved>();
        try
        {
            await foreach (var group in elbv2.DescribeTargetGroupsAllAsync(new() { LoadBalancerArn = loadBalancerArn }, cancellationToken).ConfigureAwait(false))
            {
                if (group.TargetGroupArn is { } arn && await ReadHealthAsync(arn, cancellationToken).ConfigureAwait(false) is { } health)
                {
                    found.AddRange(health);
                }
            }
        }
        catch (AwsApiException e) when (e.IsNotFound)
        {
            return [];
        }

        return found;
    }

    /// <summary>
    /// The <c>alb</c>-type target groups (other than <paramref name="except"/>) that <paramref name="albArn"/> is
    /// registered in: AWS lets an ALB sit behind at most two network load balancers, one target group each. Costs one
    /// paginated DescribeTargetGroups plus one DescribeTargetHealth per <c>alb</c>-type group: for pre-flight checks only.
    /// </summary>
    public async Task<IReadOnlyList<string>> FindRegistrationsAsync(string albArn, IReadOnlySet<string> except, CancellationToken cancellationToken)
    {
        var found = new List<string>();
        await foreach (var group in elbv2.DescribeTargetGroupsAllAsync(new(), cancellationToken).ConfigureAwait(false))
        {
            if (group.TargetType != Elbv2Statuses.TargetTypeAlb || group.TargetGroupArn is not { } arn || except.Contains(arn))
            {
                continue;
            }

            var health = await ReadHealthAsync(arn, cancellationToken).ConfigureAwait(false);
            if (health?.Any(h => h.TargetId == albArn && h.State != Elbv2Statuses.TargetDraining) == true)
            {
                found.Add(arn);
            }
        }

        return found;
    }

    private async Task<TargetGroupObserved?> LoadOneAsync(string name, CancellationToken cancellationToken)
    {
        var found = await elbv2.FindTargetGroupAsync(name, cancellationToken).ConfigureAwait(false);
        if (found?.TargetGroupArn is not { } arn)
        {
            return null;
        }

        var tags = await elbv2.GetTagsAsync(arn, cancellationToken).ConfigureAwait(false);
        return ToObserved(found, Elbv2Tags.ToDictionary(tags)) with { Attributes = await ReadAttributesAsync(arn, cancellationToken).ConfigureAwait(false) };
    }

    /// <summary>The group's attributes (one DescribeTargetGroupAttributes); null when the group is gone.</summary>
    private async Task<IReadOnlyDictionary<string, string>?> ReadAttributesAsync(string arn, CancellationToken cancellationToken)
    {
        try
        {
            var response = await elbv2.DescribeTargetGroupAttributesAsync(new() { TargetGroupArn = arn }, cancellationToken).ConfigureAwait(false);
            return ToDictionary(response.Attributes);
        }
        catch (AwsApiException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    private async Task<IReadOnlyDictionary<string, string>> ModifyAttributesAsync(string arn, IReadOnlyDictionary<string, string> attributes, CancellationToken cancellationToken)
    {
        var response = await elbv2.ModifyTargetGroupAttributesAsync(new()
        {
            TargetGroupArn = arn,
            Attributes = [.. attributes.Select(a => new Aws.Elbv2.Attribute { Key = a.Key, Value = a.Value })],
        }, cancellationToken).ConfigureAwait(false);
        return ToDictionary(response.Attributes);
    }

    private static Dictionary<string, string> ToDictionary(IReadOnlyList<Aws.Elbv2.Attribute>? attributes) =>
        (attributes ?? []).Where(a => a.Key is not null).ToDictionary(a => a.Key!, a => a.Value ?? "", StringComparer.Ordinal);

    /// <summary>The observed value of an attribute; the desired one when the attributes were not read (no drift known).</summary>
    private static string? Attribute(TargetGroupObserved observed, string key, TargetGroupDesired desired) =>
        observed.Attributes is null ? desired.Attributes[key] : observed.Attributes.GetValueOrDefault(key);

    private async Task<IReadOnlyList<TargetGroupObserved>> LoadAllAsync(CancellationToken cancellationToken)
    {
        var all = new List<TargetGroup>();
        await foreach (var group in elbv2.DescribeTargetGroupsAllAsync(new(), cancellationToken).ConfigureAwait(false))
        {
            if (group.TargetType == Elbv2Statuses.TargetTypeAlb && group.TargetGroupArn is not null)
            {
                all.Add(group);
            }
        }

        var tags = await Elbv2Tags.ReadAsync(elbv2, [.. all.Select(g => g.TargetGroupArn!)], cancellationToken).ConfigureAwait(false);
        // The snapshot leaves the attributes unread (one call per group); live reads see their drift.
        return [.. all.Select(g => ToObserved(g, Elbv2Tags.Of(tags, g.TargetGroupArn!))).Where(o => Elbv2Tags.InCluster(o.Tags, cluster))];
    }

    private static TargetGroupObserved ToObserved(TargetGroup group, IReadOnlyDictionary<string, string> tags) => new(
        group.TargetGroupArn ?? "",
        group.TargetGroupName ?? "",
        group.VpcId,
        group.Port,
        group.Protocol,
        group.TargetType,
        new TargetGroupHealthCheck(
            group.HealthCheckProtocol ?? "",
            group.HealthCheckPath ?? "",
            group.HealthCheckPort ?? "",
            group.HealthCheckIntervalSeconds ?? 0,
            group.HealthCheckTimeoutSeconds ?? 0,
            group.HealthyThresholdCount ?? 0,
            group.UnhealthyThresholdCount ?? 0,
            group.Matcher?.HttpCode ?? ""),
        group.LoadBalancerArns ?? [],
        tags);

    private static TargetHealthObserved ToHealth(TargetHealthDescription d) => new(
        d.Target?.Id ?? "",
        d.Target?.Port,
        d.TargetHealth?.State ?? "",
        d.TargetHealth?.Reason,
        d.TargetHealth?.Description);
}
