using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PartyAssistant.Bench;

/// <summary>A log message template at warning level or above, and how many times it was logged.</summary>
public sealed record LoggedProblem(string Level, string Category, string Template, int Count, string FirstMessage);

/// <summary>Counts what the bot logs at warning level or above, grouped by level, category and message template.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentDictionary<(LogLevel Level, string Category, string Template), Entry> entries = new();

    public IReadOnlyList<LoggedProblem> Problems => [.. this.entries
        .OrderByDescending(e => e.Key.Level).ThenByDescending(e => e.Value.Count)
        .Select(e => new LoggedProblem(e.Key.Level.ToString(), e.Key.Category, e.Key.Template, e.Value.Count, e.Value.First))];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(LogLevel level, string category, string template, string message)
    {
        var entry = this.entries.GetOrAdd((level, category, template), _ => new Entry(message));
        Interlocked.Increment(ref entry.Count);
    }

    private sealed class Entry(string first)
    {
        public int Count;

        public string First { get; } = first;
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!this.IsEnabled(logLevel))
            {
                return;
            }

            var template = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.FirstOrDefault(p => p.Key == "{OriginalFormat}").Value as string
                : null;
            var message = formatter(state, exception) + (exception is null ? "" : $" ({exception.GetType().Name}: {exception.Message})");
            capture.Add(logLevel, category, template ?? message, message);
        }
    }
}
