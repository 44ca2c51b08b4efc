using System.Text;

namespace ReportParser.Input.Pdf;

/// <summary>
/// Turns page content into blocks: tables as grids with page, box and grid position on every cell;
/// lines as paragraphs, a line that continues a full-width line above it (a wrapped paragraph) joined to it.
/// Line numbers in spans count lines and table rows within their page.
/// </summary>
internal static class BlockWriter
{
    public static List<Block> Write(List<PageContent> pages) => Write(pages, null);

    /// <summary>Writes the blocks; for pages read by OCR, records each table cell's OCR characters in <paramref name="ocrCells"/>.</summary>
    public static List<Block> Write(List<PageContent> pages, Dictionary<OcrCellKey, OcrCellReading>? ocrCells)
    {
        var blocks = new List<Block>();
        int tableIndex = 0;
        foreach (var page in pages)
        {
            double left = double.MaxValue, right = double.MinValue;
            foreach (var item in page.Items)
            {
                if (item.Line is { } l)
                {
                    left = Math.Min(left, l.Box.Left);
                    right = Math.Max(right, l.Box.Right);
                }
            }
            int lineNo = 0;
            StringBuilder? para = null;
            TextLine? last = null;
            SourceLocation paraSpan = default;
            foreach (var item in page.Items)
            {
                lineNo++;
                if (item.Table is { } table)
                {
                    FlushParagraph();
                    tableIndex++;
                    var rows = new List<GridRow>(table.Rows.Count);
                    for (int r = 0; r < table.Rows.Count; r++)
                    {
                        if (r > 0) lineNo++;
                        var cells = new List<GridCell>(table.Rows[r].Count);
                        for (int c = 0; c < table.Rows[r].Count; c++)
                        {
                            var cell = table.Rows[r][c];
                            var span = new SourceLocation(lineNo, c + 1) { Page = page.Number, Box = cell.Box?.ToBox() }.InGrid(tableIndex, r + 1, c + 1);
                            RecordOcr(ocrCells, page, cell, new OcrCellKey(page.Number, tableIndex, r + 1, c + 1));
                            cells.Add(new GridCell(cell.Text, span));
                        }
                        rows.Add(new GridRow(cells, new SourceLocation(lineNo, 1) { Page = page.Number, Box = table.RowBoxes[r].ToBox(), Table = tableIndex, GridRow = r + 1 }));
                    }
                    blocks.Add(new TableBlock(rows, rows.Count > 0 ? rows[0].Location : new SourceLocation(lineNo, 1) { Page = page.Number }));
                    continue;
                }
                var line = item.Line!;
                var text = line.Text;
                if (para is not null && last is not null && Continues(last, line, left, right, text))
                {
                    LineBuilder.AppendWrapped(para, text);
                    paraSpan = paraSpan with { Box = Union(paraSpan.Box, line.Box) };
                    last = line;
                    continue;
                }
                FlushParagraph();
                para = new StringBuilder(text);
                paraSpan = new SourceLocation(lineNo, 1) { Page = page.Number, Box = line.Box.ToBox() };
                last = line;
            }
            FlushParagraph();

            void FlushParagraph()
            {
                if (para is { Length: > 0 }) blocks.Add(new ParagraphBlock(para.ToString(), paraSpan));
                para = null;
                last = null;
            }
        }
        return blocks;
    }

    private static void RecordOcr(Dictionary<OcrCellKey, OcrCellReading>? ocrCells, PageContent page, PageCell cell, OcrCellKey key)
    {
        if (ocrCells is not null && page.OcrPieces is { } pieces && cell.Box is { } box && cell.Text.Length > 0)
            ocrCells[key] = OcrPageReader.CellReading(pieces, box);
    }

    /// <summary>True when <paramref name="line"/> wraps on from <paramref name="previous"/>: the previous line reaches the right edge, this one starts at the left edge, same size, next baseline.</summary>
    private static bool Continues(TextLine previous, TextLine line, double left, double right, string text)
    {
        double size = Math.Max(previous.Size, line.Size);
        if (Math.Abs(previous.Size - line.Size) > size * 0.2) return false;
        if (previous.Baseline - line.Baseline > size * 2.4 || previous.Baseline <= line.Baseline) return false;
        if (previous.Box.Right < right - size * 1.5) return false;
        if (line.Box.Left > left + size * 0.6) return false;
        return !StartsLikeHeading(text);
    }

    private static bool StartsLikeHeading(string text)
    {
        var t = text.AsSpan().TrimStart();
        if (t.Length < 2) return false;
        if (t[0] is '（' or '(') return true;
        if ("一二三四五六七八九十".Contains(t[0]) && (t[1] is '、' or '是' || (t.Length > 2 && t[2] == '、'))) return true;
        if (char.IsAsciiDigit(t[0]) && (t[1] is '.' or '、' or '．')) return true;
        return t.StartsWith("第") && t.Length < 40 && (t.Contains("章".AsSpan(), StringComparison.Ordinal) || t.Contains("条".AsSpan(), StringComparison.Ordinal));
    }

    private static BoundingBox? Union(BoundingBox? a, Rect b)
    {
        if (a is not { } x) return b.ToBox();
        return new Rect(x.Left, x.Bottom, x.Right, x.Top).Union(b).ToBox();
    }
}
