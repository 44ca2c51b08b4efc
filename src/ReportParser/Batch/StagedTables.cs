using ReportParser.Batch.IO;
using ReportParser.Export;

namespace ReportParser.Batch;

/// <summary>
/// The tables of an export while it runs, in its staging folder (<see cref="OutputFolder.StagingDir"/>), in a form that can be
/// cut back to a journaled length and continued: plain CSV and JSONL in place, every other format spooled as plain CSV
/// (<see cref="OutputFolder.SpoolOf"/>) and written in its format by <see cref="Finish"/> (measured in docs/scale-out.md).
/// </summary>
internal sealed class StagedTables : IDisposable
{
    /// <summary>The tables written file by file, whose lengths the journal records after each file.</summary>
    public static IReadOnlyList<RowSchema> Journaled { get; } = [FileRow.Schema, CellRow.Schema, WideReportRow.Schema, DiagnosticRow.Schema, IndicatorRow.Schema];

    private readonly string _staging;
    private readonly ExportFormat _format;
    private readonly bool _excelBom;
    private readonly ColumnNames _names;
    private readonly string? _spool;
    private readonly Dictionary<RowSchema, IAppendableTableWriter> _writers = new();

    public StagedTables(string staging, ExportFormat format, bool excelBom, ColumnNames names)
    {
        _staging = staging;
        _format = format;
        _excelBom = excelBom;
        _names = names;
        _spool = OutputFolder.SpoolOf(staging, format, excelBom);
    }

    private bool Jsonl => _spool is null && _format == ExportFormat.Jsonl;

    /// <summary>The file a table is written to while the run lasts.</summary>
    public string PathOf(RowSchema table)
        => _spool is null ? Path.Combine(_staging, table.Name + OutputFolder.Extension(_format)) : Path.Combine(_spool, table.Name + ".csv");

    /// <summary>The writer of a journaled table (after <see cref="Create"/> or <see cref="Continue"/>).</summary>
    public ITableWriter this[RowSchema table] => _writers[table];

    /// <summary>Creates the journaled tables, each with its header; returns their lengths.</summary>
    public long[] Create()
    {
        if (_spool is not null) Directory.CreateDirectory(_spool);
        foreach (var t in Journaled) _writers[t] = NewAppendable(t);
        return Flush();
    }

    /// <summary>Cuts each journaled table back to its journaled length.</summary>
    /// <exception cref="ExportFolderException">A table is missing or shorter than the journal says.</exception>
    public void Truncate(long[] offsets)
    {
        for (int i = 0; i < Journaled.Count; i++)
        {
            var path = PathOf(Journaled[i]);
            long length = File.Exists(path) ? new FileInfo(path).Length : -1;
            if (length < offsets[i])
                throw new ExportFolderException($"{Path.GetFileName(path)} of the interrupted run is {(length < 0 ? "missing" : $"shorter ({length} bytes)")} than the journal says ({offsets[i]} bytes); start again with --overwrite");
            AppendableFile.OpenAt(path, offsets[i]).Dispose();
        }
    }

    /// <summary>Continues the journaled tables from their (already truncated) ends.</summary>
    public void Continue()
    {
        foreach (var t in Journaled)
        {
            var path = PathOf(t);
            long length = new FileInfo(path).Length;
            _writers[t] = Jsonl ? JsonlTableWriter.Append(path, length, OutputFolder.Names(t, _names), t.Types) : CsvTableWriter.Append(path, length);
        }
    }

    /// <summary>Reads a staged table back (rows as written; a JSONL table with its columns in key order).</summary>
    public ITableReader Open(RowSchema table)
        => Jsonl ? new JsonlTableReader(PathOf(table), OutputFolder.Names(table, _names)) : new CsvTableReader(PathOf(table));

    /// <summary>A new table (the panel, written once at the end) in the staged form.</summary>
    public ITableWriter New(RowSchema table) => NewAppendable(table);

    private IAppendableTableWriter NewAppendable(RowSchema table)
    {
        var path = PathOf(table);
        var columns = OutputFolder.Names(table, _names);
        return Jsonl ? new JsonlTableWriter(path, columns, table.Types) : new CsvTableWriter(path, columns, excelBom: false, table.Types);
    }

    /// <summary>Flushes every journaled table; returns their lengths in <see cref="Journaled"/> order.</summary>
    public long[] Flush()
    {
        var lengths = new long[Journaled.Count];
        for (int i = 0; i < lengths.Length; i++) lengths[i] = _writers[Journaled[i]].Flush();
        return lengths;
    }

    /// <summary>
    /// Closes the tables and writes those spooled for Parquet or for CSV with a byte-order mark in their format into the staging
    /// folder (an xlsx workbook is written from its spool by <see cref="OutputFolder.Complete"/>).
    /// </summary>
    public void Finish()
    {
        Dispose();
        if (_spool is null || _format == ExportFormat.Xlsx) return;
        foreach (var t in ExportTables.Written)
        {
            var path = PathOf(t);
            if (!File.Exists(path)) continue;
            using var reader = new CsvTableReader(path);
            using var writer = OutputFolder.Create(_staging, t, _format, _excelBom, _names);
            foreach (var row in reader.Rows()) writer.Write(row);
        }
    }

    public void Dispose()
    {
        foreach (var w in _writers.Values) w.Dispose();
        _writers.Clear();
    }
}
