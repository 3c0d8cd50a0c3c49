using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Cache;

namespace Ebops.Operator.Controllers.BeanstalkApp;

/// <summary>
/// What BeanstalkApp reads from the cluster: the RdsDatabases and Secrets of envFrom (watch caches, no request), the
/// password Secret live (only when its hash changed), the app's BlueGreenRelease, and the NlbFrontends in front of it
/// (their deletion comes before the environments').
/// </summary>
internal sealed record BeanstalkAppCaches(
    IResourceCache<Entities.RdsDatabase> Databases,
    ISecretCache Secrets,
    ISecretStore SecretStore,
    IResourceCache<Entities.BlueGreenRelease> Releases,
    IResourceCache<Entities.NlbFrontend> Frontends);
