using Ebops.Tools.AwsModelGen;

// Usage: dotnet run --project tools/AwsModelGen [-- <repo root> [<models dir>]]
var root = args.Length > 0 ? args[0] : FindRoot(Directory.GetCurrentDirectory());
var models = args.Length > 1 ? args[1] : Environment.GetEnvironmentVariable("EBOPS_AWS_MODELS") ?? Path.Combine(root, ".cache", "aws-models");
if (!File.Exists(Path.Combine(models, "rds-2014-10-31.min.json")))
{
    Console.Error.WriteLine($"AWS models not found in {models}: run tools/aws-models/fetch.sh first.");
    return 1;
}

foreach (var (path, text) in Generator.GenerateAll(models))
{
    var full = Path.Combine(root, path);
    Directory.CreateDirectory(Path.GetDirectoryName(full)!);
    File.WriteAllText(full, text);
    Console.WriteLine(path);
}

return 0;

static string FindRoot(string start)
{
    for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "ebops.slnx")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("Run inside the ebops repository.");
}
