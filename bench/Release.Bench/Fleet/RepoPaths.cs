namespace Ebops.Bench.Release.Fleet;

/// <summary>Files of the repository this benchmark was built from (the directory holding ebops.slnx, found upwards).</summary>
internal static class RepoPaths
{
    public static string Root { get; } = Find();

    /// <summary>A directory under config/ (crds, samples).</summary>
    public static string Config(string name) => Path.Combine(Root, "config", name);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ebops.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root (ebops.slnx) not found above " + AppContext.BaseDirectory);
    }
}
