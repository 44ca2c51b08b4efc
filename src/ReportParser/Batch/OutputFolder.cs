using ReportParser.Batch.IO;
using ReportParser.Export;

namespace ReportParser.Batch;

/// <summary>Where the tables of an export folder are, and the writer or reader for each format; the columns come from the tables' <see cref="RowSchema"/>.</summary>
internal static class OutputFolder
{
    public static string Extension(ExportFormat f) => f switch { ExportFormat.Jsonl => ".jsonl", ExportFormat.Parquet => ".parquet", _ => ".csv" };

    public static string PathOf(string dir, RowSchema table, ExportFormat f)
        => f == ExportFormat.Xlsx ? Path.Combine(SpoolDir(dir), table.Name + ".csv") : Path.Combine(dir, table.Name + Extension(f));

    /// <summary>The workbook of an xlsx export.</summary>
    public const string WorkbookFile = "export.xlsx";

    /// <summary>Where an xlsx export spools its tables as CSV until the workbook is written.</summary>
    public static string SpoolDir(string dir) => Path.Combine(dir, ".xlsx-tables");

    /// <summary>The format of an output folder, from the files table it holds.</summary>
    public static ExportFormat? Detect(string dir)
    {
        foreach (var f in new[] { ExportFormat.Csv, ExportFormat.Jsonl, ExportFormat.Parquet })
        {
            if (File.Exists(PathOf(dir, FileRow.Schema, f))) return f;
        }
        return null;
    }

    /// <summary>The header of a table under a naming.</summary>
    public static IReadOnlyList<string> Names(RowSchema table, ColumnNames names) => names == ColumnNames.Short ? table.ShortColumns : table.Columns;

    public static ITableWriter Create(string dir, RowSchema table, ExportFormat format, bool excelBom, ColumnNames names = ColumnNames.Keys)
    {
        var path = PathOf(dir, table, format);
        var columns = Names(table, names);
        if (format == ExportFormat.Xlsx) Directory.CreateDirectory(SpoolDir(dir));
        return format switch
        {
            ExportFormat.Jsonl => new JsonlTableWriter(path, columns, table.Types),
            ExportFormat.Parquet => new ParquetTableWriter(path, columns, table.Types, ReferenceEquals(table, WideReportRow.Schema) ? 2_000 : 50_000),
            ExportFormat.Xlsx => new CsvTableWriter(path, columns, excelBom: false),
            _ => new CsvTableWriter(path, columns, excelBom, table.Types),
        };
    }

    public static ITableReader Open(string dir, RowSchema table, ExportFormat format)
    {
        var path = PathOf(dir, table, format);
        return format switch
        {
            ExportFormat.Jsonl => new JsonlTableReader(path, table.Columns),
            ExportFormat.Parquet => new ParquetTableReader(path),
            _ => new CsvTableReader(path),
        };
    }

    /// <summary>
    /// Ends the writing of an output folder: for <see cref="ExportFormat.Xlsx"/>, writes the workbook from the spooled tables
    /// (in the order files, reports, cells, diagnostics, indicators, panel, then the codebook); nothing otherwise. The spool is left
    /// for the caller, who writes into a staging folder (<see cref="StagingDir"/>) and removes it whole.
    /// </summary>
    public static void Complete(string dir, ExportFormat format, int maxRows = XlsxWorkbookWriter.ExcelMaxRows)
    {
        if (format != ExportFormat.Xlsx) return;
        var spool = SpoolDir(dir);
        using (var book = new XlsxWorkbookWriter(Path.Combine(dir, WorkbookFile), maxRows))
        {
            foreach (var table in new RowSchema[] { FileRow.Schema, WideReportRow.Schema, CellRow.Schema, DiagnosticRow.Schema, IndicatorRow.Schema, PanelRow.Schema })
            {
                var path = PathOf(dir, table, format);
                if (!File.Exists(path)) continue;
                using var reader = new CsvTableReader(path);
                book.WriteTable(table.Name, reader.Columns, table.Types, reader.Rows());
            }
            book.WriteTable(Codebook.Schema.Name, Codebook.Schema.Columns, Codebook.Schema.Types, Codebook.Entries.Select(e => (IReadOnlyList<string?>)Codebook.Schema.Fields(e)));
        }
    }

    /// <summary>The completion mark of an output folder, written last (<see cref="ExportManifest"/>).</summary>
    public const string ManifestFile = "manifest.json";

    /// <summary>
    /// Where an export or merge writes everything before it is complete: a folder inside the output folder (so the final
    /// renames stay on one file system). Its files are renamed into the output folder when the run completes, then
    /// <see cref="ManifestFile"/> is written and the staging folder removed; a killed run leaves only this folder.
    /// </summary>
    public static string StagingDir(string dir) => Path.Combine(dir, ".partial");

    /// <summary>
    /// Where a run spools its tables as plain CSV when the final format cannot be appended to and cut back (Parquet, xlsx) or
    /// is rewritten at the end (CSV with a byte-order mark and Excel-safe text); null when the tables are written in place (plain CSV, JSONL).
    /// </summary>
    public static string? SpoolOf(string staging, ExportFormat format, bool excelBom) => format switch
    {
        ExportFormat.Xlsx => SpoolDir(staging),
        ExportFormat.Parquet => Path.Combine(staging, ".spool"),
        ExportFormat.Csv when excelBom => Path.Combine(staging, ".spool"),
        _ => null,
    };

    /// <summary>The names an export or merge may leave in an output folder, of every format: tables, codebook, page, workbook, manifest, staging.</summary>
    public static IEnumerable<string> OwnNames()
    {
        foreach (var t in ExportTables.Written)
        {
            foreach (var f in new[] { ExportFormat.Csv, ExportFormat.Jsonl, ExportFormat.Parquet }) yield return t.Name + Extension(f);
        }
        yield return CodebookFile;
        yield return QualityReport.FileName;
        yield return WorkbookFile;
        yield return ManifestFile;
        yield return Path.GetFileName(StagingDir("."));
        yield return Path.GetFileName(SpoolDir("."));
    }

    /// <summary>The outputs of some run found in a folder (its own names, and the temporary files of the page), in ordinal order.</summary>
    public static List<string> OutputsIn(string dir)
    {
        if (!Directory.Exists(dir)) return [];
        var found = OwnNames().Where(n => File.Exists(Path.Combine(dir, n)) || Directory.Exists(Path.Combine(dir, n))).ToList();
        found.AddRange(Directory.EnumerateFiles(dir, $".{QualityReport.FileName}.*.tmp").Select(p => Path.GetFileName(p)!));
        found.Sort(StringComparer.Ordinal);
        return found;
    }

    /// <summary>Removes every output of <see cref="OutputsIn"/> from a folder but <paramref name="keep"/>; other files are left alone.</summary>
    public static void Clear(string dir, string? keep = null)
    {
        foreach (var name in OutputsIn(dir))
        {
            if (name == keep) continue;
            var path = Path.Combine(dir, name);
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
            else File.Delete(path);
        }
    }

    /// <summary>
    /// Renames the files of a staging folder into the output folder (replacing files of the same name), in ordinal order,
    /// leaving its sub-folders and <paramref name="keep"/>; returns the names moved.
    /// </summary>
    public static List<string> Publish(string staging, string dir, params string[] keep)
    {
        var names = Directory.EnumerateFiles(staging).Select(p => Path.GetFileName(p)!).Where(n => !keep.Contains(n, StringComparer.Ordinal)).ToList();
        names.Sort(StringComparer.Ordinal);
        foreach (var n in names) File.Move(Path.Combine(staging, n), Path.Combine(dir, n), overwrite: true);
        return names;
    }

    /// <summary>The name of the codebook file every export and merge writes beside the tables.</summary>
    public const string CodebookFile = "codebook.csv";

    /// <summary>Writes <c>codebook.csv</c> (always CSV, UTF-8 without a byte-order mark) into an output folder.</summary>
    public static void WriteCodebook(string dir)
    {
        using var w = new CsvTableWriter(Path.Combine(dir, CodebookFile), Codebook.Schema.Columns, excelBom: false);
        foreach (var e in Codebook.Entries) w.Write(Codebook.Schema.Fields(e));
    }
}
