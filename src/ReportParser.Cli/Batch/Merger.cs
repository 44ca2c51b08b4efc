using System.Globalization;
using ReportParser.Export;
using ReportParser.Validation;

namespace ReportParser.Cli.Batch;

/// <summary>
/// <c>merge</c>: combines the output folders of shard runs into the output of one run. Rows are put back in input
/// order by the <c>index</c> column of files.* (every shard numbers files by their position in the full enumeration),
/// streaming with a k-way merge; the cross-report diagnostics are dropped from the inputs and recomputed over all
/// reports, as a single run computes them.
/// </summary>
internal static class Merger
{
    internal sealed class MergeException(string message) : Exception(message);

    public static BatchTotals Run(IReadOnlyList<string> dirs, string outDir, OutputFormat? format, bool excelBom)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var formats = new List<OutputFormat>();
        foreach (var d in dirs)
        {
            formats.Add(OutputTables.Detect(d) ?? throw new MergeException($"{d}: no files.csv, files.jsonl or files.parquet: not an export folder"));
            foreach (var t in OutputTables.Names)
            {
                if (!File.Exists(OutputTables.PathOf(d, t, formats[^1]))) throw new MergeException($"{d}: {t}{OutputTables.Extension(formats[^1])} is missing");
            }
        }
        var outFormat = format ?? formats[0];
        var outFull = Path.GetFullPath(outDir);
        if (dirs.Any(d => Path.GetFullPath(d).TrimEnd(Path.DirectorySeparatorChar) == outFull.TrimEnd(Path.DirectorySeparatorChar)))
            throw new MergeException("--out must not be one of the folders being merged");

        // Pass 1: the position of every file (small: one string and one number per file).
        var indexOf = new Dictionary<string, long>(StringComparer.Ordinal);
        var where = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < dirs.Count; i++)
        {
            using var r = Open(dirs[i], OutputTables.Files, formats[i]);
            foreach (var row in r.Rows())
            {
                if (row.Length != OutputTables.FileColumns.Length) throw new MergeException($"{dirs[i]}: a files row has {row.Length} fields, expected {OutputTables.FileColumns.Length}: the file is damaged");
                if (where.TryGetValue(row[0], out var other))
                    throw new MergeException($"{row[0]} appears in both {other} and {dirs[i]}: the folders are not disjoint shards of one run");
                where[row[0]] = dirs[i];
                indexOf[row[0]] = long.Parse(row[4], NumberStyles.None, CultureInfo.InvariantCulture);
            }
        }
        where.Clear();

        Directory.CreateDirectory(outDir);
        var totals = new BatchTotals();
        var summaries = new List<CrossYearSummary>();
        var cross = new HashSet<string>(Enum.GetValues<DiagnosticCode>().Where(CrossYearChecks.IsCrossReportCode)
            .Select(c => new Diagnostic(c, Severity.Warning, SourceLocation.Unknown, "").CodeText), StringComparer.Ordinal);
        foreach (var table in OutputTables.Names)
        {
            var readers = dirs.Select((d, i) => Open(d, table, formats[i])).ToList();
            try
            {
                using var writer = OutputTables.Create(outDir, table, outFormat, excelBom);
                int width = OutputTables.Columns(table).Length;
                Func<string[], long> key = row =>
                {
                    if (row.Length != width) throw new MergeException($"{table}: a row has {row.Length} fields, expected {width}: the file is damaged");
                    if (table == OutputTables.Files) return long.Parse(row[4], NumberStyles.None, CultureInfo.InvariantCulture);
                    return indexOf.TryGetValue(row[0], out var ix) ? ix : throw new MergeException($"{table}: a row names {row[0]}, which no files table lists");
                };
                foreach (var row in MergeSorted(readers.Select(r => r.Rows().GetEnumerator()).ToList(), key))
                {
                    switch (table)
                    {
                        case OutputTables.Files:
                            totals.Files++;
                            totals.Count(row[1]);
                            break;
                        case OutputTables.Cells:
                            totals.Cells++;
                            break;
                        case OutputTables.Reports:
                            totals.Reports++;
                            summaries.Add(Summary(row, key(row)));
                            break;
                        case OutputTables.Diagnostics:
                            if (cross.Contains(row[1])) continue;
                            totals.DiagnosticRows++;
                            totals.Code(row[1]);
                            break;
                    }
                    writer.Write(row);
                }
                if (table == OutputTables.Diagnostics)
                {
                    foreach (var f in CrossYearChecks.Check(summaries))
                    {
                        var d = DiagnosticRecord.From(f.File, f.Diagnostic);
                        writer.Write(new string?[] { d.File, d.Code, d.Severity, d.Rule, d.Message, d.Location });
                        totals.DiagnosticRows++;
                        totals.CrossReportFindings++;
                        totals.Code(d.Code);
                    }
                }
            }
            finally
            {
                foreach (var r in readers) r.Dispose();
            }
        }
        totals.Elapsed = started.Elapsed;
        return totals;
    }

    private static ITableReader Open(string dir, string table, OutputFormat format)
    {
        var reader = OutputTables.Open(dir, table, format);
        var expected = OutputTables.Columns(table);
        if (!reader.Columns.SequenceEqual(expected, StringComparer.Ordinal))
        {
            reader.Dispose();
            throw new MergeException($"{OutputTables.PathOf(dir, table, format)}: the columns differ from this version's ({string.Join(",", expected.Take(6))}…): written by another version?");
        }
        return reader;
    }

    private static CrossYearSummary Summary(string[] row, long index)
    {
        int meta = OutputTables.ReportMetaColumns.Length;
        int? year = int.TryParse(row[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var y) ? y : null;
        return CrossYearSummary.FromValues(index, row[0], row[2], year, row[11], new ArraySegment<string>(row, meta, row.Length - meta));
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
