using ReportParser.Input;

namespace ReportParser.Sections;

/// <summary>
/// Reads the figures the running text of sections 一 to 四 states (<see cref="ProseGrammar"/>) and links each to the
/// table cells it restates where the wording is unambiguous (<see cref="ProseLinks"/>). Paragraphs that are a table's
/// text (a fused row, a row label with its values) are not prose and are skipped.
/// </summary>
internal static class ProseReader
{
    private static readonly SectionKind[] ProseSections = { SectionKind.Overview, SectionKind.ProactiveDisclosure, SectionKind.Requests, SectionKind.ReviewLitigation };

    /// <summary>At most this many statements are kept per report: a hostile document cannot grow the list without bound.</summary>
    public const int MaxStatements = 2000;

    /// <summary>Paragraphs longer than this are not read (a whole page of fused text, not a sentence).</summary>
    private const int MaxParagraph = 20_000;

    /// <summary>The statements of the document's prose sections, in document order.</summary>
    /// <param name="split">The sections.</param>
    /// <param name="year">The report year, or null.</param>
    /// <param name="template">The report's template.</param>
    /// <param name="exactColumns">True when a paragraph is one line of the source (plain text), so a figure's column can be given.</param>
    public static List<ProseStatement> Read(SplitDocument split, int? year, ReportTemplate template, bool exactColumns)
    {
        var result = new List<ProseStatement>();
        var links = new ProseLinks(year, template);
        foreach (var s in split.Sections)
        {
            if (Array.IndexOf(ProseSections, s.Kind) < 0) continue;
            foreach (var p in s.Blocks.OfType<ParagraphBlock>())
            {
                if (p.Text.Length > MaxParagraph || IsTableText(p.Text)) continue;
                ReadParagraph(p, s.Kind, links, exactColumns, result);
                if (result.Count >= MaxStatements) return result;
            }
        }
        return result;
    }

    /// <summary>A paragraph that is table text: template row labels or long runs of digits, not sentences.</summary>
    internal static bool IsTableText(string text)
        => text.Contains("第二十条第", StringComparison.Ordinal) || text.Contains("本年新收政府信息公开申请数量", StringComparison.Ordinal)
           || text.Contains("结果维持", StringComparison.Ordinal) && text.Contains("结果纠正", StringComparison.Ordinal)
           || text.StartsWith('|');

    private static void ReadParagraph(ParagraphBlock p, SectionKind kind, ProseLinks links, bool exactColumns, List<ProseStatement> result)
    {
        var text = p.Text;
        int start = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && !IsSentenceEnd(text[i])) continue;
            if (i > start) ReadSentence(p, start, i, kind, links, exactColumns, result);
            start = i + 1;
        }
    }

    private static bool IsSentenceEnd(char c) => c is '。' or '；' or ';' or '！' or '？' or '\n';

    private static void ReadSentence(ParagraphBlock p, int from, int to, SectionKind kind, ProseLinks links, bool exactColumns, List<ProseStatement> result)
    {
        var sentence = p.Text[from..to].Trim();
        int lead = p.Text.IndexOf(sentence, from, StringComparison.Ordinal);
        int clauseStart = 0;
        for (int i = 0; i <= sentence.Length; i++)
        {
            if (i < sentence.Length && sentence[i] is not ('，' or ',')) continue;
            var clause = sentence[clauseStart..i];
            foreach (var f in ProseGrammar.Figures(clause))
            {
                if (result.Count >= MaxStatements) return;
                var statement = new ProseStatement(kind.ToString(), sentence, f.Value, f.Unit, f.Lead, exactColumns ? At(p, lead + clauseStart + f.Start) : p.Location);
                result.Add(links.Link(statement, f, clause, sentence, kind));
            }
            clauseStart = i + 1;
        }
    }

    /// <summary>The location of a character of a paragraph: its line, and its column when the paragraph is one line of the source.</summary>
    private static SourceLocation At(ParagraphBlock p, int offset)
    {
        var at = p.Location;
        if (at.Line <= 0 || at.Table is not null) return at;
        int lines = 0, lineStart = 0;
        for (int i = 0; i < offset && i < p.Text.Length; i++)
        {
            if (p.Text[i] != '\n') continue;
            lines++;
            lineStart = i + 1;
        }
        return lines == 0 ? at with { Column = at.Column + offset } : at with { Line = at.Line + lines, Column = 1 + offset - lineStart };
    }
}
