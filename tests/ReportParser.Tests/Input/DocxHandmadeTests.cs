using ReportParser.Diagnostics;
using ReportParser.Input;
using ReportParser.Input.Office;

namespace ReportParser.Tests.Input;

/// <summary>
/// The hand-made WordprocessingML packages of corpus/docx (tools/fixtures/make_docx_fixtures.py): each
/// writes the report of corpus/pdf/qingshan-transport-2021.txt with one family of Word/WPS features and
/// must give exactly the values of that text twin.
/// </summary>
public class DocxHandmadeTests
{
    private const string Stem = "qingshan-transport-2021";

    public static TheoryData<string> Variants() => new() { "numbering", "merged", "nested", "textbox", "revisions" };

    private static string Fixture(string variant) => Path.Combine(Paths.Corpus, "docx", $"{Stem}-{variant}.docx");

    private static DocumentBlocks Blocks(string variant, out DiagnosticBag bag)
    {
        bag = new DiagnosticBag();
        return InputReader.Read(ReportSource.FromFile(Fixture(variant)), ReportParserOptions.Default, bag);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Variant_gives_the_values_of_its_text_twin(string variant)
    {
        var d = Report.ParseFile(Fixture(variant));
        var t = Report.ParseFile(Path.Combine(Paths.Corpus, "pdf", Stem + ".txt"));
        d.Report.Metadata.Should().Be(t.Report.Metadata);
        d.Report.Sections.Select(s => (s.Kind, s.Heading)).Should().Equal(t.Report.Sections.Select(s => (s.Kind, s.Heading)));
        var mine = new ReportTable?[] { d.Report.ProactiveDisclosure, d.Report.Requests, d.Report.ReviewLitigation };
        var theirs = new ReportTable?[] { t.Report.ProactiveDisclosure, t.Report.Requests, t.Report.ReviewLitigation };
        int stated = 0;
        for (int i = 0; i < 3; i++)
        {
            mine[i].Should().NotBeNull();
            var a = mine[i]!.Cells.ToList();
            var b = theirs[i]!.Cells.ToList();
            a.Select(c => c.Key).Should().Equal(b.Select(c => c.Key));
            for (int k = 0; k < a.Count; k++) a[k].Value.Should().Be(b[k].Value, a[k].Key);
            stated += a.Count(c => c.IsStated);
        }
        stated.Should().BeGreaterThan(100);
        d.Diagnostics.Select(x => x.Code).Should().Equal(t.Diagnostics.Select(x => x.Code));
    }

    [Fact]
    public void Numbering_only_headings_are_rendered_as_the_text_word_shows()
    {
        var blocks = Blocks("numbering", out _);
        var paragraphs = blocks.Blocks.OfType<ParagraphBlock>().Select(p => p.Text).ToList();
        paragraphs.Should().Contain("一、总体情况").And.Contain("（一）主动公开情况").And.Contain("（四）平台建设和监督保障")
            .And.Contain("五、存在的主要问题及改进情况").And.Contain("六、其他需要报告的事项");
        // The second level restarts under 五.
        paragraphs.IndexOf("（一）存在的主要问题").Should().BeGreaterThan(paragraphs.IndexOf("五、存在的主要问题及改进情况"));
        var requests = blocks.Blocks.OfType<TableBlock>().ElementAt(1);
        var labels = requests.Rows.SelectMany(r => r.Cells).Select(c => c.Text).ToList();
        labels.Should().Contain("四、结转下年度继续办理").And.Contain("（七）总计");
        // Each group of 1. … labels restarts (startOverride on its own list instance).
        labels.Count(l => l.StartsWith("1.", StringComparison.Ordinal)).Should().Be(4);
        labels.Should().Contain("8.属于行政查询事项").And.Contain("3.其他");
    }

    [Fact]
    public void Merged_cells_leave_the_positions_they_span_empty()
    {
        var blocks = Blocks("merged", out _);
        var tables = blocks.Blocks.OfType<TableBlock>().ToList();
        tables.Should().HaveCount(3);
        var review = tables[2];
        review.Rows[0].Cells.Select(c => c.Text).Should().Equal("行政复议", "", "", "", "", "行政诉讼", "", "", "", "", "", "", "", "", "");
        var requests = tables[1];
        var row = requests.Rows.First(r => r.Cells[1].Text == "（二）部分公开（区分处理的，只计这一情形，不计其他情形）");
        row.Cells[0].Text.Should().BeEmpty(); // under 三、本年度办理结果 (vMerge continue)
        row.Cells.Should().HaveCount(requests.Rows[0].Cells.Count);
        row.Cells[3].Location.GridColumn.Should().Be(4);
        row.Cells[3].Location.Table.Should().Be(2);
    }

    [Fact]
    public void Tables_in_frames_are_read_as_tables_and_the_frames_as_flow()
    {
        var blocks = Blocks("nested", out _);
        blocks.Blocks.OfType<TableBlock>().Should().HaveCount(3);
        blocks.Blocks.OfType<ParagraphBlock>().Select(p => p.Text).Should().Contain("三、收到和处理政府信息公开申请情况");
    }

    [Fact]
    public void A_text_box_is_read_once_from_one_branch()
    {
        var blocks = Blocks("textbox", out _);
        blocks.Blocks.OfType<TableBlock>().Should().HaveCount(3, "the Choice and the Fallback hold the same table");
        blocks.Blocks.OfType<TableBlock>().Last().Rows[0].Cells[0].Text.Should().Be("行政复议");
    }

    [Fact]
    public void Revisions_keep_insertions_and_field_results_and_drop_deletions_instructions_and_hidden_text()
    {
        var blocks = Blocks("revisions", out _);
        var text = string.Join("\n", blocks.Blocks.Select(b => b switch
        {
            ParagraphBlock p => p.Text,
            TableBlock t => string.Join("\n", t.Rows.Select(r => r.RawText)),
            _ => "",
        }));
        text.Should().Contain("（一）主动公开情况").And.NotContain("旧标题");
        text.Should().Contain("2022年1月20日").And.NotContain("DATE");
        text.Should().NotContain("内部备注");
        text.Should().Contain("申请人情况");
        var proactive = blocks.Blocks.OfType<TableBlock>().First();
        proactive.Rows.Should().Contain(r => r.Cells[0].Text == "行政许可" && r.Cells[1].Text == "4881");
        proactive.Rows.Should().Contain(r => r.Cells[1].Text == "37.4520");
    }

    [Fact]
    public void Locations_are_paragraph_indexes_and_grid_positions()
    {
        var blocks = Blocks("merged", out _);
        var paragraphs = blocks.Blocks.OfType<ParagraphBlock>().ToList();
        paragraphs[0].Location.Line.Should().Be(1);
        paragraphs.Select(p => p.Location.Line).Should().BeInAscendingOrder();
        var first = blocks.Blocks.OfType<TableBlock>().First();
        first.Rows[0].Location.Table.Should().Be(1);
        first.Rows[1].Cells[2].Location.GridRow.Should().Be(2);
        first.Rows[1].Cells[2].Location.GridColumn.Should().Be(3);
        first.Location.Line.Should().BeGreaterThan(paragraphs.First(p => p.Text.StartsWith("二、", StringComparison.Ordinal)).Location.Line);
    }

    [Fact]
    public void Core_properties_are_metadata_under_their_own_keys()
    {
        var blocks = Blocks("merged", out _);
        blocks.Metadata[DocxInput.CoreTitle].Should().Be("交通运输局2021年度报告（定稿）");
        blocks.Metadata[DocxInput.CoreCreated].Should().Be("2022-01-10T08:30:00Z");
        blocks.Metadata[DocxInput.CoreModified].Should().Be("2022-01-19T10:00:00Z");
        // They are not the publication date: that comes from the report's own closing date.
        Report.ParseFile(Fixture("merged")).Report.Metadata.PublishedOn.Should().Be(new DateOnly(2022, 1, 20));
    }
}
