using ReportParser.Diagnostics;
using ReportParser.Input;
using ReportParser.Tables;

namespace ReportParser.Tests.Tables;

public class TableReaderTests
{
    private static List<GridRow> Rows(params string[] lines)
        => lines.Select((l, i) => TextInput.ReadRow(l, i + 1)).ToList();

    private const string H1 = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t\t申请人情况\t\t\t\t\t\t总计";
    private const string H2 = "\t\t自然人\t法人或其他组织\t\t\t\t\t";
    private const string H3 = "\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t";

    [Fact]
    public void Requests_rows_are_read_by_header_position()
    {
        var bag = new DiagnosticBag();
        var t = (RequestsTable)RequestsReader.Read(Rows(H1, H2, H3,
            "一、本年新收政府信息公开申请数量\t\t5\t1\t0\t0\t2\t0\t8",
            "三、本年度办理结果\t（一）予以公开\t3\t1\t0\t0\t\t0\t4"), ReportTemplate.V2021, new SourceLocation(1, 1), bag);
        t.NewRequests.NaturalPerson.Should().Be(5);
        t.NewRequests.LegalService.Should().Be(2);
        t.NewRequests.Total.Should().Be(8);
        t.Granted.LegalService.Should().BeNull("a blank cell is not stated, never 0");
        t.Granted.Total.Should().Be(4);
        t["Granted", "OtherOrg"]!.Location.Column.Should().Be(28);
        bag.Items.Where(d => d.Code == DiagnosticCode.FewerValues).Should().ContainSingle().Which.Location.Line.Should().Be(5);
    }

    [Fact]
    public void A_shifted_row_is_read_in_sequence_and_six_values_leave_total_not_stated()
    {
        var bag = new DiagnosticBag();
        var t = (RequestsTable)RequestsReader.Read(Rows(H1, H2, H3,
            "\t（三）不予公开\t1.属于国家秘密\t1\t2\t3\t4\t5\t6",
            "\t\t2.其他法律行政法规禁止公开\t1\t0\t0\t0\t0\t0\t1",
            "四、结转下年度继续办理\t\t\t7\t0\t0\t0\t0\t0\t7"), ReportTemplate.V2021, new SourceLocation(1, 1), bag);
        t.DeniedStateSecret.NaturalPerson.Should().Be(1);
        t.DeniedStateSecret.OtherOrg.Should().Be(6);
        t.DeniedStateSecret.Total.Should().BeNull();
        t.DeniedProhibitedByLaw.Total.Should().Be(1);
        t.CarriedForward.NaturalPerson.Should().Be(7, "seven values shifted one cell right are read in sequence");
        t.CarriedForward.Total.Should().Be(7);
        bag.Items.Should().Contain(d => d.Code == DiagnosticCode.FewerValues && d.Location.Line == 4 && d.Message.Contains("总计"));
    }

    [Fact]
    public void Misspelled_and_misnumbered_rows_are_recognised_with_warnings()
    {
        var bag = new DiagnosticBag();
        var t = (RequestsTable)RequestsReader.Read(Rows(H1, H2, H3,
            "\t（一）部分公开\t\t1\t0\t0\t0\t0\t0\t1",
            "\t（三）不予公开\t3.危及“安全一稳定”\t2\t0\t0\t0\t0\t0\t2",
            "\t\t6.属于4类过程性信息\t3\t0\t0\t0\t0\t0\t3"), ReportTemplate.V2021, new SourceLocation(1, 1), bag);
        t.PartiallyGranted.Total.Should().Be(1);
        t.DeniedEndangers.Total.Should().Be(2);
        t.DeniedProcessInformation.Total.Should().Be(3, "4类 reads as 四类");
        bag.Items.Select(d => (d.Code, d.Location.Line)).Should().Contain(new[]
        {
            (DiagnosticCode.EnumeratorMismatch, 4), (DiagnosticCode.RowLabelVariant, 5),
        });
        bag.Items.Should().NotContain(d => d.Location.Line == 6 && d.Code == DiagnosticCode.RowLabelVariant);
    }

    [Fact]
    public void Unknown_and_duplicated_rows_are_reported_and_missing_rows_are_not_stated()
    {
        var bag = new DiagnosticBag();
        var t = (RequestsTable)RequestsReader.Read(Rows(H1, H2, H3,
            "一、本年新收政府信息公开申请数量\t\t1\t0\t0\t0\t0\t0\t1",
            "一、本年新收政府信息公开申请数量\t\t9\t0\t0\t0\t0\t0\t9",
            "五、本年度收到的表扬信\t\t1\t0\t0\t0\t0\t0\t1"), ReportTemplate.V2021, new SourceLocation(1, 1), bag);
        t.NewRequests.Total.Should().Be(1, "the first occurrence is kept");
        t.Total.Total.Should().BeNull();
        t.Total.Row!.Label.Should().BeNull();
        bag.Items.Select(d => (d.Code, d.Location.Line)).Should().Contain(new[] { (DiagnosticCode.DuplicateRow, 5), (DiagnosticCode.UnknownRow, 6) });
        bag.Items.Count(d => d.Code == DiagnosticCode.MissingRow).Should().Be(24);
    }

    [Fact]
    public void Inside_a_group_the_enumerator_identifies_a_garbled_label()
    {
        var bag = new DiagnosticBag();
        var t = (RequestsTable)RequestsReader.Read(Rows(H1, H2, H3,
            "\t（三）不予公开\t1.属于国家秘密\t1\t0\t0\t0\t0\t0\t1",
            "\t\t2.其他法律行政止公开\t2\t0\t0\t0\t0\t0\t2",
            "\t\t3.完全无关的文字内容\t3\t0\t0\t0\t0\t0\t3"), ReportTemplate.V2021, new SourceLocation(1, 1), bag);
        t.DeniedProhibitedByLaw.Total.Should().Be(2);
        t.DeniedEndangers.Total.Should().BeNull("a label sharing nothing with the template's is not guessed from its number");
        bag.Items.Should().Contain(d => d.Code == DiagnosticCode.RowLabelVariant && d.Location.Line == 5);
        bag.Items.Should().Contain(d => d.Code == DiagnosticCode.UnknownRow && d.Location.Line == 6);
    }

    [Fact]
    public void A_label_broken_over_two_lines_is_joined()
    {
        var bag = new DiagnosticBag();
        var t = (RequestsTable)RequestsReader.Read(Rows(H1, H2, H3,
            "\t（三）不予公开\t3.危及“三安全",
            "一稳定”\t\t5\t0\t0\t0\t0\t0\t5"), ReportTemplate.V2021, new SourceLocation(1, 1), bag);
        t.DeniedEndangers.NaturalPerson.Should().Be(5);
        t.DeniedEndangers.Total.Should().Be(5);
        bag.Items.Should().NotContain(d => d.Code == DiagnosticCode.UnknownRow || d.Code == DiagnosticCode.RowLabelVariant);
    }

    [Fact]
    public void A_row_whose_cells_are_all_blank_is_the_row_with_nothing_stated()
    {
        var bag = new DiagnosticBag();
        var t = (RequestsTable)RequestsReader.Read(Rows(H1, H2, H3,
            "一、本年新收政府信息公开申请数量\t\t2\t0\t0\t0\t0\t0\t2",
            "二、上年结转政府信息公开申请数量\t\t\t\t\t\t\t\t",
            "三、本年度办理结果\t（一）予以公开\t2\t0\t0\t0\t0\t0\t2"), ReportTemplate.V2021, new SourceLocation(1, 1), bag);
        t.CarriedOver.Row!.Label.Should().NotBeNull("the row is printed, only its cells are blank");
        t.CarriedOver.NaturalPerson.Should().BeNull();
        t.Granted.Total.Should().Be(2);
        bag.Items.Should().Contain(d => d.Code == DiagnosticCode.FewerValues && d.Location.Line == 5);
        bag.Items.Should().NotContain(d => d.Code == DiagnosticCode.MissingRow && d.Message.Contains("CarriedOver"));
    }

    [Fact]
    public void A_2021_report_printing_the_single_other_row_keeps_it_under_Other()
    {
        var bag = new DiagnosticBag();
        var t = (RequestsTable)RequestsReader.Read(Rows(H1, H2, H3, "\t（六）其他处理\t\t4\t0\t0\t0\t0\t0\t4"), ReportTemplate.V2021, new SourceLocation(1, 1), bag);
        t.Other.Total.Should().Be(4);
        bag.Items.Should().Contain(d => d.Code == DiagnosticCode.SingleOtherRow && d.Location.Line == 4);
    }

    [Fact]
    public void Proactive_2021_reads_columns_in_template_order_and_flags_misplaced_rows()
    {
        var bag = new DiagnosticBag();
        var t = (ProactiveDisclosureTable)ProactiveDisclosureReader.Read(Rows(
            "第二十条第（一）项\t\t\t",
            "信息内容\t本年制发件数\t本年制发件数\t现行有效件数",
            "规章\t2\t1\t5",
            "第二十条第（六）项\t\t\t",
            "信息内容\t本年处理决定数量\t\t",
            "行政许可\t4\t\t",
            "行政处罚\t—\t\t",
            "第二十条第（八）项\t\t\t",
            "信息内容\t本年收费金额（单位：万元，保留4位小数）\t\t",
            "行政事业性收费\t1.2500\t\t"), ReportTemplate.V2021, new SourceLocation(1, 1), bag);
        t.RegulationsIssued.Should().Be(2);
        t.RegulationsRepealed.Should().Be(1);
        t.RegulationsInForce.Should().Be(5);
        t.LicensingDecisions.Should().BeNull();
        t.PenaltiesDecisions.Should().BeNull();
        t["Penalties", "Decisions"]!.Raw.Should().Be("—");
        t.FeesAmountTenThousandYuan.Should().Be(1.25m);
        bag.Items.Select(d => (d.Code, d.Location.Line)).Should().Contain(new[]
        {
            (DiagnosticCode.DuplicateHeader, 2), (DiagnosticCode.RowInWrongBlock, 6), (DiagnosticCode.Placeholder, 7),
        });
    }

    [Fact]
    public void Rows_under_a_block_line_that_is_not_printed_are_read_as_that_blocks_rows()
    {
        var bag = new DiagnosticBag();
        var t = (ProactiveDisclosureTable)ProactiveDisclosureReader.Read(Rows(
            "第二十条第（五）项\t\t\t",
            "信息内容\t本年处理决定数量\t\t",
            "行政许可\t386\t\t",
            "信息内容\t本年处理决定数量\t\t",
            "行政处罚\t108\t\t",
            "行政强制\t\t\t",
            "第二十条第（八）项\t\t\t",
            "信息内容\t本年收费金额（单位：万元）\t\t",
            "行政事业性收费\t0\t\t"), ReportTemplate.V2021, new SourceLocation(1, 1), bag);
        t.LicensingDecisions.Should().Be(386);
        t.PenaltiesDecisions.Should().Be(108);
        t.EnforcementDecisions.Should().BeNull("its cells are blank");
        t.Rows.Single(r => r.Key == "Enforcement").Location.Line.Should().Be(6, "the row is printed, only its cells are blank");
        bag.Items.Where(d => d.Code == DiagnosticCode.RowInWrongBlock).Select(d => d.Location.Line).Should().Equal(5, 6);
        bag.Items.Should().NotContain(d => d.Code == DiagnosticCode.MissingRow && (d.Message.Contains("Penalties") || d.Message.Contains("Enforcement")));
    }

    [Fact]
    public void A_table_three_printed_with_no_values_keeps_its_rows_with_nothing_stated()
    {
        var bag = new DiagnosticBag();
        var t = (RequestsTable)RequestsReader.Read(Rows(H1, H2, H3,
            "一、本年新收政府信息公开申请数量\t\t\t\t\t\t\t\t",
            "二、上年结转政府信息公开申请数量\t\t\t\t\t\t\t\t",
            "三、本年度办理结果\t（一）予以公开\t\t\t\t\t\t\t\t",
            "\t（七）总计\t\t\t\t\t\t\t\t",
            "四、结转下年度继续办理\t\t\t\t\t\t\t\t\t"), ReportTemplate.V2021, new SourceLocation(1, 1), bag);
        t.NewRequests.Row!.Label.Should().NotBeNull();
        t.Total.Row!.Label.Should().NotBeNull();
        t.Rows.SelectMany(r => r.Cells).Should().OnlyContain(c => c.Value == null);
        bag.Items.Should().NotContain(d => d.Code == DiagnosticCode.MissingTable);
        bag.Items.Where(d => d.Code == DiagnosticCode.FewerValues).Select(d => d.Location.Line).Should().Equal(4, 5, 6, 7, 8);
    }

    [Fact]
    public void A_table_four_header_with_no_values_under_it_is_the_row_with_nothing_stated()
    {
        var bag = new DiagnosticBag();
        var t = (ReviewLitigationTable)ReviewLitigationReader.Read(Rows(
            "行政复议\t\t\t\t\t行政诉讼\t\t\t\t\t\t\t\t\t",
            "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t",
            "\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计"),
            ReportTemplate.V2021, new SourceLocation(1, 1), bag);
        t.Rows.Should().ContainSingle().Which.Cells.Should().HaveCount(15).And.OnlyContain(c => c.Value == null);
        bag.Items.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCode.FewerValues);
    }

    [Fact]
    public void A_table_four_without_its_header_or_values_is_missing()
    {
        var bag = new DiagnosticBag();
        ReviewLitigationReader.Read(Rows("行政复议\t行政诉讼"), ReportTemplate.V2021, new SourceLocation(1, 1), bag);
        bag.Items.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCode.MissingTable);
    }

    [Fact]
    public void Review_litigation_maps_fifteen_columns_and_flags_extra_values()
    {
        var bag = new DiagnosticBag();
        var t = (ReviewLitigationTable)ReviewLitigationReader.Read(Rows(
            "行政复议\t\t\t\t\t行政诉讼\t\t\t\t\t\t\t\t\t",
            "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t",
            "\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计",
            "1\t2\t3\t4\t10\t5\t6\t7\t8\t26\t9\t11\t12\t13\t45\t99"), ReportTemplate.V2021, new SourceLocation(1, 1), bag);
        t.Review.Upheld.Should().Be(1);
        t.Review.Total.Should().Be(10);
        t.LitigationDirect.Pending.Should().Be(8);
        t.LitigationAfterReview.Upheld.Should().Be(9);
        t.LitigationAfterReview.Total.Should().Be(45);
        bag.Items.Should().ContainSingle(d => d.Code == DiagnosticCode.MoreValues).Which.Message.Should().Contain("99");
    }
}
