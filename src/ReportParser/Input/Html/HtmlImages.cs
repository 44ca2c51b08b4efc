using System.Text;
using ReportParser.Diagnostics;
using ReportParser.Input.Pdf;

namespace ReportParser.Input.Html;

/// <summary>An <c>&lt;img&gt;</c> of a page: its <c>src</c>, where it stands, and the block index it stands before.</summary>
internal sealed record HtmlImage(string Src, string? Width, string? Height, SourceLocation Location, int BlockIndex);

/// <summary>Where the relative <c>src</c> of a page's images are read from.</summary>
internal interface IPageResources
{
    /// <summary>The bytes of <paramref name="relative"/> (a decoded relative path, '/'-separated), or null with the reason.</summary>
    byte[]? Read(string relative, long maxBytes, out string? why);
}

/// <summary>
/// A page's folder on disk: relative paths are resolved in it and never leave it (no <c>..</c> above it, no
/// absolute path, no link whose target lies outside it); only regular files are read, up to a size limit.
/// </summary>
internal sealed class FolderResources(string folder) : IPageResources
{
    private readonly string _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar;

    public byte[]? Read(string relative, long maxBytes, out string? why)
    {
        why = null;
        if (relative.Length == 0 || relative.StartsWith('/') || relative.StartsWith('\\') || relative.Contains(':', StringComparison.Ordinal) || relative.Contains('\0', StringComparison.Ordinal))
        {
            why = "not a relative path inside the page's folder";
            return null;
        }
        try
        {
            var full = Path.GetFullPath(Path.Combine(_root, relative.Replace('/', Path.DirectorySeparatorChar)));
            if (!Inside(full))
            {
                why = "it leads outside the page's folder";
                return null;
            }
            var info = new FileInfo(full);
            if (ThroughLink(full) || (info.LinkTarget is not null && (info.ResolveLinkTarget(true) is not { } target || !Inside(Path.GetFullPath(target.FullName)))))
            {
                why = "it is a link, or lies in a linked folder, that may lead outside the page's folder";
                return null;
            }
            if (!info.Exists || (info.Attributes & (FileAttributes.Directory | FileAttributes.Device)) != 0)
            {
                why = "no such file beside the page";
                return null;
            }
            if (info.Length > maxBytes)
            {
                why = $"it is {info.Length:N0} bytes, over the limit of {maxBytes:N0}";
                return null;
            }
            using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.None);
            if (!RegularFile(stream))
            {
                why = "not a regular file";
                return null;
            }
            var bytes = new byte[(int)Math.Min(info.Length, maxBytes)];
            stream.ReadExactly(bytes);
            return bytes;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            why = $"it could not be read ({ex.Message})";
            return null;
        }
    }

    private bool Inside(string full) => full.StartsWith(_root, StringComparison.Ordinal);

    /// <summary>Whether a folder between the page's folder and <paramref name="full"/> is a link (its target is not checked: it is not followed).</summary>
    private bool ThroughLink(string full)
    {
        for (var dir = Path.GetDirectoryName(full); dir is not null && dir.Length + 1 > _root.Length; dir = Path.GetDirectoryName(dir))
        {
            if (new DirectoryInfo(dir).LinkTarget is not null) return true;
        }
        return false;
    }

    private static bool RegularFile(FileStream stream) => stream.CanSeek;
}

/// <summary>
/// Reads the pictures of a page's tables by OCR: a page that gives fewer than three data tables of its own and holds
/// <c>&lt;img&gt;</c> elements gets each image read through the same path as a scanned PDF page (the engine, then
/// the PDF layout: ruled grids, lines, borderless tables), its blocks put where the image stands. The image is a
/// <c>data:</c> URI, or a relative <c>src</c> read beside the page (<see cref="IPageResources"/>); nothing is ever
/// fetched from the network. Bounded: at most <see cref="MaxImages"/> images, each at most <see cref="MaxImageBytes"/>;
/// images smaller than a table could be (under <see cref="MinImageBytes"/>, or sized under 200 × 100) are skipped.
/// </summary>
internal static class HtmlImages
{
    public const int MaxImages = 20;
    public const long MaxImageBytes = 20 * 1024 * 1024;
    public const int MinImageBytes = 4096;

    /// <summary>The page's blocks with the images read by OCR spliced in, and the OCR readings of their cells.</summary>
    public static (IReadOnlyList<Block> Blocks, IReadOnlyDictionary<OcrCellKey, OcrCellReading> OcrCells) Read(IReadOnlyList<Block> blocks, IReadOnlyList<HtmlImage> images,
        IPageResources? resources, ReportParserOptions options, DiagnosticBag bag, CancellationToken token)
    {
        var ocrCells = new Dictionary<OcrCellKey, OcrCellReading>();
        int tables = blocks.Count(b => b is TableBlock);
        if (images.Count == 0 || tables >= 3) return (blocks, ocrCells);
        if (options.Ocr is not { Unavailable: null } ocr)
        {
            if (tables == 0) WarnNeedsOcr(images, options, bag);
            return (blocks, ocrCells);
        }
        var inserted = new List<(int At, List<Block> Blocks)>();
        int read = 0;
        foreach (var image in images)
        {
            if (token.IsCancellationRequested) break;
            if (TooSmall(image)) continue;
            if (read == MaxImages)
            {
                bag.Warning(DiagnosticCode.LimitExceeded, image.Location, $"the page has more than {MaxImages} images; the rest were not read by OCR");
                break;
            }
            var bytes = Load(image, resources, out var why);
            if (bytes is null && why is not null) bag.Warning(DiagnosticCode.NoTextLayer, image.Location, $"the image {Shorten(image.Src)} was not read: {why}", Shorten(image.Src));
            if (bytes is null || bytes.Length < MinImageBytes || ImageInput.Kind(bytes) is null) continue;
            read++;
            if (ReadOne(ocr, image, bytes, read, ocrCells, bag, token) is { } imageBlocks) inserted.Add((image.BlockIndex, imageBlocks));
        }
        return (inserted.Count == 0 ? blocks : Splice(blocks, inserted), ocrCells);
    }

    /// <summary>A page without tables whose images may hold them, when OCR cannot run.</summary>
    private static void WarnNeedsOcr(IReadOnlyList<HtmlImage> images, ReportParserOptions options, DiagnosticBag bag)
    {
        var candidates = images.Where(i => !TooSmall(i)).ToList();
        if (candidates.Count == 0) return;
        bag.Warning(DiagnosticCode.NoTextLayer, candidates[0].Location,
            $"the page has no table of its own but {candidates.Count} image(s): its tables may be pictures, which need OCR ({PdfInput.OcrState(options)})");
    }

    /// <summary>One image read by OCR as page <paramref name="number"/>, laid out as a PDF page is; null (with a warning) when it could not be read.</summary>
    private static List<Block>? ReadOne(IPageOcr ocr, HtmlImage image, byte[] bytes, int number, Dictionary<OcrCellKey, OcrCellReading> ocrCells, DiagnosticBag bag, CancellationToken token)
    {
        var page = Recognize(ocr, new OcrImage(bytes, number, null), token);
        if (page.Error is { } error || page.Width <= 0 || page.Height <= 0)
        {
            bag.Warning(DiagnosticCode.NoTextLayer, image.Location, $"the image {Shorten(image.Src)} could not be read by OCR: {page.Error ?? "empty image"}", Shorten(image.Src));
            return null;
        }
        double width = ImageInput.PageWidth, height = width * page.Height / page.Width;
        var content = OcrPageReader.Read(number, width, height, new Rect(0, 0, width, height), page);
        bag.Info(DiagnosticCode.ReadByOcr, image.Location with { Page = number },
            $"the image {Shorten(image.Src)} was read by OCR as page {number} ({page.Words.Count} words, {page.Rulings.Count} ruling lines)", Shorten(image.Src));
        return BlockWriter.Write(new List<PageContent> { content }, ocrCells);
    }

    /// <summary>The blocks with each image's blocks put before the block it stood before.</summary>
    private static List<Block> Splice(IReadOnlyList<Block> blocks, List<(int At, List<Block> Blocks)> inserted)
    {
        var result = new List<Block>(blocks.Count + inserted.Sum(i => i.Blocks.Count));
        int next = 0;
        for (int i = 0; i <= blocks.Count; i++)
        {
            while (next < inserted.Count && inserted[next].At == i) result.AddRange(inserted[next++].Blocks);
            if (i < blocks.Count) result.Add(blocks[i]);
        }
        return result;
    }

    private static OcrPage Recognize(IPageOcr ocr, OcrImage image, CancellationToken token)
    {
        try
        {
            return ocr.Recognize(image, token);
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or OperationCanceledException))
        {
            return OcrPage.Failed($"the OCR engine failed: {ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>An image sized (by its attributes) smaller than any table: an icon, a logo, a rule.</summary>
    private static bool TooSmall(HtmlImage image)
        => (Pixels(image.Width) is { } w && w < 200) || (Pixels(image.Height) is { } h && h < 100);

    private static int? Pixels(string? value)
    {
        if (value is null) return null;
        var digits = value.Trim();
        if (digits.EndsWith("px", StringComparison.OrdinalIgnoreCase)) digits = digits[..^2];
        return int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    /// <summary>The image's bytes from a data: URI or beside the page; null with the reason (null reason: silently not an image to read).</summary>
    internal static byte[]? Load(HtmlImage image, IPageResources? resources, out string? why)
    {
        why = null;
        var src = image.Src.Trim();
        if (src.StartsWith("data:", StringComparison.OrdinalIgnoreCase)) return DataUri(src, out why);
        if (src.StartsWith("//", StringComparison.Ordinal) || HasScheme(src))
        {
            why = "it is on the network or another scheme, and nothing is fetched";
            return null;
        }
        if (resources is null)
        {
            why = "the page was not read from a file, so there is no folder to read its relative images from";
            return null;
        }
        int cut = src.IndexOfAny(['?', '#']);
        var path = cut >= 0 ? src[..cut] : src;
        try
        {
            path = Uri.UnescapeDataString(path);
        }
        catch (UriFormatException)
        {
            why = "its path is not a valid URL path";
            return null;
        }
        return resources.Read(path, MaxImageBytes, out why);
    }

    /// <summary>Whether the URL starts with a scheme (<c>http:</c>, <c>file:</c>, <c>c:</c> …): a colon before any '/', '?' or '#'.</summary>
    private static bool HasScheme(string src)
    {
        int colon = src.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0) return false;
        int path = src.IndexOfAny(['/', '\\', '?', '#']);
        return path < 0 || colon < path;
    }

    /// <summary>The bytes of a base64 data: URI (RFC 2397); other encodings are not image data here.</summary>
    private static byte[]? DataUri(string src, out string? why)
    {
        why = null;
        int comma = src.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0 || !src.AsSpan(5, comma - 5).EndsWith(";base64", StringComparison.OrdinalIgnoreCase))
        {
            why = "a data: URI that is not base64";
            return null;
        }
        int length = src.Length - comma - 1;
        if ((long)length * 3 / 4 > MaxImageBytes)
        {
            why = $"a data: URI of about {(long)length * 3 / 4:N0} bytes, over the limit of {MaxImageBytes:N0}";
            return null;
        }
        var buffer = new byte[length * 3 / 4 + 3];
        var data = src.AsSpan(comma + 1);
        var clean = new StringBuilder(data.Length);
        foreach (var c in data) if (!char.IsWhiteSpace(c)) clean.Append(c);
        if (!Convert.TryFromBase64String(clean.ToString(), buffer, out int written))
        {
            why = "a data: URI whose base64 is broken";
            return null;
        }
        return buffer[..written];
    }

    private static string Shorten(string src) => src.StartsWith("data:", StringComparison.OrdinalIgnoreCase) ? src[..Math.Min(src.Length, 30)] + "…" : src.Length > 120 ? src[..120] + "…" : src;
}
