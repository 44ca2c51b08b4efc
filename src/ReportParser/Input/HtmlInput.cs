using AngleSharp.Html.Parser;
using ReportParser.Diagnostics;
using ReportParser.Input.Html;

namespace ReportParser.Input;

/// <summary>
/// Reads HTML pages and fragments into blocks (AngleSharp). Bytes are decoded by a BOM, then by the
/// charset the markup declares (sniffed from the raw bytes as ASCII), then by detection. Every block and
/// grid cell carries the line and column of its element in the decoded page; grid cells also carry the
/// 1-based table index (counting the data tables emitted) and their row and column in the expanded grid.
/// </summary>
internal static class HtmlInput
{
    public static DocumentBlocks Read(ReportSource source, ReportParserOptions options, DiagnosticBag bag)
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
        if (html.Length > options.MaxInputBytes)
        {
            bag.Error(DiagnosticCode.LimitExceeded, SourceLocation.Unknown, $"the page is {html.Length:N0} characters, over the limit of {options.MaxInputBytes:N0}; not parsed");
            return empty;
        }
        if (html.AsSpan().Trim().IsEmpty)
        {
            bag.Error(DiagnosticCode.EmptyInput, SourceLocation.Unknown, "the input holds only white space");
            return empty;
        }

        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true });
        var document = parser.ParseDocument(html);
        var builder = new HtmlBlockBuilder();
        builder.Walk(document.Body ?? (AngleSharp.Dom.INode)document);
        if (builder.Blocks.Count == 0)
        {
            bag.Error(DiagnosticCode.EmptyInput, SourceLocation.Unknown, "the page holds no text");
        }
        return new DocumentBlocks(source.Name, SourceFormat.Html, builder.Blocks) { Metadata = builder.Metadata };
    }
}
