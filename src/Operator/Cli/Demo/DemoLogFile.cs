using Microsoft.Extensions.Logging;

namespace Ebops.Operator.Cli.Demo;

/// <summary>
/// Writes the log of everything the demo runs in-process (the operator, the emulator, the simulator) to one file, one
/// line per entry, so the terminal shows only the demo's progress and the file explains a failure.
/// </summary>
internal sealed class DemoLogFile : ILoggerProvider
{
    private readonly Lock gate = new();
    private readonly StreamWriter writer;
    private readonly TimeProvider time;
    private readonly LogLevel level;
    private bool disposed;

    public DemoLogFile(string path, TimeProvider time, LogLevel level = LogLevel.Information)
    {
        this.level = level;
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        writer = new StreamWriter(Path, append: false) { AutoFlush = true };
        this.time = time;
    }

    public string Path { get; }

    public ILogger CreateLogger(string categoryName) => new DemoLogger(this, categoryName, level);

    public void Write(LogLevel level, string category, string message, Exception? exception)
    {
        var line = $"{time.GetUtcNow():HH:mm:ss.fff} {level,-11} {category}: {message}";
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            writer.WriteLine(line);
            if (exception is not null)
            {
                writer.WriteLine(exception.ToString());
            }
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            if (!disposed)
            {
                disposed = true;
                writer.Dispose();
            }
        }
    }
}
