namespace ReportParser.Input.Pdf;

/// <summary>
/// Finds tables printed without ruling lines (stream): runs of consecutive lines split into several chunks
/// by wide gaps, at least one of them holding a number. Columns come from the rows with the most chunks;
/// a single-chunk line close to a row (a label wrapped inside its cell) is joined to that row's label.
/// </summary>
internal static class StreamTableFinder
{
    /// <summary>A gap wider than this many text heights separates cells.</summary>
    private const double CellGap = 1.8;

    public static void Extract(List<TextLine> lines, List<PageItem> items)
    {
        int i = 0;
        while (i < lines.Count)
        {
            int end = RunEnd(lines, i);
            if (end > i && IsTable(lines, i, end))
            {
                items.Add(new PageItem(null, Build(lines, i, end)));
                i = end;
                continue;
            }
            items.Add(new PageItem(lines[i], null));
            i++;
        }
    }

    /// <summary>Splits a line at wide gaps: index ranges of its pieces.</summary>
    internal static List<(int From, int To)> Chunks(TextLine line)
    {
        var result = new List<(int, int)>();
        var p = line.Pieces;
        int start = 0;
        for (int k = 1; k < p.Count; k++)
        {
            double size = Math.Max(p[k].Size, p[k - 1].Size);
            if (p[k].Box.Left - p[k - 1].Box.Right > size * CellGap)
            {
                result.Add((start, k));
                start = k;
            }
        }
        result.Add((start, p.Count));
        if (result.Count < 3) return result;
        // A row whose figures already stand apart: a figure set closer to the label (narrow label column) is a cell too.
        int figures = 0;
        foreach (var (a, b) in result) if (b - a == 1 && IsFigure(p[a].Text)) figures++;
        if (figures < 2) return result;
        var refined = new List<(int, int)>();
        foreach (var (a, b) in result)
        {
            int s = a;
            for (int k = a + 1; k < b; k++)
            {
                if (IsFigure(p[k].Text) && p[k].Box.Left - p[k - 1].Box.Right > p[k].Size * 0.4)
                {
                    refined.Add((s, k));
                    s = k;
                }
            }
            refined.Add((s, b));
        }
        return refined;
    }

    internal static bool IsFigure(string t)
        => t.Length > 0 && (char.IsAsciiDigit(t[0]) || (t.Length > 1 && t[0] is '-' or '+')) && t.All(static ch => char.IsAsciiDigit(ch) || ch is '.' or ',' or '-' or '+');

    /// <summary>The exclusive end of the run of table-like lines starting at <paramref name="start"/>, or <paramref name="start"/> when none starts there.</summary>
    private static int RunEnd(List<TextLine> lines, int start)
    {
        if (Chunks(lines[start]).Count < 2) return start;
        int end = start + 1;
        int lastGapped = start;
        while (end < lines.Count)
        {
            var prev = lines[end - 1];
            var line = lines[end];
            double size = Math.Max(prev.Size, line.Size);
            if (prev.Baseline - line.Baseline > size * 3.5) break;
            if (Chunks(line).Count >= 2)
            {
                lastGapped = end;
                end++;
                continue;
            }
            // A single chunk: a label wrapped in its cell when it sits close to a gapped line and starts in the first column.
            var gapped = lines[lastGapped];
            bool nearPrev = lastGapped == end - 1 && gapped.Baseline - line.Baseline < size * 1.6;
            bool nearNext = end + 1 < lines.Count && Chunks(lines[end + 1]).Count >= 2 && line.Baseline - lines[end + 1].Baseline < size * 1.6;
            bool firstColumn = line.Box.Left < gapped.Pieces[Chunks(gapped)[0].To - 1].Box.Right + size;
            if ((nearPrev || nearNext) && firstColumn)
            {
                end++;
                continue;
            }
            break;
        }
        return lastGapped + 1;
    }

    private static bool IsTable(List<TextLine> lines, int from, int to)
    {
        int gapped = 0, numbers = 0, widest = 0;
        for (int i = from; i < to; i++)
        {
            var chunks = Chunks(lines[i]);
            if (chunks.Count < 2) continue;
            gapped++;
            widest = Math.Max(widest, chunks.Count);
            foreach (var (a, b) in chunks)
            {
                var t = TextLine.Join(lines[i].Pieces, a, b);
                if (IsFigure(t)) numbers++;
            }
        }
        // A lone row (e.g. the last row of a table, carried over to the next page) needs a label and two figures.
        return numbers > 0 && (gapped >= 2 || (widest >= 3 && numbers >= 2));
    }

    private static int Column(double[] bounds, double x)
    {
        int col = 0;
        while (col < bounds.Length && x > bounds[col]) col++;
        return col;
    }

    private static PageTable Build(List<TextLine> lines, int from, int to)
    {
        // Rows: gapped lines; single-chunk lines join the nearest gapped line's first cell.
        var rowLines = new List<int>();
        for (int i = from; i < to; i++) if (Chunks(lines[i]).Count >= 2) rowLines.Add(i);
        var extra = JoinSingleLines(lines, from, to, rowLines);

        // Columns: from the rows with the most chunks.
        var bounds = ColumnBounds(lines, rowLines, out int max);

        var rows = new List<List<PageCell>>();
        var boxes = new List<Rect>();
        Rect all = lines[from].Box;
        for (int i = from; i < to; i++) all = all.Union(lines[i].Box);
        foreach (var r in rowLines)
        {
            var parts = RowParts(lines, r, extra, bounds);
            rows.Add(RowCells(lines[r], parts, bounds, max, out var rowBox));
            boxes.Add(rowBox);
        }
        return new PageTable(rows, boxes, all, false);
    }

    /// <summary>For each gapped line, the single-chunk lines nearest to it (by baseline) that join its first cell.</summary>
    private static Dictionary<int, List<int>> JoinSingleLines(List<TextLine> lines, int from, int to, List<int> rowLines)
    {
        var extra = new Dictionary<int, List<int>>();
        for (int i = from; i < to; i++)
        {
            if (rowLines.Contains(i)) continue;
            int best = rowLines[0];
            foreach (var r in rowLines) if (Math.Abs(lines[r].Baseline - lines[i].Baseline) < Math.Abs(lines[best].Baseline - lines[i].Baseline)) best = r;
            if (!extra.TryGetValue(best, out var list)) extra[best] = list = new List<int>();
            list.Add(i);
        }
        return extra;
    }

    /// <summary>
    /// The boundaries between columns, halfway between one column's right edge and the next one's left edge,
    /// measured on the rows with the most chunks (<paramref name="max"/>, the number of columns).
    /// </summary>
    private static double[] ColumnBounds(List<TextLine> lines, List<int> rowLines, out int max)
    {
        max = 0;
        foreach (var r in rowLines) max = Math.Max(max, Chunks(lines[r]).Count);
        var colLeft = new double[max];
        var colRight = new double[max];
        Array.Fill(colLeft, double.MaxValue);
        Array.Fill(colRight, double.MinValue);
        foreach (var r in rowLines)
        {
            var chunks = Chunks(lines[r]);
            if (chunks.Count != max) continue;
            for (int k = 0; k < max; k++)
            {
                var p = lines[r].Pieces;
                colLeft[k] = Math.Min(colLeft[k], p[chunks[k].From].Box.Left);
                colRight[k] = Math.Max(colRight[k], p[chunks[k].To - 1].Box.Right);
            }
        }
        var bounds = new double[max - 1];
        for (int k = 0; k + 1 < max; k++) bounds[k] = (colRight[k] + colLeft[k + 1]) / 2;
        return bounds;
    }

    /// <summary>The pieces of row line <paramref name="r"/> and of the lines joined to it, in reading order.</summary>
    private static List<(TextLine Line, int From, int To)> RowParts(List<TextLine> lines, int r, Dictionary<int, List<int>> extra, double[] bounds)
    {
        var line = lines[r];
        var parts = new List<(TextLine Line, int From, int To)>();
        foreach (var (a, b) in Chunks(line))
        {
            // A chunk that straddles a column boundary (header texts set close together) is split word by word.
            int first = Column(bounds, line.Pieces[a].Box.CenterX), last = Column(bounds, line.Pieces[b - 1].Box.CenterX);
            if (first == last) parts.Add((line, a, b));
            else for (int k = a; k < b; k++) parts.Add((line, k, k + 1));
        }
        if (extra.TryGetValue(r, out var more))
        {
            foreach (var m in more) parts.Add((lines[m], 0, lines[m].Pieces.Count));
        }
        // Top to bottom, then left to right, so wrapped labels join in reading order.
        parts.Sort(static (x, y) =>
        {
            int c = y.Line.Baseline.CompareTo(x.Line.Baseline);
            return c != 0 ? c : x.Line.Pieces[x.From].Box.Left.CompareTo(y.Line.Pieces[y.From].Box.Left);
        });
        return parts;
    }

    /// <summary>
    /// The <paramref name="max"/> cells of a row: each part's text goes to the column under its centre
    /// (a joined line's to the first column); <paramref name="rowBox"/> covers the row line and its parts.
    /// </summary>
    private static List<PageCell> RowCells(TextLine line, List<(TextLine Line, int From, int To)> parts, double[] bounds, int max, out Rect rowBox)
    {
        var texts = new System.Text.StringBuilder[max];
        var cellBoxes = new Rect?[max];
        rowBox = line.Box;
        foreach (var (l, a, b) in parts)
        {
            var box = l.Pieces[a].Box;
            for (int k = a + 1; k < b; k++) box = box.Union(l.Pieces[k].Box);
            rowBox = rowBox.Union(box);
            int col = l == line ? Column(bounds, box.CenterX) : 0;
            texts[col] ??= new System.Text.StringBuilder();
            LineBuilder.AppendWrapped(texts[col], TextLine.Join(l.Pieces, a, b));
            cellBoxes[col] = cellBoxes[col] is { } prev ? prev.Union(box) : box;
        }
        var row = new List<PageCell>(max);
        for (int k = 0; k < max; k++) row.Add(new PageCell(texts[k]?.ToString() ?? "", cellBoxes[k]));
        return row;
    }
}
