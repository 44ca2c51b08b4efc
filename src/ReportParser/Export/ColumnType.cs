namespace ReportParser.Export;

/// <summary>
/// The type of an export column, fixed by the tool version: CSV writes every type as text, JSONL writes the numeric
/// types as JSON numbers, Parquet stores each as its own physical and logical type; a missing value is null in all three.
/// </summary>
public enum ColumnType
{
    /// <summary>UTF-8 text (Parquet <c>STRING</c>).</summary>
    Text,

    /// <summary>A whole number of 32 bits (Parquet <c>INT32</c>): years, lines, pages, diagnostic counts.</summary>
    Int32,

    /// <summary>A whole number of 64 bits (Parquet <c>INT64</c>): the counts of the templates, byte sizes, input indices.</summary>
    Int64,

    /// <summary>A decimal of <see cref="RowSchema.DecimalPrecision"/> digits, <see cref="RowSchema.DecimalScale"/> of them after the point (Parquet <c>DECIMAL(18,4)</c>): amounts.</summary>
    Decimal,

    /// <summary>A calendar date (Parquet <c>DATE</c>); <c>yyyy-MM-dd</c> as text.</summary>
    Date,
}

/// <summary>The names of <see cref="ColumnType"/> values as the codebook prints them.</summary>
public static class ColumnTypes
{
    /// <summary><c>text</c>, <c>int32</c>, <c>int64</c>, <c>decimal(18,4)</c> or <c>date</c>.</summary>
    public static string ToText(this ColumnType type) => type switch
    {
        ColumnType.Int32 => "int32",
        ColumnType.Int64 => "int64",
        ColumnType.Decimal => $"decimal({RowSchema.DecimalPrecision},{RowSchema.DecimalScale})",
        ColumnType.Date => "date",
        _ => "text",
    };

    /// <summary>The column type of a template value kind: counts (signed or not) are <see cref="ColumnType.Int64"/>, amounts <see cref="ColumnType.Decimal"/>.</summary>
    public static ColumnType Of(ValueKind kind) => kind == ValueKind.Amount ? ColumnType.Decimal : ColumnType.Int64;
}
