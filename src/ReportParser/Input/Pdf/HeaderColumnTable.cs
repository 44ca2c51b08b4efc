namespace ReportParser.Input.Pdf;

/// <summary>A value on a page that could not be given a column: it lies between two column headers.</summary>
/// <param name="Text">The value as printed.</param>
/// <param name="Box">Its box.</param>
/// <param name="Left">The header of the column on its left.</param>
/// <param name="Right">The header of the column on its right.</param>
internal sealed record UnplacedValue(string Text, Rect Box, string Left, string Right);

/// <summary>The columns of the last table <see cref="HeaderColumnTable"/> read on the page before, for a table continued on the next page without its header.</summary>
internal sealed class CarriedHeader
{
    internal List<HeaderColumnTable.Column>? Columns { get; set; }
}

/// <summary>
/// Reads a table printed without ruling lines whose publisher leaves zeros blank: rows print fewer values
/// than the table has columns, so the columns cannot come from the rows. They come from the header printed
/// above the figures instead: the header words that stand over the figure area, grouped by horizontal overlap
/// (a word spanning several columns, such as 法人或其他组织, is a group heading and names none). Each figure then
/// goes to the column whose header it stands under; a figure between two headers goes nowhere and is reported.
/// Rows of labels only (every cell blank) stay rows of their own. Only tables that need it are read here: at
/// least two rows of figures, a header with at least three columns, and some row with fewer figures than that;
/// every other run of lines is left to <see cref="StreamTableFinder"/>. A table that goes on at the top of the
/// next page without its header keeps the columns of the page before when every figure stands under one of them.
/// </summary>
internal static class HeaderColumnTable
{
    /// <summary>Consecutive lines of one table are at most this many text heights apart.</summary>
    private const double RowPitch = 3.5;

    /// <summary>A line this close (in text heights) to a row is part of that row's label.</summary>
    private const double SameRow = 1.6;

    /// <summary>At most this many lines above the first row of figures are read as the header.</summary>
    private const int MaxHeaderLines = 10;

    /// <summary>Finds such tables among the page's lines; returns the lines left for the stream reader.</summary>
    public static List<TextLine> Extract(List<TextLine> lines, List<PageItem> items, List<UnplacedValue> unplaced, CarriedHeader carried)
    {
        var rest = new List<TextLine>(lines.Count);
        var fromBefore = carried.Columns;
        carried.Columns = null;
        int i = 0;
        while (i < lines.Count)
        {
            if (!IsValueLine(lines[i]))
            {
                rest.Add(lines[i]);
                i++;
                continue;
            }
            var previous = fromBefore;
            fromBefore = null; // only the page's first table can go on from the page before
            if (TryRead(lines, i, rest, previous, carried, out var table, out int end, out int headerFrom, out var notes))
            {
                rest.RemoveRange(headerFrom, rest.Count - headerFrom);
                items.Add(new PageItem(null, table));
                unplaced.AddRange(notes);
            }
            else
            {
                rest.AddRange(lines.GetRange(i, end - i));
            }
            i = end;
        }
        return rest;
    }

    /// <summary>A figure, or a placeholder printed in a figure cell.</summary>
    internal static bool IsValuePiece(string t)
        => StreamTableFinder.IsFigure(t) || (t.Length is > 0 and <= 2 && t.All(static c => c is '-' or '—' or '－' or '/' or '／' or '–'));

    /// <summary>A line with at least one figure, every figure to the right of every other word.</summary>
    private static bool IsValueLine(TextLine line)
    {
        double labelRight = double.MinValue, figureLeft = double.MaxValue;
        int figures = 0;
        foreach (var p in line.Pieces)
        {
            if (IsValuePiece(p.Text))
            {
                figures++;
                figureLeft = Math.Min(figureLeft, p.Box.Left);
            }
            else
            {
                labelRight = Math.Max(labelRight, p.Box.Right);
            }
        }
        return figures > 0 && figureLeft > labelRight && line.Pieces.Any(p => StreamTableFinder.IsFigure(p.Text));
    }

    private static int FigureCount(TextLine line) => line.Pieces.Count(p => IsValuePiece(p.Text));

    private static double FigureLeft(TextLine line) => line.Pieces.Where(p => IsValuePiece(p.Text)).Min(p => p.Box.Left);

    /// <summary>
    /// Reads the table whose first row of figures is line <paramref name="start"/>; its header lines are the
    /// last lines of <paramref name="before"/> (from index <paramref name="headerFrom"/>), or, when it prints
    /// none, the columns of the page before (<paramref name="previous"/>), kept in <paramref name="carried"/>.
    /// </summary>
    private static bool TryRead(List<TextLine> lines, int start, List<TextLine> before, List<Column>? previous, CarriedHeader carried,
        out PageTable table, out int end, out int headerFrom, out List<UnplacedValue> notes)
    {
        table = null!;
        notes = new List<UnplacedValue>();
        headerFrom = before.Count;
        end = BodyEnd(lines, start, out double valueLeft);
        var body = lines.GetRange(start, end - start);
        int labelFrom = LabelLinesBefore(before, lines[start], valueLeft, all: false);
        headerFrom = HeaderStart(before, labelFrom, valueLeft);
        var header = before.GetRange(headerFrom, labelFrom - headerFrom);
        var columns = HeaderColumns(header, valueLeft);
        bool continued = header.Count == 0 && previous is not null;
        if (continued)
        {
            // A continuation: the label rows above its first figures are rows of the table too.
            labelFrom = headerFrom = LabelLinesBefore(before, lines[start], valueLeft, all: true);
            columns = previous!;
        }
        body.InsertRange(0, before.GetRange(labelFrom, before.Count - labelFrom));
        var counts = body.Where(IsValueLine).Select(FigureCount).ToList();
        if (counts.Count < (continued ? 1 : 2) || columns.Count < 3 || counts.Max() > columns.Count || counts.All(c => c == columns.Count)) return false;
        if (continued && body.Where(IsValueLine).SelectMany(l => l.Pieces).Any(p => IsValuePiece(p.Text) && Place(columns, p, null) < 0)) return false;
        if (!Build(continued ? new List<TextLine>() : header, BodyRows(body), columns, valueLeft, notes, out table)) return false;
        carried.Columns = columns;
        return true;
    }

    /// <summary>
    /// The index in <paramref name="before"/> from which its last lines are labels of the table's rows: the first
    /// row's label set a little above its figures, or (<paramref name="all"/>) every row of labels only above them.
    /// </summary>
    private static int LabelLinesBefore(List<TextLine> before, TextLine first, double valueLeft, bool all)
    {
        int k = before.Count;
        while (k > 0)
        {
            var l = before[k - 1];
            var below = k < before.Count ? before[k] : first;
            if (l.Box.Right >= valueLeft - l.Size * 0.3) break;
            if (all ? l.Baseline - below.Baseline > l.Size * RowPitch : l.Baseline - first.Baseline >= l.Size * SameRow) break;
            k--;
        }
        return k;
    }

    /// <summary>
    /// The exclusive end of the table's body: rows of figures, and between them lines of labels only (left of
    /// the figures), each close to the one before. <paramref name="valueLeft"/> is where the figures begin.
    /// </summary>
    private static int BodyEnd(List<TextLine> lines, int start, out double valueLeft)
    {
        valueLeft = FigureLeft(lines[start]);
        int lastValue = start;
        for (int j = start + 1; j < lines.Count; j++)
        {
            var prev = lines[j - 1];
            var line = lines[j];
            double size = Math.Min(prev.Size, line.Size);
            if (prev.Baseline - line.Baseline > size * RowPitch || prev.Baseline < line.Baseline) break;
            if (IsValueLine(line))
            {
                double left = FigureLeft(line);
                if (left < valueLeft - size * 3) break;
                valueLeft = Math.Min(valueLeft, left);
                lastValue = j;
                continue;
            }
            if (line.Box.Right >= valueLeft - size * 0.3) break;
        }
        return lastValue + 1;
    }

    /// <summary>
    /// The index in <paramref name="before"/> of the first header line: the lines directly above index <paramref name="end"/>, each
    /// close to the next, up to the topmost that prints a word over the figure area; none of them a row of
    /// figures or a paragraph line reaching across the figure area's edge.
    /// </summary>
    private static int HeaderStart(List<TextLine> before, int end, double valueLeft)
    {
        int top = end;
        for (int k = end - 1; k >= 0 && end - k <= MaxHeaderLines; k--)
        {
            var line = before[k];
            if (IsValueLine(line) || line.Pieces.Any(p => StreamTableFinder.IsFigure(p.Text))) break;
            if (k + 1 < end)
            {
                var below = before[k + 1];
                if (line.Baseline - below.Baseline > Math.Min(line.Size, below.Size) * RowPitch) break;
            }
            if (line.Pieces.Any(p => p.Box.Left < valueLeft - p.Size * 2 && p.Box.Right > valueLeft + p.Size * 2)) break;
            if (line.Pieces.Any(p => InValueArea(p, valueLeft))) top = k;
        }
        return top;
    }

    private static bool InValueArea(TextPiece p, double valueLeft) => p.Box.CenterX >= valueLeft - p.Size;

    /// <summary>A column: its header words and their horizontal extent.</summary>
    internal sealed class Column(TextPiece first)
    {
        public double Left { get; set; } = first.Box.Left;

        public double Right { get; set; } = first.Box.Right;

        public List<TextPiece> Pieces { get; } = new() { first };

        public string Text => string.Concat(Pieces.OrderByDescending(p => p.Baseline).ThenBy(p => p.Box.Left).Select(p => p.Text));

        public bool Overlaps(Rect b) => b.Left < Right && b.Right > Left;
    }

    /// <summary>
    /// The columns the header prints over the figure area, left to right: header words grouped where they
    /// overlap horizontally, narrowest first; a word over two or more columns names a group and is left out.
    /// </summary>
    private static List<Column> HeaderColumns(List<TextLine> header, double valueLeft)
    {
        var words = header.SelectMany(l => l.Pieces).Where(p => InValueArea(p, valueLeft) && !IsValuePiece(p.Text)).OrderBy(p => p.Box.Width).ToList();
        var columns = new List<Column>();
        foreach (var w in words)
        {
            var over = columns.Where(c => c.Overlaps(w.Box)).ToList();
            if (over.Count == 0)
            {
                columns.Add(new Column(w));
                continue;
            }
            if (over.Count > 1) continue;
            var c = over[0];
            if (w.Box.Left < c.Left - w.Size * 0.5 && w.Box.Right > c.Right + w.Size * 0.5) continue;
            c.Pieces.Add(w);
            c.Left = Math.Min(c.Left, w.Box.Left);
            c.Right = Math.Max(c.Right, w.Box.Right);
        }
        columns.Sort(static (a, b) => a.Left.CompareTo(b.Left));
        for (int k = 1; k < columns.Count; k++)
        {
            if (columns[k].Left < columns[k - 1].Right) return new List<Column>();
        }
        return columns;
    }

    /// <summary>A row of the body: the line that holds its figures (or its only label line) and the label lines joined to it.</summary>
    private sealed class BodyRow(TextLine anchor)
    {
        public TextLine Anchor { get; } = anchor;

        public List<TextLine> Labels { get; } = new();
    }

    /// <summary>
    /// The rows of the body: one per line of figures; a line of labels close to one (a label beside its figures,
    /// wrapped in its cell, or a group label of a merged cell) joins it, or else the row of labels just above;
    /// any other line of labels is a row whose cells are all blank.
    /// </summary>
    private static List<BodyRow> BodyRows(List<TextLine> body)
    {
        var rows = new List<BodyRow>();
        var valueRows = new List<BodyRow>();
        foreach (var l in body)
        {
            if (!IsValueLine(l)) continue;
            var r = new BodyRow(l);
            rows.Add(r);
            valueRows.Add(r);
        }
        BodyRow? lastOwn = null;
        foreach (var l in body)
        {
            if (IsValueLine(l)) continue;
            var near = valueRows.MinBy(r => Math.Abs(r.Anchor.Baseline - l.Baseline))!;
            if (Math.Abs(near.Anchor.Baseline - l.Baseline) < l.Size * SameRow)
            {
                near.Labels.Add(l);
                continue;
            }
            if (lastOwn is not null && lastOwn.Anchor.Baseline - l.Baseline < l.Size * SameRow && !Between(valueRows, lastOwn.Anchor, l))
            {
                lastOwn.Labels.Add(l);
                continue;
            }
            lastOwn = new BodyRow(l);
            rows.Add(lastOwn);
        }
        rows.Sort(static (a, b) => b.Anchor.Baseline.CompareTo(a.Anchor.Baseline));
        return rows;
    }

    /// <summary>True when a row of figures lies between two lines.</summary>
    private static bool Between(List<BodyRow> valueRows, TextLine upper, TextLine lower)
        => valueRows.Any(r => r.Anchor.Baseline < upper.Baseline && r.Anchor.Baseline > lower.Baseline);

    private static bool Build(List<TextLine> header, List<BodyRow> rows, List<Column> columns, double valueLeft, List<UnplacedValue> notes, out PageTable table)
    {
        int n = columns.Count + 1;
        var cells = new List<List<PageCell>>();
        var boxes = new List<Rect>();
        Rect? all = null;
        if (header.Count > 0)
        {
            var headerRow = new List<PageCell>(n) { LabelCell(header.SelectMany(l => l.Pieces).Where(p => !InValueArea(p, valueLeft)).ToList()) };
            foreach (var c in columns) headerRow.Add(new PageCell(c.Text, Union(c.Pieces)));
            cells.Add(headerRow);
            boxes.Add(Union(header.SelectMany(l => l.Pieces).ToList())!.Value);
            all = boxes[0];
        }
        foreach (var r in rows)
        {
            var row = new PageCell[n];
            var pieces = r.Labels.Prepend(r.Anchor).SelectMany(l => l.Pieces).ToList();
            row[0] = LabelCell(pieces.Where(p => !IsValuePiece(p.Text)).ToList());
            foreach (var p in r.Anchor.Pieces.Where(p => IsValuePiece(p.Text)))
            {
                int k = Place(columns, p, notes);
                if (k < 0) continue;
                if (row[k + 1].Text is { Length: > 0 }) { table = null!; return false; } // two figures under one header: not this kind of table
                row[k + 1] = new PageCell(p.Text, Tall(p));
            }
            for (int k = 1; k < n; k++) row[k] = row[k].Text is null ? new PageCell("", null) : row[k];
            cells.Add(row.ToList());
            var box = Union(pieces)!.Value;
            boxes.Add(box);
            all = all is { } a ? a.Union(box) : box;
        }
        table = new PageTable(cells, boxes, all!.Value, false);
        return true;
    }

    /// <summary>
    /// The column a figure stands under: the one whose header extent, widened by a third of the gap to each
    /// neighbour, holds the figure's centre; -1 (and a note) when it lies between two headers.
    /// </summary>
    private static int Place(List<Column> columns, TextPiece p, List<UnplacedValue>? notes)
    {
        double x = p.Box.CenterX;
        for (int k = 0; k < columns.Count; k++)
        {
            double left = columns[k].Left - (k > 0 ? (columns[k].Left - columns[k - 1].Right) / 3 : p.Size);
            double right = columns[k].Right + (k + 1 < columns.Count ? (columns[k + 1].Left - columns[k].Right) / 3 : p.Size);
            if (x >= left && x <= right) return k;
        }
        if (notes is null) return -1;
        int after = columns.FindIndex(c => c.Left > x);
        string l = after > 0 ? columns[after - 1].Text : after < 0 ? columns[^1].Text : "";
        string r = after >= 0 ? columns[after].Text : "";
        notes.Add(new UnplacedValue(p.Text, p.Box, l, r));
        return -1;
    }

    /// <summary>
    /// A label cell from its words: words that overlap horizontally form a column of the label area, read top
    /// to bottom; the columns are read left to right (a merged group cell's label before the row's own).
    /// </summary>
    private static PageCell LabelCell(List<TextPiece> pieces)
    {
        if (pieces.Count == 0) return new PageCell("", null);
        var groups = new List<List<TextPiece>>();
        foreach (var p in pieces.OrderBy(p => p.Box.Left))
        {
            var g = groups.Find(g => g.Any(q => p.Box.Left < q.Box.Right && p.Box.Right > q.Box.Left));
            if (g is null) groups.Add(new List<TextPiece> { p });
            else g.Add(p);
        }
        var sb = new System.Text.StringBuilder();
        foreach (var g in groups.OrderBy(g => g.Min(p => p.Box.Left)))
        {
            foreach (var p in g.OrderByDescending(p => p.Baseline).ThenBy(p => p.Box.Left)) LineBuilder.AppendWrapped(sb, p.Text);
        }
        return new PageCell(sb.ToString(), Union(pieces));
    }

    private static Rect? Union(List<TextPiece> pieces)
    {
        if (pieces.Count == 0) return null;
        var box = Tall(pieces[0]);
        foreach (var p in pieces) box = box.Union(Tall(p));
        return box;
    }

    /// <summary>A piece's box, at least the text height tall (some fonts give flat boxes): from the baseline up.</summary>
    private static Rect Tall(TextPiece p)
        => p.Box.Height >= p.Size * 0.5 ? p.Box : new Rect(p.Box.Left, Math.Min(p.Box.Bottom, p.Baseline - p.Size * 0.2), p.Box.Right, Math.Max(p.Box.Top, p.Baseline + p.Size * 0.8));
}
