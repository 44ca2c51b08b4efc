using System.Text;
using ReportParser.Diagnostics;
using ReportParser.Input;

namespace ReportParser.Tests.Input;

public class TextInputTests
{
    [Fact]
    public void Tab_lines_form_one_table_across_a_blank_line()
    {
        var doc = TextInput.Read("t", "标题\n\na\t1\n\nb\t2\n正文\nc\t3");
        doc.Blocks.Select(b => b.GetType().Name).Should().Equal("ParagraphBlock", "TableBlock", "ParagraphBlock", "TableBlock");
        var t = (TableBlock)doc.Blocks[1];
        t.Rows.Select(r => r.Location.Line).Should().Equal(3, 5);
        t.Rows[1].Cells.Select(c => c.Text).Should().Equal("b", "2");
    }

    [Fact]
    public void Cells_keep_line_and_column_of_their_text()
    {
        var row = TextInput.ReadRow("规章\t 12\t\t3", 7);
        row.Cells.Select(c => (c.Text, c.Location.Line, c.Location.Column)).Should().Equal(("规章", 7, 1), ("12", 7, 5), ("", 7, 8), ("3", 7, 9));
    }

    [Theory]
    [InlineData("予以公开\t71 104\t72  120 52\t9", "予以公开|71|104|72|120|52|9")]
    [InlineData("予以公开\t43\u300020\u30009", "予以公开|43|20|9")]
    [InlineData("予以公开\t1 0 0\t5", "予以公开|1|0|0|5")]
    [InlineData("行政许可\t1 000", "行政许可|1 000")]
    [InlineData("行政许可\t12 345\t7", "行政许可|12 345|7")]
    [InlineData("本年新收\t247  262\t226\u3000227\t1421", "本年新收|247|262|226|227|1421")]
    [InlineData("总计\t246  261\t9", "总计|246|261|9")]
    public void Tabs_mixed_with_spaces_separate_cells_unless_the_spaces_group_thousands(string line, string cells)
    {
        var row = TextInput.ReadRow(line, 1);
        string.Join("|", row.Cells.Select(c => c.Text)).Should().Be(cells);
        foreach (var c in row.Cells) line.Substring(c.Location.Column - 1, c.Text.Length).Should().Be(c.Text);
    }

    [Fact]
    public void Markdown_pipe_tables_are_tables_and_separators_are_skipped()
    {
        var doc = TextInput.Read("t", "## 二、主动公开政府信息情况\n| 信息内容 | 本年制发件数 |\n|---|---|\n| 规章 | 3 |\n正文");
        doc.Blocks.Select(b => b.GetType().Name).Should().Equal("ParagraphBlock", "TableBlock", "ParagraphBlock");
        var t = (TableBlock)doc.Blocks[1];
        t.Rows.Should().HaveCount(2);
        t.Rows[1].Cells.Select(c => (c.Text, c.Location.Column)).Should().Equal(("规章", 3), ("3", 8));
    }

    [Fact]
    public void Markdown_headings_are_section_headings()
    {
        var r = Report.ParseText("某局2024年政府信息公开工作年度报告\n## 一、总体情况\n正文\n**二、主动公开政府信息情况**\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n|---|---|---|---|\n| 规章 | 3 | 1 | 9 |");
        r.Report.Sections.Select(s => s.Kind).Should().Equal(SectionKind.Overview, SectionKind.ProactiveDisclosure);
        r.Report.ProactiveDisclosure!.RegulationsIssued.Should().Be(3);
        r.Report.ProactiveDisclosure.RegulationsInForce.Should().Be(9);
    }

    [Theory]
    [InlineData("a\r\nb\r\nc")]
    [InlineData("a\rb\rc")]
    [InlineData("a\nb\nc")]
    public void Splits_every_line_ending(string text) => TextInput.SplitLines(text).Should().Equal("a", "b", "c");

    [Fact]
    public void Decodes_utf8_with_and_without_bom_without_diagnostics()
    {
        var bag = new DiagnosticBag();
        TextDecoder.Decode(Encoding.UTF8.GetBytes("政府信息公开"), bag).Should().Be("政府信息公开");
        TextDecoder.Decode(new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("政府")).ToArray(), bag).Should().Be("政府");
        bag.Items.Should().BeEmpty();
    }

    [Fact]
    public void Decodes_gb18030_with_an_info_diagnostic()
    {
        var bag = new DiagnosticBag();
        TextDecoder.Decode(TextDecoder.Gb18030.GetBytes("收到和处理政府信息公开申请情况"), bag).Should().Be("收到和处理政府信息公开申请情况");
        bag.Items.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCode.EncodingFallback);
    }

    [Fact]
    public void Decodes_utf16_with_bom()
    {
        var bag = new DiagnosticBag();
        var bytes = new byte[] { 0xFF, 0xFE }.Concat(Encoding.Unicode.GetBytes("行政复议")).ToArray();
        TextDecoder.Decode(bytes, bag).Should().Be("行政复议");
        bag.Items.Should().BeEmpty();
    }

    [Theory]
    [InlineData("utf-7")]
    [InlineData("UTF7")]
    [InlineData("no-such-charset")]
    [InlineData("")]
    public void Unusable_declared_charsets_are_ignored(string name) => TextDecoder.ByName(name).Should().BeNull();

    [Fact]
    public void A_page_declaring_utf7_still_parses()
    {
        var html = "<html><head><meta charset=\"utf-7\"></head><body><p>某局2022年政府信息公开工作年度报告</p><p>一、总体情况</p></body></html>";
        var r = Report.Parse(ReportSource.FromBytes(Encoding.UTF8.GetBytes(html), "utf7.html"));
        r.Report.Metadata.Year.Should().Be(2022);
    }

    [Fact]
    public void Binary_input_is_an_error_not_garbage()
    {
        var bag = new DiagnosticBag();
        var bytes = Enumerable.Range(0, 4096).Select(i => (byte)(i * 7 % 32)).ToArray();
        TextDecoder.Decode(bytes, bag).Should().BeNull();
        bag.Items.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCode.BinaryInput);
    }
}
