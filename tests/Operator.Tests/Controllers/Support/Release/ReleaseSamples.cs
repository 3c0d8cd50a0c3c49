using Ebops.Operator.Entities;
using Ebops.Sandbox.Aws.Core;

namespace Ebops.Operator.Tests.Controllers.Support.Release;

/// <summary>The mission's app in the sandbox network (no database unless a test adds one), its NLB and its release.</summary>
internal static class ReleaseSamples
{
    public const string App = "myapp";
    public const string Frontend = "myapp-frontend";
    public const string Database = "myapp-db";
    public const string Release = "myapp";
    public const string Stack = "64bit Amazon Linux 2023 v4.3.0 running Corretto 17";

    public static string BundleKey(string label) => $"myapp/myapp-{label}.zip";

    public static string Environment(DeploymentColor color) => color == DeploymentColor.Blue ? "myapp-blue" : "myapp-green";

    public static Ebops.Operator.Entities.BeanstalkApp BeanstalkApp() => new()
    {
        Metadata = new() { Name = App },
        Spec = new BeanstalkAppSpec
        {
            ApplicationName = App,
            Platform = new EbPlatform { SolutionStackName = Stack },
            Capacity = new EbCapacity { Min = 2, Max = 4, InstanceType = "t3.small" },
            Network = new EbNetwork { VpcId = SandboxNetwork.VpcId, InstanceSubnets = [SandboxNetwork.SubnetA, SandboxNetwork.SubnetC] },
        },
    };

    /// <summary>The sample's MySQL database (time_zone Asia/Seoul, rebooted at once to apply it), 3306 open to the app.</summary>
    public static Ebops.Operator.Entities.RdsDatabase RdsDatabase() => new()
    {
        Metadata = new() { Name = Database },
        Spec = new RdsDatabaseSpec
        {
            Identifier = Database,
            DbName = "myapp",
            Network = new RdsNetwork
            {
                Subnets = [SandboxNetwork.SubnetA, SandboxNetwork.SubnetC],
                SecurityGroup = new RdsSecurityGroup { Ingress = [new() { Port = 3306, FromSecurityGroupOf = new() { Name = App } }] },
            },
            MasterPassword = new MasterPasswordSource { SecretRef = new() { Name = "myapp-db-master", Key = "password" }, GenerateIfMissing = true },
            Parameters = new RdsParameters { Overrides = new() { ["time_zone"] = "Asia/Seoul" }, RebootPolicy = RebootPolicy.Immediate },
            Deletion = new RdsDeletion { FinalSnapshot = false },
        },
    };

    /// <summary>The app with its environment variables filled from <see cref="RdsDatabase"/>.</summary>
    public static Ebops.Operator.Entities.BeanstalkApp BeanstalkAppWithDatabase()
    {
        var app = BeanstalkApp();
        app.Spec.EnvFrom = [new EnvFromSource { RdsDatabaseRef = new() { Name = Database } }];
        return app;
    }

    public static Ebops.Operator.Entities.NlbFrontend NlbFrontend() => new()
    {
        Metadata = new() { Name = Frontend },
        Spec = new NlbFrontendSpec
        {
            Subnets = [new() { SubnetId = SandboxNetwork.SubnetA, Allocate = true }, new() { SubnetId = SandboxNetwork.SubnetC, Allocate = true }],
            HealthCheck = new NlbHealthCheck { IntervalSeconds = 10, HealthyThresholdCount = 3, UnhealthyThresholdCount = 3 },
            BackendRef = new() { Name = App },
        },
    };

    /// <summary>
    /// A release of <paramref name="label"/> with short, realistic timings: gate every 10 s, 3 passing rounds, a 60 s
    /// bake, blue kept 120 s and until drained (at most 600 s), an aborted green kept 300 s.
    /// </summary>
    public static Ebops.Operator.Entities.BlueGreenRelease BlueGreenRelease(string label, bool frontend = true) => new()
    {
        Metadata = new() { Name = Release },
        Spec = new BlueGreenReleaseSpec
        {
            AppRef = new() { Name = App },
            FrontendRef = frontend ? new() { Name = Frontend } : null,
            Version = Version(label),
            Strategy = new ReleaseStrategy
            {
                BakeSeconds = 60,
                BlueRetention = new BlueRetention { MinSeconds = 120, UntilDrained = true, MaxSeconds = 600 },
                CnameDrainSeconds = 360,
                AbortGreenRetentionSeconds = 300,
                InstanceHourlyPrice = "0.0208",
            },
            HealthGate = new HealthGate { IntervalSeconds = 10, ConsecutiveSuccesses = 3, FailureLimit = 3 },
        },
    };

    public static ReleaseVersion Version(string label) => new()
    {
        Label = label,
        SourceBundle = new SourceBundle { S3Bucket = ReleaseWorld.Bucket, S3Key = BundleKey(label) },
    };
}
