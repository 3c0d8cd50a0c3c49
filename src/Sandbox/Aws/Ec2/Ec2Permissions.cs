using System.Net;
using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Aws.Ec2;

/// <summary>EC2's rules for security group permissions: protocol names and numbers, port ranges, IPv4 CIDRs.</summary>
internal static class Ec2Permissions
{
    /// <summary>The protocol in EC2's stored form (tcp, udp, icmp, -1) with its port range (null for -1).</summary>
    public static (string Protocol, int? From, int? To) Normalize(string? protocol, int? from, int? to)
    {
        var normalized = protocol?.ToLowerInvariant() switch
        {
            null => throw SimErrors.Missing("IpProtocol"),
            "-1" or "all" => "-1",
            "6" or "tcp" => "tcp",
            "17" or "udp" => "udp",
            "1" or "icmp" => "icmp",
            var other => throw SimErrors.Invalid($"Invalid value '{other}' for IP protocol. Unknown protocol."),
        };
        if (normalized == "-1")
        {
            return ("-1", null, null);
        }

        if (from is null || to is null)
        {
            throw new AwsSimException(Ec2Errors.PermissionMalformed, "Must specify both from and to ports with TCP/UDP/ICMP.");
        }

        if (normalized != "icmp" && (from < 0 || to > 65535 || from > to))
        {
            throw SimErrors.Invalid($"Invalid value 'Invalid port range {from}-{to}' for portRange.");
        }

        return (normalized, from, to);
    }

    /// <summary>Throws InvalidParameterValue unless <paramref name="cidr"/> is an IPv4 CIDR block.</summary>
    public static void CheckCidr(string cidr)
    {
        var parts = cidr.Split('/');
        if (parts.Length != 2 || !IPAddress.TryParse(parts[0], out var ip) || ip.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork
            || !int.TryParse(parts[1], out var bits) || bits is < 0 or > 32)
        {
            throw SimErrors.Invalid($"CIDR block {cidr} is malformed");
        }
    }

    /// <summary>How EC2 names a rule's traffic in its duplicate-rule message.</summary>
    public static string Describe(Ec2Rule rule) =>
        rule.Protocol == "-1" ? "ALL" : $"{rule.Protocol.ToUpperInvariant()}, from port: {rule.FromPort}, to port: {rule.ToPort}";
}
