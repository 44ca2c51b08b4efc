using System.CommandLine;
using System.Globalization;
using ReportParser.Cli.Workers;

namespace ReportParser.Cli.Commands;

/// <summary>How parse, check and export run their parses: in how many worker processes, with what heap cap and time limit, or in the tool's own process.</summary>
/// <param name="Jobs">Files parsed at once (worker processes).</param>
/// <param name="TimeLimit">Time one file may take.</param>
/// <param name="HeapLimit">Each worker's heap cap in bytes.</param>
/// <param name="InProcess">Parse in the tool's own process (<c>--no-isolation</c>).</param>
internal sealed record Isolation(int Jobs, TimeSpan TimeLimit, long HeapLimit, bool InProcess)
{
    /// <summary>How to start a worker; null for the running tool (<see cref="WorkerCommand.Current"/>).</summary>
    public WorkerCommand? Command { get; init; }

    /// <summary>The worker pool, or null when parsing in process.</summary>
    public WorkerPool? CreatePool(ReportParserOptions parserOptions)
        => InProcess ? null : new WorkerPool(Jobs, HeapLimit, TimeLimit, parserOptions, Command);
}

/// <summary>The options <c>--jobs</c>, <c>--time-limit</c>, <c>--max-memory</c> and <c>--no-isolation</c> shared by parse, check and export.</summary>
internal sealed class IsolationOptionSet
{
    private const long MiB = 1024 * 1024;

    private readonly Option<int> _jobs = new("--jobs", "-j")
    {
        Description = "Files parsed at once, each in its own worker process (default: the number of processors). Example: -j 4",
        HelpName = "N", DefaultValueFactory = _ => Environment.ProcessorCount,
    };

    private readonly Option<double> _timeLimit = new("--time-limit")
    {
        Description = "Seconds one file may take (default 60); a file over it has its worker process killed, is listed with status 'timeout', and the run goes on. Example: --time-limit 20",
        HelpName = "SECONDS", DefaultValueFactory = _ => 60,
    };

    private readonly Option<string?> _maxMemory = new("--max-memory")
    {
        Description = "Heap cap of each worker process, e.g. 512M or 2G (default: the memory available shared by the workers, at least 256M); a file that needs more is listed 'crashed' and the run goes on. Example: --max-memory 1G",
        HelpName = "SIZE",
    };

    private readonly Option<bool> _noIsolation = new("--no-isolation")
    {
        Description = "Parse in the tool's own process instead of worker processes (for debugging, with -j 1): no heap cap, and a file over the time limit keeps its thread. Example: -j 1 --no-isolation",
    };

    public void AddTo(Command command)
    {
        foreach (var o in new Option[] { _jobs, _timeLimit, _maxMemory, _noIsolation }) command.Options.Add(o);
    }

    public (Isolation? Isolation, string? Error) Read(ParseResult pr)
    {
        int jobs = pr.GetValue(_jobs);
        if (jobs < 1) return (null, "--jobs must be at least 1");
        double limit = pr.GetValue(_timeLimit);
        if (!(limit > 0) || limit > TimeSpan.MaxValue.TotalSeconds / 2) return (null, "--time-limit must be a positive number of seconds");
        long heap = WorkerPool.DefaultHeapLimit(jobs);
        if (pr.GetValue(_maxMemory) is { } text)
        {
            if (ParseSize(text) is not long bytes || bytes < 16 * MiB) return (null, $"--max-memory must be a size of at least 16M, such as 512M or 2G; got '{text}'");
            heap = bytes;
        }
        return (new Isolation(jobs, TimeSpan.FromSeconds(limit), heap, pr.GetValue(_noIsolation)), null);
    }

    /// <summary>Bytes from <c>134217728</c>, <c>512K</c>, <c>512M</c>, <c>1.5G</c>, <c>2GiB</c>, <c>1GB</c> (binary units); null when it is none of these.</summary>
    internal static long? ParseSize(string text)
    {
        var t = text.Trim().ToUpperInvariant();
        if (t.EndsWith("IB", StringComparison.Ordinal)) t = t[..^2];
        else if (t.EndsWith('B')) t = t[..^1];
        long unit = 1;
        if (t.Length > 0 && "KMGT".IndexOf(t[^1], StringComparison.Ordinal) is int u and >= 0)
        {
            unit = 1L << (10 * (u + 1));
            t = t[..^1];
        }
        if (!double.TryParse(t, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) || !(n > 0)) return null;
        double bytes = n * unit;
        return bytes >= long.MaxValue ? null : (long)bytes;
    }
}
