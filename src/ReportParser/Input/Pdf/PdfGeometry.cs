using ReportParser.Text;

namespace ReportParser.Input.Pdf;

/// <summary>An axis-aligned rectangle in PDF points, origin bottom-left.</summary>
internal readonly record struct Rect(double Left, double Bottom, double Right, double Top)
{
    public double Width => Right - Left;

    public double Height => Top - Bottom;

    public double CenterX => (Left + Right) / 2;

    public double CenterY => (Bottom + Top) / 2;

    public Rect Union(Rect o) => new(Math.Min(Left, o.Left), Math.Min(Bottom, o.Bottom), Math.Max(Right, o.Right), Math.Max(Top, o.Top));

    public bool ContainsPoint(double x, double y, double tolerance = 0)
        => x >= Left - tolerance && x <= Right + tolerance && y >= Bottom - tolerance && y <= Top + tolerance;

    public BoundingBox ToBox() => new(Math.Round(Left, 2), Math.Round(Bottom, 2), Math.Round(Right, 2), Math.Round(Top, 2));
}

/// <summary>A piece of text on a page: a word, or part of a word that crossed a cell border.</summary>
/// <param name="Text">The text, look-alike radicals already mapped to ideographs.</param>
/// <param name="Box">Its bounding box.</param>
/// <param name="Baseline">The baseline of its first letter.</param>
/// <param name="Size">The text height used for gap and line tolerances (at least 1 pt).</param>
internal sealed record TextPiece(string Text, Rect Box, double Baseline, double Size)
{
    /// <summary>For a piece read by OCR, its characters with their probabilities; null for a text layer.</summary>
    public IReadOnlyList<OcrCharacter>? Ocr { get; init; }
}

/// <summary>A horizontal or vertical ruling segment.</summary>
/// <param name="Horizontal">True for a horizontal segment.</param>
/// <param name="Position">Its y (horizontal) or x (vertical).</param>
/// <param name="From">Start along the segment's axis (smaller coordinate).</param>
/// <param name="To">End along the segment's axis (larger coordinate).</param>
internal readonly record struct Segment(bool Horizontal, double Position, double From, double To)
{
    public double Length => To - From;
}

/// <summary>A line of text: pieces on one baseline, left to right.</summary>
internal sealed class TextLine
{
    public TextLine(List<TextPiece> pieces)
    {
        Pieces = pieces;
        var box = pieces[0].Box;
        double size = 0;
        foreach (var p in pieces)
        {
            box = box.Union(p.Box);
            size = Math.Max(size, p.Size);
        }
        Box = box;
        Size = size;
        Baseline = pieces[0].Baseline;
    }

    public List<TextPiece> Pieces { get; }

    public Rect Box { get; }

    public double Size { get; }

    public double Baseline { get; }

    /// <summary>The text of the line: pieces joined, with a space where the gap is wider than a third of the text height.</summary>
    public string Text => Join(Pieces, 0, Pieces.Count);

    public static string Join(List<TextPiece> pieces, int from, int to)
    {
        if (to - from == 1) return pieces[from].Text;
        var sb = new System.Text.StringBuilder();
        for (int i = from; i < to; i++)
        {
            if (i > from && pieces[i].Box.Left - pieces[i - 1].Box.Right > pieces[i].Size * 0.33) sb.Append(' ');
            sb.Append(pieces[i].Text);
        }
        return sb.ToString();
    }
}

/// <summary>Groups text pieces into lines and joins wrapped lines.</summary>
internal static class LineBuilder
{
    /// <summary>Groups pieces into lines (top to bottom, each left to right). A piece joins a line when its vertical centre lies within the line's band.</summary>
    public static List<TextLine> Group(List<TextPiece> pieces)
    {
        var result = new List<TextLine>();
        if (pieces.Count == 0) return result;
        pieces.Sort(static (a, b) => b.Box.CenterY.CompareTo(a.Box.CenterY));
        var current = new List<TextPiece> { pieces[0] };
        double bandBottom = pieces[0].Box.Bottom, bandTop = pieces[0].Box.Top, bandCenter = pieces[0].Box.CenterY, bandBaseline = pieces[0].Baseline;
        for (int i = 1; i < pieces.Count; i++)
        {
            var p = pieces[i];
            double tol = Math.Max(1, Math.Min(p.Size, bandTop - bandBottom) * 0.45);
            // Same baseline, or centre inside the band (punctuation such as 、 has a low, small box).
            bool sameBaseline = Math.Abs(p.Baseline - bandBaseline) <= Math.Max(0.8, p.Size * 0.2) && p.Box.Top > bandBottom;
            if (sameBaseline || Math.Abs(p.Box.CenterY - bandCenter) <= tol)
            {
                current.Add(p);
                bandBottom = Math.Min(bandBottom, p.Box.Bottom);
                bandTop = Math.Max(bandTop, p.Box.Top);
                continue;
            }
            result.Add(Finish(current));
            current = new List<TextPiece> { p };
            bandBottom = p.Box.Bottom;
            bandTop = p.Box.Top;
            bandCenter = p.Box.CenterY;
            bandBaseline = p.Baseline;
        }
        result.Add(Finish(current));
        return result;

        static TextLine Finish(List<TextPiece> line)
        {
            line.Sort(static (a, b) => a.Box.Left.CompareTo(b.Box.Left));
            return new TextLine(line);
        }
    }

    /// <summary>Joins lines of one cell or paragraph: no space between Chinese text, one space between Latin words.</summary>
    public static void AppendWrapped(System.Text.StringBuilder sb, string next)
    {
        if (next.Length == 0) return;
        if (sb.Length > 0 && !IsCjk(sb[^1]) && !IsCjk(next[0]) && sb[^1] != ' ' && !(char.IsAsciiDigit(sb[^1]) && char.IsAsciiDigit(next[0]))) sb.Append(' ');
        sb.Append(next);
    }

    private static bool IsCjk(char c) => c >= '\u2E80' || TextUtil.IsIdeograph(c);
}
