using System.Security.Cryptography;
using System.Text;

namespace Ebops.Operator.Resources;

/// <summary>
/// Deterministic AWS names: the same owner always gets the same name, so a retry or a restart finds what an earlier
/// attempt created. A name longer than the service allows is cut and ends with 8 hex characters of a hash of the whole
/// name, which keeps it unique and stable.
/// </summary>
public static class AwsNames
{
    /// <summary>
    /// Joins <paramref name="parts"/> with '-', keeps only characters <paramref name="allowed"/> accepts (lower-casing
    /// where that helps; others become '-'), collapses repeated '-', trims '-' at both ends, and fits the result into <paramref name="maxLength"/>.
    /// </summary>
    public static string Compose(int maxLength, Func<char, bool> allowed, params IReadOnlyList<string> parts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 12);
        var joined = string.Join('-', parts.Where(p => !string.IsNullOrEmpty(p)));
        var builder = new StringBuilder(joined.Length);
        foreach (var c in joined)
        {
            var next = allowed(c) ? c : allowed(char.ToLowerInvariant(c)) ? char.ToLowerInvariant(c) : '-';
            if (next == '-' && builder.Length > 0 && builder[^1] == '-')
            {
                continue;
            }

            builder.Append(next);
        }

        var name = builder.ToString().Trim('-');
        if (name.Length <= maxLength)
        {
            return name;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(joined)))[..8];
        return name[..(maxLength - 9)].TrimEnd('-') + "-" + hash;
    }

    /// <summary>Lower-case letters, digits and '-': the alphabet every AWS name ebops makes is written in.</summary>
    public static bool LowerAlphanumeric(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');

    /// <summary>Letters, digits and '-' (ELBv2 load balancer and target group names, EB environment names).</summary>
    public static bool Alphanumeric(char c) => char.IsAsciiLetterOrDigit(c);
}
