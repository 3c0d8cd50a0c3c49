namespace Ebops.Operator.Runtime.Controllers;

/// <summary>
/// Which objects reference which Secrets. Controllers refresh an object's entry on every reconcile; the Secret watcher
/// calls <see cref="SecretChanged"/>, which re-queues every dependent (clearing a terminal stall).
/// </summary>
public sealed class SecretDependencyIndex
{
    private readonly object gate = new();
    private readonly Dictionary<ResourceKey, HashSet<(ISecretDependent Owner, ResourceKey Key)>> bySecret = [];
    private readonly Dictionary<(ISecretDependent Owner, ResourceKey Key), ResourceKey[]> byObject = [];

    /// <summary>How many (object, Secret) references are known.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return bySecret.Values.Sum(s => s.Count);
            }
        }
    }

    internal void Set(ISecretDependent owner, ResourceKey key, IEnumerable<string> secretNames)
    {
        var secrets = secretNames.Where(n => !string.IsNullOrEmpty(n)).Distinct(StringComparer.Ordinal)
            .Select(n => new ResourceKey(key.Namespace, n)).ToArray();
        lock (gate)
        {
            RemoveLocked(owner, key);
            if (secrets.Length == 0)
            {
                return;
            }

            byObject[(owner, key)] = secrets;
            foreach (var secret in secrets)
            {
                if (!bySecret.TryGetValue(secret, out var dependents))
                {
                    dependents = [];
                    bySecret[secret] = dependents;
                }

                dependents.Add((owner, key));
            }
        }
    }

    internal void Remove(ISecretDependent owner, ResourceKey key)
    {
        lock (gate)
        {
            RemoveLocked(owner, key);
        }
    }

    /// <summary>The objects that reference <paramref name="secret"/>.</summary>
    public IReadOnlyList<ResourceKey> DependentsOf(ResourceKey secret)
    {
        lock (gate)
        {
            return bySecret.TryGetValue(secret, out var dependents) ? [.. dependents.Select(d => d.Key)] : [];
        }
    }

    /// <summary>Re-queues every object that references <paramref name="secret"/>.</summary>
    public void SecretChanged(ResourceKey secret)
    {
        List<(ISecretDependent Owner, ResourceKey Key)> dependents;
        lock (gate)
        {
            if (!bySecret.TryGetValue(secret, out var set))
            {
                return;
            }

            dependents = [.. set];
        }

        foreach (var (owner, key) in dependents)
        {
            owner.OnReferencedSecretChanged(key);
        }
    }

    private void RemoveLocked(ISecretDependent owner, ResourceKey key)
    {
        if (!byObject.Remove((owner, key), out var old))
        {
            return;
        }

        foreach (var secret in old)
        {
            if (bySecret.TryGetValue(secret, out var dependents) && dependents.Remove((owner, key)) && dependents.Count == 0)
            {
                bySecret.Remove(secret);
            }
        }
    }
}
