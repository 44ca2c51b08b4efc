using System.Diagnostics;
using System.Threading.Channels;
using ReportParser.Batch.IO;
using ReportParser.Export;
using ReportParser.Validation;

namespace ReportParser.Batch;

/// <summary>
/// Parses many reports into four tables, as <c>reportparser export</c> does: <c>files</c> (<see cref="FileRow"/>, every
/// input file once with its status), <c>cells</c> (<see cref="CellRow"/>), <c>reports</c> (<see cref="WideReportRow"/>)
/// and <c>diagnostics</c> (<see cref="DiagnosticRow"/>, then the cross-report findings of <see cref="CrossYearChecks"/>).
/// <code>
/// var summary = await ReportExporter.ExportAsync(new ExportOptions { Inputs = ["reports/", "2021.zip"], OutputDirectory = "out" });
/// </code>
/// One producer walks the inputs in order; up to <see cref="ExportOptions.Jobs"/> workers parse at once; a single writer
/// takes the results back in input order through a bounded queue, so output order does not depend on the parallelism
/// and memory does not grow with the number of files. Only a small <see cref="CrossYearSummary"/> per report is kept
/// for the cross-report checks run at the end. A bad file never stops the batch: it is listed with its status.
/// </summary>
public static class ReportExporter
{
    /// <summary>Runs an export.</summary>
    /// <param name="options">What to read and where to write.</param>
    /// <param name="progress">Told after each file is written and when the inputs are counted; may be null. Called from worker threads.</param>
    /// <param name="cancellationToken">
    /// Stops the run promptly: no further file is read or parsed, files being parsed are abandoned, and the tables are
    /// closed holding the complete rows of every file listed so far (no cross-report findings).
    /// </param>
    /// <returns>The counts of the run.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is missing or out of range.</exception>
    /// <exception cref="IOException">The output folder or a table cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The output folder may not be written.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task<ExportSummary> ExportAsync(ExportOptions options, IProgress<ExportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return Task.Run(() => RunAsync(options, progress, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Combines the output folders of <see cref="ExportOptions.Shard"/> runs into exactly what one unsharded run writes:
    /// rows restored to input order by the files table's <c>index</c> column (a streaming k-way merge), the shards'
    /// cross-report findings dropped and recomputed over all reports.
    /// </summary>
    /// <param name="folders">The shard output folders, in any order, each in any format.</param>
    /// <param name="outputDirectory">The folder for the combined tables; must not be one of <paramref name="folders"/>.</param>
    /// <param name="format">The output format, or null for the format of the first folder.</param>
    /// <param name="excelBom">Start each CSV file with a UTF-8 byte-order mark.</param>
    /// <param name="cancellationToken">Checked between rows.</param>
    /// <returns>The counts of the merged tables.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ShardMergeException">A folder is not an export folder, a table is missing or damaged, or the folders overlap.</exception>
    /// <exception cref="IOException">A table cannot be read or written.</exception>
    /// <exception cref="UnauthorizedAccessException">A folder may not be read or written.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task<ExportSummary> MergeAsync(IReadOnlyList<string> folders, string outputDirectory, ExportFormat? format = null, bool excelBom = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folders);
        ArgumentNullException.ThrowIfNull(outputDirectory);
        return Task.Run(() => ShardMerger.Run(folders, outputDirectory, format, excelBom, cancellationToken), cancellationToken);
    }

    private static async Task<ExportSummary> RunAsync(ExportOptions options, IProgress<ExportProgress>? progress, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(options.OutputDirectory);
        var totals = new ExportSummary();
        var summaries = new List<CrossYearSummary>();
        int jobs = options.Jobs;
        long total = -1, done = 0, unreadable = 0;

        using var counter = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        if (progress is not null)
        {
            _ = Task.Run(() =>
            {
                try
                {
                    long n = InputEnumerator.Count(options.Inputs, options.Shard.Contains, counter.Token);
                    Interlocked.Exchange(ref total, n);
                    progress.Report(new ExportProgress(Interlocked.Read(ref done), n, Interlocked.Read(ref unreadable), null));
                }
                catch (OperationCanceledException)
                {
                }
            }, counter.Token);
        }

        var writers = ExportTables.All.ToDictionary(t => t, t => OutputFolder.Create(options.OutputDirectory, t, options.Format, options.ExcelBom, options.Names));
        OutputFolder.WriteCodebook(options.OutputDirectory);
        var derived = new DerivedTables(options.OutputDirectory, options.Format, options.ExcelBom, options.Names, options.Shard.IsAll);
        try
        {
            var queue = Channel.CreateBounded<Task<ParsedFile>>(new BoundedChannelOptions(jobs * 4) { SingleReader = true, SingleWriter = true });
            var slots = new SemaphoreSlim(jobs);
            var enumerator = new InputEnumerator(options.Inputs, options.Shard.Contains, options.ParserOptions.MaxInputBytes);
            var producer = Task.Run(async () =>
            {
                try
                {
                    foreach (var item in enumerator.Enumerate(cancel))
                    {
                        await slots.WaitAsync(cancel).ConfigureAwait(false);
                        await queue.Writer.WriteAsync(Start(item, options, slots, cancel), cancel).ConfigureAwait(false);
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
                var outcome = await task.WaitAsync(cancel).ConfigureAwait(false);
                Write(outcome, writers, derived, totals);
                if (outcome.Summary is not null) summaries.Add(outcome.Summary);
                long d = Interlocked.Increment(ref done);
                long u = outcome.Status == ReportStatus.Unreadable ? Interlocked.Increment(ref unreadable) : Interlocked.Read(ref unreadable);
                long t = Interlocked.Read(ref total);
                progress?.Report(new ExportProgress(d, t >= 0 ? t : null, u, outcome.Row.File));
            }
            await producer.ConfigureAwait(false);

            if (options.Shard.IsAll)
            {
                var diagnostics = writers[DiagnosticRow.Schema];
                foreach (var f in CrossYearChecks.Check(summaries))
                {
                    diagnostics.Write(DiagnosticRow.Schema.Fields(new DiagnosticRow(f.File, f.Diagnostic)));
                    totals.DiagnosticRows++;
                    totals.CrossReportFindings++;
                    totals.Code(f.Diagnostic.CodeText);
                }
            }
            derived.Complete();
        }
        finally
        {
            await counter.CancelAsync().ConfigureAwait(false);
            foreach (var w in writers.Values) w.Dispose();
            derived.Dispose();
        }
        QualityReport.WriteFor(options.OutputDirectory, options.Format);
        OutputFolder.Complete(options.OutputDirectory, options.Format);
        totals.Elapsed = clock.Elapsed;
        return totals;
    }

    private static void Write(ParsedFile o, Dictionary<RowSchema, ITableWriter> writers, DerivedTables derived, ExportSummary totals)
    {
        writers[FileRow.Schema].Write(FileRow.Schema.Fields(o.Row));
        var cells = writers[CellRow.Schema];
        foreach (var c in o.Cells) cells.Write(c);
        if (o.Report is not null)
        {
            writers[WideReportRow.Schema].Write(o.Report);
            derived.Add(o.Report);
            totals.Reports++;
        }
        var diagnostics = writers[DiagnosticRow.Schema];
        foreach (var d in o.Diagnostics) diagnostics.Write(d);
        foreach (var code in o.Codes) totals.Code(code);
        totals.Files++;
        totals.Cells += o.Cells.Count;
        totals.DiagnosticRows += o.Diagnostics.Count;
        totals.Count(o.Status);
    }

    /// <summary>Starts one file through <see cref="ExportOptions.Runner"/>; the slot is given back when the runner returns.</summary>
    private static async Task<ParsedFile> Start(InputFile item, ExportOptions options, SemaphoreSlim slots, CancellationToken cancel)
    {
        try
        {
            if (item.Status is ReportStatus status) return ParsedFile.Failed(item, status, item.Reason);
            return await (options.Runner ?? FileParseRunner.InProcess).ParseAsync(item, options, cancel).ConfigureAwait(false);
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>Reads and parses one file into its output rows; never throws for a bad file.</summary>
    internal static FileOutcome Process(InputFile item, ExportOptions options, CancellationToken cancel = default)
    {
        cancel.ThrowIfCancellationRequested();
        var outcome = new FileOutcome { Item = item };
        var read = item.Read(options.ParserOptions.MaxInputBytes);
        if (read.Bytes is not { } bytes)
        {
            outcome.Bytes = read.Length;
            outcome.Status = ReportStatus.Unreadable;
            outcome.Reason = read.Failure ?? "unreadable";
            return outcome;
        }
        outcome.Bytes = bytes.LongLength;

        ReportParseResult result;
        try
        {
            result = options.Parse(ReportSource.FromBytes(bytes, item.File), options.ParserOptions);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            outcome.Status = ReportStatus.Unreadable;
            outcome.Reason = $"the parser failed: {ex.GetType().Name}: {ex.Message}";
            return outcome;
        }

        foreach (var d in result.Diagnostics)
        {
            switch (d.Severity)
            {
                case Severity.Error: outcome.Errors++; break;
                case Severity.Warning: outcome.Warnings++; break;
                default: outcome.Infos++; break;
            }
            outcome.Diagnostics.Add(new DiagnosticRow(item.File, d));
        }
        outcome.Status = result.Status;
        outcome.Reason = result.StatusReason ?? "";
        if (outcome.Status is ReportStatus.NotAReport or ReportStatus.Unreadable) return outcome;

        outcome.Cells.AddRange(CellRow.From(item.File, item.Source, result.Report, options.BlankAsZero));
        if (options.BlankAsZero)
        {
            foreach (var d in BlankAsZero.Recheck(result.Report, result.Diagnostics)) outcome.Diagnostics.Add(new DiagnosticRow(item.File, d));
        }
        var row = WideReportRow.From(item.File, item.Source, result, bytes);
        outcome.Report = row;
        outcome.Summary = CrossYearSummary.From(item.Index, item.File, result.Report, row.Sha256, row.TablesHash);
        return outcome;
    }
}
