namespace Ebops.Operator.Runtime.Cache;

/// <summary>Every informer of the process, by kind: what reference tracking and stall fingerprints look up.</summary>
internal sealed class InformerRegistry
{
    private readonly Dictionary<string, IInformer> byKind;

    public InformerRegistry(IEnumerable<IInformer> informers)
    {
        All = [.. informers];
        byKind = All.ToDictionary(i => i.Kind, StringComparer.Ordinal);
    }

    public IReadOnlyList<IInformer> All { get; }

    /// <summary>The informer of <paramref name="kind"/>; throws when the kind is not cached (a registration is missing).</summary>
    public IInformer Get(string kind) => byKind.TryGetValue(kind, out var informer)
        ? informer
        : throw new InvalidOperationException(
            $"{kind} is referenced but not cached: register it with services.AddResourceCache<{kind}>() (or AddController).");
}
