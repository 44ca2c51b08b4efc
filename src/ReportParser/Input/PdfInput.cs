using ReportParser.Diagnostics;

namespace ReportParser.Input;

/// <summary>Reads PDF files into blocks (PdfPig).</summary>
internal static class PdfInput
{
    public static DocumentBlocks Read(ReportSource source, ReportParserOptions options, DiagnosticBag bag)
    {
        bag.Error(DiagnosticCode.UnsupportedFormat, SourceSpan.None, "PDF input is not supported by this build");
        return new DocumentBlocks(source.Name, SourceFormat.Pdf, Array.Empty<Block>());
    }
}
