using System.Text;
using ReportParser.Input;
using ReportParser.Text;

namespace ReportParser.Sections;

/// <summary>
/// Top-level headings (一、总体情况 …) printed inside a paragraph of crawled text, where the line breaks were
/// lost: the paragraph is cut so that each heading is its own paragraph for <see cref="SectionSplitter"/>.
/// A title is accepted exactly, as a variant or as a near-typo of <see cref="HeadingCatalog"/>'s.
/// </summary>
internal static class InlineHeadings
{
    /// <summary>Paragraphs at least this long are searched for inline headings.</summary>
    public const int LongParagraph = 40;

    private const string Numerals = ChineseSyntax.NumeralChars;

    private static readonly string[] HeadingKeys = HeadingCatalog.Entries.SelectMany(e => e.Variants.Prepend(e.Primary)).Select(TextUtil.Key).ToArray();

    /// <summary>
    /// Cleans crawled text (<see cref="CrawledTextCleaner"/>) and cuts long paragraphs at inline headings.
    /// Returns the same document when nothing changed.
    /// </summary>
    public static DocumentBlocks Prepare(DocumentBlocks doc)
    {
        var blocks = new List<Block>(doc.Blocks.Count);
        bool changed = false;
        foreach (var b in doc.Blocks)
        {
            if (b is not ParagraphBlock p) { blocks.Add(b); continue; }
            changed |= PrepareParagraph(p, blocks);
        }
        return changed ? doc with { Blocks = blocks } : doc;
    }

    private static bool PrepareParagraph(ParagraphBlock p, List<Block> blocks)
    {
        int title = CrawledTextCleaner.CrawlerTitleStart(p.Text, blocks.Count);
        if (title >= 0)
        {
            // The crawler's header line 标题: … holds the page title: keep the title, not the field name.
            CrawledTextCleaner.AddText(blocks, p.Text, title, p.Text.Length, p.Location);
            return true;
        }
        var w = CrawledTextCleaner.Clean(p.Text);
        var cuts = w.Length >= LongParagraph ? Find(w) : new List<(int Start, int End)>();
        int pos = 0;
        foreach (var (start, end) in cuts)
        {
            CrawledTextCleaner.AddText(blocks, w, pos, start, p.Location);
            CrawledTextCleaner.AddText(blocks, w, start, end, p.Location);
            pos = end;
        }
        CrawledTextCleaner.AddText(blocks, w, pos, w.Length, p.Location);
        return !ReferenceEquals(w, p.Text) || cuts.Count > 0;
    }

    /// <summary>Top-level headings printed inside a paragraph: start and end offsets.</summary>
    public static List<(int Start, int End)> Find(string w)
    {
        var cuts = new List<(int, int)>();
        for (int i = 0; i < w.Length; i++)
        {
            int end = HeadingAt(w, i);
            if (end < 0) continue;
            cuts.Add((i, end));
            i = end - 1;
        }
        return cuts;
    }

    /// <summary>End of a heading (numeral, separator, catalog title) starting at <paramref name="i"/>, or -1.</summary>
    private static int HeadingAt(string w, int i)
    {
        if (Numerals.IndexOf(w[i]) < 0) return -1;
        if (i > 0 && (Numerals.IndexOf(w[i - 1]) >= 0 || w[i - 1] == '第')) return -1;
        int j = i;
        while (j < w.Length && j < i + 2 && Numerals.IndexOf(w[j]) >= 0) j++;
        int number = ChineseSyntax.ToInt(w[i..j]);
        if (number is < 1 or > 10) return -1;
        j = SkipSpace(w, j);
        if (j >= w.Length || "、.．，,".IndexOf(w[j]) < 0) return -1;
        return MatchTitle(w, SkipSpace(w, j + 1));
    }

    private static int SkipSpace(string w, int j)
    {
        while (j < w.Length && TextUtil.IsSpace(w[j])) j++;
        return j;
    }

    /// <summary>End offset of a section title (exact, variant or near-typo of the catalog's) starting at <paramref name="start"/>, or -1.</summary>
    private static int MatchTitle(string w, int start)
    {
        var (key, at) = IdeographKey(w, start);
        if (key.Length < 2) return -1;
        var best = (End: -1, Distance: int.MaxValue, Length: 0);
        foreach (var kt in HeadingKeys)
        {
            if (kt.Length < 2 || (key[0] != kt[0] && key[1] != kt[1])) continue;
            best = BestPrefix(key, kt, at, best);
        }
        return best.End;
    }

    /// <summary>The ideographs from <paramref name="start"/> (at most 48, up to the first digit) and their offsets.</summary>
    private static (string Key, List<int> At) IdeographKey(string w, int start)
    {
        var key = new StringBuilder(48);
        var at = new List<int>(48);
        for (int i = start; i < w.Length && key.Length < 48; i++)
        {
            char c = TextUtil.Narrow(CjkCompat.Map(w[i]));
            if (char.IsAsciiDigit(c)) break;
            if (!TextUtil.IsIdeograph(c)) continue;
            key.Append(c);
            at.Add(i);
        }
        return (key.ToString(), at);
    }

    /// <summary>The best prefix of <paramref name="k"/> within the allowed typo distance of title key <paramref name="kt"/>.</summary>
    private static (int End, int Distance, int Length) BestPrefix(string k, string kt, List<int> at, (int End, int Distance, int Length) best)
    {
        int max = kt.Length >= 8 ? Math.Max(1, kt.Length / 8) : 0;
        for (int len = Math.Max(1, kt.Length - max); len <= kt.Length + max && len <= k.Length; len++)
        {
            int d = len == kt.Length && max == 0
                ? (string.CompareOrdinal(k, 0, kt, 0, len) == 0 ? 0 : 1)
                : TextUtil.Distance(k[..len], kt, max);
            if (d > max) continue;
            if (d < best.Distance || (d == best.Distance && len > best.Length)) best = (at[len - 1] + 1, d, len);
        }
        return best;
    }
}
