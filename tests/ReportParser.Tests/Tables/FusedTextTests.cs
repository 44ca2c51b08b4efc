using ReportParser.Diagnostics;
using ReportParser.Input;
using ReportParser.Tables.Fused;

namespace ReportParser.Tests.Tables;

public class FusedTextTests
{
    [Fact]
    public void Inline_headings_are_found_and_table_rows_are_not_taken_for_headings()
    {
        var w = "一、总体情况本年无变化。三、收到和处理政府信息 公开申请情况一、本年新收政府信息公开申请数量0000000四、结转下年度继续办理0000000四、政府信息公开行政复议、行政诉讼情况000000000000000";
        var cuts = FusedText.InlineHeadings(w);
        cuts.Select(c => w[c.Start..c.End]).Should().Equal("一、总体情况", "三、收到和处理政府信息 公开申请情况", "四、政府信息公开行政复议、行政诉讼情况");
    }

    [Fact]
    public void Chrome_and_word_comments_are_blanked_without_moving_columns()
    {
        var t = "当前位置： 首页政务公开政府信息公开年报 正文<!--[if !supportLists]-->一、总体情况 附件下载";
        var clean = FusedText.Clean(t);
        clean.Length.Should().Be(t.Length);
        clean.Trim().Should().StartWith("正文").And.Contain("一、总体情况").And.NotContain("附件下载").And.NotContain("<!--");
        clean.IndexOf("一、", StringComparison.Ordinal).Should().Be(t.IndexOf("一、", StringComparison.Ordinal));
    }

    [Fact]
    public void A_fused_row_becomes_cells_whose_spans_point_at_their_digits()
    {
        var text = "示例局2023年度政府信息公开工作年度报告\n"
            + "三、收到和处理政府信息公开申请情况 申请人情况 一、本年新收政府信息公开申请数量21710000218二、上年结转政府信息公开申请数量0000000\n";
        var result = Report.ParseText(text);
        var row = result.Report.Requests!.Rows.Single(r => r.Key == "NewRequests");
        row.Cells.Select(c => c.Value).Should().Equal(217m, 1m, 0m, 0m, 0m, 0m, 218m);
        var line = text.Split('\n')[1];
        var total = row["Total"]!;
        total.Location.Line.Should().Be(2);
        line.Substring(total.Location.Column - 1, 3).Should().Be("218");
        result.Diagnostics.Should().Contain(d => d.Code == DiagnosticCode.FusedRunRecovered && d.Location.Line == 2);
    }

    [Fact]
    public void Tab_separated_text_is_left_alone()
    {
        var doc = new DocumentBlocks("t", SourceFormat.Text, new Block[]
        {
            new ParagraphBlock("三、收到和处理政府信息公开申请情况", new SourceLocation(1, 1)),
            new TableBlock(new[] { new GridRow(new[] { new GridCell("一、本年新收政府信息公开申请数量", new SourceLocation(2, 1)), new GridCell("1", new SourceLocation(2, 20)) }, new SourceLocation(2, 1)) }, new SourceLocation(2, 1)),
        });
        FusedText.Restructure(doc, new DiagnosticBag()).Should().BeSameAs(doc);
    }
}
