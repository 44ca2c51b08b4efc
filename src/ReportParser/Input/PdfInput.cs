using ReportParser.Diagnostics;
using ReportParser.Input.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace ReportParser.Input;

/// <summary>
/// Reads PDF files into blocks (PdfPig): text lines in reading order joined into paragraphs, and tables
/// from ruling lines or column gaps, each value with its page and bounding box. Every exception PdfPig
/// raises becomes an error diagnostic; pages are read one at a time and at most
/// <see cref="ReportParserOptions.MaxPdfPages"/> of them, within a time budget checked between pages.
/// PdfPig runs on its own thread with a large stack (deep but finite recursion in a malformed file does
/// not overflow it), and the caller waits at most a little longer than the budget: a file on which
/// PdfPig loops inside one call gets an error and its thread is abandoned (it keeps running in the
/// background). Still able to escape: unbounded recursion deeper than that stack (the process dies;
/// .NET cannot catch a stack overflow) and memory exhaustion from a decompression bomb.
/// </summary>
internal static class PdfInput
{
    /// <summary>How long a read may go on after the deadline before it is abandoned: one page's work.</summary>
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

    /// <summary>Stack size of the thread that runs PdfPig.</summary>
    private const int StackSize = 64 * 1024 * 1024;

    public static DocumentBlocks Read(ReportSource source, ReportParserOptions options, DiagnosticBag bag, CancellationToken token = default)
        => Read(source, options, bag, null, token);

    /// <summary>Reads the PDF; <paramref name="extendBudget"/>, when given, is called before each page read by OCR.</summary>
    public static DocumentBlocks Read(ReportSource source, ReportParserOptions options, DiagnosticBag bag, Action<TimeSpan>? extendBudget, CancellationToken token)
    {
        var local = new DiagnosticBag();
        DocumentBlocks? result = null;
        Exception? failure = null;
        using var done = new ManualResetEventSlim();
        var worker = new Thread(() =>
        {
            try
            {
                result = ReadCore(source, options, local, extendBudget, token);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                failure = ex;
            }
            finally
            {
                SignalDone(done);
            }
        }, StackSize)
        { IsBackground = true, Name = "ReportParser PDF reader" };
        worker.Start();
        // The page loop stops at the deadline by itself, at the next page; a PDF library call that does not
        // return within the grace period is abandoned (its thread keeps running in the background).
        if (WaitHandle.WaitAny(new[] { done.WaitHandle, token.WaitHandle }) != 0 && !done.Wait(StopGrace, CancellationToken.None))
        {
            bag.Error(DiagnosticCode.LimitExceeded, SourceLocation.Unknown,
                $"the time budget of {options.TimeBudget.TotalSeconds:0.###} s ran out and reading the PDF did not stop within {StopGrace.TotalSeconds:0} s more (the PDF library is stuck in one call on this file); not parsed");
            return new DocumentBlocks(source.Name, SourceFormat.Pdf, Array.Empty<Block>());
        }
        foreach (var d in local.Items) bag.Add(d);
        if (failure is not null || result is null)
        {
            bag.Error(DiagnosticCode.Unreadable, SourceLocation.Unknown, $"the PDF could not be read: {(failure is null ? "no result" : Describe(failure))}");
            return new DocumentBlocks(source.Name, SourceFormat.Pdf, Array.Empty<Block>());
        }
        return result;
    }

    private static void SignalDone(ManualResetEventSlim done)
    {
        try
        {
            done.Set();
        }
        catch (ObjectDisposedException)
        {
            // The caller gave up waiting and returned already.
        }
    }

    private static DocumentBlocks ReadCore(ReportSource source, ReportParserOptions options, DiagnosticBag bag, Action<TimeSpan>? extendBudget, CancellationToken token)
    {
        var empty = new DocumentBlocks(source.Name, SourceFormat.Pdf, Array.Empty<Block>());
        if (source.Bytes is not { } bytes)
        {
            bag.Error(DiagnosticCode.Unreadable, SourceLocation.Unknown, "the source was declared as PDF but holds decoded text, not the PDF file's bytes");
            return empty;
        }
        if (bytes.Length == 0)
        {
            bag.Error(DiagnosticCode.EmptyInput, SourceLocation.Unknown, "the input is empty (0 bytes)");
            return empty;
        }

        var pages = new List<PageContent>();
        int pageCount;
        PdfDocument document;
        try
        {
            document = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true, ClipPaths = false, MaxStackDepth = 256 });
        }
        catch (PdfDocumentEncryptedException ex)
        {
            bag.Error(DiagnosticCode.PdfEncrypted, SourceLocation.Unknown, $"the PDF is encrypted with a user password and cannot be opened without it ({ex.Message})");
            return empty;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            bag.Error(DiagnosticCode.Unreadable, SourceLocation.Unknown, $"the file starts like a PDF but could not be opened (corrupt or truncated?): {Describe(ex)}");
            return empty;
        }

        using (document)
        {
            try
            {
                pageCount = document.NumberOfPages;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                bag.Error(DiagnosticCode.Unreadable, SourceLocation.Unknown, $"the PDF's page tree could not be read (corrupt or truncated?): {Describe(ex)}");
                return empty;
            }
            int limit = Math.Min(pageCount, options.MaxPdfPages);
            if (pageCount > limit)
            {
                bag.Error(DiagnosticCode.LimitExceeded, SourceLocation.Unknown, $"the PDF has {pageCount:N0} pages, over the limit of {options.MaxPdfPages:N0}; only the first {limit:N0} were read");
            }
            int failed = 0;
            var carried = new CarriedHeader();
            var scans = new ScanQueue(options.Ocr, bag, token);
            for (int n = 1; n <= limit; n++)
            {
                if (token.IsCancellationRequested)
                {
                    bag.Error(DiagnosticCode.LimitExceeded, new SourceLocation(0, 0) { Page = n }, $"reading stopped at page {n} of {pageCount}: the time budget of {options.TimeBudget.TotalSeconds:0.#} s ran out");
                    break;
                }
                try
                {
                    pages.Add(ReadPage(document.GetPage(n), carried, scans, pages.Count, options, bag, extendBudget));
                    scans.Recognize(pages, all: false);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    failed++;
                    bag.Error(ex is PdfDocumentEncryptedException ? DiagnosticCode.PdfEncrypted : DiagnosticCode.Unreadable,
                        new SourceLocation(0, 0) { Page = n }, $"page {n} could not be read: {Describe(ex)}");
                    if (failed >= 3 && pages.Count == 0)
                    {
                        bag.Error(DiagnosticCode.Unreadable, SourceLocation.Unknown, $"the first {failed} pages could not be read; the remaining pages were not tried");
                        break;
                    }
                }
            }
            scans.Recognize(pages, all: true);
        }

        int letters = pages.Sum(p => p.LetterCount);
        if (letters == 0 && pages.Count > 0)
        {
            int images = pages.Sum(p => p.ImageCount);
            bag.Error(DiagnosticCode.NoTextLayer, SourceLocation.Unknown, images > 0
                ? $"the PDF has no text layer ({pages.Count} page(s), {images} image(s)): it is a scan and needs OCR before it can be parsed ({OcrState(options)})"
                : $"the PDF has no text layer and no images on its {pages.Count} page(s): nothing to read; OCR is needed if the text is drawn as outlines");
            return empty with { PageCount = pageCount };
        }

        foreach (var page in pages)
        {
            foreach (var u in page.Unplaced)
            {
                bag.Warning(DiagnosticCode.ValueBetweenColumns, new SourceLocation(0, 0) { Page = page.Number, Box = u.Box.ToBox() },
                    $"the value {u.Text} stands between the column headers {u.Left} and {u.Right}; it was read into neither column", u.Text);
            }
        }
        PageFurniture.Remove(pages);
        SplitRowJoiner.Join(pages);
        var ocrCells = new Dictionary<OcrCellKey, OcrCellReading>();
        var blocks = BlockWriter.Write(pages, ocrCells);
        return new DocumentBlocks(source.Name, SourceFormat.Pdf, blocks) { PageCount = pageCount, OcrCells = ocrCells };
    }

    /// <summary>
    /// A page from its text layer; when it has none but holds an image and OCR can run, its image joins
    /// <paramref name="scans"/>, and the empty page returned stands in until it is read.
    /// </summary>
    private static PageContent ReadPage(UglyToad.PdfPig.Content.Page page, CarriedHeader carried, ScanQueue scans, int index,
        ReportParserOptions options, DiagnosticBag bag, Action<TimeSpan>? extendBudget)
    {
        var content = PdfPageReader.Read(page, carried);
        if (!scans.CanRun || content.LetterCount > 0 || content.ImageCount == 0) return content;
        extendBudget?.Invoke(options.OcrPageTimeBudget);
        if (ScannedPage.Prepare(page, bag) is { } scan) scans.Add(index, scan);
        return content;
    }

    /// <summary>Why OCR did not run, for the "needs OCR" diagnostic.</summary>
    internal static string OcrState(ReportParserOptions options) => options.Ocr switch
    {
        null => "OCR is off: the console tool runs it unless --no-ocr is given; a library user sets ReportParserOptions.Ocr, e.g. to ReportParser.Ocr's PaddleOcr.Shared",
        { Unavailable: { } why } => $"OCR cannot run: {why}",
        _ => "OCR read no page",
    };

    private static string Describe(Exception ex)
    {
        var message = ex.Message;
        if (message.Length > 200) message = message[..200] + "…";
        return $"{ex.GetType().Name}: {message}";
    }
}
