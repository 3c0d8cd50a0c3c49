using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>
/// EB's events. An operation records its events when it starts, each dated when its step happens; DescribeEvents shows
/// those dated up to now, newest first. Events older than <see cref="EbConstants.EventRetention"/> (6 weeks) are dropped.
/// </summary>
internal sealed class EbEventLog(SimWorld world)
{
    private static readonly string[] Levels = ["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"];
    private readonly List<EbEvent> events = [];
    private long sequence;

    public void Add(DateTimeOffset date, string severity, string message, EbEnvironment environment, string? requestId) =>
        Add(date, severity, message, environment.ApplicationName, environment.Name, environment.VersionLabel, environment.TemplateName, requestId);

    public void Add(DateTimeOffset date, string severity, string message, string application, string? environment, string? version, string? template, string? requestId)
    {
        lock (world.Gate)
        {
            var cutoff = world.Time.GetUtcNow() - EbConstants.EventRetention;
            if (events.Count > 0 && events[0].Date < cutoff)
            {
                events.RemoveAll(e => e.Date < cutoff);
            }

            events.Add(new EbEvent(date, ++sequence, severity, message, application, environment, version, template, requestId));
        }
    }

    /// <summary>How many events are held.</summary>
    public int Count
    {
        get
        {
            lock (world.Gate)
            {
                return events.Count;
            }
        }
    }

    /// <summary>
    /// The events matching <paramref name="query"/>, newest first; <paramref name="environmentNameOfId"/> is the name
    /// of the environment <see cref="EbEventQuery.EnvironmentId"/> names (an impossible name when it names none).
    /// </summary>
    public IReadOnlyList<EbEvent> Describe(EbEventQuery query, string? environmentNameOfId)
    {
        var minimum = query.Severity is null ? 0 : Array.IndexOf(Levels, query.Severity);
        if (minimum < 0)
        {
            throw EbErrors.Invalid($"Value {query.Severity} for parameter Severity is invalid.");
        }

        lock (world.Gate)
        {
            var now = world.Time.GetUtcNow();
            return [.. events
                .Where(e => e.Date <= now)
                .Where(e => query.ApplicationName is null || e.ApplicationName == query.ApplicationName)
                .Where(e => query.VersionLabel is null || e.VersionLabel == query.VersionLabel)
                .Where(e => query.TemplateName is null || e.TemplateName == query.TemplateName)
                .Where(e => query.EnvironmentName is null || e.EnvironmentName == query.EnvironmentName)
                .Where(e => environmentNameOfId is null || e.EnvironmentName == environmentNameOfId)
                .Where(e => query.RequestId is null || e.RequestId == query.RequestId)
                .Where(e => Array.IndexOf(Levels, e.Severity) >= minimum)
                .Where(e => query.StartTime is null || e.Date >= query.StartTime)
                .Where(e => query.EndTime is null || e.Date < query.EndTime)
                .OrderByDescending(e => e.Date)
                .ThenByDescending(e => e.Sequence)];
        }
    }
}
