using Ebops.Operator.Cli.Demo;

namespace Ebops.EndToEnd.Tests.Stack;

/// <summary>
/// The sample BlueGreenRelease (same names, NLB switch, automatic promotion) with the demo's short clocks: two gate
/// rounds 5 s apart (eb-health and target-health; the http check needs the simulator's probe proxy), no bake and blue
/// retired once drained. The bundles are the demo's, stored in the simulator's S3 where the sample points.
/// </summary>
internal static class SampleRelease
{
    public const string Name = "myapp";
    public const string Bucket = "ebops-sandbox-bundles";

    /// <summary>Stores the bundles of <paramref name="labels"/> in the in-process simulator's S3.</summary>
    public static void SeedBundles(EbopsStack stack, params string[] labels)
    {
        var simulator = stack.Aws.Simulator ?? throw new InvalidOperationException("the bundles are stored in the in-process simulator's S3");
        DemoBundles.Seed(simulator.World.S3, Bucket, "myapp/myapp-1.0.1.zip", "1.0.1", labels);
    }

    public static string Manifest(string label) => $$"""
        apiVersion: ebops.io/v1alpha1
        kind: BlueGreenRelease
        metadata:
          name: {{Name}}
        spec:
          appRef: {name: {{SampleSetup.App}}}
          frontendRef: {name: {{SampleSetup.Frontend}}}
          version:
            label: "{{label}}"
            sourceBundle: {s3Bucket: {{Bucket}}, s3Key: myapp/myapp-{{label}}.zip}
          strategy:
            cutover: NlbSwitch
            autoPromotion: true
            autoPromotionSeconds: 0
            bakeSeconds: 0
            blueRetention: {minSeconds: 0, untilDrained: true}
            abortGreenRetentionSeconds: 0
          healthGate:
            intervalSeconds: 5
            consecutiveSuccesses: 2
            failureLimit: 2
            checks:
            - name: eb-health
              ebHealth: {minStatus: Ok}
            - name: target-health
              targetHealth: {}
        """;

    /// <summary>Applies the release of <paramref name="label"/> (creating it, or changing its version).</summary>
    public static async Task ApplyAsync(EbopsStack stack, string label) =>
        (await stack.KubectlWithInputAsync(Manifest(label), "apply", "-f", "-")).EnsureSuccess("apply the release of " + label);

    /// <summary>Waits until the release has put <paramref name="label"/> in service and the app reports it as active.</summary>
    public static async Task WaitSucceededAsync(EbopsStack stack, string label)
    {
        await stack.WaitAsync($"--for=jsonpath={{.status.stableVersion}}={label}", "bgr/" + Name);
        await stack.WaitAsync($"--for=jsonpath={{.status.activeVersion}}={label}", "ebapp/" + SampleSetup.App);
    }
}
