using ReportParser.Diagnostics;
using ReportParser.Tables;
using ReportParser.Tables.Fused;
using ReportParser.Template;

namespace ReportParser.Tests.Tables;

public class FusedRunTests
{
    private static readonly ValueKind[] Seven = Enumerable.Repeat(ValueKind.Count, 7).ToArray();

    private static List<string> Splits(string run, params ValueKind[] kinds)
        => RunSplitter.Split(run, kinds, 10_000, out _).Select(FusedSolver.Show).ToList();

    [Fact]
    public void Seven_digits_for_seven_cells_split_one_way()
    {
        Splits("6000006", Seven).Should().Equal("(6,0,0,0,0,0,6)");
    }

    [Fact]
    public void A_space_is_always_a_boundary_and_no_count_has_a_leading_zero()
    {
        // '10 0 00 0 1': the pieces 10 | 0 | 00 | 0 | 1 must give seven cells; 00 can only be 0,0 and 10 only 1,0.
        Splits("10 0 00 0 1", Seven).Should().Equal("(1,0,0,0,0,0,1)");
        Splits("3 112", ValueKind.Count, ValueKind.Count, ValueKind.Count).Should().Equal("(3,1,12)", "(3,11,2)");
    }

    [Fact]
    public void Signs_open_only_signed_cells()
    {
        Splits("1-10", ValueKind.Count, ValueKind.SignedCount, ValueKind.Count).Should().Equal("(1,-1,0)");
        Splits("0+11", ValueKind.Count, ValueKind.SignedCount, ValueKind.Count).Should().Equal("(0,1,1)");
        Splits("1-10", ValueKind.Count, ValueKind.Count, ValueKind.Count).Should().BeEmpty();
    }

    [Fact]
    public void Decimals_and_units_stay_in_the_amount_cell()
    {
        Splits("547.9659万元", ValueKind.Count, ValueKind.Amount).Should().Equal("(5,47.9659)", "(54,7.9659)");
        Splits("2笔 984361元", ValueKind.Count, ValueKind.Amount).Should().Equal("(2,984361)");
    }

    [Fact]
    public void Too_few_digits_give_no_split()
    {
        Splits("0 00000", Seven).Should().BeEmpty();
    }

    [Fact]
    public void The_search_stops_at_its_bound()
    {
        var kinds = Enumerable.Repeat(ValueKind.Count, 15).ToArray();
        var result = RunSplitter.Split(new string('1', 60), kinds, 100, out var bounded);
        bounded.Should().BeTrue();
        result.Count.Should().BeLessThanOrEqualTo(100);
    }

    private static FusedRow Row(TableDefinition def, string key, string run, int column = 1)
        => new()
        {
            Def = def.Row(key)!,
            Label = def.Row(key)!.Label,
            Run = run,
            LabelSpan = new SourceLocation(1, column),
            RunSpan = new SourceLocation(1, column + 10),
        };

    [Fact]
    public void Row_total_decides_a_multi_digit_row()
    {
        var bag = new DiagnosticBag();
        var row = Row(TemplateSchema.Requests2021, "NewRequests", "21710000218");
        FusedSolver.Solve(TemplateSchema.Requests, new List<FusedRow> { row }, _ => new HashSet<decimal>(), bag);
        row.Values.Should().Equal(217m, 1m, 0m, 0m, 0m, 0m, 218m);
        bag.Items.Should().ContainSingle(d => d.Code == DiagnosticCode.FusedRunRecovered && d.Severity == Severity.Info);
    }

    [Fact]
    public void Group_totals_decide_a_fused_table_four_run()
    {
        var bag = new DiagnosticBag();
        var row = Row(TemplateSchema.Review, "Cases", "21317000001324019");
        FusedSolver.Solve(TemplateSchema.ReviewLitigation, new List<FusedRow> { row }, _ => new HashSet<decimal>(), bag);
        row.Values.Should().Equal(2m, 1m, 3m, 1m, 7m, 0m, 0m, 0m, 0m, 0m, 13m, 2m, 4m, 0m, 19m);
    }

    [Fact]
    public void A_grouped_search_keeps_only_splits_whose_every_group_adds_up()
    {
        var kinds = Enumerable.Repeat(ValueKind.Count, 15).ToArray();
        // 20 digits for 15 cells: 11,628 splits by form alone, two of which satisfy every group's 总计.
        RunSplitter.Split("23462351120316710210", kinds, 100, out var bounded).Should().HaveCount(100);
        bounded.Should().BeTrue();
        var grouped = RunSplitter.Split("23462351120316710210", kinds, 100, out bounded, groupSize: 5);
        bounded.Should().BeFalse();
        grouped.Select(FusedSolver.Show).Should().Equal("(23,4,6,2,35,1,12,0,3,16,7,1,0,2,10)", "(23,4,6,2,35,11,2,0,3,16,7,1,0,2,10)");
    }

    [Fact]
    public void A_table_four_run_with_many_more_digits_than_cells_is_decided_group_by_group()
    {
        var bag = new DiagnosticBag();
        var row = Row(TemplateSchema.Review, "Cases", "5175174431202641530816");
        FusedSolver.Solve(TemplateSchema.ReviewLitigation, new List<FusedRow> { row }, _ => new HashSet<decimal>(), bag);
        row.Values.Should().Equal(5m, 17m, 5m, 17m, 44m, 3m, 12m, 0m, 26m, 41m, 5m, 3m, 0m, 8m, 16m);
        bag.Items.Should().ContainSingle().Which.Message.Should().Contain("the only split in which every group's 总计 equals");
    }

    [Fact]
    public void An_undecidable_group_of_table_four_leaves_only_its_own_cells_not_stated_with_its_candidates()
    {
        var bag = new DiagnosticBag();
        var row = Row(TemplateSchema.Review, "Cases", "23462351120316710210");
        FusedSolver.Solve(TemplateSchema.ReviewLitigation, new List<FusedRow> { row }, _ => new HashSet<decimal>(), bag);
        row.Values.Should().Equal(23m, 4m, 6m, 2m, 35m, null, null, 0m, 3m, 16m, 7m, 1m, 0m, 2m, 10m);
        var d = bag.Items.Should().ContainSingle().Which;
        d.Code.Should().Be(DiagnosticCode.FusedRunAmbiguous);
        d.Message.Should().Be("row of values (Cases): the fused run '23462351120316710210' splits 2 ways; decided by the groups' totals: 行政复议 (23,4,6,2,35), "
            + "行政诉讼 复议后起诉 (7,1,0,2,10); undecided: 行政诉讼 未经复议直接起诉 (1,12,0,3,16) or (11,2,0,3,16); "
            + "not stated: 行政诉讼 未经复议直接起诉 结果维持、行政诉讼 未经复议直接起诉 结果纠正");
    }

    [Fact]
    public void A_long_table_four_run_no_split_of_which_satisfies_every_group_is_not_stated()
    {
        var bag = new DiagnosticBag();
        // 41 → 42: 行政诉讼 未经复议直接起诉's 总计 no longer adds up, whatever the split.
        var row = Row(TemplateSchema.Review, "Cases", "5175174431202642530816");
        FusedSolver.Solve(TemplateSchema.ReviewLitigation, new List<FusedRow> { row }, _ => new HashSet<decimal>(), bag);
        row.Values.Should().AllSatisfy(v => v.Should().BeNull());
        bag.Items.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCode.FusedRunAmbiguous);
    }

    [Fact]
    public void Column_rules_decide_rows_the_row_total_leaves_open()
    {
        // '110000011' alone is (11,0,0,0,0,0,11) or (1,10,0,0,0,0,11); the spaced 本年新收 row fixes 自然人 at 11,
        // so the balance decides （七）总计 and the outcome total decides （二）部分公开.
        var def = TemplateSchema.Requests2019;
        var rows = new List<FusedRow>
        {
            Row(def, "NewRequests", "11 0 0 0 0 0 11"),
            Row(def, "CarriedOver", "0000000"),
            Row(def, "Granted", "0000000"),
            Row(def, "PartiallyGranted", "110000011"),
            Row(def, "Other", "0000000"),
            Row(def, "Total", "110000011"),
            Row(def, "CarriedForward", "0000000"),
        };
        var bag = new DiagnosticBag();
        FusedSolver.Solve(TemplateSchema.Requests, rows, _ => new HashSet<decimal>(), bag);
        rows[3].Weak.Where(c => c[0].Value + c[1].Value == c[6].Value).Select(FusedSolver.Show).Should().Equal("(1,10,0,0,0,0,11)", "(11,0,0,0,0,0,11)");
        rows[3].Values.Should().Equal(11m, 0m, 0m, 0m, 0m, 0m, 11m);
        rows[5].Values.Should().Equal(11m, 0m, 0m, 0m, 0m, 0m, 11m);
        bag.Items.Should().NotContain(d => d.Code == DiagnosticCode.FusedRunAmbiguous);
    }

    [Fact]
    public void A_total_row_no_split_of_which_adds_up_is_decided_by_the_whole_tables_equations()
    {
        // （七）总计 prints 自然人 21 where its rows add up to 20: no split of '214001025' satisfies its row total or
        // the balance, but (21,4,0,0,1,0,25) breaks only the three equations the wrong cell is in; every other split more.
        var def = TemplateSchema.Requests2021;
        var rows = new List<FusedRow>
        {
            Row(def, "NewRequests", "204001025"),
            Row(def, "CarriedOver", "2000002"),
            Row(def, "Granted", "102000012"),
            Row(def, "PartiallyGranted", "3100105"),
            Row(def, "Denied.ThirdParty", "1000001"),
            Row(def, "Unable.NotHeld", "5100006"),
            Row(def, "NotProcessed.Duplicate", "1000001"),
            Row(def, "Total", "214001025"),
            Row(def, "CarriedForward", "2000002"),
        };
        var bag = new DiagnosticBag();
        FusedSolver.Solve(TemplateSchema.Requests, rows, _ => new HashSet<decimal>(), bag);
        rows[7].Weak.Should().HaveCountGreaterThan(1).And.NotContain(c => c.Take(6).Sum(x => x.Value) == c[6].Value);
        rows[7].Values.Should().Equal(21m, 4m, 0m, 0m, 1m, 0m, 25m);
        rows[0].Values.Should().Equal(20m, 4m, 0m, 0m, 1m, 0m, 25m);
        bag.Items.Should().ContainSingle(d => d.Code == DiagnosticCode.FusedRunRecovered && d.Message.Contains("(Total)", StringComparison.Ordinal))
            .Which.Message.Should().Contain("breaks fewest").And.Contain("RowTotal of Total").And.Contain("Balance of 自然人").And.Contain("OutcomeTotal of 自然人");
        bag.Items.Should().NotContain(d => d.Code == DiagnosticCode.FusedRunAmbiguous);
    }

    [Fact]
    public void Two_published_errors_are_too_many_for_the_whole_tables_equations_to_decide()
    {
        // The outcome rows add up to 19 and 24, 本年新收 says 26: read as (21,4,0,0,1,0,25) the table still breaks four
        // equations, more than one wrong cell explains, so （七）总计 stays not stated.
        var def = TemplateSchema.Requests2021;
        var rows = new List<FusedRow>
        {
            Row(def, "NewRequests", "21 4 0 0 1 0 26"),
            Row(def, "CarriedOver", "2000002"),
            Row(def, "Granted", "102000012"),
            Row(def, "PartiallyGranted", "3100105"),
            Row(def, "Denied.ThirdParty", "1000001"),
            Row(def, "Unable.NotHeld", "5100006"),
            Row(def, "Total", "214001025"),
            Row(def, "CarriedForward", "2000002"),
        };
        var bag = new DiagnosticBag();
        FusedSolver.Solve(TemplateSchema.Requests, rows, _ => new HashSet<decimal>(), bag);
        rows[6].Values[0].Should().BeNull();
        bag.Items.Should().Contain(d => d.Code == DiagnosticCode.FusedRunAmbiguous && d.Message.Contains("(Total)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("四、结转下年度继续办理10000012024年，本机关共收到", "1000001")]
    [InlineData("四、结转下年度继续办理0 0 0 0 0 0 0 2023年，", "0 0 0 0 0 0 0")]
    [InlineData("四、结转下年度继续办理1000001年", "1000001")]
    [InlineData("四、结转下年度继续办理10000011888年", "10000011888")]
    public void A_run_ends_where_a_year_begins_the_next_sentence(string text, string run)
    {
        int start = text.IndexOf("办理", StringComparison.Ordinal) + 2;
        int end = start;
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] == ' ')) end++;
        text[start..FusedRowFinder.YearCut(text, start, end)].TrimEnd().Should().Be(run);
    }

    [Fact]
    public void Inconsistent_published_figures_keep_the_split_the_row_itself_allows()
    {
        var def = TemplateSchema.Requests2019;
        var rows = new List<FusedRow>
        {
            Row(def, "NewRequests", "120000012"),
            Row(def, "CarriedOver", "0000000"),
            Row(def, "Granted", "120000012"),
            Row(def, "PartiallyGranted", "0000000"),
            Row(def, "Other", "0000000"),
            Row(def, "Total", "0000000"),
            Row(def, "CarriedForward", "0000000"),
        };
        var bag = new DiagnosticBag();
        FusedSolver.Solve(TemplateSchema.Requests, rows, _ => new HashSet<decimal>(), bag);
        rows[0].Values.Should().Equal(12m, 0m, 0m, 0m, 0m, 0m, 12m);
        bag.Items.Where(d => d.Code == DiagnosticCode.FusedRunRecovered && d.Message.Contains("inconsistent", StringComparison.Ordinal)).Should().HaveCount(2);
    }

    [Fact]
    public void An_ambiguous_run_leaves_its_cells_not_stated_with_one_warning_listing_the_splits()
    {
        var bag = new DiagnosticBag();
        var row = Row(TemplateSchema.Proactive2021, "NormativeDocuments", "2023");
        FusedSolver.Solve(TemplateSchema.ProactiveDisclosure, new List<FusedRow> { row }, _ => new HashSet<decimal>(), bag);
        row.Values.Should().Equal(new decimal?[] { null, null, null });
        var d = bag.Items.Should().ContainSingle().Subject;
        d.Code.Should().Be(DiagnosticCode.FusedRunAmbiguous);
        d.Severity.Should().Be(Severity.Warning);
        d.Message.Should().Be("row 行政规范性文件 (NormativeDocuments): the fused run '2023' splits 2 ways: (2,0,23), (20,2,3); not stated: 本年制发件数、本年废止件数、现行有效件数");
    }

    [Fact]
    public void A_number_stated_in_the_text_breaks_a_tie()
    {
        var bag = new DiagnosticBag();
        var row = Row(TemplateSchema.Proactive2021, "NormativeDocuments", "5416");
        FusedSolver.Solve(TemplateSchema.ProactiveDisclosure, new List<FusedRow> { row }, _ => new HashSet<decimal> { 5m, 16m }, bag);
        row.Values.Should().Equal(5m, 4m, 16m);
        bag.Items.Should().ContainSingle(d => d.Code == DiagnosticCode.FusedRunRecovered);
    }
}
