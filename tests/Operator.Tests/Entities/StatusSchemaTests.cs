using System.Text.Json.Nodes;
using Ebops.Operator.Entities;
using k8s;

namespace Ebops.Operator.Tests.Entities;

/// <summary>Status as the controllers will write it (through KubernetesJson) is accepted by the CRD schema.</summary>
public sealed class StatusSchemaTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 20, 0, 0, 123, TimeSpan.Zero);

    private static List<Condition> Conditions() =>
    [
        new() { Type = ConditionTypes.Ready, Status = ConditionStatus.False, ObservedGeneration = 3, LastTransitionTime = At, Reason = "Creating", Message = "instance is creating" },
        new() { Type = ConditionTypes.Reconciling, Status = ConditionStatus.True, ObservedGeneration = 3, LastTransitionTime = At, Reason = "Creating" },
    ];

    private static AwsResourceMetadata Aws(string arn) => new() { Arn = arn, Region = "ap-northeast-2", OwnerAccountId = "123456789012" };

    public static TheoryData<string> Kinds() => new(EbopsKinds.All.Select(k => k.Kind));

    [Theory]
    [MemberData(nameof(Kinds))]
    public void FullyPopulatedStatusValidates(string kindName)
    {
        var kind = Samples.Kind(kindName);
        var obj = Samples.Load(kind);
        obj["status"] = JsonNode.Parse(KubernetesJson.Serialize(Status(kindName)));
        var validator = Samples.Validator(kind);
        Assert.Empty(validator.FindUnknownFields(obj));
        validator.ApplyDefaults(obj);
        Assert.Empty(validator.Validate(obj, null));
        Assert.Empty(validator.EvaluateJsonSchema(obj));
    }

    private static object Status(string kind) => kind switch
    {
        RdsDatabase.KindName => new RdsDatabaseStatus
        {
            ObservedGeneration = 3, Conditions = Conditions(), Aws = Aws("arn:aws:rds:ap-northeast-2:123456789012:db:myapp-db"),
            InstanceStatus = "available", Endpoint = new() { Address = "myapp-db.abc.ap-northeast-2.rds.amazonaws.com", Port = 3306 },
            ParameterGroup = new() { Name = "myapp-db", ApplyStatus = "pending-reboot" },
            PendingModifications = new() { ["DBInstanceClass"] = "db.t3.small" }, PasswordSecretHash = "sha256:0f", SecurityGroupId = "sg-0123456789abcdef0",
        },
        BeanstalkApp.KindName => new BeanstalkAppStatus
        {
            ObservedGeneration = 1, Conditions = Conditions(), Aws = Aws("arn:aws:elasticbeanstalk:ap-northeast-2:123456789012:application/myapp"),
            ApplicationArn = "arn:aws:elasticbeanstalk:ap-northeast-2:123456789012:application/myapp",
            Environments =
            [
                new() { Color = DeploymentColor.Blue, Name = "myapp-blue", Id = "e-abc", Status = "Ready", Health = "Green", HealthStatus = "Ok", VersionLabel = "1.0.0", Cname = "myapp-blue.ap-northeast-2.elasticbeanstalk.com", LoadBalancerArn = "arn:aws:elasticloadbalancing:ap-northeast-2:123456789012:loadbalancer/app/awseb-x/1", Instances = new() { Ok = 2 } },
            ],
            ActiveColor = DeploymentColor.Blue, ActiveVersion = "1.0.0", ActiveHealth = "Ok", InstanceSecurityGroupId = "sg-0123456789abcdef1",
        },
        NlbFrontend.KindName => new NlbFrontendStatus
        {
            ObservedGeneration = 1, Conditions = Conditions(), Aws = Aws("arn:aws:elasticloadbalancing:ap-northeast-2:123456789012:loadbalancer/net/myapp/1"),
            DnsName = "myapp-1.elb.ap-northeast-2.amazonaws.com", StaticIps = ["3.3.3.3", "4.4.4.4"],
            Addresses = [new() { SubnetId = "subnet-0aaa1111bbbb22220", AllocationId = "eipalloc-0123456789abcdef0", PublicIp = "3.3.3.3", Owned = true }],
            LoadBalancerArn = "arn:nlb", ListenerArn = "arn:listener",
            TargetGroups = [new() { Color = DeploymentColor.Green, Arn = "arn:tg", AlbArn = "arn:alb", Health = "healthy", TrafficPercent = 100 }],
            ActiveColor = DeploymentColor.Green, ActiveTargetGroupArn = "arn:tg",
            LastSwitch = new() { From = DeploymentColor.Blue, To = DeploymentColor.Green, At = At, DrainingUntil = At.AddMinutes(5) },
        },
        BlueGreenRelease.KindName => new BlueGreenReleaseStatus
        {
            ObservedGeneration = 2, Conditions = Conditions(), Phase = ReleasePhase.Verifying, PhaseSince = At, Message = "gate 2/3",
            StableVersion = "1.0.0", CandidateVersion = "1.0.1", ActiveColor = DeploymentColor.Blue,
            Gate = new() { Passed = false, ConsecutiveSuccesses = 2, Failures = 0, Summary = "2/3", Checks = [new() { Name = "http-root", Phase = GateCheckPhase.Successful, Message = "HTTP 200", LastMeasuredAt = At }] },
            Traffic = new() { ListenerArn = "arn:listener", ActiveTargetGroupArn = "arn:tg", SwitchedAt = At, DrainingUntil = At.AddMinutes(5) },
            PauseReason = "AwaitingPromotion", ExtraCapacity = new() { Instances = 2, Since = At },
            Plan = [new() { Step = "elasticbeanstalk:CreateEnvironment myapp-green", State = PlanStepState.Done }],
            History = [new() { Version = "1.0.0", Outcome = ReleaseOutcome.Succeeded, StartedAt = At, FinishedAt = At.AddMinutes(12) }],
        },
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
