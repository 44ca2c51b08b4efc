using System.Text;
using ReportParser.Diagnostics;
using ReportParser.Input;

namespace ReportParser.Tests.Input;

/// <summary>The HTML input's blocks: grids, cell text, chrome, metadata, charsets, limits.</summary>
public class HtmlInputTests
{
    private static DocumentBlocks Read(string html, out DiagnosticBag bag)
    {
        bag = new DiagnosticBag();
        return InputReader.Read(ReportSource.FromHtml(html, "t.html"), ReportParserOptions.Default, bag);
    }

    private static DocumentBlocks ReadBytes(byte[] bytes, out DiagnosticBag bag)
    {
        bag = new DiagnosticBag();
        return InputReader.Read(ReportSource.FromBytes(bytes, "t.html"), ReportParserOptions.Default, bag);
    }

    private static string[][] Grid(TableBlock t) => t.Rows.Select(r => r.Cells.Select(c => c.Text).ToArray()).ToArray();

    [Fact]
    public void Rowspan_and_colspan_put_the_text_top_left_and_leave_the_covered_positions_empty()
    {
        var doc = Read("""
            <table>
            <tr><td rowspan="2" colspan="2">A</td><td>B</td></tr>
            <tr><td>C</td></tr>
            <tr><td>D</td><td colspan="2">E</td></tr>
            </table>
            """, out _);
        var t = doc.Blocks.OfType<TableBlock>().Single();
        Grid(t).Should().BeEquivalentTo(new[] { new[] { "A", "", "B" }, new[] { "", "", "C" }, new[] { "D", "E", "" } }, o => o.WithStrictOrdering());
        var c = t.Rows[1].Cells[2];
        c.Location.Table.Should().Be(1);
        c.Location.GridRow.Should().Be(2);
        c.Location.GridColumn.Should().Be(3);
        c.Location.Line.Should().Be(3);
        c.Location.Column.Should().BePositive();
    }

    [Fact]
    public void Cell_text_rejoins_labels_split_over_spans_paragraphs_and_padding()
    {
        var doc = Read("<table><tr>"
            + "<td><p><span>申请人情</span><span>况</span></p></td>"
            + "<td><p>社会\n &nbsp; &nbsp;</p><p>\n &nbsp; 公益\n &nbsp;</p><p>组织</p></td>"
            + "<td>本年新<br/>制作数量</td>"
            + "<td><p><span style='font-family:Calibri'>&nbsp;</span><font>12</font>\u3000</p></td>"
            + "<td><p>1.</p><p>属于国家秘密</p></td>"
            + "<td><p>12</p><p>34</p></td>"
            + "</tr></table>", out _);
        Grid(doc.Blocks.OfType<TableBlock>().Single())[0].Should().Equal("申请人情况", "社会公益组织", "本年新制作数量", "12", "1.属于国家秘密", "12 34");
    }

    [Fact]
    public void Paragraphs_come_from_block_elements_and_br_separated_lines()
    {
        var doc = Read("<div>一、总体情况<p>正文<span>第一</span>段</p>第二行<br>第三行<ul><li>甲</li><li>乙</li></ul><h2>二、主动公开政府信息情况</h2></div>", out _);
        doc.Blocks.OfType<ParagraphBlock>().Select(p => p.Text).Should().Equal("一、总体情况", "正文第一段", "第二行", "第三行", "甲", "乙", "二、主动公开政府信息情况");
    }

    [Fact]
    public void Chrome_is_dropped_and_the_metadata_table_is_harvested()
    {
        var doc = Read("""
            <html><head><title>页面标题</title><script>var x = "一、总体情况";</script><style>p{}</style></head><body>
            <header><nav><a>首页</a><a>政务公开</a></nav></header>
            <noscript>请启用脚本</noscript>
            <table><tr><td>索引号：</td><td>0001/2022-1</td><td>发布机构：</td><td>某某局</td></tr>
            <tr><td>成文日期：</td><td>2022-01-10</td><td>发文日期：</td><td>2022-01-12</td></tr>
            <tr><td>文号：</td><td>某发〔2022〕1号</td><td>主题分类：</td><td>综合</td></tr></table>
            <div style="display: none">隐藏</div>
            <p>某某局2021年政府信息公开工作年度报告</p>
            <footer><p>主办单位：某某</p><script>stat()</script></footer>
            </body></html>
            """, out _);
        doc.Metadata.Should().Equal(new Dictionary<string, string>
        {
            ["索引号"] = "0001/2022-1", ["发布机构"] = "某某局", ["成文日期"] = "2022-01-10", ["发文日期"] = "2022-01-12", ["文号"] = "某发〔2022〕1号",
        });
        doc.Blocks.OfType<TableBlock>().Should().BeEmpty();
        doc.Blocks.OfType<ParagraphBlock>().Select(p => p.Text).Should().Equal("某某局2021年政府信息公开工作年度报告");
    }

    [Fact]
    public void A_table_inside_one_cell_is_emitted_as_its_own_table()
    {
        var doc = Read("""
            <table width="100%"><tr><td>
            <p>四、政府信息公开行政复议、行政诉讼情况</p>
            <table><tr><td>行政复议</td><td>行政诉讼</td></tr><tr><td>3</td><td>4</td></tr></table>
            </td></tr></table>
            """, out _);
        doc.Blocks.Should().HaveCount(2);
        doc.Blocks[0].Should().BeOfType<ParagraphBlock>().Which.Text.Should().Be("四、政府信息公开行政复议、行政诉讼情况");
        var t = doc.Blocks[1].Should().BeOfType<TableBlock>().Subject;
        Grid(t).Should().BeEquivalentTo(new[] { new[] { "行政复议", "行政诉讼" }, new[] { "3", "4" } }, o => o.WithStrictOrdering());
        t.Rows[1].Cells[0].Location.Table.Should().Be(1);
    }

    [Fact]
    public void A_data_table_with_a_nested_table_keeps_its_grid_and_emits_the_inner_table_after_it()
    {
        var doc = Read("""
            <table>
            <tr><td>信息内容</td><td>本年制发件数</td></tr>
            <tr><td>规章</td><td>5</td></tr>
            <tr><td>附表</td><td><table><tr><td>甲</td><td>7</td></tr></table></td></tr>
            </table>
            """, out _);
        var tables = doc.Blocks.OfType<TableBlock>().ToList();
        tables.Should().HaveCount(2);
        Grid(tables[0]).Should().BeEquivalentTo(new[] { new[] { "信息内容", "本年制发件数" }, new[] { "规章", "5" }, new[] { "附表", "" } }, o => o.WithStrictOrdering());
        Grid(tables[1]).Should().BeEquivalentTo(new[] { new[] { "甲", "7" } }, o => o.WithStrictOrdering());
        tables[1].Rows[0].Cells[1].Location.Table.Should().Be(2);
    }

    [Fact]
    public void Gbk_page_declaring_its_charset_is_decoded_by_the_declaration()
    {
        var html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\"></head><body><p>一、总体情况</p><table><tr><td>社会公益组织</td><td>7</td></tr></table></body></html>";
        var doc = ReadBytes(TextDecoder.Gb18030.GetBytes(html), out var bag);
        doc.Format.Should().Be(SourceFormat.Html);
        doc.Blocks.OfType<ParagraphBlock>().Single().Text.Should().Be("一、总体情况");
        Grid(doc.Blocks.OfType<TableBlock>().Single())[0].Should().Equal("社会公益组织", "7");
        bag.Items.Should().Contain(d => d.Code == DiagnosticCode.DeclaredEncoding);
    }

    [Fact]
    public void Html_fragment_without_html_or_body_is_detected_and_read()
    {
        var fragment = "<p align=\"center\"><strong>2019年某某政府信息公开工作年度报告</strong></p>\t<p>发布日期：2020-01-31</p><p><br />四、政府信息公开行政复议、行政诉讼情况</p><table border=\"1\"><tbody><tr><td><p align=\"center\">&nbsp;</p></td><td>5</td></tr></tbody></table>";
        var doc = ReadBytes(Encoding.UTF8.GetBytes(fragment), out _);
        doc.Format.Should().Be(SourceFormat.Html);
        doc.Blocks.OfType<ParagraphBlock>().Select(p => p.Text).Should().Equal("2019年某某政府信息公开工作年度报告", "发布日期：2020-01-31", "四、政府信息公开行政复议、行政诉讼情况");
        Grid(doc.Blocks.OfType<TableBlock>().Single())[0].Should().Equal("", "5");
    }

    [Fact]
    public void Text_file_holding_html_is_read_as_html()
    {
        FormatDetector.Detect(Encoding.UTF8.GetBytes("<div class=\"TRS_Editor\"><p>一、总体情况</p><table><tr><td>1</td></tr></table></div>"), null, "report.txt")
            .Should().Be(SourceFormat.Html);
        FormatDetector.Detect(Encoding.UTF8.GetBytes("一、总体情况\n规章\t1\t2\t3\n"), null, "report.html").Should().Be(SourceFormat.Text);
    }

    [Fact]
    public void Deeply_nested_page_does_not_overflow_the_stack()
    {
        const int depth = 10_000;
        var sb = new StringBuilder();
        for (int i = 0; i < depth; i++) sb.Append(i % 2 == 0 ? "<div>" : "<span>");
        sb.Append("一、总体情况");
        var doc = Read(sb.ToString(), out _);
        doc.Blocks.OfType<ParagraphBlock>().Select(p => p.Text).Should().Contain("一、总体情况");
    }

    [Fact]
    public void Deeply_nested_tables_do_not_overflow_the_stack()
    {
        const int depth = 2_000;
        var sb = new StringBuilder();
        for (int i = 0; i < depth; i++) sb.Append("<table><tr><td>");
        sb.Append("<table><tr><td>规章</td><td>5</td></tr></table>");
        var doc = Read(sb.ToString(), out _);
        // The parser may stop nesting tables at some depth; the text must survive either way.
        var texts = doc.Blocks.SelectMany(b => b is TableBlock t ? t.Rows.SelectMany(r => r.Cells).Select(c => c.Text) : new[] { ((ParagraphBlock)b).Text });
        texts.Should().Contain("规章").And.Contain("5");
    }

    [Fact]
    public void Page_over_the_size_limit_is_not_parsed()
    {
        var bag = new DiagnosticBag();
        var options = ReportParserOptions.Default with { MaxInputBytes = 100 };
        var doc = InputReader.Read(ReportSource.FromHtml("<p>" + new string('甲', 200) + "</p>"), options, bag);
        doc.Blocks.Should().BeEmpty();
        bag.Items.Should().Contain(d => d.Code == DiagnosticCode.LimitExceeded && d.Severity == Severity.Error);
    }

    [Fact]
    public void Paragraph_spans_point_at_the_element()
    {
        var doc = Read("<html><body>\n<div>\n  <p>一、总体情况</p>\n</div></body></html>", out _);
        var p = doc.Blocks.OfType<ParagraphBlock>().Single();
        p.Location.Line.Should().Be(3);
        p.Location.Column.Should().Be(3);
    }
    [Fact]
    public void A_long_rowspan_over_many_rows_is_expanded()
    {
        const int rows = 5_000;
        var sb = new StringBuilder("<table>");
        for (int i = 0; i < rows; i++)
        {
            sb.Append(i == 0 ? $"<tr><td rowspan=\"{rows}\">三、本年度办理结果</td><td>x{i}</td><td>{i}</td></tr>" : $"<tr><td>x{i}</td><td>{i}</td></tr>");
        }
        sb.Append("</table>");
        var t = Read(sb.ToString(), out _).Blocks.OfType<TableBlock>().Single();
        t.Rows.Should().HaveCount(rows);
        t.Rows[^1].Cells.Select(c => c.Text).Should().Equal("", $"x{rows - 1}", $"{rows - 1}");
        t.Rows[^1].Cells[2].Location.GridColumn.Should().Be(3);
    }
    [Fact]
    public void A_caption_becomes_a_paragraph_before_its_table()
    {
        var doc = Read("<table><caption>三、收到和<b>处理</b>政府信息公开申请情况</caption><tr><td>自然人</td><td>总计</td></tr></table>", out _);
        doc.Blocks[0].Should().BeOfType<ParagraphBlock>().Which.Text.Should().Be("三、收到和处理政府信息公开申请情况");
        Grid(doc.Blocks[1].Should().BeOfType<TableBlock>().Subject)[0].Should().Equal("自然人", "总计");
    }
}
