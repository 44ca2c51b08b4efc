namespace ReportParser.Batch;

/// <summary>The file format of the tables a batch export or merge writes.</summary>
public enum ExportFormat
{
    /// <summary>RFC 4180 CSV, UTF-8, LF line ends: <c>files.csv</c>, <c>cells.csv</c>, ….</summary>
    Csv,

    /// <summary>One JSON object per line, empty values as <c>null</c>: <c>files.jsonl</c>, ….</summary>
    Jsonl,

    /// <summary>Parquet with every column a nullable UTF-8 string, so the schema is the same in every run and shard: <c>files.parquet</c>, ….</summary>
    Parquet,
}
