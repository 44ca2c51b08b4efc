namespace ReportParser;

/// <summary>
/// Where something came from in the input: 1-based line and column of the text the parser read, and,
/// where the input has them, the page (PDF), the table and its grid row/column (HTML, PDF) and a
/// bounding box on the page (PDF). A zero line means the location is unknown.
/// </summary>
/// <param name="Line">1-based line in the decoded input (for HTML, the element's line in the file).</param>
/// <param name="Column">1-based column of the first character.</param>
public readonly record struct SourceLocation(int Line, int Column)
{
    /// <summary>1-based page number for paged inputs (PDF), otherwise null.</summary>
    public int? Page { get; init; }

    /// <summary>1-based index of the source table in the document, when the value comes from a table grid.</summary>
    public int? Table { get; init; }

    /// <summary>1-based row in the source table grid.</summary>
    public int? GridRow { get; init; }

    /// <summary>1-based column in the source table grid (after rowspan/colspan expansion).</summary>
    public int? GridColumn { get; init; }

    /// <summary>Bounding box on the page (PDF points, origin bottom-left), when known.</summary>
    public BoundingBox? Box { get; init; }

    /// <summary>An unknown location.</summary>
    public static SourceLocation None => default;

    /// <summary>True when the span carries no location.</summary>
    public bool IsUnknown => Line == 0 && Page is null && Table is null;

    /// <summary>Returns a copy placed in the given table grid cell.</summary>
    public SourceLocation InGrid(int table, int row, int column) => this with { Table = table, GridRow = row, GridColumn = column };

    /// <inheritdoc />
    public override string ToString()
    {
        var parts = new List<string>(4);
        if (Page is int p) parts.Add($"page {p}");
        if (Line > 0) parts.Add($"line {Line}, col {Column}");
        if (Table is int t)
        {
            var where = $"table {t}";
            if (GridRow is int r) where += $" row {r}";
            if (GridColumn is int c) where += $" cell {c}";
            parts.Add(where);
        }
        return parts.Count == 0 ? "unknown location" : string.Join(", ", parts);
    }
}

/// <summary>A rectangle on a PDF page, in points with the origin at the bottom-left corner.</summary>
public readonly record struct BoundingBox(double Left, double Bottom, double Right, double Top);
