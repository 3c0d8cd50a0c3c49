namespace Ebops.Operator.Controllers.BeanstalkApp;

/// <summary>
/// The resolved <c>spec.envFrom</c>: every referenced database ready, or what ebops waits for.
/// <paramref name="Fingerprint"/> changes whenever anything the template takes from them changes (endpoint, names,
/// the password's hash), which triggers a full template comparison.
/// </summary>
internal sealed record EnvFromResolution(IReadOnlyList<DatabaseConnection> Databases, string? Waiting, string Fingerprint)
{
    /// <summary>The database whose values fill RDS_*: the last one (later sources win, as in Kubernetes envFrom).</summary>
    public DatabaseConnection? Effective => Databases.Count > 0 ? Databases[^1] : null;
}
