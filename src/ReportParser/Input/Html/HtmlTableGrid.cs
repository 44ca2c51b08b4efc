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
    private const int MaxColSpan = 1000;
    private const int MaxRowSpan = 65534;
    private const int MaxCells = 200_000;

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

    public static HtmlTableGrid Build(IElement table)
    {
        var trs = RowsOf(table);
        var nested = new List<IElement>();
        var grid = new List<List<HtmlGridCell>>(trs.Count);
        // Positions covered by a rowspan from above, by row, then column.
        var pending = new Dictionary<int, SortedDictionary<int, HtmlGridCell>>();
        bool longText = false, blockyCell = false;
        int cellCount = 0;
        for (int r = 0; r < trs.Count; r++)
        {
            var row = new List<HtmlGridCell>();
            int col = 0;
            pending.Remove(r, out var covers);
            foreach (var td in CellsOf(trs[r]))
            {
                while (covers is not null && covers.Remove(col, out var covered)) { Set(row, col, covered); col++; }
                int cs = Location(td, "colspan", MaxColSpan);
                int rs = Location(td, "rowspan", MaxRowSpan);
                rs = Math.Min(rs, trs.Count - r);
                if (cellCount + (cs * rs) > MaxCells) { cs = 1; rs = 1; }
                cellCount += cs * rs;
                var (text, blocks) = CellText(td, nested);
                if (text.Length > 200) longText = true;
                if (blocks > 12) blockyCell = true;
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
                col += cs;
            }
            // Positions covered from above after the row's last cell.
            if (covers is not null) foreach (var (c, cell) in covers) Set(row, c, cell);
            grid.Add(row);
        }
        // Fill holes (a row shorter than a span above it) with empty cells.
        for (int r = 0; r < grid.Count; r++)
        {
            var row = grid[r];
            for (int c = 0; c < row.Count; c++) if (row[c].Element is null) row[c] = new HtmlGridCell("", trs[r]);
        }
        int width = grid.Count == 0 ? 0 : grid.Max(r => r.Count);
        int dataRows = grid.Count(r => r.Count(c => c.Text.Length > 0) >= 2);
        bool layout = width <= 1 || longText || blockyCell || (nested.Count > 0 && dataRows < 2);
        return new HtmlTableGrid(grid, trs, nested, layout);
    }

    private static void Set(List<HtmlGridCell> row, int col, HtmlGridCell cell)
    {
        while (row.Count <= col) row.Add(default);
        row[col] = cell;
    }

    private static int Location(IElement td, string name, int max)
    {
        var v = td.GetAttribute(name);
        if (v is null) return 1;
        int i = 0;
        while (i < v.Length && char.IsWhiteSpace(v[i])) i++;
        int j = i;
        while (j < v.Length && char.IsAsciiDigit(v[j])) j++;
        if (j == i || !int.TryParse(v.AsSpan(i, Math.Min(j - i, 6)), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1) return 1;
        return Math.Min(n, max);
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
