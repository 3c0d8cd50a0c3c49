using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Ebops.Bench.Runtime;
using Ebops.Operator.Runtime.Hosting;
using Ebops.Sandbox.Kube;
using Ebops.Tests.Shared;
using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// Runtime benchmark: N objects of one kind against the Kubernetes API emulator, reconciled by a controller that only
// sets a condition, first as new objects, then once more by the periodic resync (the steady state). The emulator runs
// in a child process so the memory printed is the operator's alone.
// Usage: dotnet run --project bench/Runtime.Bench -c Release [-- --objects 1000 --workers 2 --resync-seconds 20]
if (args.Length >= 2 && args[0] == "serve")
{
    return await ServeAsync(int.Parse(args[1], CultureInfo.InvariantCulture));
}

var objects = Arg("--objects", 1000);
var workers = Arg("--workers", 2);
var resync = Arg("--resync-seconds", 20);
// Started as `dotnet Runtime.Bench.dll` the host needs the assembly path; started through the apphost (`dotnet run`)
// it must not get it, or the child would take it for its first argument and run the whole benchmark again.
var host = Environment.ProcessPath!;
string[] serveArgs = ["serve", objects.ToString(CultureInfo.InvariantCulture)];
string[] childArgs = Path.GetFileNameWithoutExtension(host) == "dotnet" ? [typeof(ConditionOnlyController).Assembly.Location, .. serveArgs] : serveArgs;
using var child = Process.Start(new ProcessStartInfo(host, childArgs)
{
    RedirectStandardOutput = true,
    RedirectStandardInput = true,
})!;
string? kubeconfig = null;
while (await child.StandardOutput.ReadLineAsync() is { } line)
{
    if (line.StartsWith("READY ", StringComparison.Ordinal))
    {
        kubeconfig = line["READY ".Length..];
        break;
    }
}

if (kubeconfig is null)
{
    Console.Error.WriteLine("the emulator process did not start");
    return 1;
}

var counter = new RequestCounter();
var seen = new ConcurrentDictionary<string, int>();
var client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig), counter);
var app = OperatorHost.Build(
    new Dictionary<string, string?>
    {
        ["Operator:Namespace"] = "bench",
        ["Operator:MetricsPort"] = "0",
        ["Operator:MetricsAddress"] = "127.0.0.1",
        ["Operator:MaxConcurrentReconciles"] = workers.ToString(CultureInfo.InvariantCulture),
        ["Operator:ResyncPeriod"] = TimeSpan.FromSeconds(resync).ToString("c", CultureInfo.InvariantCulture),
        ["Logging:LogLevel:Default"] = "Warning",
    },
    (services, _) =>
    {
        services.AddSingleton<IKubernetes>(client);
        services.AddSingleton(seen);
        services.AddController<Widget, ConditionOnlyController>();
    });

using var process = Process.GetCurrentProcess();
process.Refresh();
var rssBefore = process.WorkingSet64;
var maxSampled = rssBefore;
using var sampling = new CancellationTokenSource();
var sampler = Task.Run(async () =>
{
    while (!sampling.IsCancellationRequested)
    {
        process.Refresh();
        maxSampled = Math.Max(maxSampled, process.WorkingSet64);
        await Task.Delay(20);
    }
});

var clock = Stopwatch.StartNew();
await app.StartAsync();
var deadline = TimeSpan.FromMinutes(5);
while ((seen.Count < objects || counter.StatusPatches < objects) && clock.Elapsed < deadline)
{
    await Task.Delay(5);
}

var elapsed = clock.Elapsed;
var firstPass = counter.Snapshot();
var heap = GC.GetGCMemoryInfo();
var managed = GC.GetTotalMemory(false);

// The steady state: nothing changed, the resync reconciles every object once more.
while (seen.Values.Count(n => n >= 2) < objects && clock.Elapsed < deadline + TimeSpan.FromSeconds(resync * 2))
{
    await Task.Delay(5);
}

var steadyPass = counter.Snapshot();
await sampling.CancelAsync();
await sampler;
process.Refresh();
var peak = process.PeakWorkingSet64;
await app.StopAsync();
child.StandardInput.Close();
await child.WaitForExitAsync();

var reconciled = seen.Count;
var resynced = seen.Values.Count(n => n >= 2);
Console.WriteLine($"objects                     {objects}");
Console.WriteLine($"workers                     {workers}");
Console.WriteLine($"reconciled once (distinct)  {reconciled}{(reconciled < objects ? "  (DEADLINE HIT)" : "")}");
Console.WriteLine($"reconciled again by resync  {resynced}{(resynced < objects ? "  (DEADLINE HIT)" : "")}");
Console.WriteLine($"reconcile calls             {seen.Values.Sum()}");
Console.WriteLine($"time until all reconciled   {elapsed.TotalSeconds:F2} s (runtime start -> last status write)");
Console.WriteLine($"reconciles per second       {reconciled / elapsed.TotalSeconds:F0}");
Console.WriteLine($"API requests, first pass    {Describe(firstPass)}");
Console.WriteLine($"  per reconcile (no list/watch) {RequestCounter.PerObject(firstPass, objects):F2}");
var steady = RequestCounter.Minus(steadyPass, firstPass);
Console.WriteLine($"API requests, resync pass   {Describe(steady)}");
Console.WriteLine($"  per reconcile (no list/watch) {RequestCounter.PerObject(steady, objects):F2}   (target <= 1)");
Console.WriteLine($"RSS before start            {rssBefore / 1048576.0:F1} MB (Process.WorkingSet64)");
Console.WriteLine($"RSS peak, sampled /20ms     {maxSampled / 1048576.0:F1} MB (max Process.WorkingSet64)");
Console.WriteLine($"RSS peak, kernel high-water {peak / 1048576.0:F1} MB (Process.PeakWorkingSet64 = VmHWM, whole process life)");
Console.WriteLine($"GC heap after first pass    {heap.HeapSizeBytes / 1048576.0:F1} MB (GCMemoryInfo.HeapSizeBytes), live {managed / 1048576.0:F1} MB, allocated {GC.GetTotalAllocatedBytes() / 1048576.0:F0} MB total");
return 0;

static string Describe(IReadOnlyDictionary<string, int> calls) =>
    calls.Count == 0 ? "none" : $"{calls.Values.Sum()}: " + string.Join(", ", calls.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));

int Arg(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

static async Task<int> ServeAsync(int count)
{
    await using var emulator = await KubeApiEmulator.StartAsync(new KubeEmulatorOptions { LoggerFactory = LoggerFactory.Create(_ => { }) }, CancellationToken.None);
    var kubeconfig = emulator.WriteKubeconfig(Path.Combine(Path.GetTempPath(), $"ebops-bench-{Environment.ProcessId}", "kubeconfig"));
    var client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig));
    await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "bench" } });
    await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(KubernetesJson.Deserialize<V1CustomResourceDefinition>(Widget.Crd));
    await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
    {
        var widget = Widget.New($"item-{i:D5}", "bench", size: 1 + i % 10);
        await client.CustomObjects.CreateNamespacedCustomObjectAsync(widget, Widget.GroupName, Widget.Version, "bench", Widget.Plural, cancellationToken: ct);
    });
    Console.WriteLine($"READY {kubeconfig}");
    await Console.In.ReadToEndAsync();
    return 0;
}
