using System.Globalization;
using System.Threading.Channels;
using ReportParser.Export;
using ReportParser.Validation;

namespace ReportParser.Cli.Batch;

/// <summary>The settings of one export run.</summary>
internal sealed record BatchOptions
{
    public required IReadOnlyList<string> Inputs { get; init; }

    public required string OutDir { get; init; }

    public OutputFormat Format { get; init; } = OutputFormat.Csv;

    public bool ExcelBom { get; init; }

    public Shard Shard { get; init; } = Shard.All;

    /// <summary>Parses running at once; default the processor count.</summary>
    public int Jobs { get; init; } = Environment.ProcessorCount;

    /// <summary>Per-file time limit; a file over it is listed as unreadable with reason 'time limit'.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(60);

    public ProgressMode Progress { get; init; } = ProgressMode.Auto;

    public ReportParserOptions ParserOptions { get; init; } = ReportParserOptions.Default;

    /// <summary>The parse step; replaceable so tests can stand in a pathological parser.</summary>
    public Func<ReportSource, ReportParserOptions, ReportParseResult> Parse { get; init; } = (s, o) => Report.Parse(s, o);
}

/// <summary>What a worker hands the writer for one file: ready-made output rows, no parsed model.</summary>
internal sealed class FileOutcome
{
    public required InputItem Item { get; init; }

    public FileStatus Status { get; set; }

    public string Reason { get; set; } = "";

    public long Bytes { get; set; } = -1;

    public int Errors { get; set; }

    public int Warnings { get; set; }

    public int Infos { get; set; }

    public List<string?[]> Cells { get; } = new();

    public List<string?[]> Diagnostics { get; } = new();

    public string?[]? ReportRow { get; set; }

    public CrossYearSummary? Summary { get; set; }
}

/// <summary>The counts of a run, for the summary table and the exit code.</summary>
internal sealed class BatchTotals
{
    public long Files { get; set; }

    public long Cells { get; set; }

    public long Reports { get; set; }

    public long DiagnosticRows { get; set; }

    public long CrossReportFindings { get; set; }

    public Dictionary<string, long> ByStatus { get; } = FileStatusText.All.ToDictionary(s => s, _ => 0L);

    public Dictionary<string, long> ByCode { get; } = new(StringComparer.Ordinal);

    public TimeSpan Elapsed { get; set; }

    public void Count(string status) => ByStatus[status] = ByStatus.GetValueOrDefault(status) + 1;

    public void Code(string code) => ByCode[code] = ByCode.GetValueOrDefault(code) + 1;
}

/// <summary>
/// The export pipeline. One producer walks the inputs in order; up to <see cref="BatchOptions.Jobs"/> workers parse
/// at once; the writer takes the results back in input order through a bounded queue, so output order does not
/// depend on the parallelism and memory does not grow with the number of files. Only a small
/// <see cref="CrossYearSummary"/> per report is kept for the cross-report checks run at the end.
/// </summary>
internal static class BatchExporter
{
    public static BatchTotals Run(BatchOptions options, Progress progress, CancellationToken cancel = default)
        => Task.Run(() => RunAsync(options, progress, cancel), cancel).GetAwaiter().GetResult();

    private static async Task<BatchTotals> RunAsync(BatchOptions options, Progress progress, CancellationToken cancel)
    {
        Directory.CreateDirectory(options.OutDir);
        var totals = new BatchTotals();
        var summaries = new List<CrossYearSummary>();
        int jobs = Math.Max(1, options.Jobs);

        using var counter = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        _ = Task.Run(() =>
        {
            try { progress.SetTotal(InputEnumerator.Count(options.Inputs, options.Shard.Contains, counter.Token)); }
            catch (OperationCanceledException) { }
        }, counter.Token);

        var writers = OutputTables.Names.ToDictionary(n => n, n => OutputTables.Create(options.OutDir, n, options.Format, options.ExcelBom));
        try
        {
            var queue = Channel.CreateBounded<Task<FileOutcome>>(new BoundedChannelOptions(jobs * 4) { SingleReader = true, SingleWriter = true });
            using var slots = new SemaphoreSlim(jobs);
            var enumerator = new InputEnumerator(options.Inputs, options.Shard.Contains, options.ParserOptions.MaxInputBytes);
            var producer = Task.Run(async () =>
            {
                try
                {
                    foreach (var item in enumerator.Enumerate())
                    {
                        await slots.WaitAsync(cancel).ConfigureAwait(false);
                        await queue.Writer.WriteAsync(Start(item, options, slots), cancel).ConfigureAwait(false);
                    }
                    queue.Writer.Complete();
                }
                catch (Exception ex)
                {
                    queue.Writer.Complete(ex);
                }
            }, cancel);

            await foreach (var task in queue.Reader.ReadAllAsync(cancel).ConfigureAwait(false))
            {
                var outcome = await task.ConfigureAwait(false);
                Write(outcome, writers, totals);
                if (outcome.Summary is not null) summaries.Add(outcome.Summary);
                progress.Done(outcome.Status == FileStatus.Unreadable);
            }
            await producer.ConfigureAwait(false);

            if (options.Shard.IsAll)
            {
                foreach (var f in CrossYearChecks.Check(summaries))
                {
                    writers[OutputTables.Diagnostics].Write(DiagnosticRow(DiagnosticRecord.From(f.File, f.Diagnostic)));
                    totals.DiagnosticRows++;
                    totals.CrossReportFindings++;
                    totals.Code(f.Diagnostic.CodeText);
                }
            }
        }
        finally
        {
            await counter.CancelAsync().ConfigureAwait(false);
            foreach (var w in writers.Values) w.Dispose();
        }
        totals.Elapsed = progress.Elapsed;
        return totals;
    }

    private static void Write(FileOutcome o, Dictionary<string, ITableWriter> writers, BatchTotals totals)
    {
        var inv = CultureInfo.InvariantCulture;
        writers[OutputTables.Files].Write(new string?[]
        {
            o.Item.File, o.Status.ToText(), o.Reason, o.Item.Source, o.Item.Index.ToString(inv),
            o.Bytes >= 0 ? o.Bytes.ToString(inv) : "", o.Cells.Count.ToString(inv),
            o.Errors.ToString(inv), o.Warnings.ToString(inv), o.Infos.ToString(inv),
        });
        foreach (var c in o.Cells) writers[OutputTables.Cells].Write(c);
        if (o.ReportRow is not null)
        {
            writers[OutputTables.Reports].Write(o.ReportRow);
            totals.Reports++;
        }
        foreach (var d in o.Diagnostics)
        {
            writers[OutputTables.Diagnostics].Write(d);
            totals.Code(d[1]!);
        }
        totals.Files++;
        totals.Cells += o.Cells.Count;
        totals.DiagnosticRows += o.Diagnostics.Count;
        totals.Count(o.Status.ToText());
    }

    private static string?[] DiagnosticRow(DiagnosticRecord d) => new string?[] { d.File, d.Code, d.Severity, d.Rule, d.Message, d.Location };

    /// <summary>Starts one file; the slot is given back when the parse ends or its time is up (the runaway parse keeps its thread: .NET cannot abort it).</summary>
    private static async Task<FileOutcome> Start(InputItem item, BatchOptions options, SemaphoreSlim slots)
    {
        try
        {
            if (item.Status is FileStatus status) return new FileOutcome { Item = item, Status = status, Reason = item.Reason, Bytes = item.Bytes?.LongLength ?? -1 };
            var work = Task.Run(() => Process(item, options));
            try
            {
                return await work.WaitAsync(options.TimeLimit).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                _ = work.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
                return new FileOutcome
                {
                    Item = item, Status = FileStatus.Unreadable, Bytes = item.Bytes?.LongLength ?? -1,
                    Reason = string.Create(CultureInfo.InvariantCulture, $"time limit: parsing took longer than {options.TimeLimit.TotalSeconds:0.###} s"),
                };
            }
        }
        finally
        {
            slots.Release();
        }
    }

    internal static FileOutcome Process(InputItem item, BatchOptions options)
    {
        var outcome = new FileOutcome { Item = item };
        byte[] bytes;
        try
        {
            if (item.Bytes is { } b)
            {
                bytes = b;
            }
            else
            {
                var info = new FileInfo(item.Path!);
                if (info.Length > options.ParserOptions.MaxInputBytes)
                {
                    outcome.Bytes = info.Length;
                    outcome.Status = FileStatus.Unreadable;
                    outcome.Reason = $"the file is {info.Length:N0} bytes, over the limit of {options.ParserOptions.MaxInputBytes:N0}";
                    return outcome;
                }
                bytes = File.ReadAllBytes(item.Path!);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            outcome.Status = FileStatus.Unreadable;
            outcome.Reason = $"cannot read: {ex.Message}";
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
            outcome.Status = FileStatus.Unreadable;
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
            outcome.Diagnostics.Add(DiagnosticRow(DiagnosticRecord.From(item.File, d)));
        }
        (outcome.Status, outcome.Reason) = Classify(result);
        if (outcome.Status is FileStatus.NotAReport or FileStatus.Unreadable) return outcome;

        var m = result.Report.Metadata;
        var inv = CultureInfo.InvariantCulture;
        string year = m.Year?.ToString(inv) ?? "";
        string template = m.Template.ToKey();
        // One pass over the cells feeds both cells.csv and the wide row (each value formatted once).
        var values = new string[ReportCellKeys.All.Count];
        Array.Fill(values, "");
        foreach (var t in result.Report.Tables)
        {
            foreach (var c in t.Cells)
            {
                string value = c.Value?.ToString(inv) ?? "";
                outcome.Cells.Add(new string?[]
                {
                    item.File, m.Agency, year, template, c.Table, c.Row, c.Column, value, c.Raw,
                    c.Location is { Line: > 0 } s ? s.Line.ToString(inv) : "", item.Source, c.Location?.Page?.ToString(inv) ?? "",
                });
                if (value.Length > 0 && ReportCellKeys.IndexOf(c.Table, c.Row, c.Column) is int k and >= 0) values[k] = value;
            }
        }
        var hash = CrossYearSummary.HashBytes(bytes);
        var summary = CrossYearSummary.FromValues(item.Index, item.File, m.Agency, m.Year, hash, values);
        var row = new string?[OutputTables.ReportColumns.Length];
        string?[] meta =
        {
            item.File, item.Source, m.Agency, year, template, m.PublishedOn?.ToString("yyyy-MM-dd", inv), m.Title, outcome.Status.ToText(),
            outcome.Errors.ToString(inv), outcome.Warnings.ToString(inv), outcome.Infos.ToString(inv), hash, summary.TablesHash,
        };
        meta.CopyTo(row, 0);
        values.CopyTo(row, meta.Length);
        outcome.ReportRow = row;
        outcome.Summary = summary;
        return outcome;
    }

    /// <summary>
    /// The status of a parsed file: unreadable when an input-stage error left nothing to read (corrupt, encrypted or
    /// scanned PDF, unsupported format, over a limit); not-a-report when the content is empty, binary or no report; parsed-with-errors
    /// when any error diagnostic remains; otherwise parsed. The reason quotes the deciding diagnostic.
    /// </summary>
    internal static (FileStatus Status, string Reason) Classify(ReportParseResult result)
    {
        bool hasTables = result.Report.Tables.Any();
        foreach (var d in result.Diagnostics)
        {
            if (d.Severity != Severity.Error) continue;
            if (!hasTables && d.Code is DiagnosticCode.Unreadable or DiagnosticCode.UnsupportedFormat or DiagnosticCode.LimitExceeded
                    or DiagnosticCode.NoTextLayer or DiagnosticCode.PdfEncrypted)
                return (FileStatus.Unreadable, $"{d.CodeText} {d.Message}");
        }
        foreach (var d in result.Diagnostics)
        {
            if (d.Severity == Severity.Error && d.Code is DiagnosticCode.EmptyInput or DiagnosticCode.BinaryInput or DiagnosticCode.NotAReport)
                return (FileStatus.NotAReport, $"{d.CodeText} {d.Message}");
        }
        var errors = result.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        if (errors.Count > 0)
            return (FileStatus.ParsedWithErrors, string.Create(CultureInfo.InvariantCulture, $"{errors.Count} error(s); first: {errors[0].CodeText} {errors[0].Message}"));
        return (FileStatus.Parsed, "");
    }
}
