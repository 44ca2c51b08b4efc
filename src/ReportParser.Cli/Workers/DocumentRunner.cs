using System.Runtime.CompilerServices;
using System.Threading.Channels;
using ReportParser.Batch;

namespace ReportParser.Cli.Workers;

/// <summary>
/// Runs the parses of <c>check</c> and <c>parse</c> like <c>export</c> runs its own: up to <c>--jobs</c> at once, in
/// worker processes (or in this process with <c>--no-isolation</c>), under the same time limit, handing the results
/// back in input order.
/// </summary>
internal sealed class DocumentRunner : IAsyncDisposable
{
    private readonly WorkerPool? _pool;
    private readonly ReportParserOptions _options;
    private readonly int _jobs;
    private readonly TimeSpan _timeLimit;

    public DocumentRunner(int jobs, TimeSpan timeLimit, ReportParserOptions options, WorkerPool? pool)
    {
        _jobs = jobs;
        _timeLimit = timeLimit;
        _options = options;
        _pool = pool;
    }

    public Task<CheckResult> CheckAsync(InputFile item, CancellationToken cancel)
        => RunAsync(WorkerJob.Check, item, FileJobs.ReadCheck, (s, r) => new CheckResult(s, r, [], true), FileJobs.Check, cancel);

    public Task<JsonResult> ParseAsync(InputFile item, CancellationToken cancel)
        => RunAsync(WorkerJob.Parse, item, FileJobs.ReadJson, (s, r) => new JsonResult(s, r, null), FileJobs.Parse, cancel);

    /// <summary>Every input with its result (null for an input listed by the enumeration with a status, not parsed), in input order.</summary>
    public async IAsyncEnumerable<(InputFile Item, T? Result)> RunAllAsync<T>(IEnumerable<InputFile> items, Func<InputFile, CancellationToken, Task<T>> run,
        [EnumeratorCancellation] CancellationToken cancel)
        where T : class
    {
        var queue = Channel.CreateBounded<Task<(InputFile, T?)>>(new BoundedChannelOptions(_jobs * 4) { SingleReader = true, SingleWriter = true });
        using var slots = new SemaphoreSlim(_jobs);
        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var item in items)
                {
                    await slots.WaitAsync(cancel).ConfigureAwait(false);
                    await queue.Writer.WriteAsync(Start(item, run, slots, cancel), cancel).ConfigureAwait(false);
                }
                queue.Writer.Complete();
            }
            catch (Exception ex)
            {
                queue.Writer.Complete(ex);
            }
        }, CancellationToken.None);
        await foreach (var task in queue.Reader.ReadAllAsync(cancel).ConfigureAwait(false))
        {
            yield return await task.WaitAsync(cancel).ConfigureAwait(false);
        }
        await producer.ConfigureAwait(false);
    }

    private static async Task<(InputFile, T?)> Start<T>(InputFile item, Func<InputFile, CancellationToken, Task<T>> run, SemaphoreSlim slots, CancellationToken cancel)
        where T : class
    {
        try
        {
            return item.Status is null ? (item, await run(item, cancel).ConfigureAwait(false)) : (item, null);
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task<T> RunAsync<T>(WorkerJob job, InputFile item, Func<BinaryReader, T> read, Func<ReportStatus, string, T> failed,
        Func<InputFile, ReportParserOptions, CancellationToken, T> inProcess, CancellationToken cancel)
    {
        if (_pool is not null) return await _pool.RunAsync(job, item, read, failed, cancel).ConfigureAwait(false);
        var work = Task.Run(() => inProcess(item, _options, cancel), cancel);
        try
        {
            return await work.WaitAsync(_timeLimit, cancel).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _ = work.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            return failed(ReportStatus.Timeout, FileParseRunner.TimeLimitReason(_timeLimit));
        }
        catch (OutOfMemoryException)
        {
            return failed(ReportStatus.Crashed, "out of memory while parsing");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_pool is not null) await _pool.DisposeAsync().ConfigureAwait(false);
    }
}
