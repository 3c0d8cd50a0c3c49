namespace Ebops.Operator.Tests;

/// <summary>Finds files of the repository the tests were built from.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Get(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ebops.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ebops.slnx not found above " + AppContext.BaseDirectory);
    }
}
