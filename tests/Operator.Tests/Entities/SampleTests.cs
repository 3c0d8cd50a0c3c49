using System.Text.Json.Nodes;
using Ebops.Operator.Entities;
using Ebops.Sandbox.Aws.Core;
using k8s;
using Ebops.Tests.Shared;

namespace Ebops.Operator.Tests.Entities;

public sealed class SampleTests
{
    public static TheoryData<string> Kinds() => new(EbopsKinds.All.Select(k => k.Kind));

    [Theory]
    [MemberData(nameof(Kinds))]
    public void SampleValidatesAgainstTheGeneratedCrdWithNoErrorsAndNoUnknownFields(string kindName)
    {
        var kind = Samples.Kind(kindName);
        var sample = Samples.Load(kind);
        var validator = Samples.Validator(kind);
        Assert.Empty(validator.UnsupportedRules);
        Assert.Empty(validator.FindUnknownFields(sample));
        Assert.Empty(validator.EvaluateJsonSchema(sample)); // JsonSchema.Net's independent opinion, before defaults
        validator.ApplyDefaults(sample);
        Assert.Empty(validator.Validate(sample, null));
        Assert.Empty(validator.EvaluateJsonSchema(sample));
        // Applying the same sample again is an update that changes nothing: transition rules must pass too.
        Assert.Empty(validator.Validate(sample, sample.DeepClone().AsObject()));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void SampleRoundTripsThroughTheCSharpTypeKeepingEveryField(string kindName)
    {
        // The defaulted sample is what the apiserver stores; the C# type must read and write it without losing or
        // adding anything, which also proves the C# initializers equal the schema defaults.
        var kind = Samples.Kind(kindName);
        var stored = Samples.Load(kind);
        Samples.Validator(kind).ApplyDefaults(stored);

        var typed = Deserialize(stored.ToJsonString(), kind.Type);
        var written = JsonNode.Parse(KubernetesJson.Serialize(typed))!;
        Assert.True(JsonNode.DeepEquals(stored, written), $"stored:  {stored.ToJsonString()}\nwritten: {written.ToJsonString()}");

        var again = KubernetesJson.Serialize(Deserialize(written.ToJsonString(), kind.Type));
        Assert.Equal(written.ToJsonString(), JsonNode.Parse(again)!.ToJsonString());
    }

    [Fact]
    public void RdsDatabaseSampleIsTheMissionsDatabase()
    {
        var db = Parse<RdsDatabase>(EbopsKinds.RdsDatabase);
        Assert.Equal(RdsEngine.Mysql, db.Spec.Engine);
        Assert.StartsWith("8.0", db.Spec.EngineVersion);
        Assert.True(db.Spec.PubliclyAccessible);
        var ingress = db.Spec.Network!.SecurityGroup!.Ingress!;
        Assert.Contains(ingress, r => r.Port == 3306 && r.FromSecurityGroupOf is { Kind: SecurityGroupOwnerKind.BeanstalkApp, Name: "myapp" });
        Assert.Contains(ingress, r => r.Port == 3306 && r.FromCidr == "203.0.113.0/24");
        Assert.Equal("Asia/Seoul", db.Spec.Parameters!.Overrides!["time_zone"]);
        Assert.Equal(RebootPolicy.Immediate, db.Spec.Parameters.RebootPolicy);
        Assert.True(db.Spec.MasterPassword.GenerateIfMissing);
        Assert.NotNull(db.Spec.ConnectionSecret);
        Assert.Equal([SandboxNetwork.SubnetA, SandboxNetwork.SubnetC], db.Spec.Network.Subnets!);
    }

    [Fact]
    public void BeanstalkAppSampleIsTheMissionsApplication()
    {
        var app = Parse<BeanstalkApp>(EbopsKinds.BeanstalkApp);
        Assert.Equal("64bit Amazon Linux 2023 v4.3.0 running Corretto 17", app.Spec.Platform.SolutionStackName);
        Assert.Equal((2, 4), (app.Spec.Capacity.Min, app.Spec.Capacity.Max));
        Assert.Equal(EbLoadBalancerType.Application, app.Spec.LoadBalancer.Type);
        Assert.Equal((80, "/"), (app.Spec.LoadBalancer.ListenerPort, app.Spec.LoadBalancer.HealthCheckPath));
        Assert.Equal("myapp-db", Assert.Single(app.Spec.EnvFrom!).RdsDatabaseRef.Name);
        Assert.Equal(SandboxNetwork.VpcId, app.Spec.Network!.VpcId);
        Assert.Equal([SandboxNetwork.SubnetA, SandboxNetwork.SubnetC], app.Spec.Network.InstanceSubnets);
        Assert.Contains(app.Spec.SecurityGroup!.Ingress!, r => r.Port == 22);
    }

    [Fact]
    public void NlbFrontendSampleAllocatesOneAddressPerSandboxSubnet()
    {
        var nlb = Parse<NlbFrontend>(EbopsKinds.NlbFrontend);
        Assert.Equal([SandboxNetwork.SubnetA, SandboxNetwork.SubnetC], nlb.Spec.Subnets.Select(s => s.SubnetId));
        Assert.All(nlb.Spec.Subnets, s => Assert.True(s.Allocate == true && s.AllocationId is null));
        Assert.Equal((80, NlbProtocol.Tcp), (nlb.Spec.Listener.Port, nlb.Spec.Listener.Protocol));
        Assert.Equal("myapp", nlb.Spec.BackendRef.Name);
    }

    [Fact]
    public void BlueGreenReleaseSampleGatesOnEbHealthTargetHealthAndHttp()
    {
        var release = Parse<BlueGreenRelease>(EbopsKinds.BlueGreenRelease);
        Assert.Equal("1.0.1", release.Spec.Version.Label);
        Assert.Equal(("ebops-sandbox-bundles", "myapp/myapp-1.0.1.zip"), (release.Spec.Version.SourceBundle.S3Bucket, release.Spec.Version.SourceBundle.S3Key));
        Assert.True(release.Spec.Strategy.AutoPromotion);
        var checks = release.Spec.HealthGate.Checks!;
        Assert.Contains(checks, c => c.EbHealth?.MinStatus == EbHealthStatus.Ok);
        Assert.Contains(checks, c => c.TargetHealth is not null);
        Assert.Contains(checks, c => c.Http?.Path == "/");
        Assert.Equal("myapp-frontend", release.Spec.FrontendRef!.Name);
    }

    [Fact]
    public void KustomizationListsEverySample()
    {
        var kustomization = Sandbox.Kube.Validation.YamlDocuments.LoadObject(File.ReadAllText(RepoPaths.Get("config", "samples", "kustomization.yaml")));
        var resources = kustomization["resources"]!.AsArray().Select(r => (string)r!).ToList();
        Assert.Equal(EbopsKinds.All.Select(k => Path.GetFileName(Samples.File(k))).Order(), resources.Order());
    }

    private static object Deserialize(string json, Type type) =>
        typeof(KubernetesJson).GetMethods()
            .Single(m => m.Name == nameof(KubernetesJson.Deserialize) && m.GetParameters() is [{ ParameterType: var p }, _] && p == typeof(string))
            .MakeGenericMethod(type)
            .Invoke(null, [json, null])!;

    private static T Parse<T>(EntityKind kind) => KubernetesJson.Deserialize<T>(Samples.Load(kind).ToJsonString());
}
