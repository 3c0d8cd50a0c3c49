namespace Ebops.Sandbox.Aws.Core;

/// <summary>
/// What the Elastic Beanstalk, ELBv2 and RDS simulations need from the simulated EC2 (VPCs, subnets, security groups,
/// Elastic IPs). Implemented by the EC2 simulation; the other services depend only on this interface. Every member takes
/// <see cref="SimWorld.Gate"/> itself.
/// </summary>
public interface ISimNetwork
{
    /// <summary>Returns the VPC id and availability zone of a subnet, or null when the subnet does not exist.</summary>
    (string VpcId, string AvailabilityZone)? FindSubnet(string subnetId);

    /// <summary>Adds a VPC with the given subnets and its <c>default</c> security group (tests use it for "different
    /// VPC" and multi-zone cases); returns the VPC id.</summary>
    string AddVpc(string cidrBlock, params (string SubnetId, string Cidr, string Zone)[] subnets);

    /// <summary>The default VPC's subnets (used when a caller names none, as EB does).</summary>
    IReadOnlyList<string> DefaultSubnets();

    /// <summary>A snapshot of every security group by id.</summary>
    IReadOnlyDictionary<string, SecurityGroupInfo> SecurityGroups { get; }

    /// <summary>True when the security group exists.</summary>
    bool SecurityGroupExists(string groupId);

    /// <summary>Creates a security group owned by a service (EB creates one per environment); returns its id.</summary>
    string CreateServiceSecurityGroup(string vpcId, string name, string description, IReadOnlyDictionary<string, string> tags);

    /// <summary>Deletes a security group created with <see cref="CreateServiceSecurityGroup"/>; no-op when absent.</summary>
    void DeleteServiceSecurityGroup(string groupId);

    /// <summary>The public IP of an Elastic IP allocation, or null when the allocation does not exist.</summary>
    string? FindElasticIp(string allocationId);

    /// <summary>
    /// Associates an allocation with a load balancer's network interface. Throws <see cref="AwsSimException"/>
    /// (InvalidAllocationID.NotFound, or an in-use error) as AWS would.
    /// </summary>
    void AssociateElasticIp(string allocationId, string networkInterfaceId);

    /// <summary>Releases the association made by <see cref="AssociateElasticIp"/>; no-op when not associated.</summary>
    void DisassociateElasticIp(string allocationId);
}
