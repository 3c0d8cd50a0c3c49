namespace Ebops.Sandbox.Aws.Core;

/// <summary>
/// Generates AWS-shaped identifiers from a seeded random source, so a run with the same seed and the same calls
/// produces the same ids (repeatable tests and state dumps); a null seed draws from an unseeded source. Thread-safe.
/// </summary>
public sealed class SimIds(int? seed, string region, string accountId)
{
    private const string Hex = "0123456789abcdef";
    private const string Decimal = "0123456789";
    private const string LowerAlnum = "abcdefghijklmnopqrstuvwxyz0123456789";
    private readonly Random random = seed is { } s ? new Random(s) : new Random();
    private readonly Lock gate = new();

    /// <summary><paramref name="length"/> lowercase hex digits.</summary>
    public string HexString(int length) => Draw(Hex, length);

    /// <summary><paramref name="length"/> decimal digits.</summary>
    public string Digits(int length) => Draw(Decimal, length);

    /// <summary><paramref name="length"/> lowercase letters and digits.</summary>
    public string Alnum(int length) => Draw(LowerAlnum, length);

    /// <summary>An EC2-style id: <paramref name="prefix"/> + '-' + 17 hex digits (sg-, eipalloc-, eipassoc-, i-, eni-, sgr-).</summary>
    public string Ec2Style(string prefix) => prefix + "-" + HexString(17);

    /// <summary><c>sg-</c> + 17 hex digits.</summary>
    public string SecurityGroupId() => Ec2Style("sg");

    /// <summary><c>eipalloc-</c> + 17 hex digits.</summary>
    public string AllocationId() => Ec2Style("eipalloc");

    /// <summary><c>i-</c> + 17 hex digits.</summary>
    public string InstanceId() => Ec2Style("i");

    /// <summary><c>eni-</c> + 17 hex digits.</summary>
    public string NetworkInterfaceId() => Ec2Style("eni");

    /// <summary>An Elastic Beanstalk environment id: <c>e-</c> + 10 lowercase letters and digits.</summary>
    public string EnvironmentId() => "e-" + Alnum(10);

    /// <summary>A request id in AWS's UUID form (8-4-4-4-12 lowercase hex).</summary>
    public string RequestId() =>
        $"{HexString(8)}-{HexString(4)}-{HexString(4)}-{HexString(4)}-{HexString(12)}";

    /// <summary>An S3 request id: 16 uppercase hex digits.</summary>
    public string S3RequestId() => HexString(16).ToUpperInvariant();

    /// <summary><c>arn:aws:{service}:{region}:{account}:{resource}</c> in this world's region and account.</summary>
    public string Arn(string service, string resource) => $"arn:aws:{service}:{region}:{accountId}:{resource}";

    /// <summary>A random integer in [min, max).</summary>
    public int Next(int min, int max)
    {
        lock (gate)
        {
            return random.Next(min, max);
        }
    }

    private string Draw(string alphabet, int length)
    {
        lock (gate)
        {
            return string.Create(length, (alphabet, random), static (span, state) =>
            {
                for (var i = 0; i < span.Length; i++)
                {
                    span[i] = state.alphabet[state.random.Next(state.alphabet.Length)];
                }
            });
        }
    }
}
