using ReportParser.Diagnostics;
using ReportParser.Input.Pdf;

namespace ReportParser.Input;

/// <summary>
/// Reads an image file (a scanned or photographed page) by OCR as a one-page document, laid out like a PDF
/// page: the image is taken as an A4-wide page. Without an OCR engine the file gets the "needs OCR" error.
/// </summary>
internal static class ImageInput
{
    /// <summary>The A4 page width in points, the width an image page is given.</summary>
    internal const double PageWidth = 595.276;

    private static readonly (string Kind, byte[] Magic)[] Magics =
    {
        ("PNG", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }),
        ("JPEG", new byte[] { 0xFF, 0xD8, 0xFF }),
        ("TIFF", "II*\0"u8.ToArray()),
        ("TIFF", "MM\0*"u8.ToArray()),
        ("GIF", "GIF87a"u8.ToArray()),
        ("GIF", "GIF89a"u8.ToArray()),
    };

    /// <summary>The image type from the magic bytes (PNG, JPEG, TIFF, WebP, GIF), or null.</summary>
    public static string? Kind(ReadOnlySpan<byte> b)
    {
        foreach (var (kind, magic) in Magics) if (b.StartsWith(magic)) return kind;
        if (b.Length >= 12 && b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8)) return "WebP";
        return null;
    }

    public static DocumentBlocks Read(ReportSource source, ReportParserOptions options, DiagnosticBag bag, Action<TimeSpan>? extendBudget, CancellationToken token)
    {
        var empty = new DocumentBlocks(source.Name, SourceFormat.Image, Array.Empty<Block>()) { PageCount = 1 };
        if (source.Bytes is not { Length: > 0 } bytes)
        {
            bag.Error(DiagnosticCode.Unreadable, SourceLocation.Unknown, "the source was declared as an image but holds no bytes");
            return empty;
        }
        var kind = Kind(bytes) ?? "image";
        if (options.Ocr is not { Unavailable: null } ocr)
        {
            bag.Error(DiagnosticCode.NoTextLayer, SourceLocation.Unknown, $"the file is a {kind} image: it needs OCR before it can be parsed ({PdfInput.OcrState(options)})");
            return empty;
        }
        extendBudget?.Invoke(options.OcrPageTimeBudget);
        OcrPage page;
        try
        {
            page = ocr.Recognize(new OcrImage(bytes, 1, null), token);
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or OperationCanceledException))
        {
            page = OcrPage.Failed($"the OCR engine failed: {ex.GetType().Name}: {ex.Message}");
        }
        if (page.Error is { } error || page.Width <= 0 || page.Height <= 0)
        {
            bag.Error(DiagnosticCode.NoTextLayer, SourceLocation.Unknown, $"the file is a {kind} image and OCR could not read it: {page.Error ?? "empty image"}");
            return empty;
        }
        double height = PageWidth * page.Height / page.Width;
        var content = OcrPageReader.Read(1, PageWidth, height, new Rect(0, 0, PageWidth, height), page);
        bag.Info(DiagnosticCode.ReadByOcr, new SourceLocation(0, 0) { Page = 1 }, $"the {kind} image was read by OCR ({page.Words.Count} words, {page.Rulings.Count} ruling lines)");
        var pages = new List<PageContent> { content };
        var ocrCells = new Dictionary<OcrCellKey, OcrCellReading>();
        var blocks = BlockWriter.Write(pages, ocrCells);
        return new DocumentBlocks(source.Name, SourceFormat.Image, blocks) { PageCount = 1, OcrCells = ocrCells };
    }
}
