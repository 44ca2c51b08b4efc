using System.Text;

namespace ReportParser.Tests.Issues;

/// <summary>Regressions for crashes the seeded mutation suite found; each failed before its fix.</summary>
public class MutationFindingsTests
{
    // Regex \d matches every Unicode digit, so a full-width digit inside a year made int.Parse throw
    // (metadata reader, then the fused-text template guess).
    [Theory]
    [InlineData("某局２０22年政府信息公开工作年度报告\n一、总体情况\n正文")]
    [InlineData("某局202２年政府信息公开工作年度报告\n一、总体情况\n本年新收政府信息公开申请数量6000006")]
    [InlineData("某局2022年政府信息公开工作年度报告\n一、总体情况\n2022年1月２0日")]
    [InlineData("９019年\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量1000001")]
    public void Full_width_digits_in_dates_and_years_do_not_throw(string text)
    {
        var act = () => Report.ParseText(text);
        act.Should().NotThrow();
    }

    [Fact]
    public void A_mixed_width_year_is_not_read_as_a_year()
        => Report.ParseText("某局２０22年政府信息公开工作年度报告\n一、总体情况").Report.Metadata.Year.Should().BeNull();

    // Encoding.GetEncoding("utf-7") throws NotSupportedException on .NET 5+; a page declaring it crashed the HTML input.
    [Fact]
    public void A_page_declaring_utf7_is_decoded_by_detection()
    {
        var html = "<html><head><meta charset=\"utf-7\"></head><body><p>某局2022年政府信息公开工作年度报告</p><p>一、总体情况</p><p>正文</p></body></html>";
        var r = Report.Parse(ReportSource.FromBytes(Encoding.UTF8.GetBytes(html), "page.html"));
        r.Report.Metadata.Year.Should().Be(2022);
        r.Report.Metadata.Agency.Should().Be("某局");
    }
}
