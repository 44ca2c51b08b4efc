using System.Globalization;
using ReportParser.Batch.IO;
using ReportParser.Export;
using ReportParser.Validation;

namespace ReportParser.Batch;

/// <summary>
/// <see cref="ReportExporter.MergeAsync(MergeOptions, CancellationToken)"/>: combines the output folders of shard runs into the output of one run. Rows are put back in input
/// order by the <c>index</c> column of files.* (every shard numbers files by their position in the full enumeration),
/// streaming with a k-way merge; the cross-report diagnostics are dropped from the inputs and recomputed over all
/// reports, as a single run computes them.
/// </summary>
internal static class ShardMerger
{
    private static readonly int FileIndexColumn = FileRow.Schema.IndexOf("index");
    private static readonly int FileStatusColumn = FileRow.Schema.IndexOf("status");

    public static ExportSummary Run(IReadOnlyList<string> dirs, string outDir, ExportFormat? format, bool excelBom, bool allowPartial, IReadOnlyList<string>? commandLine, CancellationToken cancel)
    {
        try
        {
            return Merge(dirs, outDir, format, excelBom, allowPartial, commandLine, cancel);
        }
        catch (Exception ex) when (ex is CsvHelper.CsvHelperException or System.Text.Json.JsonException or FormatException or OverflowException
                                       or InvalidDataException or Parquet.ParquetException)
        {
            throw new ShardMergeException($"a table cannot be read: {ex.Message}", ex);
        }
    }

    private static ExportSummary Merge(IReadOnlyList<string> dirs, string outDir, ExportFormat? format, bool excelBom, bool allowPartial, IReadOnlyList<string>? commandLine, CancellationToken cancel)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var startedAt = DateTime.UtcNow;
        var outFull = Path.GetFullPath(outDir);
        if (dirs.Any(d => Path.GetFullPath(d).TrimEnd(Path.DirectorySeparatorChar) == outFull.TrimEnd(Path.DirectorySeparatorChar)))
            throw new ShardMergeException("--out must not be one of the folders being merged");
        var shards = ShardManifests.Check(dirs, allowPartial);
        var formats = shards.Formats;
        var outFormat = format ?? formats[0];

        var merge = new TableMerge(dirs, formats, IndexFiles(dirs, formats, cancel), cancel);
        Directory.CreateDirectory(outDir);
        var staging = OutputFolder.StagingDir(outDir);
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        Directory.CreateDirectory(staging);
        try
        {
            foreach (var table in ExportTables.All) merge.Write(table, staging, outFormat, excelBom);
            merge.Derived?.Complete();
        }
        finally
        {
            merge.Derived?.Dispose();
        }
        OutputFolder.WriteCodebook(staging);
        QualityReport.WriteFor(staging, outFormat);
        OutputFolder.Complete(staging, outFormat);
        // Merge replaces the outputs in --out, of every format, so that no stale table is left beside the new manifest.
        OutputFolder.Clear(outDir, keep: Path.GetFileName(staging));
        var published = OutputFolder.Publish(staging, outDir);
        var settings = shards.Settings.DeepClone().AsObject();
        var options = settings["options"]!.AsObject();
        options["format"] = outFormat.ToString().ToLowerInvariant();
        options["excelBom"] = excelBom;
        options["shard"] = "1/1";
        var run = new ExportManifest.Run("merge", commandLine ?? Environment.GetCommandLineArgs(), startedAt, DateTime.UtcNow, settings, 1)
        {
            Merged = shards.Merged, Partial = (allowPartial, shards.Missing),
        };
        ExportManifest.Write(outDir, staging, run, shards.InputFiles(), ReportExporter.Outputs(published, merge.Totals, merge.Derived));
        Directory.Delete(staging, recursive: true);
        merge.Totals.Elapsed = started.Elapsed;
        return merge.Totals;
    }

    /// <summary>Pass 1: the position of every file in the unsharded run (small: one string and one number per file).</summary>
    private static Dictionary<string, long> IndexFiles(IReadOnlyList<string> dirs, List<ExportFormat> formats, CancellationToken cancel)
    {
        var indexOf = new Dictionary<string, long>(StringComparer.Ordinal);
        var where = new Dictionary<string, string>(StringComparer.Ordinal);
        int width = FileRow.Schema.Columns.Count;
        for (int i = 0; i < dirs.Count; i++)
        {
            using var r = Open(dirs[i], FileRow.Schema, formats[i]);
            foreach (var row in r.Rows())
            {
                cancel.ThrowIfCancellationRequested();
                if (row.Length != width) throw new ShardMergeException($"{dirs[i]}: a files row has {row.Length} fields, expected {width}: the file is damaged");
                if (!where.TryAdd(row[0], dirs[i]))
                    throw new ShardMergeException($"{row[0]} appears in both {where[row[0]]} and {dirs[i]}: the folders are not disjoint shards of one run");
                indexOf[row[0]] = long.Parse(row[FileIndexColumn], NumberStyles.None, CultureInfo.InvariantCulture);
            }
        }
        return indexOf;
    }

    /// <summary>Pass 2: each table's rows from every shard, in the unsharded run's order, with the totals and the cross-report checks rerun.</summary>
    private sealed class TableMerge(IReadOnlyList<string> dirs, List<ExportFormat> formats, Dictionary<string, long> indexOf, CancellationToken cancel)
    {
        private static readonly HashSet<string> CrossCodes = new(Enum.GetValues<DiagnosticCode>().Where(CrossYearChecks.IsCrossReportCode)
            .Select(c => new Diagnostic(c, Severity.Warning, SourceLocation.Unknown, "").CodeText), StringComparer.Ordinal);

        private static readonly int DiagnosticCodeColumn = DiagnosticRow.Schema.IndexOf("code");

        private readonly List<CrossYearSummary> _summaries = new();

        public ExportSummary Totals { get; } = new();

        /// <summary>The indicators and panel, computed again from the merged reports rows (opened with the reports table).</summary>
        public DerivedTables? Derived { get; private set; }

        public void Write(RowSchema table, string outDir, ExportFormat outFormat, bool excelBom)
        {
            var readers = dirs.Select((d, i) => Open(d, table, formats[i])).ToList();
            try
            {
                // Short names stay short: the output is named as the shards are.
                var names = readers[0].Columns.SequenceEqual(table.Columns, StringComparer.Ordinal) ? ColumnNames.Keys : ColumnNames.Short;
                if (readers.Any(r => !r.Columns.SequenceEqual(readers[0].Columns, StringComparer.Ordinal)))
                    throw new ShardMergeException($"{table.Name}: the shards name their columns differently (keys and short names): export them with the same --names");
                using var writer = OutputFolder.Create(outDir, table, outFormat, excelBom, names);
                if (ReferenceEquals(table, WideReportRow.Schema)) Derived = new DerivedTables(outDir, outFormat, excelBom, names, wholeBatch: true);
                foreach (var row in MergeSorted(readers.Select(r => r.Rows().GetEnumerator()).ToList(), row => Key(table, row)))
                {
                    cancel.ThrowIfCancellationRequested();
                    if (Count(table, row)) writer.Write(row);
                }
                if (ReferenceEquals(table, DiagnosticRow.Schema)) WriteCrossReportFindings(writer);
            }
            finally
            {
                foreach (var r in readers) r.Dispose();
            }
        }

        private long Key(RowSchema table, string[] row)
        {
            if (row.Length != table.Columns.Count) throw new ShardMergeException($"{table.Name}: a row has {row.Length} fields, expected {table.Columns.Count}: the file is damaged");
            if (ReferenceEquals(table, FileRow.Schema)) return long.Parse(row[FileIndexColumn], NumberStyles.None, CultureInfo.InvariantCulture);
            return indexOf.TryGetValue(row[0], out var ix) ? ix : throw new ShardMergeException($"{table.Name}: a row names {row[0]}, which no files table lists");
        }

        /// <summary>Counts a row in the totals; false for a cross-report finding of a shard (they are recomputed over all shards).</summary>
        private bool Count(RowSchema table, string[] row)
        {
            if (ReferenceEquals(table, FileRow.Schema))
            {
                Totals.Files++;
                Totals.Count(ReportStatusText.TryParse(row[FileStatusColumn], out var status)
                    ? status : throw new ShardMergeException($"{table.Name}: '{row[FileStatusColumn]}' is not a status: the file is damaged"));
            }
            else if (ReferenceEquals(table, CellRow.Schema))
            {
                Totals.Cells++;
            }
            else if (ReferenceEquals(table, WideReportRow.Schema))
            {
                Totals.Reports++;
                _summaries.Add(Summary(row, Key(table, row)));
                Derived?.Add(row);
            }
            else
            {
                if (CrossCodes.Contains(row[DiagnosticCodeColumn])) return false;
                Totals.DiagnosticRows++;
                Totals.Code(row[DiagnosticCodeColumn]);
            }
            return true;
        }

        private void WriteCrossReportFindings(ITableWriter writer)
        {
            foreach (var f in CrossYearChecks.Check(_summaries))
            {
                writer.Write(DiagnosticRow.Schema.Fields(new DiagnosticRow(f.File, f.Diagnostic)));
                Totals.DiagnosticRows++;
                Totals.CrossReportFindings++;
                Totals.Code(f.Diagnostic.CodeText);
            }
        }
    }

    /// <summary>Opens a table, checking its header against the table's schema.</summary>
    private static ITableReader Open(string dir, RowSchema table, ExportFormat format)
    {
        var reader = OutputFolder.Open(dir, table, format);
        var expected = table.Columns;
        if (!reader.Columns.SequenceEqual(expected, StringComparer.Ordinal) && !reader.Columns.SequenceEqual(table.ShortColumns, StringComparer.Ordinal))
        {
            reader.Dispose();
            throw new ShardMergeException($"{OutputFolder.PathOf(dir, table, format)}: the columns differ from this version's ({string.Join(",", expected.Take(6))}…): written by another version?");
        }
        if (reader is IO.ParquetTableReader parquet && !parquet.Types.SequenceEqual(table.Types))
        {
            reader.Dispose();
            throw new ShardMergeException($"{OutputFolder.PathOf(dir, table, format)}: the column types differ from this version's: written by another version?");
        }
        return reader;
    }

    private static readonly int ReportFile = WideReportRow.Schema.IndexOf("file");
    private static readonly int ReportAgency = WideReportRow.Schema.IndexOf("agency");
    private static readonly int ReportYear = WideReportRow.Schema.IndexOf("year");
    private static readonly int ReportSha256 = WideReportRow.Schema.IndexOf("sha256");
    private static readonly int ReportTablesHash = WideReportRow.Schema.IndexOf("tables_hash");
    private static readonly int ReportProse = WideReportRow.Schema.IndexOf("prose_sentences");
    private static readonly int[] CarriedOverColumns = RequestsColumns(CrossYearSummary.CarriedOverRow);
    private static readonly int[] CarriedForwardColumns = RequestsColumns(CrossYearSummary.CarriedForwardRow);

    private static int[] RequestsColumns(string row)
        => CrossYearSummary.ApplicantColumns.Select(c => WideReportRow.Schema.IndexOf($"Requests.{row}.{c}")).ToArray();

    /// <summary>The cross-report summary of a written reports row: the typed fields read back from their columns.</summary>
    internal static CrossYearSummary Summary(string[] row, long index)
    {
        int? year = int.TryParse(row[ReportYear], NumberStyles.Integer, CultureInfo.InvariantCulture, out var y) ? y : null;
        return new CrossYearSummary(index, row[ReportFile], string.IsNullOrWhiteSpace(row[ReportAgency]) ? null : row[ReportAgency], year,
            NullIfEmpty(row[ReportSha256]), NullIfEmpty(row[ReportTablesHash]), Numbers(row, CarriedOverColumns), Numbers(row, CarriedForwardColumns))
        {
            Sentences = ReportProse >= 0 && ReportProse < row.Length ? SentenceFingerprint.ParseList(row[ReportProse]) : Array.Empty<SentenceFingerprint>(),
            TableFingerprints = TableFingerprint.Of(CellValues(row)),
        };
    }

    /// <summary>The stated cells of a written reports row, as keys and values.</summary>
    private static IEnumerable<(string Key, decimal? Value)> CellValues(string[] row)
    {
        int first = WideReportRow.MetadataColumnCount;
        for (int i = 0; i < ReportCellKeys.All.Count && first + i < row.Length; i++)
        {
            if (row[first + i] is { Length: > 0 } v && decimal.TryParse(v, NumberStyles.Number | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d))
                yield return (ReportCellKeys.All[i], d);
        }
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    private static decimal?[] Numbers(string[] row, int[] columns)
    {
        var result = new decimal?[columns.Length];
        for (int c = 0; c < columns.Length; c++)
        {
            if (columns[c] >= 0 && row[columns[c]] is { Length: > 0 } v && decimal.TryParse(v, NumberStyles.Number, CultureInfo.InvariantCulture, out var d)) result[c] = d;
        }
        return result;
    }

    /// <summary>A k-way merge of sources each already sorted by key; rows with equal keys keep their source order.</summary>
    internal static IEnumerable<string[]> MergeSorted(List<IEnumerator<string[]>> sources, Func<string[], long> key)
    {
        var queue = new PriorityQueue<int, (long Key, int Source)>();
        try
        {
            for (int i = 0; i < sources.Count; i++)
            {
                if (sources[i].MoveNext()) queue.Enqueue(i, (key(sources[i].Current), i));
            }
            while (queue.TryDequeue(out int s, out _))
            {
                var row = sources[s].Current;
                yield return row;
                if (sources[s].MoveNext()) queue.Enqueue(s, (key(sources[s].Current), s));
            }
        }
        finally
        {
            foreach (var e in sources) e.Dispose();
        }
    }
}
