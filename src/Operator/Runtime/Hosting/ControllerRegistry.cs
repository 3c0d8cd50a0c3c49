namespace Ebops.Operator.Runtime.Hosting;

/// <summary>Which kinds have controllers (one per kind) and whether any of them references Secrets.</summary>
internal sealed class ControllerRegistry
{
    private readonly HashSet<Type> kinds = [];

    public bool ReferencesSecrets { get; private set; }

    public IReadOnlyCollection<Type> Kinds => kinds;

    public void Add(Type entity, bool referencesSecrets)
    {
        if (!kinds.Add(entity))
        {
            throw new InvalidOperationException($"A controller for {entity.Name} is already registered.");
        }

        ReferencesSecrets |= referencesSecrets;
    }
}
