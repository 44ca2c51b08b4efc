namespace ReportParser;

/// <summary>
/// Optical character recognition of page images, for pages without a text layer (scanned PDFs) and image
/// files. The library itself holds no OCR engine: the <c>ReportParser.Ocr</c> package implements this
/// interface (PP-OCRv4 on ONNX Runtime); set it in <see cref="ReportParserOptions.Ocr"/> to opt in. The words it
/// returns take the place of a PDF's text layer: the same line, table and rule code reads them, and every
/// table cell read from them carries their confidence. Implementations must be safe to call from several
/// threads at once and must not throw for a bad image (return <see cref="OcrPage.Failed"/>).
/// </summary>
public interface IPageOcr
{
    /// <summary>Null when the engine can run; otherwise why it cannot and how to fix that (e.g. its models are not installed).</summary>
    string? Unavailable { get; }

    /// <summary>
    /// How many pages of one document may be read at once (each call to <see cref="Recognize"/> on its own thread);
    /// 1, the default, reads them one after another. A PDF's pages are taken from the file on one thread and read by
    /// the engine up to this many at a time; the result is the same for every value.
    /// </summary>
    int MaxParallelPages => 1;

    /// <summary>Reads one page image.</summary>
    /// <param name="image">The encoded image (JPEG, PNG, …) and the page it belongs to.</param>
    /// <param name="cancellation">Stops the work early (the result is then empty).</param>
    OcrPage Recognize(OcrImage image, CancellationToken cancellation);
}

/// <summary>An encoded page image to read.</summary>
/// <param name="Bytes">The image file's bytes (JPEG, PNG, WebP, BMP or GIF; TIFF when the engine supports it).</param>
/// <param name="Page">The page number, 1-based.</param>
/// <param name="WidthPoints">The page width in PDF points (1/72 inch) when known (gives the resolution), otherwise null.</param>
public sealed record OcrImage(byte[] Bytes, int Page, double? WidthPoints);

/// <summary>What OCR read on one page. Coordinates are image pixels, origin top-left, of the image as given.</summary>
/// <param name="Width">Image width in pixels.</param>
/// <param name="Height">Image height in pixels.</param>
/// <param name="Words">The words, each with its box and characters.</param>
/// <param name="Rulings">Horizontal and vertical ruling lines found in the image (table borders).</param>
public sealed record OcrPage(int Width, int Height, IReadOnlyList<OcrWord> Words, IReadOnlyList<OcrRuling> Rulings)
{
    /// <summary>Why the page could not be read, or null.</summary>
    public string? Error { get; init; }

    /// <summary>A page that could not be read.</summary>
    public static OcrPage Failed(string error) => new(0, 0, Array.Empty<OcrWord>(), Array.Empty<OcrRuling>()) { Error = error };
}

/// <summary>A word (a run of characters without a wide gap) read by OCR.</summary>
/// <param name="Box">Its box in image pixels.</param>
/// <param name="Characters">Its characters left to right; the text is their values joined.</param>
public sealed record OcrWord(OcrBox Box, IReadOnlyList<OcrCharacter> Characters)
{
    /// <summary>The word's text.</summary>
    public string Text => string.Concat(Characters.Select(c => c.Value));
}

/// <summary>One recognised character.</summary>
/// <param name="Value">The character read (the most probable).</param>
/// <param name="Confidence">Its probability, 0–1.</param>
/// <param name="Left">Its left edge in image pixels.</param>
/// <param name="Right">Its right edge in image pixels.</param>
/// <param name="Alternatives">The next most probable characters at the same position, most probable first.</param>
public sealed record OcrCharacter(char Value, float Confidence, float Left, float Right, IReadOnlyList<OcrAlternative> Alternatives);

/// <summary>A character the recogniser found less probable at a position.</summary>
public readonly record struct OcrAlternative(char Value, float Probability);

/// <summary>An axis-aligned box in image pixels, origin top-left.</summary>
public readonly record struct OcrBox(float Left, float Top, float Right, float Bottom);

/// <summary>A ruling line in image pixels: horizontal (at y = <see cref="Position"/> from <see cref="From"/> to <see cref="To"/> in x) or vertical.</summary>
public readonly record struct OcrRuling(bool Horizontal, float Position, float From, float To);
