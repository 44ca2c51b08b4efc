using ReportParser.Diagnostics;
using ReportParser.Input;
using ReportParser.Sections;

namespace ReportParser.Tests.Sections;

public class HeadingGrammarTests
{
    [Theory]
    [InlineData("一、总体情况", 1, "总体情况")]
    [InlineData("二. 主动公开政府信息情况", 2, "主动公开政府信息情况")]
    [InlineData("三，收到和处理政府信息公开申请情况", 3, "收到和处理政府信息公开申请情况")]
    [InlineData("四． 政府信息公开行政复议、行政诉讼情况", 4, "政府信息公开行政复议、行政诉讼情况")]
    [InlineData("\u3000五 存在的主要问题及改进情况", 5, "存在的主要问题及改进情况")]
    [InlineData("十二、附件", 12, "附件")]
    public void Parses_numbered_headings(string line, int number, string title)
    {
        HeadingGrammar.TryParse(line, out var h).Should().BeTrue();
        h!.Number.Should().Be(number);
        h.Title.Should().Be(title);
    }

    [Theory]
    [InlineData("（一）深入学习理论知识")]
    [InlineData("一是受人员编制所限")]
    [InlineData("2021年政务信息公开工作年度报告")]
    [InlineData("")]
    public void Rejects_lines_that_are_not_top_level_headings(string line)
        => HeadingGrammar.TryParse(line, out _).Should().BeFalse();

    [Theory]
    [InlineData("一", 1)]
    [InlineData("十", 10)]
    [InlineData("十一", 11)]
    [InlineData("二十", 20)]
    [InlineData("二十三", 23)]
    [InlineData("十十", 0)]
    public void Converts_chinese_numerals(string text, int value) => HeadingGrammar.ToInt(text).Should().Be(value);

    [Theory]
    [InlineData("总体情况", SectionKind.Overview, "Exact")]
    [InlineData("收到和处理政府信用公开申请情况", SectionKind.Requests, "Typo")]
    [InlineData("收到和处理政务信息公开申请情况", SectionKind.Requests, "Exact")]
    [InlineData("因政府信息公开工作被申请行政复议、提起行政诉讼情况", SectionKind.ReviewLitigation, "Variant")]
    [InlineData("政府信息公开工作存在的主要问题及改进情况", SectionKind.Problems, "Variant")]
    [InlineData("存在的主要问题及明年工作计划", SectionKind.Problems, "Variant")]
    [InlineData("其他需要报告的事项", SectionKind.OtherMatters, "Exact")]
    public void Matches_heading_variants(string title, SectionKind kind, string match)
    {
        var (entry, m) = HeadingCatalog.Match(title);
        entry!.Kind.Should().Be(kind);
        m.ToString().Should().Be(match);
    }

    [Fact]
    public void Splitter_keeps_preamble_unknown_sections_and_warns_for_typos()
    {
        var text = "某局2022年政府信息公开工作年度报告\n前言\n一、总体情况\n正文\n二、主动公开政府信息情况\n三、收到和处理政府信用公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n一、加强培训\n六、其他需要报告的事项\n七、附件\n附件内容";
        var bag = new DiagnosticBag();
        var doc = SectionSplitter.Split(TextInput.Read("t", text).Blocks, bag);
        doc.Preamble.Should().HaveCount(2);
        doc.Sections.Select(s => s.Kind).Should().Equal(
            SectionKind.Overview, SectionKind.ProactiveDisclosure, SectionKind.Requests, SectionKind.ReviewLitigation,
            SectionKind.Problems, SectionKind.OtherMatters, SectionKind.Unknown);
        doc.Sections[4].Text.Should().Be("一、加强培训", "a 一、 list item inside section 五 is text, not a section");
        doc.Sections[6].Text.Should().Be("附件内容");
        bag.Items.Select(d => (d.Code, d.Location.Line)).Should().Equal((DiagnosticCode.HeadingTypo, 6), (DiagnosticCode.UnknownHeading, 11));
    }

    [Fact]
    public void Out_of_order_and_duplicated_headings_are_reported()
    {
        var bag = new DiagnosticBag();
        SectionSplitter.Split(TextInput.Read("t", "一、总体情况\n三、主动公开政府信息情况\n三、主动公开政府信息情况").Blocks, bag);
        bag.Items.Select(d => d.Code).Should().Equal(DiagnosticCode.SectionOutOfOrder, DiagnosticCode.SectionOutOfOrder, DiagnosticCode.DuplicateSection);
    }
}
