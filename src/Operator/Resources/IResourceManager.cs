namespace Ebops.Operator.Resources;

/// <summary>
/// One AWS resource type, ACK-shaped. Desired and observed states are records. Every method is safe to call again
/// after a crash or a lost response: creates look up by ownership tag (or deterministic name) first, deletes of
/// something already gone succeed. Failures throw <see cref="Aws.Core.AwsApiException"/>.
/// </summary>
public interface IResourceManager<TDesired, TObserved>
    where TDesired : class
    where TObserved : class
{
    /// <summary>The AWS object <paramref name="desired"/> names (by id, deterministic name or ownership tag), or null when it does not exist.</summary>
    Task<TObserved?> ReadAsync(TDesired desired, CancellationToken cancellationToken);

    /// <summary>Pure: the fields where <paramref name="observed"/> differs from <paramref name="desired"/> and that an update can change.</summary>
    Delta Diff(TDesired desired, TObserved observed);

    /// <summary>Creates the object, unless a look-up by ownership tag finds one an earlier attempt created (then returns it).</summary>
    Task<TObserved> CreateAsync(TDesired desired, CancellationToken cancellationToken);

    /// <summary>Changes exactly the fields in <paramref name="delta"/>; returns the object as AWS now describes it.</summary>
    Task<TObserved> UpdateAsync(TDesired desired, TObserved observed, Delta delta, CancellationToken cancellationToken);

    /// <summary>Deletes the object; succeeds when it is already gone.</summary>
    Task DeleteAsync(TObserved observed, CancellationToken cancellationToken);
}
