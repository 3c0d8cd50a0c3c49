using System.Globalization;
using System.Text.RegularExpressions;

namespace Ebops.Bench.Release.Fleet;

/// <summary>Samples of a Prometheus text exposition: each series (name, labels) and its value.</summary>
internal sealed partial class PrometheusText
{
    private readonly List<(string Name, IReadOnlyDictionary<string, string> Labels, double Value)> samples;

    private PrometheusText(List<(string Name, IReadOnlyDictionary<string, string> Labels, double Value)> samples) => this.samples = samples;

    public static PrometheusText Parse(string text)
    {
        var samples = new List<(string, IReadOnlyDictionary<string, string>, double)>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#' || Sample().Match(line) is not { Success: true } match)
            {
                continue;
            }

            var labels = Label().Matches(match.Groups["labels"].Value).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);
            if (double.TryParse(match.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                samples.Add((match.Groups["name"].Value, labels, value));
            }
        }

        return new PrometheusText(samples);
    }

    /// <summary>The series of <paramref name="name"/>.</summary>
    public IEnumerable<(IReadOnlyDictionary<string, string> Labels, double Value)> Series(string name) =>
        samples.Where(s => s.Name == name).Select(s => (s.Labels, s.Value));

    /// <summary>The sum of <paramref name="name"/>'s series whose labels satisfy <paramref name="where"/> (all when null).</summary>
    public double Sum(string name, Func<IReadOnlyDictionary<string, string>, bool>? where = null) =>
        Series(name).Where(s => where is null || where(s.Labels)).Sum(s => s.Value);

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)")]
    private static partial Regex Sample();

    [GeneratedRegex(@"(\w+)=""((?:[^""\\]|\\.)*)""")]
    private static partial Regex Label();
}
