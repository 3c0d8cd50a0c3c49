namespace Ebops.Operator.Tests.Architecture;

/// <summary>
/// A room of the code: the namespaces it holds (<c>X</c> is X alone, <c>X.*</c> is X and everything under it; the most
/// specific pattern wins) and the layers it may import. A layer may always use itself and anything outside every
/// declared layer (System, Microsoft, AWS SDK, ...).
/// </summary>
internal sealed record Layer(string Name, IReadOnlyList<string> Namespaces, IReadOnlyList<string> Uses)
{
    /// <summary>How specifically this layer claims <paramref name="ns"/>: the pattern's length, or -1 when it does not.</summary>
    public int Claims(string ns) => Namespaces
        .Select(p => p.EndsWith(".*", StringComparison.Ordinal)
            ? (ns == p[..^2] || ns.StartsWith(p[..^1], StringComparison.Ordinal) ? p.Length : -1)
            : (ns == p ? p.Length + 2 : -1))
        .DefaultIfEmpty(-1)
        .Max();
}
