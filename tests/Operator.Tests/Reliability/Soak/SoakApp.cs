using System.Globalization;
using System.Text.Json.Nodes;
using Ebops.Operator.Entities;
using Ebops.Operator.Tests.Controllers.Support.Release;
using k8s;
using Bgr = Ebops.Operator.Entities.BlueGreenRelease;

namespace Ebops.Operator.Tests.Reliability.Soak;

/// <summary>
/// One application of the soak: the samples' BeanstalkApp, NlbFrontend (not for CnameSwap) and BlueGreenRelease renamed
/// <c>soakNN</c>, with the cut-over method of its index (NlbSwitch, NlbWeighted, CnameSwap in turn; NlbWeighted shifts
/// 25 % for 60 s, then 100 %). Each release has a version label of its own (<c>soakNN-vK</c>), so a fault can break one
/// application's version and no other.
/// </summary>
internal sealed class SoakApp(int index)
{
    private static readonly CutoverMethod[] Methods = [CutoverMethod.NlbSwitch, CutoverMethod.NlbWeighted, CutoverMethod.CnameSwap];

    public string Name { get; } = "soak" + (index + 1).ToString("D2", CultureInfo.InvariantCulture);

    public CutoverMethod Cutover => Methods[index % Methods.Length];

    public bool HasFrontend => Cutover != CutoverMethod.CnameSwap;

    public string Frontend => Name + "-frontend";

    /// <summary>The label of release <paramref name="number"/> (0: the first).</summary>
    public string Label(int number) => $"{Name}-v{number}";

    /// <summary>Uploads the bundle of <paramref name="label"/>.</summary>
    public void PutBundle(ReleaseWorld world, string label) => world.Sim.S3.PutObject(ReleaseWorld.Bucket, BundleKey(label), [1, 2, 3]);

    /// <summary>Creates the application's objects, its first release at <paramref name="label"/>.</summary>
    public async Task CreateAsync(ReleaseWorld world, string label)
    {
        PutBundle(world, label);
        var app = ReleaseSamples.BeanstalkApp();
        app.Metadata.Name = Name;
        app.Spec.ApplicationName = Name;
        await world.CreateAsync(app);
        if (HasFrontend)
        {
            var frontend = ReleaseSamples.NlbFrontend();
            frontend.Metadata.Name = Frontend;
            frontend.Spec.BackendRef.Name = Name;
            await world.CreateAsync(frontend);
        }

        var release = ReleaseSamples.BlueGreenRelease(label, HasFrontend);
        release.Metadata.Name = Name;
        release.Spec.AppRef.Name = Name;
        release.Spec.FrontendRef = HasFrontend ? new() { Name = Frontend } : null;
        release.Spec.Version = Version(label);
        release.Spec.Strategy.Cutover = Cutover;
        // Blue is kept until drained, at most as long as the ALB keeps a client's connection alive (both 3600 s by
        // default): a kept-alive connection to blue is then closed, by its client or gracefully by the ALB, before blue
        // is terminated. (The samples' 600 s resets the connections of clients still busy on blue at that moment.)
        release.Spec.Strategy.BlueRetention.MaxSeconds = new BlueRetention().MaxSeconds;
        if (Cutover == CutoverMethod.NlbWeighted)
        {
            release.Spec.Strategy.Steps = [new TrafficStep { Weight = 25, PauseSeconds = 60 }, new TrafficStep { Weight = 100 }];
            release.Spec.Strategy.Analysis.MinRequests = 3;
        }

        await world.CreateAsync(release);
    }

    /// <summary><c>kubectl patch bgr soakNN --type merge</c> with the version <paramref name="label"/> (its bundle uploaded first).</summary>
    public Task SetVersionAsync(ReleaseWorld world, string label)
    {
        PutBundle(world, label);
        return world.PatchAsync<Bgr>(Name, new JsonObject
        {
            ["spec"] = new JsonObject { ["version"] = JsonNode.Parse(KubernetesJson.Serialize(Version(label))) },
        });
    }

    private string BundleKey(string label) => $"{Name}/{label}.zip";

    private ReleaseVersion Version(string label) => new()
    {
        Label = label,
        SourceBundle = new SourceBundle { S3Bucket = ReleaseWorld.Bucket, S3Key = BundleKey(label) },
    };
}
