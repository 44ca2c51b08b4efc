using System.Diagnostics;
using System.Globalization;

using ReportParser.Batch;

namespace ReportParser.Cli.Output;

/// <summary>
/// Progress on standard error, drawn from the exporter's <see cref="ExportProgress"/> reports: a bar redrawn in place
/// (counts, rate, ETA) on a terminal, or a plain line every <see cref="LineInterval"/> when the output is a file or a CI
/// log. The total comes from a counting pass that runs beside the work, so the ETA appears once the inputs are counted.
/// </summary>
internal sealed class Progress : IProgress<ExportProgress>, IDisposable
{
    public static readonly TimeSpan LineInterval = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan BarInterval = TimeSpan.FromMilliseconds(250);

    private readonly TextWriter _error;
    private readonly ProgressMode _mode;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Timer? _timer;
    private readonly Lock _lock = new();
    private long _done;
    private long _total = -1;
    private long _failed;
    private int _lastWidth;

    public Progress(TextWriter error, ProgressMode mode, bool errorIsConsole)
    {
        _error = error;
        if (mode == ProgressMode.Auto)
        {
            bool terminal = errorIsConsole && !Console.IsErrorRedirected && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
            mode = terminal ? ProgressMode.Bar : ProgressMode.Lines;
        }
        _mode = mode;
        if (mode is ProgressMode.Bar or ProgressMode.Lines)
        {
            var every = mode == ProgressMode.Bar ? BarInterval : LineInterval;
            _timer = new Timer(_ => Draw(final: false), null, every, every);
        }
    }

    public TimeSpan Elapsed => _clock.Elapsed;

    public void Report(ExportProgress value)
    {
        if (value.Total is long total) Interlocked.Exchange(ref _total, total);
        Max(ref _done, value.Done);
        Max(ref _failed, value.Unreadable);
    }

    private static void Max(ref long field, long value)
    {
        long seen;
        while ((seen = Interlocked.Read(ref field)) < value && Interlocked.CompareExchange(ref field, value, seen) != seen)
        {
        }
    }

    internal string Text()
    {
        long done = Interlocked.Read(ref _done), total = Interlocked.Read(ref _total), failed = Interlocked.Read(ref _failed);
        double seconds = Math.Max(_clock.Elapsed.TotalSeconds, 1e-3);
        double rate = done / seconds;
        var inv = CultureInfo.InvariantCulture;
        string counts = total >= 0 ? string.Create(inv, $"{done:N0}/{total:N0} files") : string.Create(inv, $"{done:N0} files (counting…)");
        string eta = total > 0 && rate > 0 && done <= total ? " ETA " + Format(TimeSpan.FromSeconds((total - done) / rate)) : "";
        string bad = failed > 0 ? string.Create(inv, $", {failed:N0} unreadable") : "";
        if (_mode == ProgressMode.Bar && total > 0)
        {
            const int width = 24;
            int filled = (int)Math.Clamp(done * width / Math.Max(total, 1), 0, width);
            return string.Create(inv, $"[{new string('#', filled)}{new string('.', width - filled)}] {100.0 * done / total,5:0.0}% {counts}, {rate:N0}/s{eta}{bad}");
        }
        return string.Create(inv, $"progress: {counts}, {rate:N0} files/s, {Format(_clock.Elapsed)} elapsed{eta}{bad}");
    }

    private void Draw(bool final)
    {
        lock (_lock)
        {
            if (_mode == ProgressMode.Bar)
            {
                var text = Text();
                _error.Write("\r" + text + new string(' ', Math.Max(0, _lastWidth - text.Length)));
                _lastWidth = text.Length;
                if (final) _error.WriteLine();
            }
            else if (_mode == ProgressMode.Lines)
            {
                _error.WriteLine(Text());
            }
            _error.Flush();
        }
    }

    public static string Format(TimeSpan t)
        => t.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}h{t.Minutes:00}m")
         : t.TotalMinutes >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{t.Minutes}m{t.Seconds:00}s")
         : string.Create(CultureInfo.InvariantCulture, $"{t.TotalSeconds:0.0}s");

    public void Dispose()
    {
        _timer?.Dispose();
        if (_mode == ProgressMode.Bar) Draw(final: true);
    }
}
