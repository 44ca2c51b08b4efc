using ReportParser.Diagnostics;

namespace ReportParser.Input;

/// <summary>Reads HTML pages into blocks (AngleSharp).</summary>
internal static class HtmlInput
{
    public static DocumentBlocks Read(ReportSource source, ReportParserOptions options, DiagnosticBag bag)
    {
        bag.Error(DiagnosticCode.UnsupportedFormat, SourceSpan.None, "HTML input is not supported by this build");
        return new DocumentBlocks(source.Name, SourceFormat.Html, Array.Empty<Block>());
    }
}
