using Ebops.Operator.Resources;
using Ebops.Operator.Resources.ElasticBeanstalk;
using Ebops.Operator.Runtime.Reconciliation;

namespace Ebops.Operator.Controllers.BeanstalkApp;

/// <summary>The app's Elastic Beanstalk application: observe (with the ownership rules), then create, adopt or update.</summary>
internal sealed class ApplicationSync(ApplicationManager applications)
{
    public const string Component = "application";

    /// <summary>The spec field behind each field of the application's delta.</summary>
    public static readonly IReadOnlyDictionary<string, string> SpecPaths = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Lifecycle.Enabled"] = "spec.versionLifecycle",
        ["Lifecycle.MaxCount"] = "spec.versionLifecycle.maxCount",
        ["Lifecycle.DeleteSourceFromS3"] = "spec.versionLifecycle.deleteSourceFromS3",
        ["ServiceRole"] = "spec.serviceRole",
    };

    public static EbApplicationDesired Desired(AppContext ctx) => new(
        ctx.ApplicationName,
        $"Managed by ebops for BeanstalkApp {ctx.Namespace}/{ctx.Name}",
        ctx.Spec.ServiceRole,
        ctx.Spec.VersionLifecycle is { } lifecycle ? new EbVersionLifecycleRule(lifecycle.MaxCount, lifecycle.DeleteSourceFromS3) : null,
        ctx.Owner.Tags(Component));

    /// <summary>
    /// Reads the application. The first time ebops meets it (its ARN is not in status yet) the tags decide: ours
    /// (an earlier attempt or incarnation) is taken over, an unmanaged one needs an adoption policy, another owner's is
    /// a conflict. A missing one under <c>adopt</c> is a terminal error.
    /// </summary>
    public async Task<ApplicationState> ObserveAsync(AppContext ctx, ReadMode mode, CancellationToken cancellationToken)
    {
        var desired = Desired(ctx);
        var observed = await applications.ReadAsync(ctx.ApplicationName, mode, cancellationToken).ConfigureAwait(false);
        if (observed is null)
        {
            if (ctx.Policy.Adoption == AdoptionPolicy.Adopt)
            {
                throw new TerminalException($"Elastic Beanstalk application {ctx.ApplicationName} does not exist, and adopt does not create it (use adopt-or-create)",
                    "metadata.annotations." + Entities.EbopsAnnotations.AdoptionPolicy, BeanstalkAppReasons.AdoptionTargetMissing);
            }

            return new ApplicationState(desired, null, false, Delta.Empty);
        }

        var adopt = false;
        if (!string.Equals(ctx.Status.ApplicationArn, observed.Arn, StringComparison.Ordinal))
        {
            var tags = await applications.ReadTagsAsync(observed, cancellationToken).ConfigureAwait(false);
            if (!ctx.Owner.Owns(tags, Component))
            {
                var conflict = ResourceOwner.IsManaged(tags)
                    ? UnmanagedResourceException.OwnedByOther("Elastic Beanstalk application", ctx.ApplicationName, tags)
                    : ctx.Policy.Adoption == AdoptionPolicy.None ? UnmanagedResourceException.NotManaged("Elastic Beanstalk application", ctx.ApplicationName) : null;
                if (conflict is not null)
                {
                    throw new TerminalException(conflict.Message, "spec.applicationName", BeanstalkAppReasons.NotManaged);
                }

                adopt = true;
            }
        }

        return new ApplicationState(desired, observed, adopt, applications.Diff(desired, observed));
    }

    /// <summary>Creates, adopts or updates the application as <paramref name="state"/> says; returns it as AWS now has it.</summary>
    public async Task<EbApplicationObserved> ApplyAsync(ApplicationState state, CancellationToken cancellationToken)
    {
        if (state.Observed is null)
        {
            return await AwsFailures.GuardAsync("spec.applicationName", () => applications.CreateAsync(state.Desired, cancellationToken)).ConfigureAwait(false);
        }

        var observed = state.Observed;
        if (state.Adopt)
        {
            await AwsFailures.GuardAsync("spec.applicationName",
                () => applications.TagAsync(observed, state.Desired.Tags, adopted: true, cancellationToken)).ConfigureAwait(false);
        }

        if (state.Delta.IsEmpty)
        {
            return observed;
        }

        var field = SpecPaths.TryGetValue(state.Delta.Fields[0], out var path) ? path : "spec.versionLifecycle";
        return await AwsFailures.GuardAsync(field, () => applications.UpdateAsync(state.Desired, observed, state.Delta, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Steady-state check from the shared snapshot: the application is the one in status and in line with the spec.</summary>
    public async Task<bool> InLineAsync(AppContext ctx, CancellationToken cancellationToken) =>
        await applications.ReadAsync(ctx.ApplicationName, ReadMode.Cached, cancellationToken).ConfigureAwait(false) is { } observed
        && observed.Arn == ctx.Status.ApplicationArn
        && applications.Diff(Desired(ctx), observed).IsEmpty;

    /// <summary>The spec fields behind a delta of the application.</summary>
    public static IEnumerable<string> PathsOf(Delta delta) =>
        delta.Fields.Select(f => SpecPaths.TryGetValue(f, out var path) ? path : "spec");
}
