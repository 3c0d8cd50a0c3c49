using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Ebops.Bench.Runtime;
using Ebops.Operator.Runtime.Hosting;
using Ebops.Sandbox.Kube;
using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// Runtime benchmark: N objects of one kind against the Kubernetes API emulator, reconciled by a controller that only
// sets a condition. The emulator runs in a child process so the memory printed is the operator's alone.
// Usage: dotnet run --project bench/Runtime.Bench -c Release [-- --objects 1000 --workers 2]
if (args.Length >= 2 && args[0] == "serve")
{
    return await ServeAsync(int.Parse(args[1], CultureInfo.InvariantCulture));
}

var objects = Arg("--objects", 1000);
var workers = Arg("--workers", 2);
// Started as `dotnet Runtime.Bench.dll` the host needs the assembly path; started through the apphost (`dotnet run`)
// it must not get it, or the child would take it for its first argument and run the whole benchmark again.
var host = Environment.ProcessPath!;
string[] serveArgs = ["serve", objects.ToString(CultureInfo.InvariantCulture)];
string[] childArgs = Path.GetFileNameWithoutExtension(host) == "dotnet" ? [typeof(Item).Assembly.Location, .. serveArgs] : serveArgs;
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
        ["Operator:ResyncPeriod"] = "00:00:00",
        ["Logging:LogLevel:Default"] = "Warning",
    },
    services =>
    {
        services.AddSingleton<IKubernetes>(client);
        services.AddSingleton(seen);
        services.AddController<Item, ConditionOnlyController>();
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
while (counter.StatusPatches < objects && clock.Elapsed < deadline)
{
    await Task.Delay(5);
}

var elapsed = clock.Elapsed;
var heap = GC.GetGCMemoryInfo();
var managed = GC.GetTotalMemory(false);
await sampling.CancelAsync();
await sampler;
process.Refresh();
var peak = process.PeakWorkingSet64;
var requests = counter.ByCall.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}");
await app.StopAsync();
child.StandardInput.Close();
await child.WaitForExitAsync();

var reconciled = seen.Count;
Console.WriteLine($"objects                     {objects}");
Console.WriteLine($"workers                     {workers}");
Console.WriteLine($"reconciled once (distinct)  {reconciled}{(reconciled < objects ? "  (DEADLINE HIT)" : "")}");
Console.WriteLine($"reconcile calls             {seen.Values.Sum()}");
Console.WriteLine($"time until all reconciled   {elapsed.TotalSeconds:F2} s (runtime start -> last status write)");
Console.WriteLine($"reconciles per second       {reconciled / elapsed.TotalSeconds:F0}");
Console.WriteLine($"API requests (operator)     {counter.Total}: {string.Join(", ", requests)}");
Console.WriteLine($"requests per object         {(double)counter.Total / objects:F2}");
Console.WriteLine($"RSS before start            {rssBefore / 1048576.0:F1} MB (Process.WorkingSet64)");
Console.WriteLine($"RSS peak, sampled /20ms     {maxSampled / 1048576.0:F1} MB (max Process.WorkingSet64)");
Console.WriteLine($"RSS peak, kernel high-water {peak / 1048576.0:F1} MB (Process.PeakWorkingSet64 = VmHWM, whole process life)");
Console.WriteLine($"GC heap after run           {heap.HeapSizeBytes / 1048576.0:F1} MB (GCMemoryInfo.HeapSizeBytes), live {managed / 1048576.0:F1} MB, allocated {GC.GetTotalAllocatedBytes() / 1048576.0:F0} MB total");
return 0;

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
    await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(KubernetesJson.Deserialize<V1CustomResourceDefinition>(Item.Crd));
    await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
    {
        var item = new Item
        {
            ApiVersion = "bench.ebops.io/v1",
            Kind = "Item",
            Metadata = new V1ObjectMeta { Name = $"item-{i:D5}", NamespaceProperty = "bench" },
            Spec = new ItemSpec { Index = i },
        };
        await client.CustomObjects.CreateNamespacedCustomObjectAsync(item, "bench.ebops.io", "v1", "bench", "items", cancellationToken: ct);
    });
    Console.WriteLine($"READY {kubeconfig}");
    await Console.In.ReadToEndAsync();
    return 0;
}
