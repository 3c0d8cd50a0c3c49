namespace Ebops.Bench.Release;

/// <summary>A column of a results table: the metric, its header and its .NET number format.</summary>
internal sealed record MetricColumn(string Metric, string Header, string Format);
