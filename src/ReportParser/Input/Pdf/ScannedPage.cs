using ReportParser.Diagnostics;
using UglyToad.PdfPig.Content;

namespace ReportParser.Input.Pdf;

/// <summary>
/// Reads a page without a text layer by OCR: its largest image (a scan embeds one per page) goes to the
/// engine as JPEG bytes straight from the file, or as PNG from PdfPig's decoders (Flate, LZW, run-length,
/// CCITT fax); the words that come back are laid out like a text layer.
/// </summary>
internal static class ScannedPage
{
    public static PageContent? Read(Page page, IPageOcr ocr, DiagnosticBag bag, CancellationToken token)
    {
        var at = new SourceLocation(0, 0) { Page = page.Number };
        IPdfImage? image = null;
        double area = 0;
        foreach (var candidate in page.GetImages())
        {
            var b = candidate.BoundingBox;
            double a = Math.Abs(b.Width * b.Height);
            if (a > area)
            {
                area = a;
                image = candidate;
            }
        }
        if (image is null) return null;
        var bytes = EncodedBytes(image);
        if (bytes is null)
        {
            bag.Error(DiagnosticCode.NoTextLayer, at, $"page {page.Number}: the page image ({image.WidthInSamples}×{image.HeightInSamples}) is in an encoding this reader cannot decode for OCR (e.g. JBIG2 or JPEG 2000)");
            return null;
        }
        var bounds = image.BoundingBox;
        var rect = new Rect(Math.Min(bounds.Left, bounds.Right), Math.Min(bounds.Bottom, bounds.Top), Math.Max(bounds.Left, bounds.Right), Math.Max(bounds.Bottom, bounds.Top));
        if (rect.Width < 1 || rect.Height < 1) rect = new Rect(0, 0, page.Width, page.Height);
        var result = ocr.Recognize(new OcrImage(bytes, page.Number, rect.Width), token);
        if (result.Error is { } error)
        {
            bag.Error(DiagnosticCode.NoTextLayer, at, $"page {page.Number}: OCR could not read the page image: {error}");
            return null;
        }
        var content = OcrPageReader.Read(page.Number, page.Width, page.Height, rect, result);
        bag.Info(DiagnosticCode.ReadByOcr, at, $"page {page.Number} has no text layer: read by OCR ({result.Words.Count} words, {result.Rulings.Count} ruling lines)");
        return content;
    }

    /// <summary>The image as a file SkiaSharp decodes: the JPEG stream as stored, else PNG from PdfPig's decoders; null when neither works.</summary>
    private static byte[]? EncodedBytes(IPdfImage image)
    {
        var raw = image.RawMemory.Span;
        if (raw.Length > 3 && raw[0] == 0xFF && raw[1] == 0xD8 && raw[2] == 0xFF) return raw.ToArray();
        try
        {
            return image.TryGetPng(out var png) ? png : null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return null;
        }
    }
}
