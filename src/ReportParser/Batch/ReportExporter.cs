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
/// Everything is written into the output folder's staging folder <c>.partial</c> with a journal of the files written
/// (<see cref="ExportOptions.Resume"/> continues from it), renamed into place when the run completes, and
/// <c>manifest.json</c>, the run's provenance, is written last (docs/manifest.md).
/// </summary>
public static class ReportExporter
{
    /// <summary>Runs an export.</summary>
    /// <param name="options">What to read and where to write.</param>
    /// <param name="progress">Told after each file is written and when the inputs are counted; may be null. Called from worker threads.</param>
    /// <param name="cancellationToken">
    /// Stops the run promptly: no further file is read or parsed, files being parsed are abandoned, and the staging folder
    /// keeps the tables and the journal of every file written so far, which <see cref="ExportOptions.Resume"/> continues;
    /// no table takes its final name and no <c>manifest.json</c> is written.
    /// </param>
    /// <returns>The counts of the run.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is missing or out of range, or both <see cref="ExportOptions.Resume"/> and <see cref="ExportOptions.Overwrite"/> are set.</exception>
    /// <exception cref="ExportFolderException">
    /// The output folder holds another run's outputs (without <see cref="ExportOptions.Overwrite"/> or <see cref="ExportOptions.Resume"/>), or the run
    /// to resume had other inputs, options or tool version, its journal or tables are damaged, or it is finished.
    /// </exception>
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
        => MergeAsync(new MergeOptions { Folders = folders, OutputDirectory = outputDirectory, Format = format, ExcelBom = excelBom }, cancellationToken);

    /// <summary>
    /// Combines shard output folders as <see cref="MergeAsync(IReadOnlyList{string}, string, ExportFormat?, bool, CancellationToken)"/> does, with every
    /// setting of a merge: each folder must hold a finished export (its <c>manifest.json</c>) of one tool version, inputs and options, with the same shard
    /// count N and every shard present unless <see cref="MergeOptions.AllowPartial"/>. The output is written as an export's is (staged, renamed into
    /// place, <c>manifest.json</c> last), replacing the outputs of any earlier run in the output folder.
    /// </summary>
    /// <param name="options">The folders, the output folder and format.</param>
    /// <param name="cancellationToken">Checked between rows.</param>
    /// <returns>The counts of the merged tables.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or one of its lists is null.</exception>
    /// <exception cref="ShardMergeException">A folder is not a finished export folder, the manifests disagree, a shard is missing, a table is missing or damaged, or the folders overlap.</exception>
    /// <exception cref="IOException">A table cannot be read or written.</exception>
    /// <exception cref="UnauthorizedAccessException">A folder may not be read or written.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task<ExportSummary> MergeAsync(MergeOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Folders);
        ArgumentNullException.ThrowIfNull(options.OutputDirectory);
        return Task.Run(() => ShardMerger.Run(options.Folders, options.OutputDirectory, options.Format, options.ExcelBom, options.AllowPartial, options.CommandLine, cancellationToken), cancellationToken);
    }

    private static async Task<ExportSummary> RunAsync(ExportOptions options, IProgress<ExportProgress>? progress, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        var startedAt = DateTime.UtcNow;
        var dir = options.OutputDirectory;
        Directory.CreateDirectory(dir);
        var staging = OutputFolder.StagingDir(dir);
        var settings = ExportManifest.Settings(options);
        var totals = new ExportSummary();
        var summaries = new List<CrossYearSummary>();
        var tables = new StagedTables(staging, options.Format, options.ExcelBom, options.Names);
        var (journal, resume) = Open(options, dir, staging, settings, tables);
        var derived = new DerivedTables(tables[IndicatorRow.Schema], () => tables.New(PanelRow.Schema), options.Shard.IsAll);
        try
        {
            if (resume is not null) Restore(tables, derived, totals, summaries);
        }
        catch (Exception ex)
        {
            tables.Dispose();
            journal.Dispose();
            if (ex is CsvHelper.CsvHelperException or System.Text.Json.JsonException or FormatException or OverflowException or KeyNotFoundException)
                throw new ExportFolderException($"{dir}: the tables of the interrupted run cannot be read back ({ex.Message}); start again with --overwrite", ex);
            throw;
        }
        int jobs = options.Jobs;
        long skip = resume?.Files ?? 0;
        long total = -1, done = skip, unreadable = totals.ByStatus[ReportStatus.Unreadable];

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

        try
        {
            var queue = Channel.CreateBounded<Task<ParsedFile>>(new BoundedChannelOptions(jobs * 4) { SingleReader = true, SingleWriter = true });
            var slots = new SemaphoreSlim(jobs);
            var producer = Task.Run(() => ProduceAsync(options, resume, queue.Writer, slots, cancel), CancellationToken.None);

            long n = skip;
            await foreach (var task in queue.Reader.ReadAllAsync(cancel).ConfigureAwait(false))
            {
                var outcome = await task.WaitAsync(cancel).ConfigureAwait(false);
                Write(outcome, tables, derived, totals);
                journal.Append(++n, outcome, tables.Flush());
                if (outcome.Summary is not null) summaries.Add(outcome.Summary);
                long d = Interlocked.Increment(ref done);
                long u = outcome.Status == ReportStatus.Unreadable ? Interlocked.Increment(ref unreadable) : Interlocked.Read(ref unreadable);
                long t = Interlocked.Read(ref total);
                progress?.Report(new ExportProgress(d, t >= 0 ? t : null, u, outcome.Row.File));
            }
            await producer.ConfigureAwait(false);

            if (options.Shard.IsAll)
            {
                var diagnostics = tables[DiagnosticRow.Schema];
                foreach (var f in CrossYearChecks.Check(summaries))
                {
                    diagnostics.Write(DiagnosticRow.Schema.Fields(new DiagnosticRow(f.File, f.Diagnostic)));
                    totals.DiagnosticRows++;
                    totals.CrossReportFindings++;
                    totals.Code(f.Diagnostic.CodeText);
                }
            }
            derived.Complete();
            tables.Finish();
        }
        finally
        {
            await counter.CancelAsync().ConfigureAwait(false);
            tables.Dispose();
            derived.Dispose();
            journal.Dispose();
        }
        cancel.ThrowIfCancellationRequested();
        Publish(options, staging, startedAt, settings, resume, totals, derived);
        totals.Elapsed = clock.Elapsed;
        return totals;
    }

    /// <summary>Walks the inputs into the queue, skipping the files a resumed run has already written.</summary>
    private static async Task ProduceAsync(ExportOptions options, ResumePoint? resume, ChannelWriter<Task<ParsedFile>> queue, SemaphoreSlim slots, CancellationToken cancel)
    {
        var dir = options.OutputDirectory;
        long skip = resume?.Files ?? 0;
        try
        {
            var enumerator = new InputEnumerator(options.Inputs, options.Shard.Contains, options.ParserOptions.MaxInputBytes);
            long seen = 0;
            foreach (var item in enumerator.Enumerate(cancel))
            {
                if (seen++ < skip)
                {
                    // The journaled files are a prefix of the enumeration; the last one must be where the journal left off.
                    if (seen == skip && item.File != resume!.LastFile)
                        throw new ExportFolderException($"{dir}: file {skip} of the inputs is now {item.File}, the journal says {resume.LastFile}: the inputs changed since the interrupted run; start again with --overwrite");
                    continue;
                }
                await slots.WaitAsync(cancel).ConfigureAwait(false);
                await queue.WriteAsync(Start(item, options, slots, cancel), cancel).ConfigureAwait(false);
            }
            if (seen < skip) throw new ExportFolderException($"{dir}: the inputs now hold {seen} files, fewer than the {skip} the journal lists: the inputs changed since the interrupted run; start again with --overwrite");
            queue.Complete();
        }
        catch (Exception ex)
        {
            queue.Complete(ex);
        }
    }

    /// <summary>Completes a run: codebook, page and workbook into the staging folder, every file renamed into place, then the manifest, then the staging folder removed.</summary>
    private static void Publish(ExportOptions options, string staging, DateTime startedAt, System.Text.Json.Nodes.JsonObject settings, ResumePoint? resume, ExportSummary totals, DerivedTables derived)
    {
        var dir = options.OutputDirectory;
        OutputFolder.WriteCodebook(staging);
        QualityReport.WriteFor(staging, options.Format);
        OutputFolder.Complete(staging, options.Format);
        var published = OutputFolder.Publish(staging, dir, ExportJournal.FileName);
        var run = new ExportManifest.Run("export", options.CommandLine ?? Environment.GetCommandLineArgs(), startedAt, DateTime.UtcNow, settings, options.Jobs)
        {
            Resumed = resume?.Resumed ?? 0,
        };
        ExportManifest.Write(dir, staging, run, ExportJournal.Entries(staging), Outputs(published, totals, derived));
        Directory.Delete(staging, recursive: true);
    }

    /// <summary>
    /// Readies the output folder: refuses one holding another run's outputs unless overwriting (which clears them) or resuming;
    /// when resuming an interrupted run, checks its journal and cuts its tables back to the last journaled file; otherwise creates
    /// the staging folder, the tables and the journal.
    /// </summary>
    private static (ExportJournal Journal, ResumePoint? Point) Open(ExportOptions options, string dir, string staging, System.Text.Json.Nodes.JsonObject settings, StagedTables tables)
    {
        if (options.Resume && File.Exists(Path.Combine(dir, OutputFolder.ManifestFile)))
            throw new ExportFolderException($"{dir}: holds a finished run (manifest.json); nothing to resume");
        if (options.Resume && File.Exists(ExportJournal.PathIn(staging)))
        {
            var (journal, point) = ExportJournal.Resume(staging, dir, settings);
            try
            {
                // A run killed while renaming its tables into place: take back those already moved.
                foreach (var t in StagedTables.Journaled)
                {
                    var path = tables.PathOf(t);
                    var moved = Path.Combine(dir, Path.GetFileName(path));
                    if (!File.Exists(path) && Path.GetDirectoryName(path) == staging && File.Exists(moved)) File.Move(moved, path);
                }
                tables.Truncate(point.Offsets);
                tables.Continue();
            }
            catch
            {
                journal.Dispose();
                throw;
            }
            return (journal, point);
        }
        var found = OutputFolder.OutputsIn(dir);
        if (options.Overwrite)
        {
            OutputFolder.Clear(dir);
        }
        else if (found.Count > 0 && !(options.Resume && found.SequenceEqual([Path.GetFileName(staging)])))
        {
            throw new ExportFolderException(options.Resume
                ? $"{dir}: holds outputs ({string.Join(", ", found.Take(4))}) but no interrupted run to resume; use --overwrite to replace them"
                : $"{dir}: holds the outputs of another run ({string.Join(", ", found.Take(4))}{(found.Count > 4 ? ", …" : "")}): use --overwrite to replace them, or --resume to continue an interrupted run");
        }
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        Directory.CreateDirectory(staging);
        var offsets = tables.Create();
        return (ExportJournal.Create(staging, settings, offsets), null);
    }

    /// <summary>A resumed run: the counts, cross-report summaries and panel of the files already written, read back from the staged tables.</summary>
    private static void Restore(StagedTables tables, DerivedTables derived, ExportSummary totals, List<CrossYearSummary> summaries)
    {
        var indexOf = new Dictionary<string, long>(StringComparer.Ordinal);
        int fileIndex = FileRow.Schema.IndexOf("index"), fileStatus = FileRow.Schema.IndexOf("status"), code = DiagnosticRow.Schema.IndexOf("code");
        using (var r = tables.Open(FileRow.Schema))
        {
            foreach (var row in r.Rows())
            {
                indexOf[row[0]] = long.Parse(row[fileIndex], System.Globalization.CultureInfo.InvariantCulture);
                totals.Files++;
                totals.Count(ReportStatusText.TryParse(row[fileStatus], out var status) ? status : throw new ExportFolderException($"the staged files table holds status '{row[fileStatus]}': it is damaged"));
            }
        }
        using (var r = tables.Open(CellRow.Schema))
        {
            foreach (var row in r.Rows()) totals.Cells++;
        }
        using (var r = tables.Open(WideReportRow.Schema))
        {
            foreach (var row in r.Rows())
            {
                totals.Reports++;
                summaries.Add(ShardMerger.Summary(row, indexOf[row[0]]));
                derived.Restore(row);
            }
        }
        using (var r = tables.Open(DiagnosticRow.Schema))
        {
            foreach (var row in r.Rows())
            {
                totals.DiagnosticRows++;
                totals.Code(row[code]);
            }
        }
        using (var r = tables.Open(IndicatorRow.Schema)) derived.IndicatorRows = r.Rows().LongCount();
    }

    /// <summary>The output files of an export or merge with their tables and row counts, for the manifest (no count for a page, a workbook, or derived tables not written).</summary>
    internal static List<ExportManifest.Output> Outputs(IEnumerable<string> published, ExportSummary totals, DerivedTables? derived)
    {
        var rows = new Dictionary<string, long?>(StringComparer.Ordinal)
        {
            [FileRow.Schema.Name] = totals.Files, [CellRow.Schema.Name] = totals.Cells, [WideReportRow.Schema.Name] = totals.Reports,
            [DiagnosticRow.Schema.Name] = totals.DiagnosticRows, [IndicatorRow.Schema.Name] = derived?.IndicatorRows, [PanelRow.Schema.Name] = derived?.PanelRows,
            [Codebook.Schema.Name] = Codebook.Entries.Count,
        };
        return published.Select(name =>
        {
            var table = Path.GetFileNameWithoutExtension(name);
            return rows.TryGetValue(table, out var n) && n is not null ? new ExportManifest.Output(name, table, n) : new ExportManifest.Output(name, null, null);
        }).ToList();
    }

    private static void Write(ParsedFile o, StagedTables writers, DerivedTables derived, ExportSummary totals)
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
        var sha256 = ReportFingerprints.Sha256(bytes);
        outcome.Sha256 = sha256;

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
        // The reports table's fingerprint is a prefix of the file's SHA-256: the bytes are hashed once.
        var row = WideReportRow.From(item.File, item.Source, result, sha256[..ReportFingerprints.ContentDigits]);
        outcome.Report = row;
        outcome.Summary = CrossYearSummary.From(item.Index, item.File, result.Report, row.Sha256, row.TablesHash);
        return outcome;
    }
}
