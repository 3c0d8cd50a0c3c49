namespace Ebops.Operator.Resources;

/// <summary>How fresh a read must be.</summary>
public enum ReadMode
{
    /// <summary>A shared snapshot of every owned object is good enough (steady-state polls): one paginated describe serves
    /// every object of the type, so a poll costs a fraction of a call per object.</summary>
    Cached,

    /// <summary>A shared snapshot a few seconds old at most, loaded after this key's last write (polling an object
    /// while AWS works on it): one describe serves every object waiting on AWS at the same time.</summary>
    Recent,

    /// <summary>Ask AWS now (after a write, while transitional, when acting on the answer).</summary>
    Live,
}
