using System.Globalization;

namespace ReportParser.Export;

/// <summary>One table cell of a parsed report, the row of the <c>cells</c> table.</summary>
/// <param name="File">The file's identity (the source name for a single parse).</param>
/// <param name="Agency">发布机构, when found.</param>
/// <param name="Year">The report year, when found.</param>
/// <param name="Template">The report's template.</param>
/// <param name="Table">Table key.</param>
/// <param name="Row">Row key.</param>
/// <param name="Column">Column key.</param>
/// <param name="Value">The value; null when not stated.</param>
/// <param name="Raw">The text as printed.</param>
/// <param name="Line">Line of the cell, when known.</param>
/// <param name="Source">The entry path inside an archive; empty otherwise.</param>
/// <param name="Page">Page of the cell, when known.</param>
public sealed record CellRow(string File, string? Agency, int? Year, ReportTemplate Template, string Table, string Row, string Column,
    decimal? Value, string? Raw, int? Line, string Source, int? Page)
{
    /// <summary>True when the cell was printed blank and <c>--blank-as-zero</c> reads it as 0 (its <see cref="Value"/> stays null).</summary>
    public bool AssumedZero { get; init; }

    /// <summary>How the cell was read: <c>text</c>, <c>ocr</c> or <c>ocr-corrected</c>.</summary>
    public CellMethod Method { get; init; } = CellMethod.Text;

    /// <summary>For a cell read by OCR, the lowest probability of its characters; null otherwise.</summary>
    public double? Confidence { get; init; }

    /// <summary>
    /// The columns of the <c>cells</c> table: <c>file,agency,year,template,table,row,column,value,raw,line,source,page,label,unit,assumed_zero,method,confidence</c>;
    /// the value in invariant culture, empty when not stated; <c>label</c> the template's Chinese row and column labels (<see cref="CellLabels.Label"/>),
    /// <c>unit</c> 件, 万元 …; <c>method</c> text, ocr or ocr-corrected, <c>confidence</c> the lowest character probability of an OCR cell.
    /// </summary>
    public static RowSchema<CellRow> Schema { get; } = new RowSchema<CellRow>("cells")
        .Map("file", r => r.File)
        .Map("agency", r => r.Agency)
        .Map("year", ColumnType.Int32, r => r.Year?.ToString(CultureInfo.InvariantCulture))
        .Map("template", r => r.Template.ToKey())
        .Map("table", r => r.Table)
        .Map("row", r => r.Row)
        .Map("column", r => r.Column)
        .Map("value", ColumnType.Decimal, r => r.Value?.ToString(CultureInfo.InvariantCulture))
        .Map("raw", r => r.Raw)
        .Map("line", ColumnType.Int32, r => r.Line?.ToString(CultureInfo.InvariantCulture))
        .Map("source", r => r.Source)
        .Map("page", ColumnType.Int32, r => r.Page?.ToString(CultureInfo.InvariantCulture))
        .Map("label", r => CellLabels.Label(r.Table, r.Row, r.Column))
        .Map("unit", r => CellLabels.Of(r.Table, r.Row, r.Column)?.Unit)
        .Map("assumed_zero", ColumnType.Int32, r => r.AssumedZero ? "1" : null)
        .Map("method", r => r.Method.ToKey())
        .Map("confidence", ColumnType.Decimal, r => r.Confidence?.ToString("0.####", CultureInfo.InvariantCulture));

    /// <summary>Every cell of every standard table of a report, in template order.</summary>
    /// <param name="file">The file's identity.</param>
    /// <param name="source">The entry path inside an archive, or empty.</param>
    /// <param name="report">The report.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IEnumerable<CellRow> From(string file, string source, AnnualReport report) => From(file, source, report, blankAsZero: false);

    /// <summary>Every cell of every standard table of a report, in template order, marking the blank cells read as 0 when <paramref name="blankAsZero"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IEnumerable<CellRow> From(string file, string source, AnnualReport report, bool blankAsZero)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(report);
        return Iterate(file, source, report, blankAsZero);
    }

    /// <summary>Every cell of every standard table of a result, in template order, named by the result's source.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static IEnumerable<CellRow> From(ReportParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Iterate(result.Source, "", result.Report, false);
    }

    private static IEnumerable<CellRow> Iterate(string file, string source, AnnualReport report, bool blankAsZero)
    {
        var m = report.Metadata;
        foreach (var t in report.Tables)
        {
            foreach (var row in t.Rows)
            {
                foreach (var c in row.Cells)
                {
                    yield return new CellRow(file, m.Agency, m.Year, m.Template, c.Table, c.Row, c.Column, c.Value, c.Raw,
                        c.Location is { Line: > 0 } s ? s.Line : null, source, c.Location.Page)
                    { AssumedZero = blankAsZero && row.IsBlank(c), Method = c.Reading, Confidence = c.Confidence };
                }
            }
        }
    }
}
