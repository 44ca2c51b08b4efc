using ReportParser.Diagnostics;
using ReportParser.Input;
using ReportParser.Sections;
using ReportParser.Template;

namespace ReportParser.Tables.Fused;

/// <summary>
/// Recovers the tables of crawled plain text whose cell delimiters were lost, after the sections are known:
/// in sections 二, 三 and 四 that hold no table, each template row label followed by a run of digits
/// (<see cref="FusedRowFinder"/>) is split by the template's arithmetic (<see cref="FusedSolver"/>), and the
/// paragraph is replaced by the blocks <see cref="FusedGridWriter"/> writes: grid rows whose cells are placed
/// in template column order, which the table readers then read like any other table.
/// </summary>
internal static class FusedTableRecovery
{
    private static readonly SectionKind[] TableSections = { SectionKind.ProactiveDisclosure, SectionKind.Requests, SectionKind.ReviewLitigation };

    /// <summary>
    /// The result of a recovery: the document's blocks and sections with the recovered tables in place, and the rows whose
    /// runs the arithmetic left ambiguous, with their table key and the splits still allowed.
    /// </summary>
    public sealed record Recovered(DocumentBlocks Blocks, SplitDocument Split)
    {
        public IReadOnlyList<(string Table, FusedRow Row)> Ambiguous { get; init; } = Array.Empty<(string, FusedRow)>();
    }

    /// <summary>
    /// Recovers the fused tables; null when the document has none (or its template is not 2019/2021).
    /// Throws <see cref="OperationCanceledException"/> when <paramref name="token"/> fires; the document is then unchanged.
    /// </summary>
    public static Recovered? Recover(DocumentBlocks doc, SplitDocument split, ReportTemplate template, DiagnosticBag bag, CancellationToken token)
    {
        if (template is not (ReportTemplate.V2019 or ReportTemplate.V2021)) return null;
        var found = FindRows(split, template);
        if (found.Count == 0) return null;

        var byParagraph = new Dictionary<ParagraphBlock, List<FoundRow>>(ReferenceEqualityComparer.Instance);
        foreach (var (_, p, rows) in found) byParagraph[p] = rows;
        var hints = FusedHints.From(doc.Blocks, byParagraph);
        var ambiguous = new List<(string, FusedRow)>();
        foreach (var kind in TableSections)
        {
            token.ThrowIfCancellationRequested();
            var rows = found.Where(f => f.Kind == kind).SelectMany(f => f.Rows).Select(r => r.Row).ToList();
            if (rows.Count > 0) FusedSolver.Solve(TableKey(kind), rows, hints.For, bag, token);
            ambiguous.AddRange(rows.Where(r => r.Kept.Count > 1).Select(r => (TableKey(kind), r)));
        }

        var replaced = new Dictionary<Block, List<Block>>(ReferenceEqualityComparer.Instance);
        var headerDone = new HashSet<SectionKind>();
        foreach (var (kind, p, rows) in found) replaced[p] = FusedGridWriter.Write(p, rows, kind, template, headerDone);
        return new Recovered(doc with { Blocks = Replace(doc.Blocks, replaced) }, Replace(split, replaced)) { Ambiguous = ambiguous };
    }

    private static string TableKey(SectionKind kind) => kind switch
    {
        SectionKind.ProactiveDisclosure => TemplateSchema.ProactiveDisclosure,
        SectionKind.Requests => TemplateSchema.Requests,
        _ => TemplateSchema.ReviewLitigation,
    };

    /// <summary>The paragraphs of the table sections that hold fused rows, in document order.</summary>
    private static List<(SectionKind Kind, ParagraphBlock Paragraph, List<FoundRow> Rows)> FindRows(SplitDocument split, ReportTemplate template)
    {
        var found = new List<(SectionKind, ParagraphBlock, List<FoundRow>)>();
        foreach (var s in split.Sections)
        {
            if (Array.IndexOf(TableSections, s.Kind) < 0 || s.Blocks.Any(b => b is TableBlock)) continue;
            foreach (var p in s.Blocks.OfType<ParagraphBlock>())
            {
                // A Markdown pipe-table line keeps its delimiters: it is not a fused row.
                if (p.Text.StartsWith('|') || p.Text.Contains(" | ", StringComparison.Ordinal)) continue;
                var rows = FusedRowFinder.Find(p, s.Kind, template);
                if (rows.Count > 0) found.Add((s.Kind, p, rows));
            }
        }
        return found;
    }

    private static List<Block> Replace(IReadOnlyList<Block> blocks, Dictionary<Block, List<Block>> replaced)
    {
        var result = new List<Block>(blocks.Count + 8);
        foreach (var b in blocks)
        {
            if (replaced.TryGetValue(b, out var with)) result.AddRange(with);
            else result.Add(b);
        }
        return result;
    }

    private static SplitDocument Replace(SplitDocument split, Dictionary<Block, List<Block>> replaced)
        => split with { Sections = split.Sections.Select(s => s with { Blocks = Replace(s.Blocks, replaced) }).ToList() };
}
