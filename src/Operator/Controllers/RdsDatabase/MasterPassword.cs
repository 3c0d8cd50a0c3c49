using Ebops.Operator.Resources.Rds;

namespace Ebops.Operator.Controllers.RdsDatabase;

/// <summary>
/// The master password as the controller knows it: the SHA-256 the Secret cache holds for it (always), and the value
/// itself only when this pass generated it (otherwise it is read live, once, when AWS needs it).
/// </summary>
internal sealed record MasterPassword(string Sha256, SecretText? Value);
