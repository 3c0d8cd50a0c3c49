namespace Ebops.Operator.Resources;

/// <summary>How fresh a read must be.</summary>
public enum ReadMode
{
    /// <summary>A shared snapshot of every owned object is good enough (steady-state polls): one paginated describe serves
    /// every object of the type, so a poll costs a fraction of a call per object.</summary>
    Cached,

    /// <summary>Ask AWS now (after a write, while transitional, when acting on the answer).</summary>
    Live,
}
