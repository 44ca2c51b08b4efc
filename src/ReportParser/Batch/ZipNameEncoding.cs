using System.Text;

namespace ReportParser.Batch;

/// <summary>
/// Decodes a zip entry name the way 7-Zip and Windows Explorer on Chinese Windows show it: UTF-8 when the entry has the
/// UTF-8 flag (general-purpose bit 11); else the UTF-8 name of the Info-ZIP Unicode path extra field (0x7075) when
/// its checksum matches the name; else, for an archive made on Unix or macOS, UTF-8 when the bytes are valid UTF-8
/// (such archivers write UTF-8 without the flag, and 7-Zip reads them so), unless that reading is not Chinese text while
/// the GBK reading is (GBK names such as 通知 or 农业 are valid UTF-8 by chance, and Explorer shows them in GBK);
/// otherwise the legacy code page, GBK (code page 936), which Chinese Windows archivers write and both 7-Zip and
/// Explorer read for an archive made on Windows. The result is an identity part: escaped by <see cref="InputIdentity"/>, with each
/// byte the encoding cannot decode written <c>%XX</c>, so two names never decode to one.
/// </summary>
internal static class ZipNameEncoding
{
    private const int Utf8Flag = 0x800;
    private const ushort UnicodePathField = 0x7075;

    private static readonly Encoding Gbk;

    static ZipNameEncoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Gbk = Encoding.GetEncoding(936, EncoderFallback.ExceptionFallback, new DecoderReplacementFallback("\uFFFD"));
    }

    /// <summary>The escaped name of an entry from its raw name, general-purpose flags, host system (the high byte of "version made by") and central extra field.</summary>
    public static string Decode(ReadOnlySpan<byte> raw, ushort flags, byte host, ReadOnlySpan<byte> extra)
    {
        if ((flags & Utf8Flag) != 0) return InputIdentity.EscapeUtf8(raw, out _);
        if (UnicodePath(raw, extra) is { } unicode) return unicode;
        if (host is 3 or 19)
        {
            var utf8 = InputIdentity.EscapeUtf8(raw, out bool valid);
            if (valid && (IsChinese(utf8) || !IsChinese(DecodeGbk(raw, out bool clean)) || !clean)) return utf8;
        }
        return DecodeGbk(raw);
    }

    /// <summary>True when every character past ASCII is one Chinese text uses (CJK ideographs, symbols and punctuation, full-width forms, kana).</summary>
    private static bool IsChinese(string text)
    {
        foreach (var c in text)
        {
            if (c < 0x80) continue;
            bool cjk = c is (>= '\u2E80' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF') or (>= '\uFE30' and <= '\uFE4F') or (>= '\uFF00' and <= '\uFFEF')
                or (>= '\u2000' and <= '\u206F') or (>= '\u2150' and <= '\u27BF') or '\u00B7' or '\u00D7' or '\u00F7';
            if (!cjk) return false;
        }
        return true;
    }

    /// <summary>The Info-ZIP Unicode path (version 1, CRC-32 of the header name, UTF-8 name), when present, current and valid UTF-8.</summary>
    private static string? UnicodePath(ReadOnlySpan<byte> raw, ReadOnlySpan<byte> extra)
    {
        var field = ZipDirectory.ExtraField(extra, UnicodePathField, out bool found);
        if (!found || field.Length < 5 || field[0] != 1) return null;
        if (System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(field[1..]) != ZipDirectory.Crc32Of(raw)) return null;
        var name = InputIdentity.EscapeUtf8(field[5..], out bool valid);
        return valid ? name : null;
    }

    /// <summary>GBK: ASCII bytes as themselves, a lead byte with its trail byte as one character; each byte that decodes to nothing as <c>%XX</c>.</summary>
    public static string DecodeGbk(ReadOnlySpan<byte> raw) => DecodeGbk(raw, out _);

    private static string DecodeGbk(ReadOnlySpan<byte> raw, out bool clean)
    {
        clean = true;
        var sb = new StringBuilder(raw.Length);
        int i = 0;
        while (i < raw.Length)
        {
            byte b = raw[i];
            int n = b < 0x80 ? 1 : b is >= 0x81 and <= 0xFE && i + 1 < raw.Length && raw[i + 1] is >= 0x40 and <= 0xFE and not 0x7F ? 2 : 1;
            var text = Gbk.GetString(raw.Slice(i, n));
            // Bytes GBK leaves undefined come back as U+FFFD or a private-use character (0xFF as U+F8F5).
            if (text.Length == 0 || text.Contains('\uFFFD') || text.AsSpan().IndexOfAnyInRange('\uE000', '\uF8FF') >= 0)
            {
                clean = false;
                InputIdentity.AppendByte(sb, b);
                i++;
                continue;
            }
            foreach (var r in text.EnumerateRunes()) InputIdentity.Append(sb, r);
            i += n;
        }
        return sb.ToString();
    }
}
