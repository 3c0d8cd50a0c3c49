using System.Security.Cryptography;
using System.Text;
using Ebops.Operator.Runtime.Cache;

namespace Ebops.Operator.Runtime.Reconciliation;

/// <summary>
/// A short hash of the cached resourceVersions of the objects an object references ("-" for a missing one). Written
/// to status.stalledReferences when the object stalls: while it is unchanged (and the generation too) the stall
/// holds, across restarts; any create, change or delete of a referenced object changes it.
/// </summary>
internal static class ReferenceFingerprint
{
    /// <summary>Null when there are no references.</summary>
    public static string? Of(IReadOnlyCollection<ReferencedObject> references, string? @namespace, InformerRegistry informers)
    {
        if (references.Count == 0)
        {
            return null;
        }

        var lines = references.Distinct()
            .OrderBy(r => r.Kind, StringComparer.Ordinal)
            .ThenBy(r => r.Name, StringComparer.Ordinal)
            .Select(r => $"{r.Kind}/{r.Name}={informers.Get(r.Kind).ResourceVersionOf(new ResourceKey(@namespace, r.Name)) ?? "-"}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines))))[..32];
    }
}
