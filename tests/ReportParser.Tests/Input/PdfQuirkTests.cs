using System.Text;
using ReportParser.Diagnostics;
using ReportParser.Input;

namespace ReportParser.Tests.Input;

/// <summary>
/// Quirks of published PDFs, each reproduced by a fixture of the repository: a Type 3 font whose text layer spells
/// ideographs as Kangxi radicals (corpus/pdf/type3-kangxi-textlayer.pdf, written by
/// tools/fixtures/make_type3_kangxi_pdf.py), an HTML page saved under a .pdf name, and a wrong startxref offset.
/// </summary>
public class PdfQuirkTests
{
    private static string PdfDir => Path.Combine(Paths.Corpus, "pdf");

    [Fact]
    public void Kangxi_radicals_of_a_type3_font_are_read_as_ideographs()
    {
        var path = Path.Combine(PdfDir, "type3-kangxi-textlayer.pdf");
        using (var doc = UglyToad.PdfPig.PdfDocument.Open(path))
        {
            // The text layer itself holds the look-alikes.
            var raw = doc.GetPage(1).Text;
            raw.Should().Contain("⽣").And.Contain("⼀").And.Contain("⻘").And.NotContain("生");
        }
        var bag = new DiagnosticBag();
        var blocks = PdfInput.Read(ReportSource.FromFile(path), ReportParserOptions.Default, bag);
        var texts = blocks.Blocks.OfType<ParagraphBlock>().Select(p => p.Text).ToList();
        texts.Should().Contain("青山市交通运输局2021年政府信息公开工作年度报告");
        texts.Should().Contain("全年主动公开政府信息350条，未发生逾期答复的情况。");
        texts.Should().NotContain(t => t.Any(c => c >= '\u2E80' && c <= '\u2FDF'));

        var result = Report.ParseFile(path);
        result.Report.Metadata.Agency.Should().Be("青山市交通运输局");
        result.Report.Metadata.Year.Should().Be(2021);
        result.Report.Metadata.PublishedOn.Should().Be(new DateOnly(2022, 1, 20));
        result.Report.Sections.Select(s => s.Heading).Should().StartWith(new[] { "一、总体情况", "二、主动公开政府信息情况" });
    }

    [Fact]
    public void An_html_page_saved_as_pdf_is_read_by_its_content_with_a_warning()
    {
        var html = File.ReadAllBytes(Path.Combine(PdfDir, "src", "qingshan-transport-2021.html"));
        var result = Report.Parse(ReportSource.FromBytes(html, "qingshan-transport-2021.pdf"));
        result.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCode.ExtensionMismatch)
            .Which.Severity.Should().Be(Severity.Warning);
        result.HasErrors.Should().BeFalse();
        var twin = Report.ParseFile(Path.Combine(PdfDir, "qingshan-transport-2021.txt"));
        PdfInputTests.Values(result).Should().Equal(PdfInputTests.Values(twin)).And.HaveCountGreaterThan(190);
    }

    [Fact]
    public void A_wrong_startxref_is_repaired()
    {
        var bytes = File.ReadAllBytes(Path.Combine(PdfDir, "baihe-county-gov-2019-libreoffice.pdf"));
        var text = Encoding.Latin1.GetString(bytes);
        int at = text.LastIndexOf("startxref", StringComparison.Ordinal);
        at.Should().BePositive();
        int start = at + "startxref".Length;
        while (text[start] is '\r' or '\n' or ' ') start++;
        int end = start;
        while (char.IsAsciiDigit(text[end])) end++;
        long offset = long.Parse(text[start..end], System.Globalization.CultureInfo.InvariantCulture);
        // Same number of digits, pointing into the middle of the file.
        var wrong = (offset / 2).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(end - start, '0');
        var damaged = Encoding.Latin1.GetBytes(text[..start] + wrong + text[end..]);
        damaged.Should().NotEqual(bytes);

        var result = Report.Parse(ReportSource.FromBytes(damaged, "wrong-startxref.pdf"));
        result.HasErrors.Should().BeFalse();
        var twin = Report.ParseFile(Path.Combine(PdfDir, "baihe-county-gov-2019.txt"));
        PdfInputTests.Values(result).Should().Equal(PdfInputTests.Values(twin)).And.HaveCountGreaterThan(190);
    }
}
