using System.Text;
using ReportParser.Diagnostics;

namespace ReportParser.Input;

/// <summary>Turns bytes into text: BOM first, then strict UTF-8, then GB18030 (the superset of GBK/GB2312).</summary>
internal static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>GB18030, registered once.</summary>
    public static Encoding Gb18030 { get; } = GetGb18030();

    private static Encoding GetGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }

    /// <summary>Looks up an encoding by a declared name (gb2312, gbk, utf-8 …); GB names map to GB18030.</summary>
    public static Encoding? ByName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var n = name.Trim().Trim('"', '\'').ToLowerInvariant();
        if (n is "gb2312" or "gbk" or "gb18030" or "x-gbk" or "cp936" or "windows-936" or "euc-cn") return Gb18030;
        if (n is "utf-7" or "utf7" or "x-unicode-2-0-utf-7" or "csunicode11utf7" or "unicode-1-1-utf-7") return null; // never honoured
        try { return Encoding.GetEncoding(n); }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException) { return null; }
    }

    /// <summary>Detects a BOM; returns the encoding and the BOM length, or null.</summary>
    public static (Encoding Encoding, int BomLength)? DetectBom(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) return (new UTF8Encoding(false), 3);
        if (bytes.Length >= 4 && bytes[0] == 0xFF && bytes[1] == 0xFE && bytes[2] == 0 && bytes[3] == 0) return (Encoding.UTF32, 4);
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE) return (Encoding.Unicode, 2);
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF) return (Encoding.BigEndianUnicode, 2);
        if (bytes.Length >= 3 && bytes[0] == 0x84 && bytes[1] == 0x31 && bytes[2] == 0x95 && bytes.Length >= 4 && bytes[3] == 0x33) return (Gb18030, 4);
        return null;
    }

    /// <summary>True when the bytes look like binary data rather than text in any supported encoding.</summary>
    public static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, 8192)];
        if (sample.Length == 0) return false;
        int controls = 0;
        foreach (var b in sample)
        {
            if (b == 0 || (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1B)) controls++;
        }
        return controls * 20 > sample.Length; // more than 5 % control bytes
    }

    /// <summary>
    /// Decodes <paramref name="bytes"/>: a BOM wins, then a declared encoding, then strict UTF-8, then
    /// UTF-16 without BOM (by its zero-byte pattern), then GB18030 with an info diagnostic.
    /// Returns null (with an error diagnostic) for binary input.
    /// </summary>
    public static string? Decode(byte[] bytes, DiagnosticBag bag, Encoding? declared = null)
    {
        var bom = DetectBom(bytes);
        if (bom is { } b) return Clean(b.Encoding.GetString(bytes, b.BomLength, bytes.Length - b.BomLength), bag);

        if (LooksLikeUtf16(bytes, out var utf16)) return Clean(utf16!.GetString(bytes), bag);

        if (LooksBinary(bytes))
        {
            bag.Error(DiagnosticCode.BinaryInput, SourceLocation.Unknown, "the input is binary data, not text (too many control bytes); nothing to parse");
            return null;
        }

        try
        {
            var text = StrictUtf8.GetString(bytes);
            if (declared is not null && declared.CodePage != Encoding.UTF8.CodePage && !IsAscii(bytes))
            {
                // Valid UTF-8 that declares another charset: valid UTF-8 is overwhelmingly UTF-8.
                bag.Info(DiagnosticCode.DeclaredEncoding, SourceLocation.Unknown, $"the page declares {declared.WebName} but its bytes are valid UTF-8; decoded as UTF-8");
            }
            return Clean(text, bag);
        }
        catch (DecoderFallbackException)
        {
        }

        if (declared is not null && declared.CodePage != Encoding.UTF8.CodePage)
        {
            bag.Info(DiagnosticCode.DeclaredEncoding, SourceLocation.Unknown, $"decoded with the declared charset {declared.WebName}");
            return Clean(declared.GetString(bytes), bag);
        }

        bag.Info(DiagnosticCode.EncodingFallback, SourceLocation.Unknown, "no byte-order mark and not valid UTF-8: decoded as GB18030 (GBK/GB2312)");
        return Clean(Gb18030.GetString(bytes), bag);
    }

    private static bool IsAscii(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes) if (b >= 0x80) return false;
        return true;
    }

    private static bool LooksLikeUtf16(byte[] bytes, out Encoding? encoding)
    {
        encoding = null;
        int n = Math.Min(bytes.Length, 4096) & ~1;
        if (n < 8) return false;
        int evenZero = 0, oddZero = 0;
        for (int i = 0; i < n; i += 2)
        {
            if (bytes[i] == 0) evenZero++;
            if (bytes[i + 1] == 0) oddZero++;
        }
        int pairs = n / 2;
        // ASCII-heavy UTF-16 has zeros on one side; CJK-heavy UTF-16 has none, so also test decodability.
        if (oddZero * 3 > pairs && evenZero * 20 < pairs) { encoding = Encoding.Unicode; return true; }
        if (evenZero * 3 > pairs && oddZero * 20 < pairs) { encoding = Encoding.BigEndianUnicode; return true; }
        return false;
    }

    private static string Clean(string text, DiagnosticBag bag)
    {
        int bad = text.AsSpan().Count('\uFFFD');
        if (bad > 0)
        {
            bag.Warning(DiagnosticCode.InvalidBytes, SourceLocation.Unknown, $"{bad} character(s) could not be decoded and were replaced by U+FFFD");
        }
        return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
    }
}
