using System.Globalization;
using ReportParser.Diagnostics;
using ReportParser.Input;

namespace ReportParser.Tests.Input;

/// <summary>
/// The PDF fixtures of corpus/pdf/ (rendered by tools/render-fixtures.sh from corpus/pdf/src/) give exactly the
/// values of their tab-separated text twins, with page and box on every value; damaged PDFs give one clear error.
/// </summary>
public class PdfInputTests
{
    private static string PdfDir => Path.Combine(Paths.Corpus, "pdf");

    public static TheoryData<string> RenderedFixtures()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.EnumerateFiles(PdfDir, "*.pdf").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(f);
            if (name.EndsWith("-chromium", StringComparison.Ordinal) || name.EndsWith("-libreoffice", StringComparison.Ordinal)) data.Add(Path.GetFileName(f));
        }
        return data;
    }

    [Fact]
    public void Every_template_is_rendered_by_both_renderers()
    {
        var names = ((IEnumerable<object[]>)RenderedFixtures()).Select(d => (string)d[0]).ToList();
        names.Should().Contain(new[]
        {
            "qingshan-transport-2021-chromium.pdf", "qingshan-transport-2021-libreoffice.pdf",
            "baihe-county-gov-2019-chromium.pdf", "baihe-county-gov-2019-libreoffice.pdf",
        });
    }

    [Theory]
    [MemberData(nameof(RenderedFixtures))]
    public void Pdf_gives_the_values_of_its_text_twin(string file)
    {
        var pdf = Report.ParseFile(Path.Combine(PdfDir, file));
        var slug = file[..file.LastIndexOf('-')];
        var txt = Report.ParseFile(Path.Combine(PdfDir, slug + ".txt"));

        pdf.Diagnostics.Where(d => d.Severity == Severity.Error).Should().BeEmpty();
        pdf.Report.Metadata.Agency.Should().Be(txt.Report.Metadata.Agency).And.NotBeNull();
        pdf.Report.Metadata.Year.Should().Be(txt.Report.Metadata.Year).And.NotBeNull();
        pdf.Report.Metadata.Template.Should().Be(txt.Report.Metadata.Template);
        Values(pdf).Should().Equal(Values(txt));
        // A sparse fixture leaves zeros blank: its twin states only the filled cells.
        if (slug.EndsWith("-sparse", StringComparison.Ordinal)) Values(txt).Where(kv => kv.Value != null).Should().HaveCountGreaterThan(40);
        else Values(txt).Should().HaveCountGreaterThan(190).And.OnlyContain(kv => kv.Value != null);
    }

    [Theory]
    [InlineData("qingshan-transport-2021")]
    [InlineData("baihe-county-gov-2019")]
    public void Html_source_gives_the_values_of_its_text_twin(string slug)
    {
        var html = Report.ParseFile(Path.Combine(PdfDir, "src", slug + ".html"));
        html.Diagnostics.Should().NotContain(d => d.Code == DiagnosticCode.UnsupportedFormat || d.Severity == Severity.Error);
        var txt = Report.ParseFile(Path.Combine(PdfDir, slug + ".txt"));
        html.Report.Metadata.Agency.Should().Be(txt.Report.Metadata.Agency);
        html.Report.Metadata.Year.Should().Be(txt.Report.Metadata.Year);
        html.Report.Metadata.Template.Should().Be(txt.Report.Metadata.Template);
        Values(html).Should().Equal(Values(txt));
    }

    [Theory]
    [MemberData(nameof(RenderedFixtures))]
    public void Every_value_records_its_page_and_box(string file)
    {
        var result = Report.ParseFile(Path.Combine(PdfDir, file));
        var cells = result.Report.Tables.SelectMany(t => t.Cells).Where(c => c.IsStated).ToList();
        cells.Should().NotBeEmpty();
        foreach (var c in cells)
        {
            c.Location.Should().NotBeNull(c.Key);
            var s = c.Location;
            s.Page.Should().BeInRange(1, 10, c.Key);
            s.Box.Should().NotBeNull(c.Key);
            var b = s.Box!.Value;
            b.Left.Should().BeLessThan(b.Right, c.Key);
            b.Bottom.Should().BeLessThan(b.Top, c.Key);
            b.Left.Should().BeGreaterThanOrEqualTo(0, c.Key);
            b.Top.Should().BeLessThanOrEqualTo(842.5, c.Key);
        }
    }

    [Fact]
    public void A_table_broken_across_pages_is_read_as_one()
    {
        var result = Report.ParseFile(Path.Combine(PdfDir, "qingshan-transport-2021-chromium.pdf"));
        var requests = result.Report.Requests!;
        var pages = requests.Cells.Where(c => c.IsStated).Select(c => c.Location.Page).Distinct().ToList();
        pages.Should().HaveCountGreaterThan(1, "the fixture's table 三 runs over a page break");
        requests.Cells.Where(c => c.IsStated).Should().HaveCount(25 * 7);
    }

    [Fact]
    public void Running_header_and_page_numbers_are_dropped()
    {
        var bag = new DiagnosticBag();
        var blocks = PdfInput.Read(ReportSource.FromFile(Path.Combine(PdfDir, "qingshan-transport-2021-chromium.pdf")), ReportParserOptions.Default, bag);
        var texts = blocks.Blocks.OfType<ParagraphBlock>().Select(p => p.Text).ToList();
        texts.Should().NotContain("青山市交通运输局政府信息公开工作年度报告");
        texts.Should().NotContain(t => t.StartsWith("—", StringComparison.Ordinal));
        texts.Should().Contain("六、其他需要报告的事项");
        blocks.PageCount.Should().Be(3);
    }

    [Fact]
    public void A_label_wrapped_inside_its_cell_is_joined()
    {
        var bag = new DiagnosticBag();
        var blocks = PdfInput.Read(ReportSource.FromFile(Path.Combine(PdfDir, "qingshan-transport-2021-libreoffice.pdf")), ReportParserOptions.Default, bag);
        var cells = blocks.Blocks.OfType<TableBlock>().SelectMany(t => t.Rows).SelectMany(r => r.Cells).Select(c => c.Text).ToList();
        cells.Should().Contain("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请");
        cells.Should().Contain("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
    }

    [Fact]
    public void A_merged_cell_fills_one_position_and_leaves_the_others_empty()
    {
        var bag = new DiagnosticBag();
        var blocks = PdfInput.Read(ReportSource.FromFile(Path.Combine(PdfDir, "qingshan-transport-2021-chromium.pdf")), ReportParserOptions.Default, bag);
        var row = blocks.Blocks.OfType<TableBlock>().SelectMany(t => t.Rows).First(r => r.Cells[0].Text.StartsWith("一、本年新收", StringComparison.Ordinal));
        row.Cells.Select(c => c.Text).Take(3).Should().Equal("一、本年新收政府信息公开申请数量", "", "");
        row.Cells.Skip(3).Should().HaveCount(7).And.OnlyContain(c => c.Text.Length > 0 && c.Location.Box != null && c.Location.Page == 2);
    }

    [Fact]
    public void A_borderless_table_is_read_from_column_gaps()
    {
        var bag = new DiagnosticBag();
        var blocks = PdfInput.Read(ReportSource.FromFile(Path.Combine(PdfDir, "baihe-county-gov-2019-chromium.pdf")), ReportParserOptions.Default, bag);
        var rows = blocks.Blocks.OfType<TableBlock>().SelectMany(t => t.Rows).Select(r => r.RawText).ToList();
        rows.Should().Contain("信息内容\t上一年项目数量\t本年增/减\t处理决定数量");
        var result = Report.ParseFile(Path.Combine(PdfDir, "baihe-county-gov-2019-chromium.pdf"));
        result.Report.ProactiveDisclosure!["CentralProcurement", "AmountYuan"]!.Value.Should().Be(1286.5m);
    }

    [Fact]
    public void A_scanned_pdf_asks_for_ocr()
    {
        var result = Report.ParseFile(Path.Combine(PdfDir, "scanned-image-only.pdf"));
        var errors = result.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        errors.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCode.NoTextLayer);
        errors[0].Message.Should().Contain("OCR");
    }

    [Fact]
    public void A_pdf_with_a_user_password_says_so()
    {
        var result = Report.ParseFile(Path.Combine(PdfDir, "encrypted-userpw.pdf"));
        var errors = result.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        errors.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCode.PdfEncrypted);
        errors[0].Message.Should().Contain("user password");
    }

    [Fact]
    public void A_pdf_with_only_an_owner_password_is_parsed()
    {
        var pdf = Report.ParseFile(Path.Combine(PdfDir, "encrypted-ownerpw-only.pdf"));
        var txt = Report.ParseFile(Path.Combine(PdfDir, "baihe-county-gov-2019.txt"));
        pdf.HasErrors.Should().BeFalse();
        Values(pdf).Should().Equal(Values(txt));
    }

    [Fact]
    public void A_pdf_that_is_not_a_report_says_so()
    {
        var result = Report.ParseFile(Path.Combine(PdfDir, "not-a-report.pdf"));
        var errors = result.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        errors.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCode.NotAReport);
        result.Report.Tables.Should().BeEmpty();
    }

    [Fact]
    public void The_page_limit_stops_reading_with_an_error()
    {
        var result = Report.Parse(ReportSource.FromFile(Path.Combine(PdfDir, "qingshan-transport-2021-chromium.pdf")), ReportParserOptions.Default with { MaxPdfPages = 1 });
        result.Diagnostics.Should().Contain(d => d.Code == DiagnosticCode.LimitExceeded && d.Severity == Severity.Error && d.Message.Contains("3 pages"));
        result.Report.ProactiveDisclosure.Should().NotBeNull();
    }

    [Fact]
    public void Truncated_and_garbled_copies_never_throw()
    {
        var bytes = File.ReadAllBytes(Path.Combine(PdfDir, "baihe-county-gov-2019-libreoffice.pdf"));
        var rng = new Random(7);
        var whole = Values(Report.Parse(ReportSource.FromBytes(bytes, "whole.pdf")));
        foreach (var cut in new[] { 9, 100, 1000, bytes.Length / 3, bytes.Length / 2, bytes.Length - 1000, bytes.Length - 30 })
        {
            var r = Report.Parse(ReportSource.FromBytes(bytes[..cut], $"cut{cut}.pdf"));
            // Either a clear error, or PdfPig recovered the whole document (a lost trailer is rebuilt by brute force).
            if (!r.HasErrors) Values(r).Should().Equal(whole, $"cut at {cut} parsed without error");
            else r.Diagnostics.Should().Contain(d => d.Severity == Severity.Error && d.Code < (DiagnosticCode)2000, $"cut at {cut}");
        }
        for (int round = 0; round < 6; round++)
        {
            var copy = (byte[])bytes.Clone();
            for (int k = 0; k < 40; k++) copy[rng.Next(copy.Length)] = (byte)rng.Next(256);
            var act = () => Report.Parse(ReportSource.FromBytes(copy, $"garbled{round}.pdf"));
            act.Should().NotThrow();
        }
    }

    [Fact]
    public void Page_numbers_are_recognised()
    {
        foreach (var s in new[] { "— 3 —", "- 12 -", "第3页", "3/5", "第 2 页 / 共 6 页", "Page 4", "共5页 第2页", "7" })
        {
            ReportParser.Input.Pdf.PageFurniture.IsPageNumber(s).Should().BeTrue(s);
        }
        foreach (var s in new[] { "一、总体情况", "2021年", "本年新收 12 件" })
        {
            ReportParser.Input.Pdf.PageFurniture.IsPageNumber(s).Should().BeFalse(s);
        }
    }

    internal static List<KeyValuePair<string, decimal?>> Values(ReportParseResult result)
        => result.Report.Tables.SelectMany(t => t.Cells).Select(c => new KeyValuePair<string, decimal?>(c.Key, c.Value)).ToList();
}
