using System.Text.Json.Nodes;

namespace Ebops.Operator.Tests.Controllers.Support.Release;

/// <summary>
/// Which status writes are crash points for a <see cref="CrashPlan"/>: those to objects of <paramref name="Plural"/>
/// whose <paramref name="Stage"/> (read from the written object's <c>status</c>) differs from the previous write's,
/// per object. <see cref="Phase"/> makes every phase change of a BlueGreenRelease a point; a stage reading
/// <c>metadata.resourceVersion</c> would make every status write one.
/// </summary>
internal sealed record StatusPoint(string Plural, Func<JsonObject, string?> Stage)
{
    /// <summary>Every change of <c>status.phase</c> of a BlueGreenRelease.</summary>
    public static StatusPoint Phase { get; } = new("bluegreenreleases", status => status["phase"]?.GetValue<string>());

    /// <summary>Every change of the Ready condition's reason (for kinds without a phase: RdsDatabase, BeanstalkApp, NlbFrontend).</summary>
    public static StatusPoint ReadyReason(string plural) => new(plural, status =>
        status["conditions"]?.AsArray().FirstOrDefault(c => c?["type"]?.GetValue<string>() == "Ready")?["reason"]?.GetValue<string>());
}
