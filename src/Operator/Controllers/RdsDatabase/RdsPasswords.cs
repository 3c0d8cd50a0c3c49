using System.Security.Cryptography;

namespace Ebops.Operator.Controllers.RdsDatabase;

/// <summary>Generated master passwords: 32 characters from a CSPRNG, in an alphabet RDS accepts (no '/', '"', '@' or space).</summary>
public static class RdsPasswords
{
    public const int Length = 32;

    /// <summary>Letters, digits and punctuation RDS for MySQL accepts and that need no quoting in a URL or a shell.</summary>
    public const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~!#%^*+=";

    public static string Generate() => RandomNumberGenerator.GetString(Alphabet, Length);
}
