using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ReportParser.Input.Office;

/// <summary>
/// Tells office formats apart by their content, never by the file name: zip packages by their parts
/// (OOXML by <c>[Content_Types].xml</c> and the main part, OpenDocument by its <c>mimetype</c> entry),
/// OLE2 compound files by the streams in their directory (WordDocument → DOC, Workbook/Book → XLS; WPS
/// Office adds its own streams such as WpsCustomData and ETExtData), RTF by <c>{\rtf</c>, MIME HTML by its
/// MIME-Version header and a multipart/related (or text/html) content type.
/// </summary>
internal static class OfficeDetector
{
    private static ReadOnlySpan<byte> Ole2Magic => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>The office format of the bytes, or null when they are none of these.</summary>
    public static SourceFormat? Detect(ReadOnlySpan<byte> bytes, byte[] all)
    {
        if (bytes.Length >= 4 && bytes[0] == (byte)'P' && bytes[1] == (byte)'K' && bytes[2] is 3 or 5 or 7 && bytes[3] is 4 or 6 or 8) return Zip(all);
        if (bytes.Length >= 8 && bytes[..8].SequenceEqual(Ole2Magic)) return Ole2(bytes);
        int skip = 0;
        while (skip < bytes.Length && skip < 64 && bytes[skip] is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t' or 0xEF or 0xBB or 0xBF) skip++;
        if (bytes.Length - skip >= 5 && bytes.Slice(skip, 5).SequenceEqual(@"{\rtf"u8)) return SourceFormat.Rtf;
        if (IsMime(bytes)) return SourceFormat.Mhtml;
        return null;
    }

    /// <summary>OOXML or OpenDocument by the package's parts; a zip whose directory cannot be read is classed by the part names its local headers carry.</summary>
    private static SourceFormat? Zip(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            return FromEntries(zip);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or NotSupportedException or ArgumentException)
        {
            return FromLocalHeaders(bytes);
        }
    }

    /// <summary>The format a package's part names say (OOXML main parts, the ODF mimetype), else its content types.</summary>
    private static SourceFormat? FromEntries(ZipArchive zip)
    {
        bool contentTypes = false, word = false, excel = false;
        string? mimetype = null;
        foreach (var e in zip.Entries)
        {
            switch (e.FullName)
            {
                case "[Content_Types].xml":
                    contentTypes = true;
                    break;
                case "word/document.xml":
                    word = true;
                    break;
                case "xl/workbook.xml":
                    excel = true;
                    break;
                case "mimetype" when e.Length is > 0 and < 200:
                    mimetype = ReadMimetype(e);
                    break;
            }
        }
        if (contentTypes && word) return SourceFormat.Docx;
        if (contentTypes && excel) return SourceFormat.Xlsx;
        if (OdfFormat(mimetype) is { } odf) return odf;
        return contentTypes ? FromContentTypes(zip) : null;
    }

    private static string ReadMimetype(ZipArchiveEntry e)
    {
        using var s = e.Open();
        using var r = new StreamReader(s, Encoding.ASCII);
        return r.ReadToEnd().Trim();
    }

    /// <summary>The OpenDocument format an ODF mimetype names, or null.</summary>
    private static SourceFormat? OdfFormat(string? mimetype)
    {
        if (mimetype is null) return null;
        if (mimetype.StartsWith("application/vnd.oasis.opendocument.text", StringComparison.Ordinal)) return SourceFormat.Odt;
        if (mimetype.StartsWith("application/vnd.oasis.opendocument.spreadsheet", StringComparison.Ordinal)) return SourceFormat.Ods;
        return null;
    }

    /// <summary>The main part may live elsewhere: its content type says what it is.</summary>
    private static SourceFormat? FromContentTypes(ZipArchive zip)
    {
        var ct = zip.GetEntry("[Content_Types].xml");
        if (ct is null || ct.Length >= 1_000_000) return null;
        using var s = ct.Open();
        using var r = new StreamReader(s, Encoding.UTF8);
        var text = r.ReadToEnd();
        if (text.Contains("wordprocessingml.document.main+xml", StringComparison.Ordinal)) return SourceFormat.Docx;
        if (text.Contains("spreadsheetml.sheet.main+xml", StringComparison.Ordinal)) return SourceFormat.Xlsx;
        return null;
    }

    /// <summary>A truncated or damaged package: the local file headers still name its parts.</summary>
    private static SourceFormat? FromLocalHeaders(byte[] bytes)
    {
        var head = bytes.AsSpan(0, Math.Min(bytes.Length, 1 << 20));
        if (head.IndexOf("word/"u8) >= 0) return SourceFormat.Docx;
        if (head.IndexOf("xl/"u8) >= 0) return SourceFormat.Xlsx;
        return null;
    }

    /// <summary>The stream and storage names in an OLE2 compound file's directory (bounded; empty when it cannot be read).</summary>
    public static List<string> Ole2Names(ReadOnlySpan<byte> b)
    {
        var names = new List<string>();
        if (b.Length < 512) return names;
        int shift = BinaryPrimitives.ReadUInt16LittleEndian(b[30..]);
        if (shift is not (9 or 12)) return names;
        int size = 1 << shift;
        var fat = new List<uint>();
        for (int i = 0; i < 109; i++)
        {
            uint fs = BinaryPrimitives.ReadUInt32LittleEndian(b[(76 + (4 * i))..]);
            if (fs >= 0xFFFFFFFA) break;
            long off = ((long)fs + 1) * size;
            if (off + size > b.Length) break;
            for (int k = 0; k < size; k += 4) fat.Add(BinaryPrimitives.ReadUInt32LittleEndian(b[(int)(off + k)..]));
        }
        uint sector = BinaryPrimitives.ReadUInt32LittleEndian(b[48..]);
        var seen = new HashSet<uint>();
        while (sector < 0xFFFFFFFA && seen.Add(sector) && seen.Count <= 512)
        {
            long off = ((long)sector + 1) * size;
            if (off + size > b.Length) break;
            for (int e = 0; e < size; e += 128)
            {
                var entry = b.Slice((int)(off + e), 128);
                int len = BinaryPrimitives.ReadUInt16LittleEndian(entry[64..]);
                if (len is < 2 or > 64) continue;
                names.Add(Encoding.Unicode.GetString(entry[..(len - 2)]));
            }
            sector = sector < fat.Count ? fat[(int)sector] : 0xFFFFFFFE;
        }
        return names;
    }

    private static SourceFormat? Ole2(ReadOnlySpan<byte> bytes)
    {
        var names = Ole2Names(bytes);
        bool wps = names.Exists(n => n.StartsWith("Wps", StringComparison.OrdinalIgnoreCase) || n.StartsWith("KSO", StringComparison.Ordinal));
        bool et = names.Exists(n => n.StartsWith("ET", StringComparison.Ordinal) && n.Length > 2 && n != "ETC");
        if (names.Contains("WordDocument")) return wps ? SourceFormat.Wps : SourceFormat.Doc;
        if (names.Contains("Workbook") || names.Contains("Book")) return et ? SourceFormat.Et : SourceFormat.Xls;
        if (wps) return SourceFormat.Wps;
        // An OLE2 file whose directory is unreadable or unknown: Word is by far the most common.
        return names.Count == 0 ? SourceFormat.Doc : null;
    }

    /// <summary>MIME headers (MIME-Version, then a multipart/related or text/html content type) in the first lines.</summary>
    private static bool IsMime(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 4096)]);
        var h = head.TrimStart('\uFEFF', '\u00EF', '\u00BB', '\u00BF', ' ', '\r', '\n', '\t');
        int headerEnd = h.IndexOf("\n\n", StringComparison.Ordinal) is int a and >= 0 ? a : h.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headers = headerEnd >= 0 ? h[..headerEnd] : h;
        if (!headers.Contains("MIME-Version:", StringComparison.OrdinalIgnoreCase)) return false;
        return headers.Contains("multipart/related", StringComparison.OrdinalIgnoreCase) || headers.Contains("text/html", StringComparison.OrdinalIgnoreCase);
    }
}
