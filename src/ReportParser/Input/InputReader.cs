using ReportParser.Diagnostics;

namespace ReportParser.Input;

/// <summary>
/// One input format's reader: it turns a source into blocks (paragraphs and table grids with locations).
/// A new format is a new implementation listed in <see cref="InputReader.Readers"/>.
/// </summary>
internal interface IInputReader
{
    /// <summary>True for the formats this reader reads.</summary>
    bool Reads(SourceFormat format);

    /// <summary>Reads the source; never throws for a bad document (its problems are diagnostics).</summary>
    DocumentBlocks Read(ReportSource source, SourceFormat format, ReportParserOptions options, DiagnosticBag bag, CancellationToken token);
}

/// <summary>Chooses the input reader by declared format or by content, and applies the input limits.</summary>
internal static class InputReader
{
    /// <summary>The readers, asked in order; text reads whatever no other reader does.</summary>
    public static IReadOnlyList<IInputReader> Readers { get; } = new IInputReader[]
    {
        new PdfReader(), new HtmlReader(), new OfficeReader(), new TextReader(),
    };

    public static DocumentBlocks Read(ReportSource source, ReportParserOptions options, DiagnosticBag bag, CancellationToken token = default)
        => Read(source, options, bag, null, token);

    /// <summary>Reads the source; <paramref name="extendBudget"/>, when given, is called to give the parse more time for each page read by OCR.</summary>
    public static DocumentBlocks Read(ReportSource source, ReportParserOptions options, DiagnosticBag bag, Action<TimeSpan>? extendBudget, CancellationToken token)
    {
        if (source.OverLimit(options.MaxInputBytes) is { } over)
        {
            bag.Error(DiagnosticCode.LimitExceeded, SourceLocation.Unknown, over);
            return new DocumentBlocks(source.Name, SourceFormat.Unknown, Array.Empty<Block>());
        }
        var format = DetectFormat(source, bag);
        // The paged inputs that OCR may read get the budget extension.
        if (format == SourceFormat.Pdf) return PdfInput.Read(source, options, bag, extendBudget, token);
        if (format == SourceFormat.Image) return ImageInput.Read(source, options, bag, extendBudget, token);
        var reader = Readers.First(r => r.Reads(format));
        return reader.Read(source, format, options, bag, token);
    }

    /// <summary>The declared format, else the one the content shows, with a warning when the file's name says otherwise.</summary>
    private static SourceFormat DetectFormat(ReportSource source, DiagnosticBag bag)
    {
        if (source.DeclaredFormat is { } declared) return declared;
        var format = FormatDetector.Detect(source.Bytes, source.Text, source.Name);
        if (source.Bytes is { Length: > 0 } && FormatDetector.ByExtension(source.Name) is { } named && named != format && !Office.OfficeInput.SameFamily(named, format))
        {
            bag.Warning(DiagnosticCode.ExtensionMismatch, SourceLocation.Unknown,
                $"the file is named as {named.ToString().ToUpperInvariant()} but holds {(format == SourceFormat.Text ? "text or binary data" : format.ToString().ToUpperInvariant())}; read by its content");
        }
        return format;
    }

    private sealed class PdfReader : IInputReader
    {
        public bool Reads(SourceFormat format) => format == SourceFormat.Pdf;

        public DocumentBlocks Read(ReportSource source, SourceFormat format, ReportParserOptions options, DiagnosticBag bag, CancellationToken token)
            => PdfInput.Read(source, options, bag, token);
    }

    private sealed class HtmlReader : IInputReader
    {
        public bool Reads(SourceFormat format) => format == SourceFormat.Html;

        public DocumentBlocks Read(ReportSource source, SourceFormat format, ReportParserOptions options, DiagnosticBag bag, CancellationToken token)
            => HtmlInput.Read(source, options, bag, token);
    }

    private sealed class OfficeReader : IInputReader
    {
        public bool Reads(SourceFormat format) => format is SourceFormat.Docx or SourceFormat.Xlsx or SourceFormat.Doc or SourceFormat.Xls or SourceFormat.Wps
            or SourceFormat.Et or SourceFormat.Odt or SourceFormat.Ods or SourceFormat.Rtf or SourceFormat.Mhtml;

        public DocumentBlocks Read(ReportSource source, SourceFormat format, ReportParserOptions options, DiagnosticBag bag, CancellationToken token)
            => Office.OfficeInput.Read(source, format, options, bag);
    }

    /// <summary>Plain text: decoded (BOM, GB18030 detection), cut at the line limit, then read line by line.</summary>
    private sealed class TextReader : IInputReader
    {
        public bool Reads(SourceFormat format) => true;

        public DocumentBlocks Read(ReportSource source, SourceFormat format, ReportParserOptions options, DiagnosticBag bag, CancellationToken token)
        {
            var empty = new DocumentBlocks(source.Name, SourceFormat.Unknown, Array.Empty<Block>());
            string? text = source.Text;
            if (text is null && source.Bytes is { } b)
            {
                if (b.Length == 0)
                {
                    bag.Error(DiagnosticCode.EmptyInput, SourceLocation.Unknown, "the input is empty (0 bytes)");
                    return empty;
                }
                text = TextDecoder.Decode(b, bag);
            }
            if (text is null) return empty;
            text = LimitLines(text, options, bag);
            if (text.AsSpan().Trim().IsEmpty && !bag.HasErrors)
            {
                bag.Error(DiagnosticCode.EmptyInput, SourceLocation.Unknown, "the input holds only white space");
                return empty with { Format = SourceFormat.Text };
            }
            return TextInput.Read(source.Name, text, new CellBudget(options, bag));
        }
    }

    private static string LimitLines(string text, ReportParserOptions options, DiagnosticBag bag)
    {
        int lines = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] != '\n') continue;
            if (++lines >= options.MaxLines)
            {
                bag.Error(DiagnosticCode.LimitExceeded, new SourceLocation(lines, 1), $"the input has more than {options.MaxLines:N0} lines; the rest was not read");
                return text[..i];
            }
        }
        return text;
    }
}

/// <summary>Detects the input format from the content (magic bytes, markup), not the file name.</summary>
internal static class FormatDetector
{
    public static SourceFormat Detect(byte[]? bytes, string? text, string name)
    {
        if (bytes is not null) return DetectBytes(bytes);
        if (text is not null && LooksHtml(text.Length > 4096 ? text[..4096] : text)) return SourceFormat.Html;
        return SourceFormat.Text;
    }

    private static SourceFormat DetectBytes(byte[] bytes)
    {
        var span = bytes.AsSpan();
        if (LooksPdf(span)) return SourceFormat.Pdf;
        if (ImageInput.Kind(span) is not null) return SourceFormat.Image;
        if (Office.OfficeDetector.Detect(span, bytes) is { } office) return office;
        var head = span.Length >= 2 && span[0] == 0xFF && span[1] == 0xFE
            ? System.Text.Encoding.Unicode.GetString(span[2..Math.Min(span.Length & ~1, 8192)])
            : System.Text.Encoding.Latin1.GetString(span[..Math.Min(span.Length, 4096)]);
        if (LooksHtml(head)) return SourceFormat.Html;
        return SourceFormat.Text;
    }

    /// <summary>A <c>%PDF-</c> header after blanks and a byte order mark, or anywhere in the first 1024 bytes.</summary>
    private static bool LooksPdf(ReadOnlySpan<byte> span)
    {
        int skip = 0;
        while (skip < span.Length && skip < 1024 && span[skip] != (byte)'%' && (span[skip] is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t' or 0xEF or 0xBB or 0xBF)) skip++;
        if (span.Length - skip >= 5 && span.Slice(skip, 5).SequenceEqual("%PDF-"u8)) return true;
        return span.IndexOf("%PDF-"u8) is int at && at >= 0 && at < 1024;
    }

    /// <summary>The format a file name claims (.pdf, .htm/.html/.shtml, the office formats), or null for other names.</summary>
    public static SourceFormat? ByExtension(string name)
    {
        var ext = Path.GetExtension(name).ToLowerInvariant();
        return ext switch
        {
            ".pdf" => SourceFormat.Pdf,
            ".htm" or ".html" or ".shtml" or ".xhtml" => SourceFormat.Html,
            ".docx" or ".docm" => SourceFormat.Docx,
            ".xlsx" or ".xlsm" => SourceFormat.Xlsx,
            ".doc" => SourceFormat.Doc,
            ".xls" => SourceFormat.Xls,
            ".wps" => SourceFormat.Wps,
            ".et" => SourceFormat.Et,
            ".odt" => SourceFormat.Odt,
            ".ods" => SourceFormat.Ods,
            ".rtf" => SourceFormat.Rtf,
            ".mht" or ".mhtml" => SourceFormat.Mhtml,
            _ => null,
        };
    }

    private static bool LooksHtml(string head)
    {
        var h = head.TrimStart('\uFEFF', ' ', '\r', '\n', '\t');
        if (h.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase) || h.StartsWith("<html", StringComparison.OrdinalIgnoreCase)) return true;
        int tags = 0;
        foreach (var t in new[] { "<p", "<div", "<table", "<td", "<br", "<span", "<body", "<meta", "<head", "<tr" })
        {
            int i = 0;
            while ((i = h.IndexOf(t, i, StringComparison.OrdinalIgnoreCase)) >= 0) { tags++; i += t.Length; }
        }
        return tags >= 3;
    }
}
