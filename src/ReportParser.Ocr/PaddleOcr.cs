using Microsoft.ML.OnnxRuntime;

namespace ReportParser.Ocr;

/// <summary>
/// OCR with PaddleOCR's PP-OCRv4 models on ONNX Runtime, for <see cref="ReportParserOptions.Ocr"/>:
/// <c>ReportParserOptions.Default with { Ocr = PaddleOcr.Shared }</c>. Per page: decode (SkiaSharp), grey with
/// the red seal removed and contrast stretched, resolution brought to 150–300 dpi, skew of up to ±3°
/// corrected, ruling lines found, DB text detection, CTC recognition with per-character probabilities.
/// Coordinates in the result are those of the straightened page at the image's own scale. Thread-safe; one
/// ONNX Runtime thread per call (run pages in parallel for more). Never throws for a bad image.
/// </summary>
public sealed class PaddleOcr : IPageOcr, IDisposable
{
    /// <summary>Images with more pixels than this are not read (a decompression bomb guard, and the memory bound): 50 megapixels, an A4 page at 800 dpi.</summary>
    public const int MaxPixels = 50_000_000;

    private static readonly Lazy<PaddleOcr> SharedInstance = new(() => new PaddleOcr(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Lazy<(TextDetector? Detector, TextRecognizer? Recognizer, string? Unavailable)> _engine;

    /// <summary>Creates the engine; its models (embedded, or from the folders <see cref="Unavailable"/> names) are loaded on first use.</summary>
    public PaddleOcr()
        : this(null)
    {
    }

    /// <summary>An engine that reads its models only from <paramref name="modelFolder"/> (null: the usual places).</summary>
    internal PaddleOcr(string? modelFolder) => _engine = new(() => Load(modelFolder), LazyThreadSafetyMode.ExecutionAndPublication);

    private static (TextDetector?, TextRecognizer?, string?) Load(string? modelFolder)
    {
        var models = OcrModels.Load(modelFolder, out var reason);
        if (models is null) return (null, null, reason);
        try
        {
            using var options = SessionOptions();
            return (new TextDetector(models.Detection, options), new TextRecognizer(models.Recognition, models.Keys, options), null);
        }
        catch (OnnxRuntimeException ex)
        {
            return (null, null, $"the OCR models could not be loaded by ONNX Runtime ({ex.Message}): {OcrModels.InstallHint}");
        }
    }

    /// <summary>
    /// The session options: one thread per run (pages run in parallel for more), all graph optimisations, and no
    /// memory pattern: the pattern is planned per input shape, and every page and line has its own, so it only
    /// held memory (about 260 MB more peak for one page, and no faster).
    /// </summary>
    internal static SessionOptions SessionOptions() => new()
    {
        IntraOpNumThreads = 1,
        InterOpNumThreads = 1,
        ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        EnableMemoryPattern = false,
    };

    /// <summary>One engine for the process; its models are loaded on first use.</summary>
    public static PaddleOcr Shared => SharedInstance.Value;

    /// <inheritdoc />
    public string? Unavailable => _engine.Value.Unavailable;

    /// <summary>
    /// This engine, reading up to <paramref name="pages"/> pages of one document at once (one thread each; the models
    /// and sessions are shared, each page in flight adds its own working memory, about 300 MB at 200 dpi).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pages"/> is less than 1.</exception>
    public IPageOcr WithParallelPages(int pages)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pages, 1);
        return new ParallelPages(this, pages);
    }

    private sealed class ParallelPages(PaddleOcr engine, int pages) : IPageOcr
    {
        public string? Unavailable => engine.Unavailable;

        public int MaxParallelPages => pages;

        public OcrPage Recognize(OcrImage image, CancellationToken cancellation) => engine.Recognize(image, cancellation);
    }

    private TextDetector? Detector => _engine.Value.Detector;

    private TextRecognizer? Recognizer => _engine.Value.Recognizer;

    /// <inheritdoc />
    public OcrPage Recognize(OcrImage image, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (Unavailable is not null || Detector is null || Recognizer is null) return OcrPage.Failed(Unavailable ?? "OCR is not available");
        try
        {
            var grey = GreyImage.Decode(image.Bytes, MaxPixels);
            if (grey is null && IsTiff(image.Bytes))
                return OcrPage.Failed("it is a TIFF image, and SkiaSharp (the image library of ReportParser.Ocr) has no TIFF decoder: convert it to PNG (e.g. tiff2png, or ImageMagick's convert page.tif page.png) and read that");
            if (grey is null) return OcrPage.Failed("the image could not be decoded (not a JPEG, PNG, WebP, BMP or GIF image, or over 50 megapixels)");
            return Read(grey, image.WidthPoints, cancellation);
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or OperationCanceledException))
        {
            return OcrPage.Failed($"OCR failed: {ex.GetType().Name}: {ex.Message}");
        }
    }

    private OcrPage Read(GreyImage original, double? widthPoints, CancellationToken cancellation)
    {
        double scale = ResolutionScale(original.Width, widthPoints);
        var small = scale == 1 ? original : original.Transform(scale, 0);
        double skew = PageGeometry.EstimateSkew(small);
        var page = skew == 0 ? small : small.Transform(1, -skew);
        int dpi = (int)Math.Round(widthPoints is > 0 ? page.Width / (widthPoints.Value / 72) : 200);
        var rulings = PageGeometry.FindRulings(page, Math.Max(40, dpi / 2));
        var boxes = Detector!.Detect(page);
        if (cancellation.IsCancellationRequested) return OcrPage.Failed("stopped: the time budget ran out");
        var words = Recognizer!.Recognize(page, boxes, cancellation);
        // Back to the image's own scale.
        double back = 1 / scale;
        if (back != 1)
        {
            words = words.Select(w => Scale(w, back)).ToList();
            rulings = rulings.Select(r => new OcrRuling(r.Horizontal, (float)(r.Position * back), (float)(r.From * back), (float)(r.To * back))).ToList();
        }
        return new OcrPage(original.Width, original.Height, words, rulings);
    }

    private static bool IsTiff(byte[] b) => b.Length >= 4 && ((b[0] == 'I' && b[1] == 'I' && b[2] == 42 && b[3] == 0) || (b[0] == 'M' && b[1] == 'M' && b[2] == 0 && b[3] == 42));

    /// <summary>The scale that brings the page to 150–300 dpi (200 dpi assumed for an A4-wide image of unknown size).</summary>
    internal static double ResolutionScale(int width, double? widthPoints)
    {
        double inches = widthPoints is > 0 ? widthPoints.Value / 72 : 8.27;
        double dpi = width / inches;
        if (dpi < 150) return 200 / dpi;
        if (dpi > 300) return 300 / dpi;
        return 1;
    }

    private static OcrWord Scale(OcrWord w, double s)
    {
        var b = w.Box;
        return new OcrWord(new OcrBox((float)(b.Left * s), (float)(b.Top * s), (float)(b.Right * s), (float)(b.Bottom * s)),
            w.Characters.Select(c => c with { Left = (float)(c.Left * s), Right = (float)(c.Right * s) }).ToArray());
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_engine.IsValueCreated) return;
        _engine.Value.Detector?.Dispose();
        _engine.Value.Recognizer?.Dispose();
    }
}
