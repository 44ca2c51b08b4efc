using UglyToad.PdfPig.Content;
using ReportParser.Text;

namespace ReportParser.Input.Pdf;

/// <summary>One cell of a table read from a page: its text and box (null for a position a merged cell spans).</summary>
internal readonly record struct PageCell(string Text, Rect? Box);

/// <summary>One letter of a text piece, for splitting a piece that crosses a column ruling.</summary>
internal readonly record struct PieceLetter(string Value, double Left, double Right, double Baseline);

/// <summary>A table read from one page: rows of cells, top to bottom.</summary>
internal sealed record PageTable(List<List<PageCell>> Rows, List<Rect> RowBoxes, Rect Bounds, bool Ruled);

/// <summary>A line of text or a table on a page, in reading order.</summary>
internal sealed record PageItem(TextLine? Line, PageTable? Table)
{
    public double Top => Line?.Box.Top ?? Table!.Bounds.Top;
}

/// <summary>What one page holds, in reading order.</summary>
internal sealed record PageContent(int Number, double Width, double Height, List<PageItem> Items, int LetterCount, int ImageCount)
{
    /// <summary>Values of tables without ruling lines that lie between two column headers: read into no cell.</summary>
    public List<UnplacedValue> Unplaced { get; init; } = new();

    /// <summary>For a page read by OCR, every text piece placed on it (each with its characters); null for a text layer.</summary>
    public List<TextPiece>? OcrPieces { get; init; }
}

/// <summary>
/// Reads one PDF page into lines and tables: words from PdfPig, tables from ruling lines (lattice) where the
/// page draws them, and from column gaps in consecutive lines (stream) where it does not.
/// </summary>
internal static class PdfPageReader
{
    public static PageContent Read(Page page, CarriedHeader? carried = null)
    {
        var words = page.GetWords();
        var pieces = new List<TextPiece>();
        var letters = new List<PieceLetter[]>();
        foreach (var w in words)
        {
            var text = w.Text;
            if (string.IsNullOrWhiteSpace(text)) continue;
            var b = w.BoundingBox;
            var rect = new Rect(Math.Min(b.Left, b.Right), Math.Min(b.Bottom, b.Top), Math.Max(b.Left, b.Right), Math.Max(b.Bottom, b.Top));
            double baseline = w.Letters.Count > 0 ? w.Letters[0].StartBaseLine.Y : rect.Bottom;
            pieces.Add(new TextPiece(CjkCompat.Normalize(TextUtil.Trim(text)), rect, baseline, TextSize(w, rect)));
            letters.Add(w.Letters.Select(static l => new PieceLetter(l.Value, Math.Min(l.BoundingBox.Left, l.BoundingBox.Right), Math.Max(l.BoundingBox.Left, l.BoundingBox.Right), l.StartBaseLine.Y)).ToArray());
        }
        int images = 0;
        if (pieces.Count == 0)
        {
            foreach (var unused in page.GetImages()) images++;
        }
        var segments = pieces.Count == 0 ? new List<Segment>() : RulingTableFinder.CollectSegments(page.Paths);
        return Layout(new PageContent(page.Number, page.Width, page.Height, new List<PageItem>(), pieces.Count, images), pieces, letters, segments, carried);
    }

    /// <summary>
    /// Lays out a page's text pieces (from its text layer or from OCR): tables from the ruling segments, the
    /// rest into lines, tables without rulings from column gaps; fills <paramref name="page"/>'s items.
    /// <paramref name="carried"/> holds the column headers of a table without rulings from the pages before.
    /// </summary>
    internal static PageContent Layout(PageContent page, List<TextPiece> pieces, List<PieceLetter[]> letters, List<Segment> segments, CarriedHeader? carried = null)
    {
        var items = page.Items;
        var free = new List<TextPiece>(pieces.Count);
        var placed = page.OcrPieces;
        var grids = pieces.Count == 0 ? new List<RuledGrid>() : FindGrids(segments);
        if (grids.Count == 0)
        {
            free.AddRange(pieces);
            placed?.AddRange(pieces);
        }
        else
        {
            for (int i = 0; i < pieces.Count; i++)
            {
                var p = pieces[i];
                var grid = grids.Find(g => g.Bounds.ContainsPoint(p.Box.CenterX, p.Box.CenterY));
                if (grid is null)
                {
                    free.Add(p);
                    placed?.Add(p);
                    continue;
                }
                Assign(grid, p, letters[i], placed);
            }
            foreach (var g in grids) items.Add(new PageItem(null, ToTable(g)));
        }

        var unplaced = new List<UnplacedValue>();
        var lines = HeaderColumnTable.Extract(LineBuilder.Group(free), items, unplaced, carried ?? new CarriedHeader());
        StreamTableFinder.Extract(lines, items);
        items.Sort(static (a, b) => b.Top.CompareTo(a.Top));
        return page with { Unplaced = unplaced };
    }

    /// <summary>
    /// The text height for tolerances: the box height, or the point size when larger; Type 3 fonts can give
    /// flat boxes, and then the mean letter advance (an ideograph is one em wide) stands in.
    /// </summary>
    private static double TextSize(Word w, Rect rect)
    {
        double size = rect.Height;
        if (w.Letters.Count > 0 && w.Letters[0].PointSize > size && w.Letters[0].PointSize < 200) size = w.Letters[0].PointSize;
        if (size < 3 && w.Letters.Count > 0) size = Math.Max(size, rect.Width / w.Letters.Count);
        return Math.Max(1, size);
    }

    private static List<RuledGrid> FindGrids(List<Segment> segs)
    {
        var grids = RulingTableFinder.FindGrids(segs);
        grids.RemoveAll(static g => g.Cells.Count < 2);
        return grids;
    }

    /// <summary>Puts a word into its cell; a word that crosses a column ruling is split letter by letter (an OCR piece keeps its characters).</summary>
    private static void Assign(RuledGrid grid, TextPiece piece, PieceLetter[] letters, List<TextPiece>? placed)
    {
        var (r0, c0) = grid.Locate(piece.Box.Left + Math.Min(1, piece.Box.Width / 4), piece.Box.CenterY);
        var (r1, c1) = grid.Locate(piece.Box.Right - Math.Min(1, piece.Box.Width / 4), piece.Box.CenterY);
        if (r0 >= 0 && r1 >= 0 && grid.Owner[r0, c0] == grid.Owner[r1, c1])
        {
            grid.Cells[grid.Owner[r0, c0]].Pieces.Add(piece);
            placed?.Add(piece);
            return;
        }
        int currentCell = -1, first = 0;
        var sb = new System.Text.StringBuilder();
        Rect box = default;
        double baseline = 0;
        for (int k = 0; k < letters.Length; k++)
        {
            var letter = letters[k];
            var (r, c) = grid.Locate((letter.Left + letter.Right) / 2, piece.Box.CenterY);
            int cell = r < 0 ? -1 : grid.Owner[r, c];
            var lr = new Rect(letter.Left, piece.Box.Bottom, letter.Right, piece.Box.Top);
            if (cell != currentCell && sb.Length > 0) Flush(k);
            if (sb.Length == 0)
            {
                box = lr;
                baseline = letter.Baseline;
                first = k;
            }
            else
            {
                box = box.Union(lr);
            }
            currentCell = cell;
            sb.Append(letter.Value);
        }
        if (sb.Length > 0) Flush(letters.Length);

        void Flush(int end)
        {
            var text = CjkCompat.Normalize(TextUtil.Trim(sb.ToString()));
            if (currentCell >= 0 && text.Length > 0)
            {
                var part = new TextPiece(text, box, baseline, piece.Size) { Ocr = piece.Ocr is { } chars && chars.Count == letters.Length ? chars.Skip(first).Take(end - first).ToArray() : null };
                grid.Cells[currentCell].Pieces.Add(part);
                placed?.Add(part);
            }
            sb.Clear();
        }
    }

    private static PageTable ToTable(RuledGrid grid)
    {
        int rows = grid.RowCount, cols = grid.ColumnCount;
        var texts = new string[grid.Cells.Count];
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < grid.Cells.Count; i++)
        {
            sb.Clear();
            foreach (var line in LineBuilder.Group(grid.Cells[i].Pieces)) LineBuilder.AppendWrapped(sb, line.Text);
            texts[i] = sb.ToString();
        }
        var keepColumn = new bool[cols];
        var keepRow = new bool[rows];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
            {
                var cell = grid.Cells[grid.Owner[r, c]];
                if (cell.Row == r && cell.Column == c && texts[grid.Owner[r, c]].Length > 0)
                {
                    keepColumn[c] = true;
                    keepRow[r] = true;
                }
            }
        }
        var result = new List<List<PageCell>>();
        var boxes = new List<Rect>();
        for (int r = 0; r < rows; r++)
        {
            if (!keepRow[r]) continue;
            var row = new List<PageCell>(cols);
            for (int c = 0; c < cols; c++)
            {
                if (!keepColumn[c]) continue;
                int o = grid.Owner[r, c];
                var cell = grid.Cells[o];
                row.Add(cell.Row == r && cell.Column == c ? new PageCell(texts[o], cell.Box) : new PageCell("", null));
            }
            result.Add(row);
            boxes.Add(new Rect(grid.Xs[0], grid.Ys[r + 1], grid.Xs[^1], grid.Ys[r]));
        }
        return new PageTable(result, boxes, grid.Bounds, true);
    }
}
