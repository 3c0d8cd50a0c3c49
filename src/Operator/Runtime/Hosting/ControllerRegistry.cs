namespace Ebops.Operator.Runtime.Hosting;

/// <summary>Which kinds have a controller (at most one per kind) or a cache, recorded while services are registered.</summary>
internal sealed class ControllerRegistry
{
    private readonly HashSet<Type> controlled = [];
    private readonly HashSet<Type> cached = [];

    /// <summary>True when at least one controller is registered (then Secrets are watched too).</summary>
    public bool HasControllers => controlled.Count > 0;

    public void AddController(Type entity)
    {
        if (!controlled.Add(entity))
        {
            throw new InvalidOperationException($"A controller for {entity.Name} is already registered.");
        }
    }

    /// <summary>Returns true the first time a cache for <paramref name="entity"/> is asked for.</summary>
    public bool AddCache(Type entity) => cached.Add(entity);
}
