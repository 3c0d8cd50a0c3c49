using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Ebops.Operator.Runtime.Hosting;

/// <summary>
/// The default leader Lease name: <c>ebops-leader</c> for an unsharded operator; per label selector, so each shard
/// (one Deployment per selector) elects its own leader: <c>ebops-leader-&lt;selector, lowercased, runs of other
/// characters as one '-', at most 30&gt;-&lt;8 hex digits of its SHA-256&gt;</c>, a valid Lease name for any selector.
/// </summary>
internal static class ShardLeaseNames
{
    public const string Default = "ebops-leader";

    private const int ReadablePart = 30;

    public static string For(string? labelSelector)
    {
        if (string.IsNullOrWhiteSpace(labelSelector))
        {
            return Default;
        }

        var readable = new StringBuilder();
        foreach (var c in labelSelector.Trim().ToLowerInvariant())
        {
            var keep = c is (>= 'a' and <= 'z') or (>= '0' and <= '9');
            if (keep)
            {
                readable.Append(c);
            }
            else if (readable.Length > 0 && readable[^1] != '-')
            {
                readable.Append('-');
            }
        }

        var text = readable.ToString(0, Math.Min(readable.Length, ReadablePart)).Trim('-');
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(labelSelector.Trim())))[..8];
        return string.Create(CultureInfo.InvariantCulture, $"{Default}-{(text.Length > 0 ? text + "-" : "")}{hash}");
    }
}
