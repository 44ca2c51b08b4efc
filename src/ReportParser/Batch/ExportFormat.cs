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
}
