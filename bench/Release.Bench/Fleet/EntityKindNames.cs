using Ebops.Operator.Entities;

namespace Ebops.Bench.Release.Fleet;

/// <summary>Short labels for progress lines.</summary>
internal static class EntityKindNames
{
    public static string ShortName(this EntityKind kind) => kind.Kind switch
    {
        "RdsDatabase" => "db",
        "BeanstalkApp" => "app",
        "NlbFrontend" => "nlb",
        _ => "bgr",
    };
}
