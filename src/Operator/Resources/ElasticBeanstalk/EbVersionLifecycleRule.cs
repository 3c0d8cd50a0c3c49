namespace Ebops.Operator.Resources.ElasticBeanstalk;

/// <summary>The application version lifecycle's MaxCountRule: keep at most <paramref name="MaxCount"/> versions.</summary>
public sealed record EbVersionLifecycleRule(int MaxCount, bool DeleteSourceFromS3);
