namespace Ebops.Tests.Shared;

/// <summary>Files of the repository the tests were built from (the directory holding ebops.slnx, found from the binary upwards).</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Get(params string[] parts) => Path.Combine([Root, .. parts]);

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
