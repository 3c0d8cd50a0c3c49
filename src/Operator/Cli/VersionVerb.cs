using System.CommandLine;
using System.Reflection;

namespace Ebops.Operator.Cli;

internal static class VersionVerb
{
    public static Command Create()
    {
        var command = new Command("version", "Print the operator's version.");
        command.SetAction(parse =>
        {
            var version = typeof(VersionVerb).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
            parse.InvocationConfiguration.Output.WriteLine(version);
            return 0;
        });
        return command;
    }
}
