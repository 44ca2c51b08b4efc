using ReportParser.Diagnostics;
using ReportParser.Input;
using ReportParser.Text;

namespace ReportParser.Sections;

/// <summary>The blocks of a document split into preamble and sections.</summary>
internal sealed record SplitDocument(IReadOnlyList<Block> Preamble, IReadOnlyList<SplitSection> Sections);

/// <summary>A section as the splitter found it: its heading and the blocks after it, for the later stages.</summary>
internal sealed record SplitSection(SectionKind Kind, int Number, string Heading, SourceLocation Location, IReadOnlyList<Block> Blocks)
{
    /// <summary>The section of the report model: its paragraphs and its tables as printed.</summary>
    public ReportSection ToModel()
    {
        var blocks = Blocks;
        return new(Kind, Number, Heading, Location,
            () => blocks.OfType<ParagraphBlock>().Select(p => p.Text).ToList(),
            () => blocks.OfType<TableBlock>().Select(t => new RawTable(t.Rows.Select(r => (IReadOnlyList<RawCell>)r.Cells.Select(c => new RawCell(c.Text, c.Location)).ToList()).ToList(), t.Location)).ToList(),
            blocks.Count(b => b is TableBlock));
    }
}

/// <summary>
/// Splits blocks into the preamble and the numbered top-level sections. Headings are recognised per
/// paragraph with <see cref="HeadingGrammar"/> and matched against <see cref="HeadingCatalog"/>; a numbered
/// heading outside the template starts an Unknown section when it continues the numbering.
/// </summary>
internal static class SectionSplitter
{
    public static SplitDocument Split(IReadOnlyList<Block> blocks, DiagnosticBag bag)
    {
        var preamble = new List<Block>();
        var sections = new List<(SectionKind Kind, int Number, string Heading, SourceLocation Location, List<Block> Blocks)>();
        var seen = new HashSet<SectionKind>();
        foreach (var block in blocks)
        {
            if (block is ParagraphBlock p && TryHeading(p, sections.Count == 0 ? 0 : sections[^1].Number, bag, seen, out var kind, out var number))
            {
                sections.Add((kind, number, p.Text, p.Location, new List<Block>()));
                continue;
            }
            if (sections.Count == 0) preamble.Add(block);
            else sections[^1].Blocks.Add(block);
        }
        var result = sections.Select(s => new SplitSection(s.Kind, s.Number, s.Heading, s.Location, s.Blocks)).ToList();
        return new SplitDocument(preamble, result);
    }

    private static bool TryHeading(ParagraphBlock p, int currentNumber, DiagnosticBag bag, HashSet<SectionKind> seen, out SectionKind kind, out int number)
    {
        kind = SectionKind.Unknown;
        number = 0;
        // Markdown and bold markers around a heading (## 三、…, **三、…**) are not part of it.
        var text = CjkCompat.Normalize(p.Text).TrimStart('#', '*', ' ').TrimEnd('*', ' ');
        if (!HeadingGrammar.TryParse(text, out var h) || h is null) return false;
        var title = h.Title;
        if (title.Length == 0 || TextUtil.Key(title).Length > 40) return false;
        char last = title[^1];
        if (last is '。' or '；' or ';' or '，' or ',' or '：' or ':') return false;

        var (entry, match) = HeadingCatalog.Match(title);
        if (entry is not null && (match != HeadingCatalog.MatchKind.Cue || h.Number == entry.Number))
        {
            kind = entry.Kind;
            number = h.Number;
            ReportTemplateHeading(p, h, entry, match, seen, bag);
            return true;
        }

        // A numbered heading outside the template continues the numbering: keep it as its own section.
        if (currentNumber > 0 && h.Number == currentNumber + 1 && !title.Any(char.IsAsciiDigit) && TextUtil.Key(title).Length <= 20)
        {
            number = h.Number;
            bag.Info(DiagnosticCode.UnknownHeading, p.Location, $"heading '{p.Text}' is not part of the template; its section is kept", p.Text);
            return true;
        }
        return false;
    }

    /// <summary>Notes how a heading differs from the template heading it was matched to: a variant, a typo, its number, a repeat.</summary>
    private static void ReportTemplateHeading(ParagraphBlock p, HeadingLine h, HeadingCatalog.Entry entry, HeadingCatalog.MatchKind match, HashSet<SectionKind> seen, DiagnosticBag bag)
    {
        switch (match)
        {
            case HeadingCatalog.MatchKind.Variant:
            case HeadingCatalog.MatchKind.Cue:
                bag.Info(DiagnosticCode.HeadingVariant, p.Location, $"heading '{p.Text}' is a variant of the template's '{Expected(entry)}'", p.Text);
                break;
            case HeadingCatalog.MatchKind.Typo:
                bag.Warning(DiagnosticCode.HeadingTypo, p.Location, $"heading '{p.Text}' recognised as '{Expected(entry)}' despite a typo", p.Text);
                break;
        }
        if (h.Number != entry.Number)
        {
            bag.Warning(DiagnosticCode.SectionOutOfOrder, p.Location,
                $"heading '{p.Text}' is numbered {h.NumeralText}, the template numbers {entry.Primary} as {ChineseNumber(entry.Number)}", p.Text);
        }
        if (!seen.Add(entry.Kind))
        {
            bag.Warning(DiagnosticCode.DuplicateSection, p.Location, $"section {entry.Primary} appears a second time", p.Text);
        }
    }

    private static string Expected(HeadingCatalog.Entry e) => ChineseNumber(e.Number) + "、" + e.Primary;

    private static string ChineseNumber(int n) => n is >= 1 and <= 10 ? "一二三四五六七八九十"[n - 1].ToString() : n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Warns for each template section the document lacks.</summary>
    public static void ReportMissing(SplitDocument doc, DiagnosticBag bag)
    {
        foreach (var e in HeadingCatalog.Entries)
        {
            if (!doc.Sections.Any(s => s.Kind == e.Kind))
            {
                bag.Warning(DiagnosticCode.MissingSection, SourceLocation.Unknown, $"section {Expected(e)} was not found");
            }
        }
    }
}
