using System.IO.Compression;
using System.Text;
using ReportParser.Diagnostics;
using ReportParser.Input;
using ReportParser.Input.Office;

namespace ReportParser.Tests.Input;

/// <summary>Detection of office formats by content, MIME HTML, the converter's failure modes, and hostile packages.</summary>
public class OfficeInputTests
{
    private static string Corpus(params string[] parts) => Path.Combine(new[] { Paths.Corpus }.Concat(parts).ToArray());

    private static SourceFormat Detect(byte[] bytes) => FormatDetector.Detect(bytes, null, "file");

    [Fact]
    public void Formats_are_told_apart_by_content()
    {
        Detect(File.ReadAllBytes(Corpus("docx", "qingshan-transport-2021.docx"))).Should().Be(SourceFormat.Docx);
        Detect(File.ReadAllBytes(Corpus("xlsx", "qingshan-transport-2021.xlsx"))).Should().Be(SourceFormat.Xlsx);
        Detect(File.ReadAllBytes(Corpus("doc", "qingshan-transport-2021.doc"))).Should().Be(SourceFormat.Doc);
        Detect(File.ReadAllBytes(Corpus("xls", "qingshan-transport-2021.xls"))).Should().Be(SourceFormat.Xls);
        Detect(File.ReadAllBytes(Corpus("odt", "qingshan-transport-2021.odt"))).Should().Be(SourceFormat.Odt);
        Detect(File.ReadAllBytes(Corpus("ods", "qingshan-transport-2021.ods"))).Should().Be(SourceFormat.Ods);
        Detect(File.ReadAllBytes(Corpus("rtf", "qingshan-transport-2021.rtf"))).Should().Be(SourceFormat.Rtf);
        Detect(Mht(File.ReadAllBytes(Corpus("html", "portal-county-bureau-2021.html")), "utf-8", base64: false)).Should().Be(SourceFormat.Mhtml);
        // A plain zip is none of them; a PDF and text stay what they were.
        Detect(Zip(("readme.txt", "hello"u8.ToArray()))).Should().Be(SourceFormat.Text);
        Detect(File.ReadAllBytes(Corpus("pdf", "qingshan-transport-2021-chromium.pdf"))).Should().Be(SourceFormat.Pdf);
    }

    [Fact]
    public void Ole2_files_are_told_apart_by_their_streams()
    {
        Detect(Ole2("WordDocument", "1Table")).Should().Be(SourceFormat.Doc);
        Detect(Ole2("WordDocument", "1Table", "WpsCustomData")).Should().Be(SourceFormat.Wps);
        Detect(Ole2("Workbook")).Should().Be(SourceFormat.Xls);
        Detect(Ole2("Book")).Should().Be(SourceFormat.Xls);
        Detect(Ole2("Workbook", "ETExtData")).Should().Be(SourceFormat.Et);
        OfficeDetector.Ole2Names(File.ReadAllBytes(Corpus("doc", "qingshan-transport-2021.doc"))).Should().Contain("WordDocument");
    }

    [Fact]
    public void A_word_web_page_named_doc_is_read_as_html()
    {
        var bytes = File.ReadAllBytes(Corpus("html", "word-gbk-city-office-2019.html"));
        var asDoc = Report.Parse(ReportSource.FromBytes(bytes, "年度报告.doc"));
        var asHtml = Report.ParseFile(Corpus("html", "word-gbk-city-office-2019.html"));
        asDoc.Diagnostics.Should().Contain(d => d.Code == DiagnosticCode.ExtensionMismatch && d.Severity == Severity.Warning && d.Message.Contains("HTML"));
        asDoc.HasErrors.Should().BeFalse();
        asDoc.Report.Requests!.Cells.Select(c => c.Value).Should().Equal(asHtml.Report.Requests!.Cells.Select(c => c.Value));
        asDoc.Report.Requests!.Cells.Count(c => c.IsStated).Should().BeGreaterThan(50);
    }

    [Theory]
    [InlineData("portal-county-bureau-2021.html", "utf-8", false)]
    [InlineData("portal-county-bureau-2021.html", "utf-8", true)]
    [InlineData("word-gbk-city-office-2019.html", "gb2312", false)]
    [InlineData("word-gbk-city-office-2019.html", "gb2312", true)]
    public void Mime_html_gives_the_values_of_its_page(string page, string charset, bool base64)
    {
        var bytes = File.ReadAllBytes(Corpus("html", page));
        var mht = Report.Parse(ReportSource.FromBytes(Mht(bytes, charset, base64), Path.ChangeExtension(page, ".mht")));
        var html = Report.ParseFile(Corpus("html", page));
        mht.HasErrors.Should().BeFalse(string.Join("\n", mht.Diagnostics));
        mht.Report.Metadata.Should().Be(html.Report.Metadata);
        foreach (var (a, b) in new (ReportTable?, ReportTable?)[] { (mht.Report.ProactiveDisclosure, html.Report.ProactiveDisclosure), (mht.Report.Requests, html.Report.Requests), (mht.Report.ReviewLitigation, html.Report.ReviewLitigation) })
        {
            a!.Cells.Select(c => c.Value).Should().Equal(b!.Cells.Select(c => c.Value));
        }
    }

    [Theory]
    [InlineData("doc", "qingshan-transport-2021.doc")]
    [InlineData("odt", "qingshan-transport-2021.odt")]
    [InlineData("rtf", "qingshan-transport-2021.rtf")]
    [InlineData("ods", "qingshan-transport-2021.ods")]
    public void Without_libreoffice_a_converted_format_gets_the_install_diagnostic(string folder, string file)
    {
        var options = ReportParserOptions.Default with { ConverterPath = "/nonexistent/program/soffice" };
        var result = Report.Parse(ReportSource.FromFile(Corpus(folder, file)), options);
        var errors = result.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        errors.Should().ContainSingle(d => d.Code == DiagnosticCode.UnsupportedFormat);
        errors.First().Message.Should().Contain("apt-get install libreoffice-writer-nogui libreoffice-calc-nogui").And.Contain("/nonexistent/program/soffice");
        result.Report.Requests.Should().BeNull();
    }

    [Fact]
    public void Conversion_switched_off_is_an_error_not_a_crash()
    {
        var result = Report.Parse(ReportSource.FromFile(Corpus("doc", "qingshan-transport-2021.doc")), ReportParserOptions.Default with { Converter = OfficeConverter.None });
        result.Diagnostics.Should().Contain(d => d.Code == DiagnosticCode.UnsupportedFormat && d.Severity == Severity.Error && d.Message.Contains("switched off"));
    }

    [SkippableFact]
    public void A_converter_that_hangs_is_killed_at_the_timeout_and_its_folder_removed()
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "needs a POSIX shell");
        var dir = Directory.CreateTempSubdirectory("rp-fake-soffice").FullName;
        try
        {
            var fake = Path.Combine(dir, "soffice");
            var marker = Path.Combine(dir, "started");
            var workdir = Path.Combine(dir, "workdir");
            File.WriteAllText(fake, $"#!/bin/sh\necho $$ > {marker}\npwd > {workdir}\nsleep 60 &\nwait\n");
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);
            var options = ReportParserOptions.Default with { ConverterPath = fake, ConversionTimeout = TimeSpan.FromSeconds(1) };
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var result = Report.Parse(ReportSource.FromFile(Corpus("doc", "qingshan-transport-2021.doc")), options);
            watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20));
            result.Diagnostics.Should().ContainSingle(d => d.Severity == Severity.Error && d.Code == DiagnosticCode.LimitExceeded)
                .Which.Message.Should().Contain("took longer than 1 s");
            var pid = int.Parse(File.ReadAllText(marker).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            Directory.Exists($"/proc/{pid}").Should().BeFalse("the converter's process tree is killed");
            // The converter's own working folder (recorded by the fake), not a count of the shared temp folder.
            var work = File.ReadAllText(workdir).Trim();
            Path.GetFileName(work).Should().StartWith("reportparser-convert-");
            Directory.Exists(work).Should().BeFalse("the conversion's temporary folder is removed");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_truncated_docx_gets_one_unreadable_error()
    {
        var bytes = File.ReadAllBytes(Corpus("docx", "qingshan-transport-2021.docx"));
        var result = Report.Parse(ReportSource.FromBytes(bytes[..(bytes.Length / 2)], "cut.docx"));
        var errors = result.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        errors.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCode.Unreadable);
        errors[0].Message.Should().Contain("DOCX");
    }

    [Fact]
    public void A_docx_whose_parts_are_garbage_gets_one_unreadable_error()
    {
        var bytes = Zip(("[Content_Types].xml", "<Types"u8.ToArray()), ("word/document.xml", "<w:document><w:body><w:p>"u8.ToArray()));
        var result = Report.Parse(ReportSource.FromBytes(bytes, "broken.docx"));
        result.Diagnostics.Where(d => d.Severity == Severity.Error).Should().ContainSingle().Which.Code.Should().Be(DiagnosticCode.Unreadable);
    }

    [Fact]
    public void A_zip_bomb_is_refused_before_it_is_inflated()
    {
        var bomb = new MemoryStream();
        using (var zip = new ZipArchive(bomb, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var s = zip.CreateEntry("[Content_Types].xml").Open()) s.Write(Encoding.UTF8.GetBytes(ContentTypes));
            var entry = zip.CreateEntry("word/document.xml", CompressionLevel.Fastest);
            using var w = entry.Open();
            var block = new byte[1 << 20];
            Array.Fill(block, (byte)' ');
            for (int i = 0; i < 80; i++) w.Write(block); // 80 MiB of spaces, a few hundred KiB packed
        }
        bomb.Length.Should().BeLessThan(2_000_000);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = Report.Parse(ReportSource.FromBytes(bomb.ToArray(), "bomb.docx"));
        (GC.GetAllocatedBytesForCurrentThread() - before).Should().BeLessThan(40_000_000, "nothing is inflated");
        var errors = result.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        errors.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCode.LimitExceeded);
        errors[0].Message.Should().Contain("zip bomb");
    }

    [Fact]
    public void Tables_nested_past_the_depth_cap_are_dropped_with_a_warning()
    {
        var inner = "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>2</w:t></w:r></w:p></w:tc></w:tr></w:tbl>";
        for (int i = 0; i < 40; i++) inner = $"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>a{i}</w:t></w:r></w:p>{inner}</w:tc><w:tc><w:p><w:r><w:t>b{i}</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>c</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>d</w:t></w:r></w:p></w:tc></w:tr></w:tbl>";
        var bag = new DiagnosticBag();
        var blocks = InputReader.Read(ReportSource.FromBytes(Docx(inner), "deep.docx"), ReportParserOptions.Default, bag);
        blocks.Blocks.OfType<TableBlock>().Count().Should().Be(DocxWalker.MaxTableDepth);
        bag.Items.Should().ContainSingle(d => d.Code == DiagnosticCode.LimitExceeded && d.Severity == Severity.Warning);
    }

    [Fact]
    public void Elements_nested_past_the_walker_cap_are_not_read()
    {
        var bag = new DiagnosticBag();
        var blocks = InputReader.Read(ReportSource.FromBytes(Docx(Nested(400)), "deep.docx"), ReportParserOptions.Default, bag);
        blocks.Blocks.OfType<ParagraphBlock>().Select(p => p.Text).Should().Equal("正文");
        bag.Items.Should().ContainSingle(d => d.Code == DiagnosticCode.LimitExceeded && d.Severity == Severity.Warning);
    }

    [Fact]
    public void A_part_nested_past_the_xml_cap_is_refused_quickly_without_overflowing_the_stack()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = Report.Parse(ReportSource.FromBytes(Docx(Nested(100_000)), "deeper.docx"));
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        result.Diagnostics.Where(d => d.Severity == Severity.Error).Should().ContainSingle()
            .Which.Message.Should().Contain($"more than {OfficePackage.MaxXmlDepth} deep");
    }

    private static string Nested(int depth)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < depth; i++) sb.Append("<w:sdt><w:sdtContent>");
        sb.Append("<w:p><w:r><w:t>深处</w:t></w:r></w:p>");
        for (int i = 0; i < depth; i++) sb.Append("</w:sdtContent></w:sdt>");
        sb.Append("<w:p><w:r><w:t>正文</w:t></w:r></w:p>");
        return sb.ToString();
    }

    [Theory]
    [InlineData(3.0, null, "3")]
    [InlineData(3.0, "General", "3")]
    [InlineData(35.62, "General", "35.62")]
    [InlineData(35.62, "0.0000", "35.6200")]
    [InlineData(1234.0, "#,##0", "1234")]
    [InlineData(0.256, "0.0%", "25.6%")]
    [InlineData(0.1 + 0.2, null, "0.3")]
    public void Workbook_numbers_are_written_as_displayed(double value, string? format, string shown)
    {
        SpreadsheetInput.Display(value, format).Should().Be(shown);
    }

    [Theory]
    [InlineData(1, "chineseCounting", "一")]
    [InlineData(10, "chineseCounting", "十")]
    [InlineData(11, "chineseCountingThousand", "十一")]
    [InlineData(20, "chineseCountingThousand", "二十")]
    [InlineData(3, "ideographTraditional", "丙")]
    [InlineData(2, "decimalEnclosedCircle", "②")]
    [InlineData(4, "chineseLegalSimplified", "肆")]
    [InlineData(12, "decimal", "12")]
    [InlineData(4, "upperRoman", "IV")]
    [InlineData(28, "lowerLetter", "bb")]
    public void Number_formats_render_as_word_shows_them(int n, string format, string shown)
    {
        DocxNumbering.FormatNumber(n, format).Should().Be(shown);
    }

    private const string ContentTypes = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";

    /// <summary>A minimal DOCX package around body XML.</summary>
    internal static byte[] Docx(string body)
    {
        var doc = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" + body + "</w:body></w:document>";
        const string rels = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>";
        return Zip(("[Content_Types].xml", Encoding.UTF8.GetBytes(ContentTypes)), ("_rels/.rels", Encoding.UTF8.GetBytes(rels)), ("word/document.xml", Encoding.UTF8.GetBytes(doc)));
    }

    private static byte[] Zip(params (string Name, byte[] Data)[] entries)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, data) in entries)
            {
                using var s = zip.CreateEntry(name).Open();
                s.Write(data);
            }
        }
        return ms.ToArray();
    }

    /// <summary>A Word-style MIME HTML file around a page's bytes (quoted-printable or base64).</summary>
    internal static byte[] Mht(byte[] html, string charset, bool base64)
    {
        var sb = new StringBuilder();
        sb.Append("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"----=_NextPart_01D8\"\r\n\r\n");
        sb.Append("This document is a Single File Web Page, also known as a Web Archive file.\r\n\r\n");
        sb.Append("------=_NextPart_01D8\r\nContent-Location: file:///C:/report.htm\r\n");
        sb.Append(base64 ? "Content-Transfer-Encoding: base64\r\n" : "Content-Transfer-Encoding: quoted-printable\r\n");
        sb.Append($"Content-Type: text/html; charset=\"{charset}\"\r\n\r\n");
        if (base64)
        {
            var b = Convert.ToBase64String(html);
            for (int i = 0; i < b.Length; i += 76) sb.Append(b, i, Math.Min(76, b.Length - i)).Append("\r\n");
        }
        else
        {
            int col = 0;
            foreach (var x in html)
            {
                string piece = x is >= 33 and <= 126 and not (byte)'=' ? ((char)x).ToString() : x is (byte)'\n' ? "\r\n" : x is (byte)'\r' ? "" : $"={x:X2}";
                if (piece == "\r\n") { sb.Append(piece); col = 0; continue; }
                if (col + piece.Length > 75) { sb.Append("=\r\n"); col = 0; }
                sb.Append(piece);
                col += piece.Length;
            }
            sb.Append("\r\n");
        }
        sb.Append("\r\n------=_NextPart_01D8\r\nContent-Location: file:///C:/report.files/image001.png\r\nContent-Transfer-Encoding: base64\r\nContent-Type: image/png\r\n\r\niVBORw0KGgo=\r\n\r\n------=_NextPart_01D8--\r\n");
        return Encoding.Latin1.GetBytes(sb.ToString());
    }

    /// <summary>A minimal OLE2 compound file whose directory lists the given streams.</summary>
    private static byte[] Ole2(params string[] streams)
    {
        var file = new byte[512 * 3];
        byte[] magic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        magic.CopyTo(file, 0);
        void U16(int at, int v) => BitConverter.GetBytes((ushort)v).CopyTo(file, at);
        void U32(int at, uint v) => BitConverter.GetBytes(v).CopyTo(file, at);
        U16(24, 0x3E); U16(26, 3); U16(28, 0xFFFE); U16(30, 9); U16(32, 6);
        U32(44, 1); U32(48, 1); U32(56, 4096); U32(60, 0xFFFFFFFE); U32(68, 0xFFFFFFFE);
        U32(76, 0);
        for (int i = 1; i < 109; i++) U32(76 + (4 * i), 0xFFFFFFFF);
        // FAT (sector 0): sector 0 is the FAT, sector 1 the directory's only sector.
        for (int i = 0; i < 128; i++) U32(512 + (4 * i), 0xFFFFFFFF);
        U32(512, 0xFFFFFFFD);
        U32(516, 0xFFFFFFFE);
        var names = new[] { "Root Entry" }.Concat(streams).Take(4).ToArray();
        for (int e = 0; e < names.Length; e++)
        {
            int at = 1024 + (128 * e);
            var n = Encoding.Unicode.GetBytes(names[e] + "\0");
            n.CopyTo(file, at);
            U16(at + 64, n.Length);
            file[at + 66] = (byte)(e == 0 ? 5 : 2);
        }
        return file;
    }
}
