namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>An application's ResourceLifecycleConfig as sent: each null member keeps the current value.</summary>
internal sealed record EbLifecyclePatch(
    string? ServiceRole,
    bool? MaxCountEnabled,
    int? MaxCount,
    bool? MaxCountDeleteSource,
    bool? MaxAgeEnabled,
    int? MaxAgeInDays,
    bool? MaxAgeDeleteSource)
{
    public void ApplyTo(EbApplication app)
    {
        app.ServiceRole = ServiceRole ?? app.ServiceRole;
        app.MaxCountEnabled = MaxCountEnabled ?? app.MaxCountEnabled;
        app.MaxCount = MaxCount ?? app.MaxCount;
        app.MaxCountDeleteSource = MaxCountDeleteSource ?? app.MaxCountDeleteSource;
        app.MaxAgeEnabled = MaxAgeEnabled ?? app.MaxAgeEnabled;
        app.MaxAgeInDays = MaxAgeInDays ?? app.MaxAgeInDays;
        app.MaxAgeDeleteSource = MaxAgeDeleteSource ?? app.MaxAgeDeleteSource;
    }
}
