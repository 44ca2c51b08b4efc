namespace ReportParser.Tests.Validation;

/// <summary>Each rule against the clean fixture (silent) and the rule-breaking fixture (exact findings).</summary>
public class RuleTests
{
    private static ReportParseResult Parse(string name) => Report.ParseFile(Path.Combine(Paths.Corpus, "text", name));

    [Fact]
    public void Clean_report_breaks_no_rule()
        => Parse("jiangchuan-nr-2023.txt").Diagnostics.Where(d => d.Category == DiagnosticCategory.Document).Should().BeEmpty();

    [Fact]
    public void Every_rule_of_the_template_is_named_by_the_rule_breaking_fixture()
    {
        var rules = Parse("jiangchuan-nr-2023-broken-rules.txt").Diagnostics.Where(d => d.Rule is not null && d.Category == DiagnosticCategory.Document).ToList();
        rules.Select(d => d.Rule).Distinct().Should().BeEquivalentTo(
            "Values.NonNegative", "Requests.RowTotal", "Requests.OutcomeTotal", "Requests.Balance", "ReviewLitigation.GroupTotal");
        rules.Should().OnlyContain(d => d.Severity == Severity.Warning);
    }

    [Fact]
    public void Balance_message_shows_both_sides_of_the_equation()
    {
        var d = Parse("jiangchuan-nr-2023-broken-rules.txt").Diagnostics.First(x => x.Rule == "Requests.Balance");
        d.Code.Should().Be(DiagnosticCode.RequestsBalance);
        d.Message.Should().Be("column 法律服务机构: 本年新收 229 + 上年结转 2 = 231, but （七）总计 229 + 结转下年度 0 = 229");
        d.Location.Line.Should().Be(58);
    }

    [Fact]
    public void Row_total_message_names_the_row_and_every_term()
    {
        var d = Parse("jiangchuan-nr-2023-broken-rules.txt").Diagnostics.First(x => x.Rule == "Requests.RowTotal");
        d.Message.Should().Be("row 予以公开: 总计 100 ≠ 自然人 47 + 商业企业 2 + 科研机构 20 + 社会公益组织 15 + 法律服务机构 10 + 其他 5 = 99");
        d.Location.Should().Be(new SourceLocation(37, 36));
    }

    [Fact]
    public void Group_total_and_non_negative_messages()
    {
        var ds = Parse("jiangchuan-nr-2023-broken-rules.txt").Diagnostics;
        ds.Single(x => x.Rule == "ReviewLitigation.GroupTotal").Message.Should().Be("行政复议: 总计 11 ≠ 结果维持 6 + 结果纠正 2 + 其他结果 1 + 尚未审结 3 = 12");
        ds.Single(x => x.Rule == "Values.NonNegative").Message.Should().Be("ProactiveDisclosure.Penalties.Decisions is -3: counts and amounts cannot be negative");
    }

    [Fact]
    public void A_rule_over_a_not_stated_cell_is_not_checkable_never_broken()
    {
        var ds = Parse("000_b4f43ef4f0df1505.txt").Diagnostics.Where(d => d.Rule is not null && d.Category == DiagnosticCategory.Document).ToList();
        ds.Should().OnlyContain(d => d.Code == DiagnosticCode.RuleNotCheckable && d.Severity == Severity.Info);
        ds.Select(d => d.Rule).Should().Equal("Requests.RowTotal", "Requests.OutcomeTotal", "Requests.Balance");
    }

    [Fact]
    public void Rules_can_be_replaced_through_options()
    {
        var r = Report.ParseFile(Path.Combine(Paths.Corpus, "text", "jiangchuan-nr-2023-broken-rules.txt"),
            ReportParserOptions.Default with { Rules = Array.Empty<ReportParser.IReportRule>() });
        // The evaluators' quality checks are not rules: they stay (category quality).
        r.Diagnostics.Where(d => d.Category == DiagnosticCategory.Document).Should().BeEmpty();
    }
}
