using System.CommandLine;
using System.Text;
using Ebops.Operator.Crds;

namespace Ebops.Operator.Cli;

/// <summary><c>generate-crds DIR [--check]</c>: writes config/crds from the C# types, or checks it is up to date.</summary>
internal static class GenerateCrdsVerb
{
    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo>("directory") { Description = "Output directory, e.g. config/crds." };
        var check = new Option<bool>("--check") { Description = "Write nothing; exit 1 if any file differs from what would be generated." };
        var command = new Command("generate-crds", "Generate the CustomResourceDefinitions of the ebops kinds from the C# types.");
        command.Arguments.Add(directory);
        command.Options.Add(check);
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(directory)!;
            var output = parse.InvocationConfiguration.Output;
            var stale = new List<string>();
            foreach (var (name, content) in CrdGenerator.GenerateFiles())
            {
                var path = Path.Combine(dir.FullName, name);
                var current = File.Exists(path) ? File.ReadAllText(path, Encoding.UTF8) : null;
                if (current == content)
                {
                    continue;
                }

                stale.Add(path);
                if (!parse.GetValue(check))
                {
                    Directory.CreateDirectory(dir.FullName);
                    File.WriteAllText(path, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                    output.WriteLine($"wrote {path}");
                }
            }

            if (parse.GetValue(check) && stale.Count > 0)
            {
                foreach (var path in stale)
                {
                    parse.InvocationConfiguration.Error.WriteLine($"out of date: {path}");
                }

                parse.InvocationConfiguration.Error.WriteLine($"Run: dotnet run --project src/Operator -- generate-crds {dir}");
                return 1;
            }

            output.WriteLine(stale.Count == 0 ? "CRDs are up to date." : $"{stale.Count} file(s) written.");
            return 0;
        });
        return command;
    }
}
