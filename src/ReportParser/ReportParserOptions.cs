namespace ReportParser;

/// <summary>
/// Options for <see cref="Report.Parse(ReportSource, ReportParserOptions?)"/>. Immutable; derive with
/// <c>with</c>: <c>ReportParserOptions.Default with { MaxInputBytes = 1_000_000 }</c>.
/// </summary>
public sealed record ReportParserOptions
{
    /// <summary>The defaults.</summary>
    public static ReportParserOptions Default { get; } = new();

    /// <summary>
    /// The validation rules to run; null (the default) runs every rule of TEMPLATE.md
    /// (<c>ReportParser.Validation.ReportRules.Default</c>), an empty list none.
    /// </summary>
    public IReadOnlyList<IReportRule>? Rules { get; init; }

    /// <summary>When set, a report whose year differs gets a warning.</summary>
    public int? ExpectedYear { get; init; }

    /// <summary>Inputs larger than this many bytes are not parsed (error diagnostic). Default 64 MiB.</summary>
    public long MaxInputBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>At most this many lines are read; the rest is dropped with an error diagnostic. Default 500,000.</summary>
    public int MaxLines { get; init; } = 500_000;

    /// <summary>A table with more cells than this is cut to its first rows (error diagnostic). Default 100,000.</summary>
    public int MaxTableCells { get; init; } = 100_000;

    /// <summary>At most this many tables are read; further ones are dropped (error diagnostic). Default 200.</summary>
    public int MaxTables { get; init; } = 200;

    /// <summary>
    /// Time budget for one document. Checked between stages and in the parser's own loops: when it runs out,
    /// the rest of the document is not read and an error diagnostic says so. Default 30 seconds.
    /// </summary>
    public TimeSpan TimeBudget { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// At most this many pages of a PDF are read; a longer PDF gets an error diagnostic and its first pages
    /// are parsed. Bounds the time spent on one document. Default 500.
    /// </summary>
    public int MaxPdfPages { get; init; } = 500;

    /// <summary>
    /// A table row keeps at most this many cells: the rest of a longer text line (more tabs) or HTML row
    /// (more cells or wider spans) is not read (error diagnostic). Applied while the row is read, before
    /// its cells are made. Default 1,000.
    /// </summary>
    public int MaxCellsPerRow { get; init; } = 1_000;

    /// <summary>
    /// At most this many table cells are read in the whole document, counting the positions merged cells
    /// span; the tables after that are cut or not read (error diagnostic). Bounds the memory of a document
    /// with many large tables. Default 1,000,000.
    /// </summary>
    public int MaxDocumentCells { get; init; } = 1_000_000;

    /// <summary>
    /// HTML elements nested deeper than this are read as if their tags were absent (their text is kept) and
    /// the page gets an error diagnostic. The depth is measured on the raw markup before the page is parsed,
    /// so a deeply nested page cannot make the HTML parser slow. Default 1,000.
    /// </summary>
    public int MaxHtmlDepth { get; init; } = 1_000;

    /// <summary>
    /// An HTML page keeps at most this many elements: the tags after them are read as if absent (their text
    /// is kept) and the page gets an error diagnostic. Counted on the raw markup before the page is parsed,
    /// so a page of millions of tiny elements cannot make the parsed document huge. Default 200,000.
    /// </summary>
    public int MaxHtmlElements { get; init; } = 200_000;

    /// <summary>
    /// How DOC, WPS, ODT, ODS and RTF files (and ET workbooks the spreadsheet reader cannot open) are
    /// converted to DOCX or XLSX before reading: <see cref="OfficeConverter.LibreOffice"/> (the default)
    /// runs <c>soffice --headless --convert-to</c>; <see cref="OfficeConverter.None"/> refuses such files
    /// with an error diagnostic.
    /// </summary>
    public OfficeConverter Converter { get; init; } = OfficeConverter.LibreOffice;

    /// <summary>Path of the LibreOffice <c>soffice</c> program; null to look for it on PATH and in the usual install folders.</summary>
    public string? ConverterPath { get; init; }

    /// <summary>A conversion that takes longer than this is stopped (its whole process tree is killed) with an error diagnostic. Default 120 seconds.</summary>
    public TimeSpan ConversionTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>
    /// The OCR engine for PDF pages without a text layer and for image files (PNG, JPEG, …); null (the
    /// default) reads no images: such a file gets a "needs OCR" error diagnostic. The <c>ReportParser.Ocr</c>
    /// package provides one (<c>PaddleOcr.Shared</c>). Cells read by OCR carry their confidence
    /// (<see cref="ReportCell.Reading"/>, <see cref="ReportCell.Confidence"/>); a cell the template's equations cannot confirm and whose
    /// characters are uncertain is not stated.
    /// </summary>
    public IPageOcr? Ocr { get; init; }

    /// <summary>
    /// A character OCR read with a probability below this is uncertain: its cell is stated only when the
    /// template's equations confirm it (or single out one reading among the alternatives). Default 0.9.
    /// </summary>
    public double OcrMinConfidence { get; init; } = 0.9;

    /// <summary>
    /// Each page read by OCR adds this to the document's <see cref="TimeBudget"/> (OCR takes seconds per page,
    /// text takes milliseconds). Default 60 seconds.
    /// </summary>
    public TimeSpan OcrPageTimeBudget { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Validates the options.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A limit is not positive.</exception>
    public void Validate()
    {
        if (MaxInputBytes <= 0) throw new ArgumentOutOfRangeException(nameof(MaxInputBytes), "must be positive");
        if (MaxPdfPages <= 0) throw new ArgumentOutOfRangeException(nameof(MaxPdfPages), "must be positive");
        if (MaxLines <= 0) throw new ArgumentOutOfRangeException(nameof(MaxLines), "must be positive");
        if (MaxTableCells <= 0) throw new ArgumentOutOfRangeException(nameof(MaxTableCells), "must be positive");
        if (MaxTables <= 0) throw new ArgumentOutOfRangeException(nameof(MaxTables), "must be positive");
        if (MaxCellsPerRow <= 0) throw new ArgumentOutOfRangeException(nameof(MaxCellsPerRow), "must be positive");
        if (MaxDocumentCells <= 0) throw new ArgumentOutOfRangeException(nameof(MaxDocumentCells), "must be positive");
        if (MaxHtmlDepth <= 0) throw new ArgumentOutOfRangeException(nameof(MaxHtmlDepth), "must be positive");
        if (MaxHtmlElements <= 0) throw new ArgumentOutOfRangeException(nameof(MaxHtmlElements), "must be positive");
        if (TimeBudget <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(TimeBudget), "must be positive");
        if (OcrMinConfidence is < 0 or > 1 || double.IsNaN(OcrMinConfidence)) throw new ArgumentOutOfRangeException(nameof(OcrMinConfidence), "must be between 0 and 1");
        if (OcrPageTimeBudget < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(OcrPageTimeBudget), "must not be negative");
        if (ConversionTimeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(ConversionTimeout), "must be positive");
    }
}

/// <summary>The converter used for office formats that are read by converting them first (see <see cref="ReportParserOptions.Converter"/>).</summary>
public enum OfficeConverter
{
    /// <summary>LibreOffice headless (<c>soffice --headless --convert-to</c>).</summary>
    LibreOffice,

    /// <summary>No conversion: such files get an error diagnostic.</summary>
    None,
}
