using System.CommandLine;
using System.Text;

namespace Ebops.Operator.Cli;

/// <summary><c>generate-argocd DIR [--check]</c>: writes DIR/argocd-cm.yaml from the Lua scripts in DIR/lua, or checks it.</summary>
internal static class GenerateArgoCdVerb
{
    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo>("directory") { Description = "The Argo CD folder, e.g. config/argocd (scripts in its lua/ folder)." };
        var check = new Option<bool>("--check") { Description = "Write nothing; exit 1 if argocd-cm.yaml differs from what would be generated." };
        var command = new Command("generate-argocd", "Generate the argocd-cm patch (health checks and actions of the ebops kinds) from its Lua scripts.");
        command.Arguments.Add(directory);
        command.Options.Add(check);
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(directory)!;
            var lua = Path.Combine(dir.FullName, "lua");
            if (!Directory.Exists(lua))
            {
                parse.InvocationConfiguration.Error.WriteLine($"error: no Lua scripts in {lua}");
                return 2;
            }

            var path = Path.Combine(dir.FullName, ArgoCdCustomizations.FileName);
            var content = ArgoCdCustomizations.Generate(lua);
            var current = File.Exists(path) ? File.ReadAllText(path, Encoding.UTF8) : null;
            if (current == content)
            {
                parse.InvocationConfiguration.Output.WriteLine($"{path} is up to date.");
                return 0;
            }

            if (parse.GetValue(check))
            {
                parse.InvocationConfiguration.Error.WriteLine($"out of date: {path}");
                parse.InvocationConfiguration.Error.WriteLine($"Run: dotnet run --project src/Operator -- generate-argocd {dir}");
                return 1;
            }

            File.WriteAllText(path, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            parse.InvocationConfiguration.Output.WriteLine($"wrote {path}");
            return 0;
        });
        return command;
    }
}
