namespace Ebops.Operator.Controllers.BeanstalkApp;

/// <summary>
/// What <c>spec.envFrom[Index]</c>'s RdsDatabase contributes: its endpoint, database name and master user, and where
/// its master password lives with the SHA-256 the Secret cache holds for it (never the password itself).
/// </summary>
internal sealed record DatabaseConnection(
    int Index,
    string Name,
    string Host,
    int Port,
    string? DbName,
    string Username,
    string SecretName,
    string SecretKey,
    string PasswordHash)
{
    public string SpecPath => $"spec.envFrom[{Index}].rdsDatabaseRef";
}
