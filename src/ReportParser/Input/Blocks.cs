namespace ReportParser.Input;

/// <summary>
/// The format-neutral form of a document that every input (text, HTML, PDF) produces: paragraphs and
/// table grids in reading order, each with its source location. Everything after the input stage reads
/// only blocks.
/// </summary>
public abstract record Block(SourceLocation Location);

/// <summary>A line or paragraph of running text (headings are paragraphs too).</summary>
/// <param name="Text">The text, trimmed of surrounding white space.</param>
/// <param name="Location">Location of the first character.</param>
public sealed record ParagraphBlock(string Text, SourceLocation Location) : Block(Location);

/// <summary>A table as a grid of rows. Merged cells occupy one position; the positions they span are empty cells.</summary>
/// <param name="Rows">Rows in reading order.</param>
/// <param name="Location">Location of the table's first row.</param>
public sealed record TableBlock(IReadOnlyList<GridRow> Rows, SourceLocation Location) : Block(Location);

/// <summary>One row of a table grid.</summary>
/// <param name="Cells">Cells left to right; a row may have fewer or more cells than its neighbours.</param>
/// <param name="Location">Location of the row.</param>
public sealed record GridRow(IReadOnlyList<GridCell> Cells, SourceLocation Location)
{
    /// <summary>The row as tab-separated text, for excerpts.</summary>
    public string RawText => string.Join('\t', Cells.Select(c => c.Text));
}

/// <summary>One cell of a table grid.</summary>
/// <param name="Text">The cell's text, trimmed; empty for a blank or spanned position.</param>
/// <param name="Location">Location of the cell's text.</param>
public sealed record GridCell(string Text, SourceLocation Location)
{
    /// <summary>True when the cell holds no text.</summary>
    public bool IsEmpty => Text.Length == 0;
}

/// <summary>The input formats the library reads.</summary>
public enum SourceFormat
{
    /// <summary>Plain text (tables as tab-separated lines, or fused runs).</summary>
    Text,

    /// <summary>An HTML page or fragment.</summary>
    Html,

    /// <summary>A PDF file.</summary>
    Pdf,

    /// <summary>Not recognised.</summary>
    Unknown,

    /// <summary>A Word document in Office Open XML (.docx), as Word, WPS and LibreOffice write it.</summary>
    Docx,

    /// <summary>An Excel workbook in Office Open XML (.xlsx).</summary>
    Xlsx,

    /// <summary>A Word 97–2003 binary document (.doc, an OLE2 compound file); read through a converter.</summary>
    Doc,

    /// <summary>An Excel 97–2003 binary workbook (.xls, an OLE2 compound file).</summary>
    Xls,

    /// <summary>A WPS Writer document (.wps, an OLE2 compound file); read through a converter.</summary>
    Wps,

    /// <summary>A WPS Spreadsheets workbook (.et, an OLE2 compound file).</summary>
    Et,

    /// <summary>An OpenDocument text (.odt); read through a converter.</summary>
    Odt,

    /// <summary>An OpenDocument spreadsheet (.ods); read through a converter.</summary>
    Ods,

    /// <summary>A Rich Text Format document (.rtf); read through a converter.</summary>
    Rtf,

    /// <summary>A MIME HTML archive (.mht, .mhtml, Word's single-file web page): its HTML part is read as HTML.</summary>
    Mhtml,
}

/// <summary>The result of the input stage: blocks plus what the input learned about the document.</summary>
public sealed record DocumentBlocks(string Name, SourceFormat Format, IReadOnlyList<Block> Blocks)
{
    /// <summary>Metadata the input found outside the report body (e.g. an HTML page's 发布机构/发文日期 table), keyed by label.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>Number of pages for paged inputs.</summary>
    public int? PageCount { get; init; }
}
