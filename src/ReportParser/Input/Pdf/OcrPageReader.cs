using ReportParser.Text;

namespace ReportParser.Input.Pdf;

/// <summary>
/// Turns what OCR read on a page image into the page content a text layer gives: each OCR word a text piece
/// (in PDF points, origin bottom-left, the image stretched over the page), each ruling line a segment; then the
/// PDF path's own layout (ruled grids, lines, borderless tables) reads them.
/// </summary>
internal static class OcrPageReader
{
    /// <summary>Reads an OCR result; <paramref name="image"/> is where the image lies on the page, in points.</summary>
    public static PageContent Read(int number, double pageWidth, double pageHeight, Rect image, OcrPage ocr)
    {
        double sx = image.Width / Math.Max(1, ocr.Width), sy = image.Height / Math.Max(1, ocr.Height);
        double x0 = image.Left, top = image.Top;
        var pieces = new List<TextPiece>(ocr.Words.Count);
        var letters = new List<PieceLetter[]>(ocr.Words.Count);
        foreach (var w in ocr.Words)
        {
            var chars = w.Characters.Where(static c => !char.IsWhiteSpace(c.Value)).ToArray();
            if (chars.Length == 0) continue;
            var rect = new Rect(x0 + w.Box.Left * sx, top - w.Box.Bottom * sy, x0 + w.Box.Right * sx, top - w.Box.Top * sy);
            if (rect.Width <= 0 || rect.Height <= 0) continue;
            double baseline = rect.Bottom + rect.Height * 0.15;
            var text = CjkCompat.Normalize(new string(chars.Select(static c => c.Value).ToArray()));
            // Text height: the box is the detector's, a little taller than the ink.
            pieces.Add(new TextPiece(text, rect, baseline, Math.Max(1, rect.Height * 0.8)) { Ocr = chars });
            letters.Add(chars.Select(c => new PieceLetter(c.Value.ToString(), x0 + c.Left * sx, x0 + c.Right * sx, baseline)).ToArray());
        }
        var segments = new List<Segment>(ocr.Rulings.Count);
        foreach (var r in ocr.Rulings)
        {
            segments.Add(r.Horizontal
                ? new Segment(true, top - r.Position * sy, x0 + r.From * sx, x0 + r.To * sx)
                : new Segment(false, x0 + r.Position * sx, top - r.To * sy, top - r.From * sy));
        }
        var page = new PageContent(number, pageWidth, pageHeight, new List<PageItem>(), pieces.Count, 1) { OcrPieces = new List<TextPiece>() };
        return PdfPageReader.Layout(page, pieces, letters, segments);
    }

    /// <summary>The OCR reading of a table cell: the OCR pieces whose centre lies in its box, line by line, left to right.</summary>
    public static OcrCellReading CellReading(List<TextPiece> pieces, Rect box)
    {
        var inside = pieces.Where(p => box.ContainsPoint(p.Box.CenterX, p.Box.CenterY, 0.5) && p.Ocr is not null).ToList();
        var result = new List<OcrCharacter>();
        foreach (var line in LineBuilder.Group(inside))
        {
            foreach (var p in line.Pieces) result.AddRange(p.Ocr!);
        }
        return new OcrCellReading(result, inside.Count);
    }
}
