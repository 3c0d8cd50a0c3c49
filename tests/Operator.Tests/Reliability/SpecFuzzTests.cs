using System.Text.Json;
using System.Text.Json.Nodes;
using Ebops.Operator.Entities;
using Ebops.Operator.Runtime;
using Ebops.Operator.Tests.Controllers.Support.Release;
using k8s;
using k8s.Autorest;

namespace Ebops.Operator.Tests.Reliability;

/// <summary>
/// Randomized spec changes (CsCheck, fixed seed) applied to a running operator in process (the emulator, the simulator,
/// every controller, on a fake clock): the API server refuses a change naming the field, or the object ends Ready,
/// Reconciling with a reason, or Stalled with a message naming a field; and no reconcile crashes (no exception in the
/// operator's log other than a refused or cancelled call). 100 cases by default, 400 with EBOPS_LONG_TESTS=1.
/// </summary>
public sealed class SpecFuzzTests
{
    public const ulong Seed = 20261205;
    private const int CasesPerWorld = 20;

    [Fact]
    public Task A_hundred_random_spec_changes_never_crash_the_operator() => RunAsync(100);

    [Fact]
    public async Task Four_hundred_random_spec_changes_never_crash_the_operator()
    {
        if (Environment.GetEnvironmentVariable("EBOPS_LONG_TESTS") != "1")
        {
            Assert.Skip("the long fuzz run (400 cases): set EBOPS_LONG_TESTS=1");
        }

        await RunAsync(400);
    }

    private static async Task RunAsync(int count)
    {
        var cases = FuzzCases.Generate(Seed, count);
        var failures = new List<string>();
        var (refused, ready, reconciling, stalled) = (0, 0, 0, 0);
        foreach (var batch in cases.Chunk(CasesPerWorld))
        {
            await using var world = await ReleaseWorld.StartAsync();
            world.PutBundle("1.0.1");
            var created = new List<(FuzzCase Case, string Kind, string Name, string Changes)>();
            foreach (var c in batch)
            {
                var (changed, refusal) = await CreateAsync(world, c);
                refused += refusal is null ? 0 : 1;
                if (refusal is not null && !FuzzOutcome.NamesAField(refusal))
                {
                    failures.Add($"case {c.Number} ({changed.Changes}): refused without naming a field: {refusal}");
                }

                created.AddRange(changed.Objects.Select(o => (c, o.Kind, o.Name, changed.Changes)));
            }

            await world.RunForAsync(TimeSpan.FromMinutes(30));
            foreach (var (c, kind, name, changes) in created)
            {
                var manifest = await GetAsync(world, kind, name);
                if (manifest is null)
                {
                    continue;
                }

                var verdict = FuzzOutcome.Judge(manifest);
                (ready, reconciling, stalled) = Count(manifest, ready, reconciling, stalled);
                if (verdict is not null)
                {
                    failures.Add($"case {c.Number} ({changes}): {kind} {name}: {verdict}");
                }
            }

            failures.AddRange(FuzzOutcome.UnexpectedExceptions(world.Logs.Lines).Select(e => $"cases {batch[0].Number}-{batch[^1].Number}: {e} in the operator's log"));
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"fuzz: {count} cases (seed {Seed}): {refused} refused by the API server; objects Ready {ready}, Reconciling {reconciling}, Stalled {stalled}");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static async Task<((List<(string Kind, string Name)> Objects, string Changes), string?)> CreateAsync(ReleaseWorld world, FuzzCase c)
    {
        var objects = new List<(string, string)>();
        var changes = "";
        foreach (var (kind, manifest) in FuzzManifests.Of(c))
        {
            if (kind == c.Kind)
            {
                changes = string.Join("; ", c.Mutations.Select(m => m.ApplyTo(manifest)));
            }

            var meta = MetaOf(kind);
            var name = (string)manifest["metadata"]!["name"]!;
            try
            {
                await world.Client.CustomObjects.CreateNamespacedCustomObjectAsync(manifest, meta.Group, meta.Version, ReleaseWorld.Namespace, meta.Plural,
                    cancellationToken: TestContext.Current.CancellationToken);
                objects.Add((kind, name));
            }
            catch (HttpOperationException e) when (kind == c.Kind && (int)e.Response.StatusCode is 400 or 422)
            {
                return ((objects, changes), e.Response.Content);
            }
        }

        return ((objects, changes), null);
    }

    private static async Task<JsonNode?> GetAsync(ReleaseWorld world, string kind, string name)
    {
        var meta = MetaOf(kind);
        try
        {
            var found = await world.Client.CustomObjects.GetNamespacedCustomObjectAsync(meta.Group, meta.Version, ReleaseWorld.Namespace, meta.Plural, name,
                TestContext.Current.CancellationToken);
            return JsonSerializer.SerializeToNode(found);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private static (int, int, int) Count(JsonNode manifest, int ready, int reconciling, int stalled)
    {
        bool Is(string type) => manifest["status"]?["conditions"]?.AsArray().Any(c => (string?)c!["type"] == type && (string?)c["status"] == "True") == true;
        return Is("Stalled") ? (ready, reconciling, stalled + 1) : Is("Ready") ? (ready + 1, reconciling, stalled) : (ready, reconciling + 1, stalled);
    }

    private static EntityMetadata MetaOf(string kind) => kind switch
    {
        RdsDatabase.KindName => EntityMetadata.For<RdsDatabase>(),
        BeanstalkApp.KindName => EntityMetadata.For<BeanstalkApp>(),
        NlbFrontend.KindName => EntityMetadata.For<NlbFrontend>(),
        _ => EntityMetadata.For<BlueGreenRelease>(),
    };
}
