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
    /// (in the order files, reports, cells, diagnostics, indicators, panel, then the codebook) and removes the spool; nothing otherwise.
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
        Directory.Delete(spool, recursive: true);
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
