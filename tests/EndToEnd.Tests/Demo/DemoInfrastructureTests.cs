using Ebops.Operator.Cli.Demo;
using Ebops.Operator.Entities;
using Ebops.Tests.Shared;
using k8s;

namespace Ebops.EndToEnd.Tests.Demo;

/// <summary>
/// The demo's first half in-process: the emulator with the CRDs, the simulator at the demo's time scale, the operator
/// through ebops run's host and controllers, the bundles seeded and config/samples' database, app and frontend applied
/// until all three are Ready, as the plain progress reports it; the master password (the sample's Secret, created with a
/// known value) nowhere in the progress, the debug log, events, status or metrics.
/// </summary>
public sealed class DemoInfrastructureTests
{
    private const string KnownPassword = "Kn0wn-demo-Pa55word-4e9b21";

    [Fact]
    public async Task The_samples_infrastructure_becomes_ready_under_the_operator_the_demo_runs()
    {
        var ct = TestContext.Current.CancellationToken;
        var settings = new DemoSettings { LogLevel = Microsoft.Extensions.Logging.LogLevel.Debug };
        var output = Directory.CreateTempSubdirectory("ebops-demo-");
        var progress = new StringWriter();
        try
        {
            await using (var sandbox = await DemoSandbox.StartAsync(settings, RepoPaths.Config("crds"), output.FullName, ct))
            {
                await sandbox.StartOperatorAsync(settings, ct);
                var samples = SampleManifests.Load(RepoPaths.Config("samples"));
                DemoBundles.Seed(sandbox.Aws.World.S3, "ebops-sandbox-bundles", "myapp/myapp-1.0.1.zip", "1.0.1", ["1.0.1"]);
                await using var observer = new DemoObserver(sandbox.Client, samples.Names("default"), new PlainProgress(progress), TimeProvider.System, settings.PollInterval);
                observer.Start();
                await samples.CreateMasterSecretAsync(sandbox.Client, "default", KnownPassword, ct);
                foreach (var kind in new[] { EbopsKinds.RdsDatabase, EbopsKinds.BeanstalkApp, EbopsKinds.NlbFrontend })
                {
                    await SampleManifests.CreateAsync(sandbox.Client, "default", samples.Of(kind), ct);
                }

                var ready = await observer.WaitAsync(
                    s => Ready(s.Database) && Ready(s.App) && Ready(s.Frontend), settings.StepTimeout, "infrastructure Ready", ct);

                Assert.Equal("available", ready.Database!.Status!.InstanceStatus);
                Assert.Equal(2, ready.Frontend!.Status!.StaticIps!.Count);
                Assert.NotNull(sandbox.OperatorMetrics);
                Assert.Contains(sandbox.InstalledCrds, c => c.Contains("bluegreenreleases.ebops.io", StringComparison.Ordinal));

                // The known password is the one in use: the connection Secret carries it.
                var connection = await sandbox.Client.CoreV1.ReadNamespacedSecretAsync(ready.Database.Spec.ConnectionSecret!.Name, "default", cancellationToken: ct);
                Assert.Equal(KnownPassword, System.Text.Encoding.UTF8.GetString(connection.Data["password"]));
                var leaks = await DemoLeaks.FindAsync(sandbox, KnownPassword, [("progress", progress.ToString())], ct);
                Assert.True(leaks.Count == 0, string.Join('\n', leaks));
            }

            var lines = progress.ToString();
            foreach (var name in new[] { "rdsdatabases/myapp-db", "beanstalkapps/myapp", "nlbfrontends/myapp-frontend" })
            {
                Assert.Matches($@"\[\d\d:\d\d\.\d\] {name}: Ready=True", lines);
            }

            var log = File.ReadAllText(Path.Combine(output.FullName, "ebops.log"));
            Assert.Contains("Ebops.Operator", log, StringComparison.Ordinal);
            Assert.Matches(@" Debug +Ebops\.Operator\.", log);
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    private static bool Ready(ICustomResource? resource) =>
        Ebops.Operator.Runtime.Status.Conditions.IsTrue(resource?.StatusBase, ConditionTypes.Ready);
}
