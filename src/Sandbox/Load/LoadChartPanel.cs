namespace Ebops.Sandbox.Load;

/// <summary>
/// One panel of a <see cref="LoadChart"/>: a title, a timeline's buckets (requests by version and failures) of
/// <paramref name="BucketWidth"/>, and marks drawn as dashed vertical lines (labelled with the mark's name unless it is
/// empty).
/// </summary>
public sealed record LoadChartPanel(string Title, IReadOnlyList<LoadBucket> Buckets, TimeSpan BucketWidth, IReadOnlyList<LoadMark> Marks);
