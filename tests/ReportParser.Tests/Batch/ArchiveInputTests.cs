using System.IO.Compression;
using System.Text;
using ReportParser.Batch;
using static ReportParser.Tests.Cli.BatchFixture;

namespace ReportParser.Tests.Batch;

/// <summary>
/// Broken and tricky zips in a batch: each is listed (one row per archive that cannot be opened, one per entry
/// otherwise) with a clear reason, and the good files beside it are parsed.
/// </summary>
public sealed class ArchiveInputTests : BatchInputTestBase
{
    public ArchiveInputTests()
        : base("archives")
    {
    }

    private static readonly Encoding Gbk = GetGbk();

    private static Encoding GetGbk()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(936);
    }

    private string Zip(string name, params RawEntry[] entries) => Write(name, RawZip.Build(entries));

    [Fact]
    public async Task A_zip_with_a_junk_central_directory_is_one_unreadable_row_and_the_batch_goes_on()
    {
        var good = RawZip.Build([new RawEntry("a.txt", ReportBytes(1)), new RawEntry("b.txt", ReportBytes(2))]);
        int directory = good.AsSpan().IndexOf("PK\x01\x02"u8);
        var junk = good.ToArray();
        for (int i = directory; i < junk.Length - 22; i++) junk[i] = (byte)(i * 7919 % 251);
        var before = Write("a-before.txt", ReportBytes(3));
        var zip = Write("b-junk.zip", junk);
        var cut = Write("c-cut.zip", good[..(good.Length / 2)]);
        var after = Write("d-after.txt", ReportBytes(4));

        FluentActions.Invoking(() => new InputEnumerator([Root]).Enumerate().ToList()).Should().NotThrow();
        var rows = await Export(Root);
        rows.Should().HaveCount(4);
        Only(rows, before).Status.Should().Be("parsed");
        Only(rows, zip).Should().Match<Row>(r => r.Status == "unreadable" && r.Reason.StartsWith("corrupt or unreadable archive: the central directory should list 2 entries"));
        Only(rows, cut).Should().Match<Row>(r => r.Status == "unreadable" && r.Reason.Contains("no end of central directory record"));
        Only(rows, after).Status.Should().Be("parsed");
    }

    [Fact]
    public async Task A_zip_of_reports_holding_a_content_types_part_is_expanded_and_an_office_document_is_not()
    {
        var zip = Zip("reports.zip",
            new RawEntry("[Content_Types].xml", Utf8("<?xml version=\"1.0\"?><Types/>")),
            new RawEntry("甲.txt", ReportBytes(1)) { Flags = 0x800 },
            new RawEntry("乙.txt", ReportBytes(2)) { Flags = 0x800 });
        var docx = Zip("doc.docx",
            new RawEntry("[Content_Types].xml", Utf8("<?xml version=\"1.0\"?><Types/>")),
            new RawEntry("word/document.xml", Utf8("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>")));
        var odt = Zip("doc.odt", new RawEntry("mimetype", Utf8("application/vnd.oasis.opendocument.text")), new RawEntry("content.xml", Utf8("<x/>")));
        var renamed = Zip("renamed.docx",
            new RawEntry("[Content_Types].xml", Utf8("<Types><Override PartName=\"/word/main.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>")),
            new RawEntry("word/main.xml", Utf8("<w:document/>")));

        var rows = await Export(zip, docx, odt, renamed);
        rows.Select(r => r.File).Should().Equal(zip + "![Content_Types].xml", zip + "!甲.txt", zip + "!乙.txt", docx, odt, renamed);
        Only(rows, zip + "!甲.txt").Status.Should().Be("parsed");
        Only(rows, zip + "!乙.txt").Status.Should().Be("parsed");
        Only(rows, zip + "![Content_Types].xml").Status.Should().Be("not-a-report");
    }

    [Fact]
    public async Task Overlapping_entries_are_refused_and_the_others_read()
    {
        var data = ReportBytes(5);
        var shared = Zip("shared.zip",
            new RawEntry("good.txt", ReportBytes(1)),
            new RawEntry("bomb-1.txt", data),
            new RawEntry("bomb-2.txt", data) { SharesDataWith = 1 },
            new RawEntry("last.txt", ReportBytes(2)));
        // The first entry's directory record claims the data run on over the second entry's header.
        var second = ReportBytes(3);
        var over = Zip("over.zip",
            new RawEntry("long.txt", ReportBytes(4)) { DeclaredCompressedSize = (uint)(ReportBytes(4).Length + 30 + 9 + second.Length), DeclaredSize = (uint)(ReportBytes(4).Length + 30 + 9 + second.Length) },
            new RawEntry("short.txt", second),
            new RawEntry("fine.txt", ReportBytes(6)));

        var rows = await Export(shared, over);
        rows.Should().HaveCount(7);
        Only(rows, shared + "!good.txt").Status.Should().Be("parsed");
        Only(rows, shared + "!last.txt").Status.Should().Be("parsed");
        foreach (var name in new[] { "!bomb-1.txt", "!bomb-2.txt" })
            Only(rows, shared + name).Should().Match<Row>(r => r.Status == "unreadable" && r.Reason.Contains("overlap"));
        Only(rows, over + "!long.txt").Should().Match<Row>(r => r.Status == "unreadable" && r.Reason.Contains("overlap another entry"));
        Only(rows, over + "!short.txt").Should().Match<Row>(r => r.Status == "unreadable" && r.Reason.Contains("overlap this entry"));
        Only(rows, over + "!fine.txt").Status.Should().Be("parsed");
    }

    [Fact]
    public async Task An_entry_whose_size_or_crc_lies_is_an_error_row_never_cut_silently()
    {
        var report = ReportBytes(1);
        var zip = Zip("liars.zip",
            new RawEntry("stored-smaller.txt", report) { DeclaredSize = 1000 },
            new RawEntry("stored-larger.txt", report) { DeclaredSize = (uint)report.Length + 1000 },
            new RawEntry("deflated-smaller.txt", report) { Deflate = true, DeclaredSize = 1000 },
            new RawEntry("bad-crc.txt", report) { DeclaredCrc = 12345 },
            new RawEntry("honest.txt", ReportBytes(2)) { Deflate = true });

        var rows = await Export(zip);
        rows.Should().HaveCount(5);
        Only(rows, zip + "!stored-smaller.txt").Should().Match<Row>(r => r.Status == "unreadable" && r.Reason.Contains("holds more than the 1,000 bytes its header declares"));
        Only(rows, zip + "!stored-larger.txt").Should().Match<Row>(r => r.Status == "unreadable" && r.Reason.Contains("truncated"));
        Only(rows, zip + "!deflated-smaller.txt").Should().Match<Row>(r => r.Status == "unreadable" && r.Reason.Contains("CRC-32"));
        Only(rows, zip + "!bad-crc.txt").Should().Match<Row>(r => r.Status == "unreadable" && r.Reason.Contains("CRC-32"));
        Only(rows, zip + "!honest.txt").Status.Should().Be("parsed");
    }

    [Fact]
    public async Task Repeated_entry_names_are_numbered_and_reserved_characters_escaped_so_no_two_rows_share_an_identity()
    {
        var zip = Zip("a.zip",
            new RawEntry("r.txt", ReportBytes(1)),
            new RawEntry("r.txt", ReportBytes(2)),
            new RawEntry("r.txt", ReportBytes(3)),
            new RawEntry("r.txt#2", ReportBytes(4)),
            new RawEntry("a.zip!b.txt", ReportBytes(5)),
            new RawEntry("100%.txt", ReportBytes(6)));
        var inner = Zip("in.zip", new RawEntry("b.txt", ReportBytes(7)));
        var lookalike = Write("in.zip!b.txt", ReportBytes(8));

        var rows = await Export(zip, inner, lookalike);
        rows.Select(r => r.File).Should().Equal(
            zip + "!r.txt", zip + "!r.txt#2", zip + "!r.txt#3", zip + "!r.txt%232", zip + "!a.zip%21b.txt", zip + "!100%25.txt",
            inner + "!b.txt", Path.Combine(Root, "in.zip%21b.txt"));
        rows.Should().OnlyContain(r => r.Status == "parsed");
        rows[1].Source.Should().Be("r.txt#2");
    }

    [Fact]
    public async Task Gbk_names_read_as_7zip_and_explorer_show_them_after_the_utf8_flag_and_the_unicode_path_field()
    {
        // Four of these six GBK names are valid UTF-8 by chance (通知 → ֪ͨ): a Windows archiver wrote GBK.
        string[] gbk = ["省委.txt", "通知.txt", "统一.txt", "农业.txt", "水利局.txt", "信息一览.txt"];
        gbk.Count(n => IsUtf8(Gbk.GetBytes(n))).Should().Be(4);
        var entries = gbk.Select((n, i) => new RawEntry(Gbk.GetBytes(n), ReportBytes(i + 1)) { Host = 0 }).ToList();
        entries.Add(new RawEntry(Gbk.GetBytes("通知2.txt"), ReportBytes(11)) { Host = 3 });
        entries.Add(new RawEntry(Utf8("关闭.txt"), ReportBytes(12)) { Host = 3 });
        entries.Add(new RawEntry(Utf8("年报.txt"), ReportBytes(13)) { Flags = 0x800 });
        var raw = Gbk.GetBytes("旧名.txt");
        entries.Add(new RawEntry(raw, ReportBytes(14)) { Extra = RawZip.UnicodePath(raw, "新名.txt") });
        entries.Add(new RawEntry([(byte)'x', 0xFF, (byte)'.', (byte)'t', (byte)'x', (byte)'t'], ReportBytes(15)));
        var zip = Zip("gbk.zip", entries.ToArray());

        var rows = await Export(zip);
        rows.Select(r => r.Source).Should().Equal([.. gbk, "通知2.txt", "关闭.txt", "年报.txt", "新名.txt", "x%FF.txt"]);
        rows.Should().OnlyContain(r => r.Status == "parsed");
    }

    private static bool IsUtf8(byte[] b)
    {
        try
        {
            _ = new UTF8Encoding(false, true).GetString(b);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    [Fact]
    public async Task The_audit_cases_still_pass_a_bomb_traversal_names_an_encrypted_entry_and_a_nested_zip()
    {
        var bombEntry = new RawEntry("bomb.txt", new byte[100]) { DeclaredSize = 0xF0000000, Deflate = true };
        var nested = RawZip.Build([new RawEntry("内层.txt", ReportBytes(3)) { Flags = 0x800 }]);
        var zip = Zip("audit.zip",
            bombEntry,
            new RawEntry("../../escape.txt", ReportBytes(1)),
            new RawEntry("/etc/abs.txt", ReportBytes(2)),
            new RawEntry("secret.txt", ReportBytes(4)) { Flags = 1 },
            new RawEntry("nested.zip", nested));

        var rows = await Export(zip);
        rows.Select(r => r.File).Should().Equal(zip + "!bomb.txt", zip + "!../../escape.txt", zip + "!/etc/abs.txt", zip + "!secret.txt", zip + "!nested.zip!内层.txt");
        Only(rows, zip + "!bomb.txt").Should().Match<Row>(r => r.Status == "unreadable" && r.Reason.Contains("over the limit"));
        Only(rows, zip + "!../../escape.txt").Should().Match<Row>(r => r.Status == "parsed" && r.Source == "../../escape.txt");
        Only(rows, zip + "!secret.txt").Should().Match<Row>(r => r.Status == "unreadable" && r.Reason.Contains("encrypted"));
        Only(rows, zip + "!nested.zip!内层.txt").Status.Should().Be("parsed");
        File.Exists(Path.Combine(Root, "..", "escape.txt")).Should().BeFalse("the batch writes nothing from entries");
        Directory.GetFiles(Root, "escape.txt", SearchOption.AllDirectories).Should().BeEmpty();
    }

    [Fact]
    public void A_zip_written_by_the_runtime_reads_back_with_the_same_names_and_bytes()
    {
        var ms = new MemoryStream();
        using (var z = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (n, i) in new[] { ("报告/甲.txt", 1), ("乙.txt", 2), ("dir/", 0) })
            {
                var e = z.CreateEntry(n, CompressionLevel.Optimal);
                if (i > 0) using (var s = e.Open()) s.Write(ReportBytes(i));
            }
        }
        var zip = Write("runtime.zip", ms.ToArray());
        var items = new InputEnumerator([zip]).Enumerate().ToList();
        items.Select(i => i.Source).Should().Equal("报告/甲.txt", "乙.txt");
        items[0].Bytes.Should().Equal(ReportBytes(1));
        items[1].Bytes.Should().Equal(ReportBytes(2));
    }
}
