using ReportParser.Batch.IO;
using ReportParser.Export;

namespace ReportParser.Batch;

/// <summary>Where the tables of an export folder are, and the writer or reader for each format; the columns come from the tables' <see cref="RowSchema"/>.</summary>
internal static class OutputFolder
{
    public static string Extension(ExportFormat f) => f switch { ExportFormat.Jsonl => ".jsonl", ExportFormat.Parquet => ".parquet", _ => ".csv" };

    public static string PathOf(string dir, RowSchema table, ExportFormat f) => Path.Combine(dir, table.Name + Extension(f));

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
        return format switch
        {
            ExportFormat.Jsonl => new JsonlTableWriter(path, columns, table.Types),
            ExportFormat.Parquet => new ParquetTableWriter(path, columns, table.Types, ReferenceEquals(table, WideReportRow.Schema) ? 2_000 : 50_000),
            _ => new CsvTableWriter(path, columns, excelBom),
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

    /// <summary>The name of the codebook file every export and merge writes beside the tables.</summary>
    public const string CodebookFile = "codebook.csv";

    /// <summary>Writes <c>codebook.csv</c> (always CSV, UTF-8 without a byte-order mark) into an output folder.</summary>
    public static void WriteCodebook(string dir)
    {
        using var w = new CsvTableWriter(Path.Combine(dir, CodebookFile), Codebook.Schema.Columns, excelBom: false);
        foreach (var e in Codebook.Entries) w.Write(Codebook.Schema.Fields(e));
    }
}
