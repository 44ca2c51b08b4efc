using ReportParser.Diagnostics;

namespace ReportParser.Input;

/// <summary>Applies the document limits of <see cref="ReportParserOptions"/> to the blocks of any input.</summary>
internal static class Limits
{
    public static DocumentBlocks Apply(DocumentBlocks blocks, ReportParserOptions options, DiagnosticBag bag)
    {
        List<Block>? kept = null;
        int tables = 0;
        long documentCells = 0;
        for (int i = 0; i < blocks.Blocks.Count; i++)
        {
            var b = blocks.Blocks[i];
            var replacement = b;
            if (b is TableBlock t)
            {
                tables++;
                if (tables > options.MaxTables)
                {
                    if (tables == options.MaxTables + 1)
                        bag.Error(DiagnosticCode.LimitExceeded, t.Location, $"the document has more than {options.MaxTables} tables; the rest were not read");
                    replacement = null;
                }
                else
                {
                    replacement = CutTable(t, options, bag, ref documentCells);
                }
            }
            if (!ReferenceEquals(replacement, b) && kept is null) kept = blocks.Blocks.Take(i).ToList();
            if (kept is not null && replacement is not null) kept.Add(replacement);
        }
        return kept is null ? blocks : blocks with { Blocks = kept };
    }

    /// <summary>
    /// The table cut to its first rows that fit <see cref="ReportParserOptions.MaxTableCells"/> and the cells
    /// the document has left (<see cref="ReportParserOptions.MaxDocumentCells"/>); null once those are spent.
    /// </summary>
    private static TableBlock? CutTable(TableBlock t, ReportParserOptions options, DiagnosticBag bag, ref long documentCells)
    {
        long left = options.MaxDocumentCells - documentCells;
        if (left <= 0) return null;
        long max = Math.Min(options.MaxTableCells, left);
        long cells = 0;
        int rows = 0;
        foreach (var r in t.Rows)
        {
            if (cells + r.Cells.Count > max) break;
            cells += r.Cells.Count;
            rows++;
        }
        documentCells += cells;
        if (rows == t.Rows.Count) return t;
        string message = max == options.MaxTableCells
            ? $"a table has more than {options.MaxTableCells:N0} cells; it was cut after {rows} rows"
            : $"the document's tables hold more than {options.MaxDocumentCells:N0} cells in all; the rest of its table cells were not read";
        bag.Error(DiagnosticCode.LimitExceeded, t.Rows[rows].Location, message);
        if (max < options.MaxTableCells) documentCells = options.MaxDocumentCells;
        return new TableBlock(t.Rows.Take(rows).ToList(), t.Location);
    }
}

/// <summary>
/// The cell limits of <see cref="ReportParserOptions"/> as the text and HTML inputs apply them while a table
/// is read, before its cells are made: cells per row, cells per table and cells in the whole document. Each
/// limit's error diagnostic is given once per document (per table for the table limit).
/// </summary>
internal sealed class CellBudget
{
    private readonly DiagnosticBag _bag;
    private bool _rowReported;
    private bool _documentReported;

    public CellBudget(ReportParserOptions options, DiagnosticBag bag)
    {
        MaxCellsPerRow = options.MaxCellsPerRow;
        MaxTableCells = options.MaxTableCells;
        MaxDocumentCells = options.MaxDocumentCells;
        DocumentLeft = options.MaxDocumentCells;
        _bag = bag;
    }

    /// <summary>A budget without limits, for reading a single row or table outside a parse.</summary>
    public static CellBudget Unbounded() => new(ReportParserOptions.Default with { MaxCellsPerRow = int.MaxValue, MaxTableCells = int.MaxValue, MaxDocumentCells = int.MaxValue }, new DiagnosticBag());

    public int MaxCellsPerRow { get; }

    public int MaxTableCells { get; }

    public int MaxDocumentCells { get; }

    /// <summary>Cells the rest of the document may still hold.</summary>
    public long DocumentLeft { get; private set; }

    /// <summary>The cells a table may still hold when it already holds <paramref name="tableCells"/>.</summary>
    public long TableLeft(long tableCells) => Math.Min(MaxTableCells - tableCells, DocumentLeft);

    /// <summary>Counts <paramref name="cells"/> read cells against the document.</summary>
    public void Take(int cells) => DocumentLeft -= cells;

    /// <summary>Reports (once) that a row had more than <see cref="MaxCellsPerRow"/> cells.</summary>
    public void RowCut(SourceLocation at)
    {
        if (_rowReported) return;
        _rowReported = true;
        _bag.Error(DiagnosticCode.LimitExceeded, at, $"a table row has more than {MaxCellsPerRow:N0} cells; the cells after the {MaxCellsPerRow:N0}th were not read (here and in any later such row)");
    }

    /// <summary>
    /// Reports that a table holding <paramref name="tableCells"/> cells was cut after <paramref name="rowsKept"/>
    /// rows: by the table limit, or (once) by the document limit when that is what ran out.
    /// </summary>
    public void TableCut(SourceLocation at, int rowsKept, long tableCells)
    {
        if (MaxTableCells - tableCells <= DocumentLeft)
        {
            _bag.Error(DiagnosticCode.LimitExceeded, at, $"a table has more than {MaxTableCells:N0} cells; it was cut after {rowsKept} rows");
            return;
        }
        DocumentCut(at);
    }

    /// <summary>Reports that a table's merged cells were shortened to fit its cells left.</summary>
    public void SpansShortened(SourceLocation at)
        => _bag.Error(DiagnosticCode.LimitExceeded, at, $"a table's merged cells span more than {Math.Min(MaxTableCells, MaxDocumentCells):N0} positions; their spans were shortened and the cells past the limit not read");

    /// <summary>Reports (once) that the document holds more than <see cref="MaxDocumentCells"/> table cells.</summary>
    public void DocumentCut(SourceLocation at)
    {
        if (_documentReported) return;
        _documentReported = true;
        _bag.Error(DiagnosticCode.LimitExceeded, at, $"the document's tables hold more than {MaxDocumentCells:N0} cells in all; the rest of its table cells were not read");
    }
}
