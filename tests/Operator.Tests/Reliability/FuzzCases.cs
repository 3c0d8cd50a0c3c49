using CsCheck;
using Ebops.Operator.Entities;

namespace Ebops.Operator.Tests.Reliability;

/// <summary>
/// The generator of fuzz cases (CsCheck, from a fixed seed, so a run is reproducible): a kind, then one to three
/// mutations of its spec (mostly a value of the same type from pools of valid and invalid ones, else a removed field
/// or a value of any type) or of the ebops annotations (valid and invalid values).
/// </summary>
internal static class FuzzCases
{
    private static readonly string[] Kinds = [RdsDatabase.KindName, BeanstalkApp.KindName, NlbFrontend.KindName, BlueGreenRelease.KindName];

    private static readonly (string Name, string[] Values)[] Annotations =
    [
        ("ebops.io/paused", ["true", "false", "nope"]),
        ("ebops.io/deletion-policy", ["retain", "delete", "maybe"]),
        ("ebops.io/poll-interval", ["30s", "-5m", "bogus", "0s"]),
        ("ebops.io/adoption-policy", ["adopt", "adopt-or-create", "x"]),
    ];

    private static readonly Gen<SpecMutation> Mutation = Gen.Frequency(
        (6, Gen.Select(Gen.Int[0, 10_000], Gen.Int[0, 10_000], (pick, value) => new SpecMutation(MutationMode.SameType, pick, value))),
        (2, Gen.Int[0, 10_000].Select(pick => new SpecMutation(MutationMode.Remove, pick, 0))),
        (1, Gen.Select(Gen.Int[0, 10_000], Gen.Int[0, 10_000], (pick, value) => new SpecMutation(MutationMode.AnyValue, pick, value))),
        (1, Gen.Select(Gen.Int[0, Annotations.Length - 1], Gen.Int[0, 3], (a, v) =>
            new SpecMutation(MutationMode.Annotation, 0, 0, Annotations[a].Name, Annotations[a].Values[v % Annotations[a].Values.Length]))));

    private static readonly Gen<(string Kind, SpecMutation[] Mutations)> Case =
        Gen.Select(Gen.Int[0, Kinds.Length - 1], Mutation.Array[1, 3], (kind, mutations) => (Kinds[kind], mutations));

    /// <summary><paramref name="count"/> cases from <paramref name="seed"/>, numbered from 0.</summary>
    public static IReadOnlyList<FuzzCase> Generate(ulong seed, int count)
    {
        var pcg = new PCG(1, seed);
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var (kind, mutations) = Case.Generate(pcg, null, out _);
            return new FuzzCase(i, kind, mutations);
        })];
    }
}
