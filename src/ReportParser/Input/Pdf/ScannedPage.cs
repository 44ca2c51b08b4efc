using ReportParser.Diagnostics;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Tokens;

namespace ReportParser.Input.Pdf;

/// <summary>
/// Reads a page without a text layer by OCR in three steps, so that the pages of a document can be read by the
/// engine in parallel (<see cref="IPageOcr.MaxParallelPages"/>) while PdfPig reads the file on one thread: its largest
/// image (a scan embeds one per page) is taken as JPEG bytes straight from the file, or as PNG from PdfPig's decoders
/// (Flate, LZW, run-length, CCITT fax); the engine reads it; the words that come back are laid out like a text layer.
/// </summary>
internal static class ScannedPage
{
    /// <summary>A scanned page's image, taken from the PDF, waiting for OCR.</summary>
    internal sealed record Pending(int Number, double Width, double Height, Rect Rect, OcrImage Image);

    /// <summary>The page's largest image as an encoded file for OCR, or null (with an error when its encoding cannot be decoded).</summary>
    public static Pending? Prepare(Page page, DiagnosticBag bag)
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
            bag.Error(DiagnosticCode.NoTextLayer, at, $"page {page.Number}: the page image ({image.WidthInSamples}×{image.HeightInSamples}) is in an encoding this reader cannot decode for OCR: {Encoding(image)}");
            return null;
        }
        var bounds = image.BoundingBox;
        var rect = new Rect(Math.Min(bounds.Left, bounds.Right), Math.Min(bounds.Bottom, bounds.Top), Math.Max(bounds.Left, bounds.Right), Math.Max(bounds.Bottom, bounds.Top));
        if (rect.Width < 1 || rect.Height < 1) rect = new Rect(0, 0, page.Width, page.Height);
        return new Pending(page.Number, page.Width, page.Height, rect, new OcrImage(bytes, page.Number, rect.Width));
    }

    /// <summary>Runs the engine on the page image; an engine that throws gives a failed page.</summary>
    public static OcrPage Recognize(IPageOcr ocr, Pending page, CancellationToken token)
    {
        try
        {
            return ocr.Recognize(page.Image, token);
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or OperationCanceledException))
        {
            return OcrPage.Failed($"the OCR engine failed: {ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>The words OCR read laid out like a text layer, or null (with an error) when it could not read the page.</summary>
    public static PageContent? Finish(Pending page, OcrPage result, DiagnosticBag bag)
    {
        var at = new SourceLocation(0, 0) { Page = page.Number };
        if (result.Error is { } error)
        {
            bag.Error(DiagnosticCode.NoTextLayer, at, $"page {page.Number}: OCR could not read the page image: {error}");
            return null;
        }
        var content = OcrPageReader.Read(page.Number, page.Width, page.Height, page.Rect, result);
        bag.Info(DiagnosticCode.ReadByOcr, at, $"page {page.Number} has no text layer: read by OCR ({result.Words.Count} words, {result.Rulings.Count} ruling lines)");
        return content;
    }

    /// <summary>The image's encoding in words, from its filters: PdfPig (0.1.16) has no JBIG2 or JPEG 2000 decoder.</summary>
    private static string Encoding(IPdfImage image)
    {
        var names = new List<string>();
        if (image.ImageDictionary.TryGet(NameToken.Filter, out var filter))
        {
            if (filter is NameToken one) names.Add(one.Data);
            else if (filter is ArrayToken many) names.AddRange(many.Data.OfType<NameToken>().Select(n => n.Data));
        }
        if (names.Contains("JBIG2Decode")) return "JBIG2 (bilevel scans), which PdfPig, the PDF library, does not decode; convert the PDF's images (e.g. to CCITT or Flate) and read it again";
        if (names.Contains("JPXDecode")) return "JPEG 2000, which PdfPig, the PDF library, does not decode; convert the PDF's images (e.g. to JPEG) and read it again";
        return names.Count > 0 ? $"filters {string.Join(", ", names)}" : "an unknown encoding";
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

/// <summary>
/// The scanned pages of a PDF waiting for OCR: they are read by the engine up to its
/// <see cref="IPageOcr.MaxParallelPages"/> at once, and each read page replaces its empty text-layer page, in page
/// order, so the result is the same for any number of pages in parallel.
/// </summary>
internal sealed class ScanQueue(IPageOcr? engine, DiagnosticBag bag, CancellationToken token)
{
    private readonly IPageOcr? _ocr = engine is { Unavailable: null } ? engine : null;
    private readonly List<(int Index, ScannedPage.Pending Page)> _pending = new();

    /// <summary>Whether an engine that can run was given.</summary>
    public bool CanRun => _ocr is not null;

    private int Parallel => Math.Max(1, _ocr?.MaxParallelPages ?? 1);

    /// <summary>Adds the image of the page at <paramref name="index"/> in the page list.</summary>
    public void Add(int index, ScannedPage.Pending page) => _pending.Add((index, page));

    /// <summary>Reads the waiting pages into <paramref name="pages"/>: all of them, or only once as many wait as may be read at once.</summary>
    public void Recognize(List<PageContent> pages, bool all)
    {
        if (_ocr is null || _pending.Count == 0 || (!all && _pending.Count < Parallel)) return;
        var results = new OcrPage[_pending.Count];
        if (Parallel == 1 || _pending.Count == 1)
        {
            for (int i = 0; i < _pending.Count; i++) results[i] = ScannedPage.Recognize(_ocr, _pending[i].Page, token);
        }
        else
        {
            System.Threading.Tasks.Parallel.For(0, _pending.Count, new ParallelOptions { MaxDegreeOfParallelism = Parallel },
                i => results[i] = ScannedPage.Recognize(_ocr, _pending[i].Page, token));
        }
        for (int i = 0; i < _pending.Count; i++)
        {
            if (ScannedPage.Finish(_pending[i].Page, results[i], bag) is { } content) pages[_pending[i].Index] = content;
        }
        _pending.Clear();
    }
}
