using System.Globalization;
using System.Threading.Channels;
using ReportParser.Batch;

namespace ReportParser.Cli.Workers;

/// <summary>
/// A pool of <see cref="Jobs"/> worker processes of the tool itself, as Apache Tika's forked parser runs its parsers:
/// each worker has a heap cap (<c>DOTNET_GCHeapHardLimit</c>) and parses one file at a time; a file that runs past the
/// time limit has its worker killed (the whole process tree) and is listed <c>timeout</c>, a file whose worker dies
/// (out of memory, stack overflow, a crash, a kill) is listed <c>crashed</c> with the reason; the next file gets a new
/// worker. Workers are reused across files, so a batch starts about <see cref="Jobs"/> processes, not one per file.
/// </summary>
internal sealed class WorkerPool : FileParseRunner, IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Channel<WorkerProcess?> _idle;
    private readonly List<WorkerProcess> _all = new();
    private readonly byte[] _handshake;
    private readonly WorkerCommand _command;
    private int _started;

    public WorkerPool(int jobs, long heapLimit, TimeSpan timeLimit, ReportParserOptions parserOptions, WorkerCommand? command = null)
    {
        Jobs = jobs;
        HeapLimit = heapLimit;
        TimeLimit = timeLimit;
        _command = command ?? WorkerCommand.Current();
        _handshake = WorkerProtocol.Handshake(parserOptions);
        _idle = Channel.CreateBounded<WorkerProcess?>(jobs);
        for (int i = 0; i < jobs; i++) _idle.Writer.TryWrite(null);
    }

    public int Jobs { get; }

    public long HeapLimit { get; }

    public TimeSpan TimeLimit { get; }

    /// <summary>Called with the worker's process id and the file just before each request is sent (tests stop or kill the worker here).</summary>
    internal Action<int, InputFile>? BeforeRequest { get; init; }

    /// <summary>The process ids of the workers started so far, in order.</summary>
    internal IReadOnlyList<int> ProcessIds
    {
        get
        {
            lock (_all) return _all.Select(w => w.Id).ToArray();
        }
    }

    /// <summary>Worker processes started so far (a new one replaces each worker killed or crashed).</summary>
    public int Started => Volatile.Read(ref _started);

    public override Task<ParsedFile> ParseAsync(InputFile file, ExportOptions options, CancellationToken cancellationToken)
        => RunAsync(options.BlankAsZero ? WorkerJob.ExportBlankAsZero : WorkerJob.Export, file, r => ParsedFile.ReadFrom(r.BaseStream), (status, reason) => ParsedFile.Failed(file, status, reason), cancellationToken);

    /// <summary>Runs one job on one file in a worker.</summary>
    /// <exception cref="IOException">No worker can be started: the run cannot go on.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancel"/> was cancelled (the worker is killed).</exception>
    public async Task<T> RunAsync<T>(WorkerJob job, InputFile item, Func<BinaryReader, T> read, Func<ReportStatus, string, T> failed, CancellationToken cancel)
    {
        var worker = await _idle.Reader.ReadAsync(cancel).ConfigureAwait(false);
        try
        {
            if (worker is null || worker.HasExited)
            {
                worker?.Dispose();
                worker = null;
                worker = await StartAsync(cancel).ConfigureAwait(false);
            }
            var (result, keep) = await ExchangeAsync(worker, job, item, read, failed, cancel).ConfigureAwait(false);
            if (!keep)
            {
                worker.Dispose();
                worker = null;
            }
            return result;
        }
        catch
        {
            worker?.Kill();
            worker?.Dispose();
            worker = null;
            throw;
        }
        finally
        {
            _idle.Writer.TryWrite(worker);
        }
    }

    private async Task<(T Result, bool Keep)> ExchangeAsync<T>(WorkerProcess worker, WorkerJob job, InputFile item, Func<BinaryReader, T> read,
        Func<ReportStatus, string, T> failed, CancellationToken cancel)
    {
        byte[]? reply;
        try
        {
            BeforeRequest?.Invoke(worker.Id, item);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            using var limit = new CancellationTokenSource(TimeLimit);
            using var both = CancellationTokenSource.CreateLinkedTokenSource(limit.Token, cancel);
            var sent = await worker.SendAsync(WorkerProtocol.Request(job, item), both.Token).ConfigureAwait(false);
            // Sending an entry's bytes counts against the limit; what is left of it is the time for the answer.
            var remaining = TimeLimit - clock.Elapsed;
            if (remaining <= TimeSpan.Zero) throw new TimeoutException();
            reply = sent ? await worker.ReceiveAsync(remaining, cancel).ConfigureAwait(false) : null;
        }
        catch (TimeoutException)
        {
            return (failed(ReportStatus.Timeout, FileParseRunner.TimeLimitReason(TimeLimit) + "; its worker process was stopped"), false);
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            worker.Kill();
            return (failed(ReportStatus.Timeout, FileParseRunner.TimeLimitReason(TimeLimit) + "; its worker process was stopped"), false);
        }
        if (reply is null) return (failed(ReportStatus.Crashed, await worker.DescribeEndAsync().ConfigureAwait(false)), false);
        using var r = WorkerProtocol.Reader(reply);
        if (r.ReadByte() == WorkerProtocol.Failed)
        {
            var status = (ReportStatus)r.ReadInt32();
            var reason = WorkerProtocol.ReadString(r) ?? "the worker process failed";
            await worker.StopAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
            return (failed(status, reason), false);
        }
        return (read(r), true);
    }

    private async Task<WorkerProcess> StartAsync(CancellationToken cancel)
    {
        var w = await WorkerProcess.StartAsync(_command, HeapLimit, _handshake, StartTimeout, cancel).ConfigureAwait(false);
        Interlocked.Increment(ref _started);
        lock (_all) _all.Add(w);
        return w;
    }

    /// <summary>The default heap cap of one worker: the memory available to this process (the container's limit, if any) shared by the workers and the tool itself, at least 256 MiB.</summary>
    public static long DefaultHeapLimit(int jobs)
        => Math.Max(256L * 1024 * 1024, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (jobs + 1));

    /// <summary>The text of a heap size: <c>512 MiB</c>.</summary>
    public static string Describe(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MiB");

    public async ValueTask DisposeAsync()
    {
        _idle.Writer.TryComplete();
        WorkerProcess[] all;
        lock (_all) all = _all.ToArray();
        await Task.WhenAll(all.Select(w => w.HasExited ? Task.CompletedTask : w.StopAsync(TimeSpan.FromSeconds(5)))).ConfigureAwait(false);
        foreach (var w in all) w.Dispose();
    }
}
