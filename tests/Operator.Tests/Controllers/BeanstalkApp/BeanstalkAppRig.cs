using System.Text.Json;
using Ebops.Operator.Controllers;
using Ebops.Operator.Controllers.BeanstalkApp;
using Ebops.Operator.Entities;
using Ebops.Operator.Resources.Ec2;
using Ebops.Operator.Resources.ElasticBeanstalk;
using Ebops.Operator.Runtime.Reconciliation;
using Ebops.Operator.Runtime.Status;
using Ebops.Tests.Shared;
using Ebops.Operator.Tests.Controllers.Support;
using Ebops.Operator.Tests.Resources.Support;
using Ebops.Sandbox.Aws.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using AppEntity = Ebops.Operator.Entities.BeanstalkApp;

namespace Ebops.Operator.Tests.Controllers.BeanstalkApp;

/// <summary>
/// A BeanstalkApp controller against the AWS simulator (instant lifecycles, fake clock) with fake caches, Secrets and
/// events, capturing every log line. <see cref="ReconcileAsync"/> does what the runtime does with a terminal error
/// (Stalled condition) and rethrows it.
/// </summary>
internal sealed class BeanstalkAppRig : IAsyncDisposable
{
    public const string Namespace = "default";
    public const string Password = "Very-Secret-Db-Password-7431";
    public const string Stack = "64bit Amazon Linux 2023 v4.3.0 running Corretto 17";

    private readonly ILoggerFactory loggers;

    private BeanstalkAppRig(SimulatedAws aws)
    {
        Aws = aws;
        loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        Managers = new BeanstalkAppManagers(
            aws.Create<ApplicationManager>(loggers), aws.Create<ConfigurationTemplateManager>(loggers), aws.Create<EnvironmentManager>(loggers),
            aws.Create<SecurityGroupManager>(loggers), aws.Create<EnvironmentNetworkResolver>(loggers));
        Controller = new BeanstalkAppController(Managers, new BeanstalkAppCaches(Databases, Secrets, Secrets, Releases, Frontends), Schedule,
            Options.Create(Settings), Options.Create(new BeanstalkAppSettings()), Events, aws.Time, loggers.CreateLogger<BeanstalkAppController>());
    }

    public SimulatedAws Aws { get; }

    public ControllerSettings Settings { get; } = new() { ClusterName = SimulatedAws.Cluster };

    public BeanstalkAppManagers Managers { get; }

    public BeanstalkAppController Controller { get; }

    public FakeResourceCache<Ebops.Operator.Entities.RdsDatabase> Databases { get; } = new();

    public FakeResourceCache<Ebops.Operator.Entities.BlueGreenRelease> Releases { get; } = new();

    public FakeResourceCache<Ebops.Operator.Entities.NlbFrontend> Frontends { get; } = new();

    public FakeSecrets Secrets { get; } = new();

    public RecordingEventRecorder Events { get; } = new();

    public CapturingLoggerProvider Logs { get; } = new();

    public TemplateCompareSchedule Schedule { get; } = new();

    /// <summary>Every terminal error the rig saw (their messages are checked for secrets).</summary>
    public List<Exception> Errors { get; } = [];

    public static async Task<BeanstalkAppRig> StartAsync() => new(await SimulatedAws.StartAsync(SimTiming.Instant));

    /// <summary>The mission's app: the sample's spec in the sandbox network, envFrom the database <c>myapp-db</c>.</summary>
    public static AppEntity App(string name = "myapp", Action<BeanstalkAppSpec>? change = null)
    {
        var app = new AppEntity
        {
            Metadata = new() { Name = name, NamespaceProperty = Namespace, Uid = "uid-" + name, Generation = 1, Annotations = new Dictionary<string, string>() },
            Spec = new BeanstalkAppSpec
            {
                ApplicationName = name,
                Platform = new EbPlatform { SolutionStackName = Stack },
                Capacity = new EbCapacity { Min = 2, Max = 4, InstanceType = "t3.small" },
                Network = new EbNetwork { VpcId = SandboxNetwork.VpcId, InstanceSubnets = [SandboxNetwork.SubnetA, SandboxNetwork.SubnetC], AssociatePublicIpAddress = true },
                SecurityGroup = new EbSecurityGroup { Ingress = [new EbIngressRule { Port = 22, FromCidr = "203.0.113.0/24", Description = "SSH from the admin network" }] },
                Env = new Dictionary<string, string> { ["SERVER_PORT"] = "5000" },
                EnvFrom = [new EnvFromSource { RdsDatabaseRef = new LocalObjectReference { Name = "myapp-db" } }],
                VersionLifecycle = new EbVersionLifecycle { MaxCount = 20 },
            },
        };
        change?.Invoke(app.Spec);
        return app;
    }

    /// <summary>Puts a Ready RdsDatabase <paramref name="name"/> and its master password Secret into the caches.</summary>
    public void DatabaseReady(string name = "myapp-db", string password = Password, bool ready = true)
    {
        var db = new Ebops.Operator.Entities.RdsDatabase
        {
            Metadata = new() { Name = name, NamespaceProperty = Namespace, Generation = 1 },
            Spec = new RdsDatabaseSpec
            {
                Identifier = name, DbName = "myapp", MasterUsername = "admin",
                MasterPassword = new MasterPasswordSource { SecretRef = new SecretKeyReference { Name = name + "-master", Key = "password" } },
            },
            Status = new RdsDatabaseStatus { Endpoint = new RdsEndpoint { Address = name + ".abc.ap-northeast-2.rds.amazonaws.com", Port = 3306 } },
        };
        Conditions.Set(db.Status, ConditionTypes.Ready, ready ? ConditionStatus.True : ConditionStatus.False, "Test", null, 1, Aws.Time.GetUtcNow());
        Databases.Put(db);
        Secrets.Set(Namespace, name + "-master", "password", password);
    }

    /// <summary>Changes the spec as a kubectl apply would (the generation moves on).</summary>
    public static void Edit(AppEntity app, Action<BeanstalkAppSpec> change)
    {
        change(app.Spec);
        app.Metadata.Generation = (app.Metadata.Generation ?? 1) + 1;
    }

    public async Task<ReconcileResult> ReconcileAsync(AppEntity app)
    {
        try
        {
            return await Controller.ReconcileAsync(app, TestContext.Current.CancellationToken);
        }
        catch (TerminalException e)
        {
            Errors.Add(e);
            Conditions.MarkStalled(app, Aws.Time, e.Reason, e.UserMessage);
            throw;
        }
        catch (Exception e)
        {
            Errors.Add(e);
            throw;
        }
    }

    public Task<ReconcileResult> FinalizeAsync(AppEntity app) => Controller.FinalizeAsync(app, TestContext.Current.CancellationToken);

    /// <summary>Launches the app's environment of <paramref name="color"/> from its template, as a release would.</summary>
    public async Task<EbEnvironment> LaunchAsync(AppEntity app, string color, string version = "v1")
    {
        var ct = TestContext.Current.CancellationToken;
        const string bucket = "bundles";
        Aws.World.S3.CreateBucket(bucket);
        Aws.World.S3.PutObject(bucket, $"{app.Spec.ApplicationName}/{version}.zip", [1, 2, 3]);
        if (await Aws.ElasticBeanstalk.FindApplicationVersionAsync(app.Spec.ApplicationName, version, ct) is null)
        {
            await Aws.ElasticBeanstalk.CreateApplicationVersionAsync(new()
            {
                ApplicationName = app.Spec.ApplicationName, VersionLabel = version, Process = true,
                SourceBundle = new() { S3Bucket = bucket, S3Key = $"{app.Spec.ApplicationName}/{version}.zip" },
            }, ct);
        }

        var owner = ResourceOwners.For(app, Settings);
        await Managers.Environments.CreateAsync(new EbEnvironmentDesired(app.Spec.ApplicationName, EnvironmentManager.NameFor(app.Spec.ApplicationName, color),
            app.Status!.TemplateName!, version, owner.Tags(EnvironmentManager.ComponentFor(color)), []), ct);
        return (await Managers.Environments.ReadAsync(app.Spec.ApplicationName, EnvironmentManager.NameFor(app.Spec.ApplicationName, color), Operator.Resources.ReadMode.Live, ct))!;
    }

    /// <summary>The template's settings as EB describes them.</summary>
    public async Task<IReadOnlyDictionary<string, string?>> TemplateAsync(AppEntity app)
    {
        var observed = await Managers.Templates.ReadAsync(app.Spec.ApplicationName, app.Status!.TemplateName!, TestContext.Current.CancellationToken);
        return observed!.Settings.ToDictionary(s => s.Key.ToString(), s => s.Value, StringComparer.Ordinal);
    }

    /// <summary>Everything a user or log reader could see: log lines, events, status, error messages.</summary>
    public string Visible(params AppEntity[] apps) => string.Join("\n",
        Logs.Lines.Concat(Events.Events.Select(e => e.Note)).Concat(apps.Select(a => JsonSerializer.Serialize(a)))
            .Concat(Errors.Select(e => e.ToString())));

    public async ValueTask DisposeAsync()
    {
        loggers.Dispose();
        await Aws.DisposeAsync();
    }
}
