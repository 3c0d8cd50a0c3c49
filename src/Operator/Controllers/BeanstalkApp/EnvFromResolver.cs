using System.Text;
using Ebops.Operator.Entities;
using Ebops.Operator.Resources.ElasticBeanstalk;
using Ebops.Operator.Runtime.Cache;
using Ebops.Operator.Runtime.Status;

namespace Ebops.Operator.Controllers.BeanstalkApp;

/// <summary>
/// Resolves <c>spec.envFrom</c> from the watch caches (no API request): each RdsDatabase must exist and be Ready with
/// an endpoint, and its master password Secret must hold the key. Anything else is something to wait for: the
/// database's controller is still creating it, and the reference re-queues the app when it changes.
/// </summary>
internal sealed class EnvFromResolver(IResourceCache<Entities.RdsDatabase> databases, ISecretCache secrets)
{
    public EnvFromResolution Resolve(Entities.BeanstalkApp app)
    {
        var ns = app.Metadata.NamespaceProperty ?? "";
        var found = new List<DatabaseConnection>();
        var sources = app.Spec.EnvFrom ?? [];
        for (var i = 0; i < sources.Count; i++)
        {
            var name = sources[i].RdsDatabaseRef.Name;
            var db = databases.Get(ns, name);
            if (db is null)
            {
                return Waiting($"waiting for RdsDatabase {name} (spec.envFrom[{i}].rdsDatabaseRef): it does not exist");
            }

            if (!Conditions.IsTrue(db.Status, ConditionTypes.Ready) || db.Status?.Endpoint is not { Address.Length: > 0 } endpoint)
            {
                return Waiting($"waiting for RdsDatabase {name} (spec.envFrom[{i}].rdsDatabaseRef) to be Ready");
            }

            var secretRef = db.Spec.MasterPassword.SecretRef;
            if (HashOf(secrets.Get(ns, secretRef.Name), secretRef.Key) is not { } hash)
            {
                return Waiting($"waiting for key {secretRef.Key} of Secret {secretRef.Name}, the master password of RdsDatabase {name}");
            }

            found.Add(new DatabaseConnection(i, name, endpoint.Address, endpoint.Port ?? 3306, db.Spec.DbName, db.Spec.MasterUsername,
                secretRef.Name, secretRef.Key, hash));
        }

        var fingerprint = new StringBuilder();
        foreach (var d in found)
        {
            fingerprint.Append(d.Index).Append('|').Append(d.Name).Append('|').Append(d.Host).Append('|').Append(d.Port).Append('|')
                .Append(d.DbName).Append('|').Append(d.Username).Append('|').Append(d.PasswordHash).Append('\n');
        }

        return new EnvFromResolution(found, null, EbTemplateDesired.Sha256(fingerprint.ToString()));
    }

    /// <summary>The Secrets <paramref name="app"/>'s databases keep their master passwords in (for the references).</summary>
    public IEnumerable<string> SecretsOf(Entities.BeanstalkApp app)
    {
        var ns = app.Metadata.NamespaceProperty ?? "";
        foreach (var source in app.Spec.EnvFrom ?? [])
        {
            if (databases.Get(ns, source.RdsDatabaseRef.Name) is { } db)
            {
                yield return db.Spec.MasterPassword.SecretRef.Name;
            }
        }
    }

    private static string? HashOf(SecretSummary? secret, string key) =>
        secret is not null && secret.KeyHashes.TryGetValue(key, out var hash) ? hash : null;

    private static EnvFromResolution Waiting(string message) => new([], message, "");
}
