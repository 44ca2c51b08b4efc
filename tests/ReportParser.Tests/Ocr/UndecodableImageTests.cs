using System.Text;

namespace ReportParser.Tests.Ocr;

/// <summary>Page images the engine's libraries cannot decode get a diagnostic that names the encoding and what to do.</summary>
public class UndecodableImageTests
{
    /// <summary>A 64 × 32 uncompressed 8-bit grey TIFF (little-endian, one strip).</summary>
    private static byte[] Tiff()
    {
        const int w = 64, h = 32;
        var pixels = new byte[w * h];
        for (int i = 0; i < pixels.Length; i++) pixels[i] = (byte)((i % w / 8 + i / w / 8) % 2 == 0 ? 0 : 255);
        (ushort Tag, ushort Type, uint Value)[] entries =
        {
            (256, 3, w), (257, 3, h), (258, 3, 8), (259, 3, 1), (262, 3, 1), (273, 4, 0), (277, 3, 1), (278, 3, h), (279, 4, (uint)pixels.Length),
        };
        uint dataAt = (uint)(8 + 2 + entries.Length * 12 + 4);
        using var ms = new MemoryStream();
        using var bw = new BinaryWriter(ms);
        bw.Write("II*\0"u8);
        bw.Write(8u);
        bw.Write((ushort)entries.Length);
        foreach (var (tag, type, value) in entries)
        {
            bw.Write(tag);
            bw.Write(type);
            bw.Write(1u);
            uint v = tag == 273 ? dataAt : value;
            if (type == 3)
            {
                bw.Write((ushort)v);
                bw.Write((ushort)0);
            }
            else
            {
                bw.Write(v);
            }
        }
        bw.Write(0u);
        bw.Write(pixels);
        bw.Flush();
        return ms.ToArray();
    }

    /// <summary>A one-page PDF without text whose page is one image stored with <paramref name="filter"/>.</summary>
    private static byte[] PdfWithImage(string filter)
    {
        const string content = "q 595 0 0 842 0 0 cm /Im1 Do Q";
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>",
            $"<< /Type /XObject /Subtype /Image /Width 100 /Height 100 /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /{filter} /Length 8 >>\nstream\n\0\0\0\0\0\0\0\0\nendstream",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (int i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.Latin1.GetByteCount(pdf.ToString()));
            pdf.Append(i + 1).Append(" 0 obj\n").Append(objects[i]).Append("\nendobj\n");
        }
        int xref = Encoding.Latin1.GetByteCount(pdf.ToString());
        pdf.Append("xref\n0 ").Append(objects.Length + 1).Append("\n0000000000 65535 f \n");
        foreach (var o in offsets) pdf.Append(o.ToString("D10", System.Globalization.CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        pdf.Append("trailer\n<< /Size ").Append(objects.Length + 1).Append(" /Root 1 0 R >>\nstartxref\n").Append(xref).Append("\n%%EOF\n");
        return Encoding.Latin1.GetBytes(pdf.ToString());
    }

    [SkippableFact]
    public void A_tiff_page_image_is_recognised_and_the_error_says_skiasharp_cannot_decode_it_and_how_to_convert_it()
    {
        OcrEngine.RequireModels();
        var result = Report.Parse(ReportSource.FromBytes(Tiff(), "page.tif"), OcrEngine.Options);
        result.Diagnostics.Should().Contain(d => d.Code == DiagnosticCode.NoTextLayer && d.Severity == Severity.Error
            && d.Message.Contains("TIFF image", StringComparison.Ordinal) && d.Message.Contains("no TIFF decoder", StringComparison.Ordinal) && d.Message.Contains("PNG", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("JBIG2Decode", "JBIG2")]
    [InlineData("JPXDecode", "JPEG 2000")]
    public void A_scanned_page_in_an_encoding_pdfpig_cannot_decode_gets_an_error_naming_it(string filter, string named)
    {
        // Any engine that can run: the page image never reaches it.
        var options = ReportParserOptions.Default with { Ocr = new NeverCalled() };
        var result = Report.Parse(ReportSource.FromBytes(PdfWithImage(filter), "scan.pdf"), options);
        result.Diagnostics.Should().Contain(d => d.Code == DiagnosticCode.NoTextLayer && d.Location.Page == 1
            && d.Message.Contains(named, StringComparison.Ordinal) && d.Message.Contains("does not decode", StringComparison.Ordinal));
    }

    private sealed class NeverCalled : IPageOcr
    {
        public string? Unavailable => null;

        public OcrPage Recognize(OcrImage image, CancellationToken cancellation) => throw new InvalidOperationException("the image should not reach the engine");
    }
}
