using AngleSharp.Html.Parser;
using ReportParser.Diagnostics;
using ReportParser.Input.Html;

namespace ReportParser.Input;

/// <summary>
/// Reads HTML pages and fragments into blocks (AngleSharp). Bytes are decoded by a BOM, then by the
/// charset the markup declares (sniffed from the raw bytes as ASCII), then by detection. Every block and
/// grid cell carries the line and column of its element in the decoded page; grid cells also carry the
/// 1-based table index (counting the data tables emitted) and their row and column in the expanded grid.
/// Before the page is parsed its nesting is bounded (<see cref="ReportParserOptions.MaxHtmlDepth"/>), and
/// its tables are expanded under the cell limits (<see cref="CellBudget"/>). Tables given as pictures
/// (<c>&lt;img&gt;</c>) are read by OCR when an engine is set (<see cref="HtmlImages"/>).
/// </summary>
internal static class HtmlInput
{
    public static DocumentBlocks Read(ReportSource source, ReportParserOptions options, DiagnosticBag bag, CancellationToken token = default)
    {
        var empty = new DocumentBlocks(source.Name, SourceFormat.Html, Array.Empty<Block>());
        string? html = source.Text;
        if (html is null && source.Bytes is { } bytes)
        {
            if (bytes.Length == 0)
            {
                bag.Error(DiagnosticCode.EmptyInput, SourceLocation.Unknown, "the input is empty (0 bytes)");
                return empty;
            }
            var declared = TextDecoder.ByName(HtmlCharset.Sniff(bytes));
            html = TextDecoder.Decode(bytes, bag, declared);
        }
        if (html is null) return empty;
        if (html.AsSpan().Trim().IsEmpty)
        {
            bag.Error(DiagnosticCode.EmptyInput, SourceLocation.Unknown, "the input holds only white space");
            return empty;
        }

        html = LimitDepth(html, options, bag);
        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true });
        var document = parser.ParseDocument(html);
        var builder = new HtmlBlockBuilder(new CellBudget(options, bag), bag);
        if (!builder.Walk(document.Body ?? (AngleSharp.Dom.INode)document, token))
        {
            bag.Error(DiagnosticCode.LimitExceeded, SourceLocation.Unknown, $"the time budget of {options.TimeBudget.TotalSeconds:0.#} s ran out while the page was read; not parsed");
            return empty;
        }
        var (blocks, ocrCells) = HtmlImages.Read(builder.Blocks, builder.Images, source.Resources, options, bag, token);
        if (blocks.Count == 0)
        {
            bag.Error(DiagnosticCode.EmptyInput, SourceLocation.Unknown, "the page holds no text");
        }
        return new DocumentBlocks(source.Name, SourceFormat.Html, blocks) { Metadata = builder.Metadata, OcrCells = ocrCells };
    }

    /// <summary>
    /// The page with the tags nested deeper than <see cref="ReportParserOptions.MaxHtmlDepth"/>, and those of
    /// the elements past <see cref="ReportParserOptions.MaxHtmlElements"/>, removed (see <see cref="HtmlDepth"/>)
    /// before the parser sees it; an error diagnostic at the first of each.
    /// </summary>
    private static string LimitDepth(string html, ReportParserOptions options, DiagnosticBag bag)
    {
        var limited = HtmlDepth.Limit(html, options.MaxHtmlDepth, options.MaxHtmlElements);
        if (limited.FirstTooDeep >= 0)
        {
            bag.Error(DiagnosticCode.LimitExceeded, LocationAt(html, limited.FirstTooDeep),
                $"the page nests elements more than {options.MaxHtmlDepth:N0} deep; the tags deeper than that were ignored and their text read as if they were absent");
        }
        if (limited.FirstTooMany >= 0)
        {
            bag.Error(DiagnosticCode.LimitExceeded, LocationAt(html, limited.FirstTooMany),
                $"the page has more than {options.MaxHtmlElements:N0} elements; the tags after those were ignored and their text read as if they were absent");
        }
        return limited.Html;
    }

    private static SourceLocation LocationAt(string html, int index)
    {
        int line = 1 + html.AsSpan(0, index).Count('\n');
        int column = index - (html.LastIndexOf('\n', Math.Max(0, index - 1)) + 1) + 1;
        return new SourceLocation(line, column);
    }
}
