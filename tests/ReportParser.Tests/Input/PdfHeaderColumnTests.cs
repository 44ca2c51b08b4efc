using ReportParser.Diagnostics;
using ReportParser.Input;
using ReportParser.Input.Pdf;

namespace ReportParser.Tests.Input;

/// <summary>
/// A table without ruling lines whose publisher leaves zeros blank: each figure goes to the column whose header it
/// stands under, never packed to the left; a figure between two headers goes into no column and is reported.
/// </summary>
public class PdfHeaderColumnTests
{
    private const double Size = 9;

    private static TextPiece P(string text, double left, double baseline, double width = 0)
        => new(text, new Rect(left, baseline, left + (width > 0 ? width : text.Length * Size), baseline + Size), baseline, Size);

    private static TextLine L(params TextPiece[] pieces) => new(pieces.ToList());

    /// <summary>Header words at x 350 (自然人), 380, 410, 440, 470, 500 (其他) and 530 (总计), each 18 wide; rows 22 apart.</summary>
    private static List<TextLine> Header(double top)
    {
        string[] first = { "自然", "商业", "科研", "社会", "法律", "其", "总" };
        string[] second = { "人", "企业", "机构", "公益", "服务", "他", "计" };
        var upper = first.Select((t, k) => P(t, 350 + 30 * k, top, 18)).ToList();
        var lower = second.Select((t, k) => P(t, 350 + 30 * k, top - 12, 18)).ToList();
        upper.Insert(0, P("申请人情况", 100, top, 60));
        return new List<TextLine> { L(upper.ToArray()), L(lower.ToArray()) };
    }

    private static List<List<PageCell>> Read(List<TextLine> lines, out List<TextLine> rest, out List<UnplacedValue> unplaced)
    {
        var items = new List<PageItem>();
        unplaced = new List<UnplacedValue>();
        rest = HeaderColumnTable.Extract(lines, items, unplaced, new CarriedHeader());
        return items.Should().ContainSingle().Which.Table!.Rows;
    }

    [Fact]
    public void Two_figures_for_seven_columns_go_under_their_headers()
    {
        var lines = Header(700);
        lines.Add(L(P("一、本年新收", 100, 660), P("46", 354, 660, 10), P("14", 384, 660, 10), P("60", 534, 660, 10)));
        lines.Add(L(P("二、上年结转", 100, 638), P("9", 357, 638, 5), P("9", 537, 638, 5)));
        lines.Add(L(P("3.危及三安全", 100, 616)));
        lines.Add(L(P("（七）总计", 100, 594), P("55", 354, 594, 10), P("69", 534, 594, 10)));
        var rows = Read(lines, out var rest, out var unplaced);

        rest.Should().BeEmpty();
        unplaced.Should().BeEmpty();
        rows.Select(r => r.Count).Should().AllBeEquivalentTo(8);
        rows[0].Skip(1).Select(c => c.Text).Should().Equal("自然人", "商业企业", "科研机构", "社会公益", "法律服务", "其他", "总计");
        rows[1].Select(c => c.Text).Should().Equal("一、本年新收", "46", "14", "", "", "", "", "60");
        rows[2].Select(c => c.Text).Should().Equal("二、上年结转", "9", "", "", "", "", "", "9");
        rows[3].Select(c => c.Text).Should().Equal("3.危及三安全", "", "", "", "", "", "", "");
        rows[4].Select(c => c.Text).Should().Equal("（七）总计", "55", "", "", "", "", "", "69");
    }

    [Fact]
    public void A_figure_between_two_headers_is_read_into_neither()
    {
        var lines = Header(700);
        lines.Add(L(P("一、本年新收", 100, 660), P("46", 354, 660, 10), P("60", 534, 660, 10)));
        // Centred at x 469: between 社会公益 (440–458) and 法律服务 (470–488) after the thirds of the gap are given to each.
        lines.Add(L(P("二、上年结转", 100, 638), P("9", 354, 638, 5), P("7", 462, 638, 4), P("16", 534, 638, 10)));
        var rows = Read(lines, out _, out var unplaced);

        rows[2].Select(c => c.Text).Should().Equal("二、上年结转", "9", "", "", "", "", "", "16");
        unplaced.Should().ContainSingle().Which.Should().Match<UnplacedValue>(u => u.Text == "7" && u.Left == "社会公益" && u.Right == "法律服务");
    }

    [Fact]
    public void A_table_whose_rows_fill_every_column_is_left_to_the_stream_reader()
    {
        var lines = Header(700);
        for (int r = 0; r < 2; r++)
        {
            var pieces = new List<TextPiece> { P("行" + r, 100, 660 - 22 * r) };
            for (int k = 0; k < 7; k++) pieces.Add(P((k + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), 356 + 30 * k, 660 - 22 * r, 5));
            lines.Add(L(pieces.ToArray()));
        }
        var items = new List<PageItem>();
        var rest = HeaderColumnTable.Extract(lines, items, new List<UnplacedValue>(), new CarriedHeader());
        items.Should().BeEmpty();
        rest.Should().HaveCount(lines.Count);
    }

    [Fact]
    public void A_table_going_on_at_the_top_of_the_next_page_keeps_the_columns()
    {
        var carried = new CarriedHeader();
        var first = Header(700);
        first.Add(L(P("一、本年新收", 100, 660), P("46", 354, 660, 10), P("60", 534, 660, 10)));
        first.Add(L(P("二、上年结转", 100, 638), P("9", 357, 638, 5), P("9", 537, 638, 5)));
        HeaderColumnTable.Extract(first, new List<PageItem>(), new List<UnplacedValue>(), carried);
        carried.Columns.Should().HaveCount(7);

        var next = new List<TextLine> { L(P("8.属于行政查询事项", 100, 760)), L(P("（七）总计", 100, 738), P("55", 354, 738, 10), P("3", 476, 738, 5), P("69", 534, 738, 10)) };
        var items = new List<PageItem>();
        HeaderColumnTable.Extract(next, items, new List<UnplacedValue>(), carried);
        var rows = items.Should().ContainSingle().Which.Table!.Rows;
        rows.Should().HaveCount(2);
        rows[0].Select(c => c.Text).Should().Equal("8.属于行政查询事项", "", "", "", "", "", "", "");
        rows[1].Select(c => c.Text).Should().Equal("（七）总计", "55", "", "", "", "3", "", "69");
    }

    [Fact]
    public void The_sparse_fixture_reports_no_value_between_columns_and_matches_its_twin()
    {
        var dir = Path.Combine(Paths.Corpus, "pdf");
        var pdf = Report.ParseFile(Path.Combine(dir, "songlin-market-2021-sparse-chromium.pdf"));
        pdf.Diagnostics.Should().NotContain(d => d.Code == DiagnosticCode.ValueBetweenColumns);
        var total = pdf.Report.Tables.SelectMany(t => t.Cells).Where(c => c.Key.StartsWith("Requests.CarriedOver.", StringComparison.Ordinal)).ToList();
        total.Single(c => c.Key.EndsWith(".NaturalPerson", StringComparison.Ordinal)).Value.Should().Be(9);
        total.Single(c => c.Key.EndsWith(".Total", StringComparison.Ordinal)).Value.Should().Be(9);
        total.Where(c => !c.Key.EndsWith(".NaturalPerson", StringComparison.Ordinal) && !c.Key.EndsWith(".Total", StringComparison.Ordinal)).Should().OnlyContain(c => c.Value == null);
    }
}
