using System.Globalization;

namespace Ebops.Operator.Resources.Ec2;

/// <summary>
/// One inbound rule the way EC2 stores it: a protocol and port range from ONE peer, an IPv4 CIDR or a security group.
/// Two rules are the same rule when protocol, ports and peer are (<see cref="Key"/>); the description does not count,
/// as for EC2 (authorizing the same rule with another description is a duplicate).
/// </summary>
public sealed record IngressRule(string Protocol, int? FromPort, int? ToPort, string? Cidr, string? SourceGroupId, string? Description = null)
{
    public const string Tcp = "tcp";

    /// <summary>EC2's protocol value for "all traffic" (no ports).</summary>
    public const string AllProtocols = "-1";

    /// <summary>TCP <paramref name="port"/> from an IPv4 CIDR block.</summary>
    public static IngressRule TcpFromCidr(int port, string cidr, string? description = null) => new(Tcp, port, port, cidr, null, description);

    /// <summary>TCP <paramref name="port"/> from the members of security group <paramref name="groupId"/>.</summary>
    public static IngressRule TcpFromGroup(int port, string groupId, string? description = null) => new(Tcp, port, port, null, groupId, description);

    /// <summary>The rule's identity, e.g. <c>tcp/3306-3306 from 10.0.0.0/16</c> or <c>tcp/3306-3306 from sg-0123</c>.</summary>
    public string Key => $"{Protocol}/{Port(FromPort)}-{Port(ToPort)} from {Cidr ?? SourceGroupId}";

    private static string Port(int? port) => port?.ToString(CultureInfo.InvariantCulture) ?? "*";
}
