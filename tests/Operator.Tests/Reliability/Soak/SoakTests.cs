using Ebops.Operator.Entities;

namespace Ebops.Operator.Tests.Reliability.Soak;

/// <summary>
/// Many applications released again and again under load and random AWS faults, one operator throughout (see
/// <see cref="SoakRun"/>): 3 applications × 2 releases by default, 50 × 20 with <c>EBOPS_LONG_TESTS=1</c> (or the sizes
/// of <c>EBOPS_SOAK_APPS</c> and <c>EBOPS_SOAK_RELEASES</c>). Prints its figures (seed, releases, requests and failures
/// by cut-over method, faults, memory at start, middle and end, what the emulator and the simulator retain); with
/// <c>EBOPS_SOAK_PROGRESS</c> set to a file, also appends them there as they come (the long run's progress).
/// </summary>
public sealed class SoakTests
{
    [Fact]
    public async Task Every_release_ends_as_its_faults_call_for_nothing_is_duplicated_and_no_request_through_an_nlb_switch_fails()
    {
        var settings = SoakSettings.Current;
        var progress = Environment.GetEnvironmentVariable("EBOPS_SOAK_PROGRESS");
        var figures = await new SoakRun(settings, line =>
        {
            TestContext.Current.TestOutputHelper?.WriteLine(line);
            if (!string.IsNullOrEmpty(progress))
            {
                File.AppendAllText(progress, line + Environment.NewLine);
            }
        }).RunAsync();

        Assert.Equal(settings.Apps * settings.Releases, figures.Releases);
        Assert.Equal(0, figures.Failed(CutoverMethod.NlbSwitch));
    }
}
