namespace ReportParser.Input;

/// <summary>
/// The format-neutral form of a document that every input (text, HTML, PDF) produces: paragraphs and
/// table grids in reading order, each with its source location. Everything after the input stage reads
/// only blocks.
/// </summary>
internal abstract record Block(SourceLocation Location);

/// <summary>A line or paragraph of running text (headings are paragraphs too).</summary>
/// <param name="Text">The text, trimmed of surrounding white space.</param>
/// <param name="Location">Location of the first character.</param>
internal sealed record ParagraphBlock(string Text, SourceLocation Location) : Block(Location);

/// <summary>A table as a grid of rows. Merged cells occupy one position; the positions they span are empty cells.</summary>
/// <param name="Rows">Rows in reading order.</param>
/// <param name="Location">Location of the table's first row.</param>
internal sealed record TableBlock(IReadOnlyList<GridRow> Rows, SourceLocation Location) : Block(Location);

/// <summary>One row of a table grid.</summary>
/// <param name="Cells">Cells left to right; a row may have fewer or more cells than its neighbours.</param>
/// <param name="Location">Location of the row.</param>
internal sealed record GridRow(IReadOnlyList<GridCell> Cells, SourceLocation Location)
{
    /// <summary>The row as tab-separated text, for excerpts.</summary>
    public string RawText => string.Join('\t', Cells.Select(c => c.Text));
}

/// <summary>One cell of a table grid.</summary>
/// <param name="Text">The cell's text, trimmed; empty for a blank or spanned position.</param>
/// <param name="Location">Location of the cell's text.</param>
internal sealed record GridCell(string Text, SourceLocation Location)
{
    /// <summary>True when the cell holds no text.</summary>
    public bool IsEmpty => Text.Length == 0;
}

/// <summary>The result of the input stage: blocks plus what the input learned about the document.</summary>
internal sealed record DocumentBlocks(string Name, SourceFormat Format, IReadOnlyList<Block> Blocks)
{
    /// <summary>Metadata the input found outside the report body (e.g. an HTML page's 发布机构/发文日期 table), keyed by label.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>Number of pages for paged inputs.</summary>
    public int? PageCount { get; init; }

    /// <summary>For table cells read by OCR, keyed by the cell's page, table, grid row and grid column: the characters it was read from.</summary>
    public IReadOnlyDictionary<OcrCellKey, OcrCellReading> OcrCells { get; init; } = new Dictionary<OcrCellKey, OcrCellReading>();
}

/// <summary>Where a grid cell is: page, table (counted in the document), grid row and column (1-based).</summary>
internal readonly record struct OcrCellKey(int Page, int Table, int Row, int Column)
{
    /// <summary>The key of a cell's location, or null when it is not a grid cell of a page.</summary>
    public static OcrCellKey? Of(SourceLocation location)
        => location is { Page: int p, Table: int t, GridRow: int r, GridColumn: int c } ? new OcrCellKey(p, t, r, c) : null;
}

/// <summary>The OCR characters a table cell was read from, with their probabilities and alternatives.</summary>
/// <param name="Characters">The characters, line by line.</param>
/// <param name="Words">How many OCR words the cell holds: a number read as more than one word (two numbers side by side or one above the other, where a ruling line was not found) is not trusted.</param>
internal sealed record OcrCellReading(IReadOnlyList<OcrCharacter> Characters, int Words)
{
    /// <summary>The lowest character probability (1 for a cell without characters).</summary>
    public double Confidence => Characters.Count == 0 ? 1 : Characters.Min(static c => (double)c.Confidence);
}
