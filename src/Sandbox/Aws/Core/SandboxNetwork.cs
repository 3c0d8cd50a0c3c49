namespace Ebops.Sandbox.Aws.Core;

/// <summary>
/// The account, region and default network the simulator starts with, as a fresh AWS account has a default VPC.
/// config/samples references these ids so that the samples run unchanged against the sandbox; against a real account
/// users replace them with their own.
/// </summary>
public static class SandboxNetwork
{
    public const string AccountId = "123456789012";
    public const string Region = "ap-northeast-2";
    public const string VpcId = "vpc-0a1b2c3d4e5f67890";
    public const string VpcCidr = "172.31.0.0/16";
    public const string SubnetA = "subnet-0aaa1111bbbb22220";
    public const string SubnetAZone = "ap-northeast-2a";
    public const string SubnetACidr = "172.31.0.0/20";
    public const string SubnetC = "subnet-0ccc3333dddd44440";
    public const string SubnetCZone = "ap-northeast-2c";
    public const string SubnetCCidr = "172.31.16.0/20";

    /// <summary>Credentials the simulator accepts unless configured otherwise (never real credentials).</summary>
    public const string AccessKeyId = "AKIASANDBOXEBOPS0001";
    public const string SecretAccessKey = "sandbox/ebops/secret/access/key/000000001";
}
