using System.Reflection;
using System.Text.Json.Nodes;
using Amazon.EC2;
using Amazon.S3;
using Ebops.Operator.Aws.Ec2;
using Ebops.Operator.Aws.ElasticBeanstalk;
using Ebops.Operator.Aws.Elbv2;
using Ebops.Operator.Aws.Rds;
using Ebops.Operator.Aws.S3;
using Ebops.Operator.Controllers;
using Ebops.Operator.Resources;
using Ebops.Tests.Shared;

namespace Ebops.Operator.Tests.Deployment;

/// <summary>
/// config/iam/policy.json grants exactly the actions the AWS clients can call (read from the code: the operations of
/// the generated Query clients, and the SDK calls the EC2 and S3 facades make), every write scoped by the ownership tag.
/// </summary>
public sealed class IamPolicyTests
{
    /// <summary>Where IAM names an operation differently (AWS API reference and Service Authorization Reference).</summary>
    private static readonly Dictionary<string, string[]> IamNames = new(StringComparer.Ordinal)
    {
        // UpdateTagsForResource is authorized as two virtual actions, one per list it may carry.
        ["elasticbeanstalk:UpdateTagsForResource"] = ["elasticbeanstalk:AddTags", "elasticbeanstalk:RemoveTags"],
        // HeadObject (GetObjectMetadata in the SDK) is authorized as s3:GetObject.
        ["s3:GetObjectMetadata"] = ["s3:GetObject"],
    };

    private static JsonObject Policy() => JsonNode.Parse(File.ReadAllText(RepoPaths.Get("config", "iam", "policy.json")))!.AsObject();

    private static IEnumerable<JsonObject> Statements() => Policy()["Statement"]!.AsArray().Select(s => s!.AsObject());

    private static IEnumerable<string> Actions(JsonObject statement) => statement["Action"]!.AsArray().Select(a => (string)a!);

    /// <summary>The operations of a generated Query client: one per request type its interface takes.</summary>
    private static IEnumerable<string> QueryOperations(Type api, string prefix) =>
        api.GetMethods()
            .Select(m => m.GetParameters().FirstOrDefault()?.ParameterType.Name)
            .Where(n => n is not null && n.EndsWith("Request", StringComparison.Ordinal))
            .Select(n => $"{prefix}:{n![..^"Request".Length]}")
            .Distinct();

    /// <summary>Calls every method of a facade over a recording SDK client and returns the SDK operations it used.</summary>
    private static async Task<IEnumerable<string>> FacadeOperationsAsync<TFacade, TSdk>(Func<TSdk, TFacade> create, string prefix)
        where TSdk : class
    {
        var sdk = DispatchProxy.Create<TSdk, RecordingProxy>();
        var facade = create(sdk);
        foreach (var method in typeof(TFacade).GetMethods())
        {
            var args = method.GetParameters().Select(p => Dummy(p.ParameterType)).ToArray();
            await (Task)method.Invoke(facade, args)!;
        }

        return ((RecordingProxy)(object)sdk).Calls.Select(c => $"{prefix}:{c[..^"Async".Length]}").Distinct();
    }

    private static object? Dummy(Type type)
    {
        if (type == typeof(string))
        {
            return "x";
        }

        if (type == typeof(CancellationToken))
        {
            return CancellationToken.None;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            return Array.CreateInstance(type.GetGenericArguments()[0], 0);
        }

        return type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)
            ? Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(type.GetGenericArguments()))
            : null;
    }

    private static async Task<SortedSet<string>> ImplementedAsync()
    {
        var operations = new List<string>();
        operations.AddRange(QueryOperations(typeof(IElasticBeanstalkApi), "elasticbeanstalk"));
        operations.AddRange(QueryOperations(typeof(IElbv2Api), "elasticloadbalancing"));
        operations.AddRange(QueryOperations(typeof(IRdsApi), "rds"));
        operations.AddRange(await FacadeOperationsAsync<IEc2Api, IAmazonEC2>(sdk => new Ec2Api(sdk), "ec2"));
        operations.AddRange(await FacadeOperationsAsync<IS3Api, IAmazonS3>(sdk => new S3Api(sdk), "s3"));
        return new SortedSet<string>(operations.SelectMany(o => IamNames.GetValueOrDefault(o, [o])), StringComparer.Ordinal);
    }

    [Fact]
    public async Task The_policy_grants_exactly_the_actions_the_clients_implement()
    {
        var implemented = await ImplementedAsync();
        Assert.Contains("ec2:AllocateAddress", implemented);
        Assert.Contains("elasticbeanstalk:SwapEnvironmentCNAMEs", implemented);

        var granted = new SortedSet<string>(Statements().SelectMany(Actions), StringComparer.Ordinal);

        Assert.Equal(implemented, granted);
    }

    [Fact]
    public void Only_reads_go_unscoped_and_every_write_needs_the_ownership_tag()
    {
        var cluster = new ControllerSettings().ClusterName;
        Assert.Equal("2012-10-17", (string?)Policy()["Version"]);
        foreach (var statement in Statements())
        {
            Assert.Equal("Allow", (string?)statement["Effect"]);
            Assert.All(Actions(statement), a => Assert.DoesNotContain("*", a, StringComparison.Ordinal));
            if (statement["Condition"] is JsonObject condition)
            {
                var only = Assert.Single(condition["StringEquals"]!.AsObject());
                Assert.Contains(only.Key, new[] { $"aws:RequestTag/{OwnershipTags.Cluster}", $"aws:ResourceTag/{OwnershipTags.Cluster}" });
                Assert.Equal(cluster, (string?)only.Value);
                Assert.Single(condition);
                continue;
            }

            foreach (var action in Actions(statement))
            {
                var name = action[(action.IndexOf(':', StringComparison.Ordinal) + 1)..];
                var read = name.StartsWith("Describe", StringComparison.Ordinal) || name.StartsWith("List", StringComparison.Ordinal)
                    || name is "CheckDNSAvailability" or "ValidateConfigurationSettings";
                // The two writes AWS cannot scope by our tag: reading the user's bundle, and a security group's VPC.
                var unscopable = (action == "s3:GetObject" && (string?)statement["Resource"] == "arn:aws:s3:::*/*")
                    || (action == "ec2:CreateSecurityGroup" && (string?)statement["Resource"] == "arn:aws:ec2:*:*:vpc/*");
                Assert.True(read || unscopable, $"{action} is granted without the ownership tag condition");
                Assert.True(!read || (string?)statement["Resource"] == "*", $"{action}: reads stay unscoped");
            }
        }
    }

    [Fact]
    public void Every_create_is_tagged_and_every_change_to_an_existing_object_needs_its_tag()
    {
        var byKey = Statements().Where(s => s["Condition"] is not null)
            .ToLookup(s => s["Condition"]!["StringEquals"]!.AsObject().Single().Key, s => Actions(s).ToHashSet(StringComparer.Ordinal));
        var onCreate = byKey[$"aws:RequestTag/{OwnershipTags.Cluster}"].Single();
        var onExisting = byKey[$"aws:ResourceTag/{OwnershipTags.Cluster}"].Single();

        foreach (var action in Statements().SelectMany(Actions))
        {
            var name = action[(action.IndexOf(':', StringComparison.Ordinal) + 1)..];
            if (name.StartsWith("Create", StringComparison.Ordinal) && name != "CreateListener" && name != "CreateTags" && action != "ec2:CreateSecurityGroup")
            {
                Assert.Contains(action, onCreate);
            }
            else if (name.StartsWith("Delete", StringComparison.Ordinal) || name.StartsWith("Modify", StringComparison.Ordinal)
                || name.StartsWith("Update", StringComparison.Ordinal) || name.StartsWith("Terminate", StringComparison.Ordinal))
            {
                Assert.Contains(action, onExisting);
            }
        }

        Assert.Contains("ec2:CreateSecurityGroup", onCreate);
        Assert.Contains("elasticloadbalancing:CreateListener", onExisting);
    }
}
