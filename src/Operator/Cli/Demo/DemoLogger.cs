using Microsoft.Extensions.Logging;

namespace Ebops.Operator.Cli.Demo;

/// <summary>One category's logger over <see cref="DemoLogFile"/> (<paramref name="level"/> and above; Microsoft.* from Warning).</summary>
internal sealed class DemoLogger(DemoLogFile file, string category, LogLevel level) : ILogger
{
    private readonly LogLevel minimum = category.StartsWith("Microsoft", StringComparison.Ordinal) ? LogLevel.Warning : level;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum && logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            file.Write(logLevel, category, formatter(state, exception), exception);
        }
    }
}
