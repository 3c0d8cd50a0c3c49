using Ebops.Operator.Resources;
using Ebops.Operator.Runtime.Reconciliation;

namespace Ebops.Operator.Controllers.RdsDatabase;

/// <summary>
/// Create-or-adopt, the same for every AWS object of an RdsDatabase: a create that finds an object with our name but
/// no ebops tags adopts it when the adoption policy allows (tags it, marks it adopted), and otherwise stops with
/// Stalled naming the field; an object of another ebops owner is never taken.
/// </summary>
internal static class Adoption
{
    public const string NotManagedReason = "NotManaged";

    public static async Task<T> CreateOrAdoptAsync<T>(RdsReconcile ctx, string field, Func<Task<T>> create, Func<Task<T?>> find, Func<T, Task<T>> adopt)
        where T : class
    {
        try
        {
            return await AwsFailures.GuardAsync(field, create).ConfigureAwait(false);
        }
        catch (UnmanagedResourceException e) when (!e.IsForeign && ctx.Policy.Adoption != AdoptionPolicy.None)
        {
            var found = await find().ConfigureAwait(false) ?? throw new TransientException($"{e.ResourceType} {e.Identifier} vanished while it was being adopted");
            var adopted = await AwsFailures.GuardAsync(field, () => adopt(found)).ConfigureAwait(false);
            await ctx.EventAsync("Adopted", $"adopted {e.ResourceType} {e.Identifier}", CancellationToken.None).ConfigureAwait(false);
            return adopted;
        }
        catch (UnmanagedResourceException e)
        {
            throw new TerminalException(e.Message, field, NotManagedReason, e);
        }
    }

    /// <summary>The message for <c>adopt</c> when the named object does not exist.</summary>
    public static TerminalException Missing(string what, string key) => new(
        $"adoption-policy adopt: {what} does not exist (use adopt-or-create to have it created)",
        "metadata.annotations." + Entities.EbopsAnnotations.AdoptionFields + "." + key, "AdoptionTargetMissing");
}
