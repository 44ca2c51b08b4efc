using System.Globalization;
using AngleSharp.Dom;

namespace ReportParser.Input.Html;

/// <summary>One position of an expanded table grid: the text (empty for a position a merged cell spans) and the cell element.</summary>
internal readonly record struct HtmlGridCell(string Text, IElement Element);

/// <summary>
/// A &lt;table&gt; expanded into a grid: rowspan and colspan are resolved so that a merged cell's text sits
/// at its top-left position and the positions it covers are empty. Cell text joins the cell's block pieces
/// (p, div, br) by <see cref="HtmlText.JoinPieces"/>. Tables nested in cells are not text: they are listed
/// in <see cref="NestedTables"/>.
/// </summary>
internal sealed class HtmlTableGrid
{
    /// <summary>The largest colspan HTML gives a meaning to; larger values are read as this.</summary>
    public const int MaxColSpan = 1000;

    /// <summary>The largest rowspan HTML gives a meaning to; larger values are read as this.</summary>
    public const int MaxRowSpan = 65534;

    // Positions placed ahead of their rows (by rowspans) may number at most this many times the table's cells left.
    private const int PendingCap = 4;

    private HtmlTableGrid(List<List<HtmlGridCell>> rows, List<IElement> rowElements, List<IElement> nested, bool isLayout)
    {
        Rows = rows;
        RowElements = rowElements;
        NestedTables = nested;
        IsLayout = isLayout;
    }

    public IReadOnlyList<IReadOnlyList<HtmlGridCell>> Rows { get; }

    public IReadOnlyList<IElement> RowElements { get; }

    public IReadOnlyList<IElement> NestedTables { get; }

    /// <summary>
    /// True when the table frames a page rather than holding data: a single column, a cell with long
    /// running text, or nested tables with fewer than two rows of data around them.
    /// </summary>
    public bool IsLayout { get; }

    /// <summary>What the limits did to this table, for its diagnostics.</summary>
    public GridLimits Limits { get; private init; } = new();

    /// <summary>
    /// Expands the table under the limits of <paramref name="budget"/>, applied before a position is made:
    /// spans over the HTML maxima are read as the maxima, a row ends at the cells-per-row limit, a span
    /// reaching below is shortened so the table's positions fit its cells left, and the table ends before
    /// the row that would take it over them. The positions made are taken from the document's cells.
    /// </summary>
    public static HtmlTableGrid Build(IElement table, CellBudget budget)
    {
        var trs = RowsOf(table);
        var nested = new List<IElement>();
        var grid = new List<List<HtmlGridCell>>(Math.Min(trs.Count, 1024));
        var limits = new GridLimits();
        // Positions covered by a rowspan from above, by row, then column.
        var pending = new Dictionary<int, SortedDictionary<int, HtmlGridCell>>();
        var shape = new Shape();
        long left = budget.TableLeft(0), reserved = 0, total = 0;
        int cutRow = int.MaxValue;
        for (int r = 0; r < trs.Count && left > 0; r++)
        {
            var row = new List<HtmlGridCell>();
            int col = 0;
            pending.Remove(r, out var covers);
            foreach (var td in CellsOf(trs[r]))
            {
                col = SetCovered(row, covers, col);
                var (cs, rs) = Spans(td, trs.Count - r, limits);
                (cs, rs) = Fit(cs, rs, col, budget.MaxCellsPerRow, limits);
                // Every row the cell reaches is at least col + cs wide, so the table is cut no later than the
                // row past those the cells left can fill: the span stops there, and so does the table.
                long fit = cs == 0 ? rs : Math.Max(1, (left - total) / (col + cs));
                if (rs > fit)
                {
                    rs = (int)fit;
                    cutRow = Math.Min(cutRow, r + rs);
                }
                (cs, rs) = Shorten(cs, rs, PendingCap * left - reserved, limits);
                if (cs == 0) break;
                reserved += (long)cs * rs;
                shape.Add(CellText(td, nested));
                Place(row, pending, r, col, rs, cs, shape.LastText, td);
                col += cs;
            }
            // Positions covered from above after the row's last cell.
            if (covers is not null) foreach (var (c, cell) in covers) Set(row, c, cell);
            if (total + row.Count > left || r >= cutRow)
            {
                limits.CutAt = trs[r];
                limits.RowsKept = r;
                break;
            }
            total += row.Count;
            grid.Add(row);
        }
        budget.Take((int)Math.Min(total, int.MaxValue));
        limits.TableCells = total;
        var rowElements = trs.Count == grid.Count ? trs : trs.GetRange(0, grid.Count);
        FillHoles(grid, rowElements);
        bool layout = shape.LongText || shape.BlockyCell || HasLayoutShape(grid, nested);
        return new HtmlTableGrid(grid, rowElements, nested, layout) { Limits = limits };
    }

    /// <summary>The cell's colspan and rowspan, each at most its HTML maximum, the rowspan at most the rows left.</summary>
    private static (int ColSpan, int RowSpan) Spans(IElement td, int rowsLeft, GridLimits limits)
    {
        int cs = Location(td, "colspan", MaxColSpan, limits);
        int rs = Location(td, "rowspan", MaxRowSpan, limits);
        return (cs, Math.Min(rs, rowsLeft));
    }

    /// <summary>Fits a cell at <paramref name="col"/>: the colspan ends at the row limit (0 when the row is full).</summary>
    private static (int ColSpan, int RowSpan) Fit(int cs, int rs, int col, int maxCellsPerRow, GridLimits limits)
    {
        if (col + (long)cs <= maxCellsPerRow) return (cs, rs);
        limits.RowCut = true;
        cs = Math.Max(0, maxCellsPerRow - col);
        return cs == 0 ? (0, 0) : (cs, rs);
    }

    /// <summary>
    /// Shortens a span (the rowspan first) so that the positions it makes fit the <paramref name="room"/> the
    /// table has left for positions placed ahead of their rows; (0, 0) when there is none.
    /// </summary>
    private static (int ColSpan, int RowSpan) Shorten(int cs, int rs, long room, GridLimits limits)
    {
        if ((long)cs * rs <= room) return (cs, rs);
        limits.SpansShortened = true;
        if (room < 1) return (0, 0);
        cs = (int)Math.Min(cs, room);
        rs = (int)Math.Max(1, Math.Min(rs, room / cs));
        return (cs, rs);
    }

    /// <summary>The layout signs of the cells read so far: long running text or many block pieces in a cell.</summary>
    private sealed class Shape
    {
        public bool LongText { get; private set; }

        public bool BlockyCell { get; private set; }

        public string LastText { get; private set; } = "";

        public void Add((string Text, int Blocks) cell)
        {
            LastText = cell.Text;
            if (cell.Text.Length > 200) LongText = true;
            if (cell.Blocks > 12) BlockyCell = true;
        }
    }

    /// <summary>Fills the positions a rowspan from above covers, starting at <paramref name="col"/>; returns the first column left free.</summary>
    private static int SetCovered(List<HtmlGridCell> row, SortedDictionary<int, HtmlGridCell>? covers, int col)
    {
        while (covers is not null && covers.Remove(col, out var covered)) { Set(row, col, covered); col++; }
        return col;
    }

    /// <summary>
    /// Places a cell spanning <paramref name="rs"/> rows and <paramref name="cs"/> columns: its text at the
    /// top-left position, empty text at the others; positions in the rows below wait in <paramref name="pending"/>.
    /// </summary>
    private static void Place(List<HtmlGridCell> row, Dictionary<int, SortedDictionary<int, HtmlGridCell>> pending, int r, int col, int rs, int cs, string text, IElement td)
    {
        for (int dr = 0; dr < rs; dr++)
        {
            for (int dc = 0; dc < cs; dc++)
            {
                var cell = new HtmlGridCell(dr == 0 && dc == 0 ? text : "", td);
                if (dr == 0) Set(row, col + dc, cell);
                else
                {
                    if (!pending.TryGetValue(r + dr, out var below)) pending[r + dr] = below = new SortedDictionary<int, HtmlGridCell>();
                    below[col + dc] = cell;
                }
            }
        }
    }

    /// <summary>Fills holes (a row shorter than a span above it) with empty cells.</summary>
    private static void FillHoles(List<List<HtmlGridCell>> grid, List<IElement> trs)
    {
        for (int r = 0; r < grid.Count; r++)
        {
            var row = grid[r];
            for (int c = 0; c < row.Count; c++) if (row[c].Element is null) row[c] = new HtmlGridCell("", trs[r]);
        }
    }

    /// <summary>The layout table's shape: a single column, or nested tables with fewer than two rows of data around them.</summary>
    private static bool HasLayoutShape(List<List<HtmlGridCell>> grid, List<IElement> nested)
    {
        int width = grid.Count == 0 ? 0 : grid.Max(r => r.Count);
        int dataRows = grid.Count(r => r.Count(c => c.Text.Length > 0) >= 2);
        return width <= 1 || (nested.Count > 0 && dataRows < 2);
    }

    private static void Set(List<HtmlGridCell> row, int col, HtmlGridCell cell)
    {
        while (row.Count <= col) row.Add(default);
        row[col] = cell;
    }

    private static int Location(IElement td, string name, int max, GridLimits limits)
    {
        var v = td.GetAttribute(name);
        if (v is null) return 1;
        int i = 0;
        while (i < v.Length && char.IsWhiteSpace(v[i])) i++;
        int j = i;
        while (j < v.Length && char.IsAsciiDigit(v[j])) j++;
        if (j == i || !int.TryParse(v.AsSpan(i, Math.Min(j - i, 6)), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1) return 1;
        if (n > max)
        {
            limits.SpanOverMaximum = true;
            return max;
        }
        return n;
    }

    /// <summary>The rows of this table, not of tables nested in it: tr children of the table or of its row groups.</summary>
    private static List<IElement> RowsOf(IElement table)
    {
        var rows = new List<IElement>();
        foreach (var child in table.Children)
        {
            if (child.LocalName == "tr") rows.Add(child);
            else if (child.LocalName is "thead" or "tbody" or "tfoot")
            {
                foreach (var tr in child.Children) if (tr.LocalName == "tr") rows.Add(tr);
            }
        }
        return rows;
    }

    private static IEnumerable<IElement> CellsOf(IElement tr) => tr.Children.Where(c => c.LocalName is "td" or "th");

    /// <summary>The cell's text and its number of block pieces; nested tables are collected, not read.</summary>
    private static (string Text, int Blocks) CellText(IElement td, List<IElement> nested)
    {
        var pieces = new List<string>();
        var current = new System.Text.StringBuilder();
        var stack = new Stack<(INode Node, bool Leaving)>();
        for (int i = td.ChildNodes.Length - 1; i >= 0; i--) stack.Push((td.ChildNodes[i], false));
        int blocks = 0;
        while (stack.Count > 0)
        {
            var (node, leaving) = stack.Pop();
            if (leaving) { Cut(); continue; }
            if (node is IText t) { current.Append(t.Data); continue; }
            if (node is not IElement e || HtmlBlockBuilder.IsDropped(e)) continue;
            if (e.LocalName == "table") { Cut(); nested.Add(e); continue; }
            if (e.LocalName == "br") { Cut(); continue; }
            if (HtmlBlockBuilder.IsBlock(e))
            {
                Cut();
                blocks++;
                stack.Push((e, true));
            }
            for (int i = e.ChildNodes.Length - 1; i >= 0; i--) stack.Push((e.ChildNodes[i], false));
        }
        Cut();
        return (HtmlText.JoinPieces(pieces), blocks);

        void Cut()
        {
            if (current.Length == 0) return;
            var p = HtmlText.Normalize(current.ToString());
            current.Clear();
            if (p.Length > 0) pieces.Add(p);
        }
    }
}

/// <summary>What the limits did while a table was expanded.</summary>
internal sealed class GridLimits
{
    /// <summary>A colspan or rowspan was over its HTML maximum and read as the maximum.</summary>
    public bool SpanOverMaximum { get; set; }

    /// <summary>A row reached the cells-per-row limit: its further cells (or span) were not read.</summary>
    public bool RowCut { get; set; }

    /// <summary>Spans reaching below were shortened to fit the table's cells left.</summary>
    public bool SpansShortened { get; set; }

    /// <summary>The first row not read because the table ran out of cells, or null.</summary>
    public IElement? CutAt { get; set; }

    /// <summary>The rows read when <see cref="CutAt"/> is set.</summary>
    public int RowsKept { get; set; }

    /// <summary>The positions of the expanded grid.</summary>
    public long TableCells { get; set; }
}
