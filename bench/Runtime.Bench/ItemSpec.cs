namespace Ebops.Bench.Runtime;

public sealed class ItemSpec
{
    public int Index { get; set; }
}
