namespace Ebops.EndToEnd.Tests.Kube;

internal static class RepoPaths
{
    /// <summary>The repository root (the directory holding ebops.slnx), found from the test binary upwards.</summary>
    public static string Root { get; } = FindRoot();

    public static string Config(params string[] parts) => Path.Combine([Root, "config", .. parts]);

    private static string FindRoot()
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
