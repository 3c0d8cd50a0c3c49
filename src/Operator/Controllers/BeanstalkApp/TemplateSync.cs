using System.Text;
using System.Text.RegularExpressions;
using Ebops.Operator.Aws.Core;
using Ebops.Operator.Resources;
using Ebops.Operator.Resources.ElasticBeanstalk;
using Ebops.Operator.Runtime.Cache;
using Ebops.Operator.Runtime.Reconciliation;
using O = Ebops.Operator.Aws.ElasticBeanstalk.ElasticBeanstalkOptions;

namespace Ebops.Operator.Controllers.BeanstalkApp;

/// <summary>
/// The app's configuration template: planned from the spec, the network, the security group and envFrom; every
/// setting checked before anything is written (an error is Stalled on the spec field it came from); then created or
/// updated with exactly what differs. The database password is read from its Secret only when the hash the Secret
/// cache holds differs from the hash of the value the template already has.
/// </summary>
internal sealed partial class TemplateSync(ConfigurationTemplateManager templates, ISecretStore secretStore)
{
    /// <summary>
    /// Reads the template (when the application exists) and plans the desired one. <paramref name="previous"/> is an
    /// earlier plan of this reconcile, whose database password is reused instead of read again.
    /// </summary>
    public async Task<TemplateState> ObserveAsync(AppContext ctx, EbEnvironmentNetwork network, string? securityGroupId, EnvFromResolution env,
        bool applicationExists, CancellationToken cancellationToken, TemplatePlan? previous = null)
    {
        var name = TemplatePlanner.TemplateName(ctx.Spec);
        var observed = applicationExists
            ? await Guard(() => templates.ReadAsync(ctx.ApplicationName, name, cancellationToken)).ConfigureAwait(false)
            : null;
        var database = env.Effective;
        string? password = null;
        if (database is not null && !(ctx.Spec.Env?.ContainsKey(O.RdsPassword) ?? false))
        {
            password = previous?.Desired.Find(new EbOptionKey(O.ApplicationEnvironment, O.RdsPassword))?.Value
                ?? await PasswordAsync(ctx, database, observed, cancellationToken).ConfigureAwait(false);
            if (password is null)
            {
                return TemplateState.WaitingFor($"waiting for key {database.SecretKey} of Secret {database.SecretName}, the master password of RdsDatabase {database.Name}");
            }
        }

        var plan = TemplatePlanner.Plan(ctx.Spec, ctx.Owner, network, securityGroupId, database, password, ctx.Status.AppliedOptionSettings ?? []);
        return new TemplateState(plan, observed, observed is null ? Delta.Empty : templates.Diff(plan.Desired, observed), null);
    }

    /// <summary>
    /// Checks every desired setting (the platform's catalogue; ValidateConfigurationSettings against the existing
    /// template). Problems end in a <see cref="TerminalException"/> on the spec field of the first one, listing all.
    /// </summary>
    public async Task ValidateAsync(TemplateState state, CancellationToken cancellationToken)
    {
        var plan = state.Plan!;
        var problems = await Guard(() => templates.ValidateAsync(plan.Desired, state.Observed is not null, cancellationToken)).ConfigureAwait(false);
        if (problems.Count == 0)
        {
            return;
        }

        var message = new StringBuilder("Elastic Beanstalk does not accept ");
        message.AppendJoin("; ", problems.Select(p => $"{p.Key} ({plan.PathOf(p.Key)}): {p.Message}"));
        throw new TerminalException(message.ToString(), plan.PathOf(problems[0].Key), BeanstalkAppReasons.InvalidOption);
    }

    /// <summary>Creates the template or updates what differs; returns it as AWS now has it.</summary>
    public async Task<EbTemplateObserved> ApplyAsync(TemplateState state, CancellationToken cancellationToken)
    {
        var plan = state.Plan!;
        return state.Observed is null
            ? await Write(plan, () => templates.CreateAsync(plan.Desired, cancellationToken)).ConfigureAwait(false)
            : state.Delta.IsEmpty ? state.Observed
            : await Write(plan, () => templates.UpdateAsync(plan.Desired, state.Observed, state.Delta, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Deletes the app's other ebops templates (made for an earlier platform); environments keep their own copy.</summary>
    public async Task DeleteStaleAsync(AppContext ctx, EbApplicationObserved application, CancellationToken cancellationToken)
    {
        var current = TemplatePlanner.TemplateName(ctx.Spec);
        foreach (var name in application.ConfigurationTemplates.Where(t => t != current && t.StartsWith(TemplatePlanner.TemplatePrefix(ctx.ApplicationName), StringComparison.Ordinal)))
        {
            await AwsFailures.GuardAsync("spec.platform", () => templates.DeleteAsync(ctx.ApplicationName, name, cancellationToken)).ConfigureAwait(false);
        }
    }

    /// <summary>The spec fields behind a delta of the template.</summary>
    public static IEnumerable<string> PathsOf(TemplatePlan plan, Delta delta) =>
        plan.PathsOf(delta.Fields.Select(EbOptionKey.Parse).OfType<EbOptionKey>());

    private async Task<string?> PasswordAsync(AppContext ctx, DatabaseConnection database, EbTemplateObserved? observed, CancellationToken cancellationToken)
    {
        var current = observed?.ValueOf(new EbOptionKey(O.ApplicationEnvironment, O.RdsPassword));
        if (current is not null && EbTemplateDesired.Sha256(current) == database.PasswordHash)
        {
            return current;
        }

        var data = await secretStore.ReadAsync(ctx.Namespace, database.SecretName, cancellationToken).ConfigureAwait(false);
        return data is not null && data.TryGetValue(database.SecretKey, out var bytes) ? Encoding.UTF8.GetString(bytes) : null;
    }

    /// <summary>A terminal error of a read: the platform (an unknown solution stack or platform ARN) is what the user can fix.</summary>
    private static Task<T> Guard<T>(Func<Task<T>> call) => AwsFailures.GuardAsync("spec.platform", call);

    /// <summary>A terminal error of a write names the spec field of the option EB complains about, when its message names one.</summary>
    private static async Task<T> Write<T>(TemplatePlan plan, Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (AwsApiException e) when (e.IsTerminal)
        {
            var match = OptionInMessage().Match(e.ErrorMessage);
            var field = match.Success ? plan.PathOf(new EbOptionKey(match.Groups["ns"].Value, match.Groups["name"].Value)) : "spec.optionSettings";
            throw AwsFailures.Terminal(e, field);
        }
    }

    // EB names the option in its validation errors: "... (Namespace: 'aws:autoscaling:asg', OptionName: 'MinSize'): ...".
    [GeneratedRegex("Namespace: '(?<ns>[^']*)', OptionName: '(?<name>[^']*)'")]
    private static partial Regex OptionInMessage();
}
