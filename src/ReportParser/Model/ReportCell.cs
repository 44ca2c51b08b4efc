namespace ReportParser;

/// <summary>
/// One cell of a standard table: its keys (TEMPLATE.md), its value, the raw text it was read from and
/// where. <see cref="Value"/> is null when the document does not state the cell (blank, placeholder,
/// missing row, unreadable text): never 0.
/// </summary>
/// <param name="Table">Table key: ProactiveDisclosure, Requests or ReviewLitigation.</param>
/// <param name="Row">Row key, e.g. <c>Denied.StateSecret</c>.</param>
/// <param name="Column">Column key, e.g. <c>NaturalPerson</c>.</param>
/// <param name="Kind">Count, signed count or amount.</param>
/// <param name="Value">The number, or null when not stated.</param>
/// <param name="Raw">The cell text as printed, or null when there was no cell.</param>
/// <param name="Location">Where the cell was read, or null when there was no cell.</param>
public sealed record ReportCell(string Table, string Row, string Column, ValueKind Kind, decimal? Value, string? Raw, SourceLocation Location)
{
    /// <summary>The value as a whole number, when it is one.</summary>
    public long? Count => Value is decimal v && v == decimal.Truncate(v) && v >= long.MinValue && v <= long.MaxValue ? (long)v : null;

    /// <summary>True when the document states a value for the cell.</summary>
    public bool IsStated => Value.HasValue;

    /// <summary><c>Table.Row.Column</c>.</summary>
    public string Key => $"{Table}.{Row}.{Column}";

    /// <summary>
    /// How the value was decided when it was not simply read from its cell (e.g. a fused run's split chosen because
    /// the report's text states one of its figures), in words; null for a value read as printed.
    /// </summary>
    public string? Method { get; init; }

    /// <summary>How the cell's text was read (the cells table's <c>method</c> column): from the document's text, by OCR, or by OCR corrected by the template's equations.</summary>
    public CellMethod Reading { get; init; } = CellMethod.Text;

    /// <summary>For a cell read by OCR, the lowest probability of its characters (0–1); null for text.</summary>
    public double? Confidence { get; init; }
}

/// <summary>The words of <see cref="CellMethod"/> in the cells table.</summary>
public static class CellMethodText
{
    /// <summary><c>text</c>, <c>ocr</c> or <c>ocr-corrected</c>.</summary>
    public static string ToKey(this CellMethod method) => method switch
    {
        CellMethod.Ocr => "ocr",
        CellMethod.OcrCorrected => "ocr-corrected",
        _ => "text",
    };
}

/// <summary>How a cell's text was obtained (the <c>method</c> column of the cells table).</summary>
public enum CellMethod
{
    /// <summary><c>text</c>: from the document's text (or text layer).</summary>
    Text,

    /// <summary><c>ocr</c>: read by OCR from a page image.</summary>
    Ocr,

    /// <summary><c>ocr-corrected</c>: read by OCR, one uncertain character replaced by the only alternative that makes every equation of the template hold (a diagnostic lists the alternatives).</summary>
    OcrCorrected,
}

/// <summary>One row of a standard table, with its cells in template column order.</summary>
/// <param name="Key">Row key.</param>
/// <param name="Label">The row label as printed, or null when the row is absent.</param>
/// <param name="Location">Where the row was read, or null when absent.</param>
/// <param name="Cells">Cells in template column order.</param>
public sealed record ReportRow(string Key, string? Label, SourceLocation Location, IReadOnlyList<ReportCell> Cells)
{
    /// <summary>
    /// True when a cell of this row is blank: the row is printed (it has a label) but the cell has neither a value nor any
    /// text (left empty, or missing from the end of the row). A cell of a missing row, or one printed as a placeholder
    /// such as — or /, is not blank.
    /// </summary>
    public bool IsBlank(ReportCell cell) => Label is not null && cell is not null && cell.Value is null && string.IsNullOrWhiteSpace(cell.Raw);

    /// <summary>The cell of a column key, or null when the row has no such column.</summary>
    public ReportCell? this[string column]
    {
        get
        {
            foreach (var c in Cells) if (c.Column == column) return c;
            return null;
        }
    }
}

/// <summary>
/// A standard table (二 ProactiveDisclosure, 三 Requests, 四 ReviewLitigation) as rows and cells keyed as
/// in TEMPLATE.md. Every template row is present; rows the document omits have not-stated cells.
/// </summary>
public class ReportTable
{
    /// <summary>Creates a table.</summary>
    public ReportTable(string key, ReportTemplate template, IReadOnlyList<ReportRow> rows, SourceLocation span)
    {
        Key = key;
        Template = template;
        Rows = rows;
        Location = span;
    }

    /// <summary>Table key.</summary>
    public string Key { get; }

    /// <summary>The template whose rows and columns the table follows.</summary>
    public ReportTemplate Template { get; }

    /// <summary>Rows in template order.</summary>
    public IReadOnlyList<ReportRow> Rows { get; }

    /// <summary>Where the table was read.</summary>
    public SourceLocation Location { get; }

    /// <summary>The row of a key, or null.</summary>
    public ReportRow? this[string row]
    {
        get
        {
            foreach (var r in Rows) if (r.Key == row) return r;
            return null;
        }
    }

    /// <summary>The cell at a row and column key, or null when the template has no such cell.</summary>
    public ReportCell? this[string row, string column] => this[row]?[column];

    /// <summary>All cells, row by row.</summary>
    public IEnumerable<ReportCell> Cells => Rows.SelectMany(r => r.Cells);

    /// <summary>The value at a row and column, or null when not stated.</summary>
    protected decimal? V(string row, string column) => this[row, column]?.Value;
}
