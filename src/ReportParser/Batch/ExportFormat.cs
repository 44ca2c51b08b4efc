namespace ReportParser.Batch;

/// <summary>The file format of the tables a batch export or merge writes.</summary>
public enum ExportFormat
{
    /// <summary>RFC 4180 CSV, UTF-8, LF line ends: <c>files.csv</c>, <c>cells.csv</c>, ….</summary>
    Csv,

    /// <summary>One flat JSON object per line, numeric columns as JSON numbers, empty values as <c>null</c>: <c>files.jsonl</c>, ….</summary>
    Jsonl,

    /// <summary>Parquet with each column typed from its <see cref="Export.RowSchema.Types"/> (INT32, INT64, DECIMAL(18,4), DATE or STRING, all nullable), fixed by the tool version so every run and shard has one schema: <c>files.parquet</c>, ….</summary>
    Parquet,

    /// <summary>
    /// One Excel workbook, <c>export.xlsx</c>, with a sheet per table (files, reports, cells, diagnostics, indicators, panel, codebook): typed cells,
    /// a frozen header row and an autofilter; a table over Excel's 1,048,576 rows continues on a second sheet. The tables are spooled
    /// as CSV in the output folder and the workbook written from them at the end; <c>merge</c> cannot read an xlsx folder.
    /// </summary>
    Xlsx,
}
