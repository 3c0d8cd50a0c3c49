namespace Ebops.Operator.Cli;

/// <summary>Where a plugin verb prints: results on stdout, <c>error: ...</c> lines on stderr with exit code 1.</summary>
internal sealed class PluginOutput(TextWriter output, TextWriter error)
{
    public void Line(string text) => output.WriteLine(text);

    public void Write(string text) => output.Write(text);

    public int Fail(string message)
    {
        error.WriteLine("error: " + message);
        return 1;
    }

    public int NotFound(string ns, string name) =>
        Fail($"bluegreenreleases.ebops.io \"{name}\" not found in namespace \"{ns}\"");
}
