using System.Text.RegularExpressions;
using ReportParser.Text;

namespace ReportParser.Input.Pdf;

/// <summary>
/// Drops running page headers, footers and page numbers: lines in the top or bottom margin of a page that
/// are page numbers (— 3 —, 第3页, 3/5, - 3 -), or whose text (digits ignored) recurs at the same edge of
/// several pages.
/// </summary>
internal static partial class PageFurniture
{
    /// <summary>Share of the page height at the top and bottom that counts as margin.</summary>
    private const double Margin = 0.12;

    [GeneratedRegex(@"^[\s\-—–－_·•]*(第\s*)?[0-9０-９]*\s*(页)?\s*([/／]\s*(共\s*)?[0-9０-９]+\s*页?)?[\s\-—–－_·•]*$|^[\s\-—–－]*(Page|page)\s*\d+(\s*of\s*\d+)?[\s\-—–－]*$|^共\s*\d+\s*页\s*第\s*\d+\s*页$")]
    private static partial Regex PageNumber();

    public static void Remove(List<PageContent> pages)
    {
        var topKeys = new Dictionary<string, int>();
        var bottomKeys = new Dictionary<string, int>();
        foreach (var p in pages)
        {
            if (Edge(p, top: true) is { } t) Count(topKeys, Key(t.Line!.Text));
            if (Edge(p, top: false) is { } b) Count(bottomKeys, Key(b.Line!.Text));
        }
        int repeated = Math.Max(2, (pages.Count + 1) / 2);
        foreach (var p in pages)
        {
            // Repeat: a page may carry both a header and a page-number footer line, or two footer lines.
            for (int pass = 0; pass < 2; pass++)
            {
                if (Edge(p, top: true) is { } t && (IsPageNumber(t.Line!.Text) || (pages.Count > 1 && topKeys.GetValueOrDefault(Key(t.Line.Text)) >= repeated))) p.Items.Remove(t);
                if (Edge(p, top: false) is { } b && (IsPageNumber(b.Line!.Text) || (pages.Count > 1 && bottomKeys.GetValueOrDefault(Key(b.Line.Text)) >= repeated))) p.Items.Remove(b);
            }
        }
    }

    internal static bool IsPageNumber(string text) => text.Length <= 24 && PageNumber().IsMatch(text);

    private static PageItem? Edge(PageContent page, bool top)
    {
        if (page.Items.Count == 0) return null;
        var item = top ? page.Items[0] : page.Items[^1];
        if (item.Line is not { } line) return null;
        bool inMargin = top ? line.Box.Bottom >= page.Height * (1 - Margin) : line.Box.Top <= page.Height * Margin;
        return inMargin ? item : null;
    }

    private static string Key(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (TextUtil.IsSpace(c)) continue;
            sb.Append(char.IsDigit(c) ? '#' : c);
        }
        return sb.ToString();
    }

    private static void Count(Dictionary<string, int> d, string key) => d[key] = d.GetValueOrDefault(key) + 1;
}
