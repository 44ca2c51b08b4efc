using ReportParser.Validation;

namespace ReportParser.Tests.Validation;

/// <summary>The evaluators' checks (category quality) on the fixtures of corpus/quality, and the batch repetition checks.</summary>
public class QualityCheckTests
{
    private static ReportParseResult Parse(string name) => Report.ParseFile(Path.Combine(Paths.Corpus, "quality", name));

    private static List<Diagnostic> Quality(ReportParseResult r) => r.Diagnostics.Where(d => d.Category == DiagnosticCategory.Quality).ToList();

    [Fact]
    public void A_department_publishing_in_march_is_late()
    {
        var q = Quality(Parse("lanxi-market-2023-late.txt"));
        q.Select(d => (d.Code, d.Severity, d.Rule)).Should().Equal((DiagnosticCode.PublishedLate, Severity.Warning, "Quality.Timeliness"));
        q[0].Message.Should().Be("published on 2024-03-15, 44 day(s) after 2024-01-31: a department's report is due by 31 January (条例 第四十九条)");
        q[0].CodeText.Should().Be("RP5001");
    }

    [Fact]
    public void A_government_publishing_in_march_is_on_time()
        => Quality(Parse("lanxi-gov-2023-march.txt")).Should().BeEmpty();

    [Theory]
    [InlineData("兰溪市人民政府", "Government")]
    [InlineData("兰溪市市场监督管理局", "Department")]
    [InlineData("上海市人民政府办公厅", "Department")]
    [InlineData("某某镇人民政府", "Unknown")]
    [InlineData("平潭综合实验区管委会", "Unknown")]
    [InlineData("平潭综合实验区", "Unknown")]
    [InlineData(null, "Unknown")]
    public void The_deadline_follows_the_kind_of_agency(string? agency, string kind)
        => QualityChecks.KindOf(agency).ToString().Should().Be(kind);

    [Fact]
    public void Thin_sections_and_an_unknown_date_are_reported()
    {
        var q = Quality(Parse("lanxi-market-2023-thin.txt"));
        q.Select(d => d.Code).Should().Equal(DiagnosticCode.TimelinessNotCheckable, DiagnosticCode.ThinSection, DiagnosticCode.ThinSection);
        q.Should().OnlyContain(d => d.Severity == Severity.Info);
        q[1].Message.Should().StartWith("section 三 (Requests): the text says 0 Chinese character(s) about requests");
        q[2].Message.Should().Be("section 五 (Problems) holds only boilerplate ('无。'): no problem and no improvement is named");
    }

    [Fact]
    public void An_incomplete_report_on_the_old_template_is_reported()
    {
        var q = Quality(Parse("linjiang-county-office-2022-incomplete.txt"));
        q.Select(d => d.Code).Should().Contain(new[] { DiagnosticCode.SectionsIncomplete, DiagnosticCode.TablesIncomplete, DiagnosticCode.OutdatedTemplate });
        q.Single(d => d.Code == DiagnosticCode.SectionsIncomplete).Message.Should().Be("1 of the template's six sections absent: 六（OtherMatters）");
        q.Single(d => d.Code == DiagnosticCode.TablesIncomplete).Message.Should().Be("table(s) 四 (ReviewLitigation) of the template absent");
        q.Should().NotContain(d => d.Severity == Severity.Error);
    }

    [Fact]
    public void A_complete_timely_report_has_no_quality_finding()
        => Quality(Report.ParseFile(Path.Combine(Paths.Corpus, "prose", "lanxi-market-2023-consistent.txt"))).Should().BeEmpty();

    [Fact]
    public void Repeated_prose_and_a_table_copied_with_changed_totals_are_found_in_a_batch()
    {
        var files = new[] { "qinghe-water-2022.txt", "qinghe-water-2023.txt", "qinghe-transport-2023.txt" };
        var summaries = files.Select((f, i) => CrossYearSummary.From(i, f, Parse(Path.Combine("batch", f)).Report, null, null)).ToList();
        var found = CrossYearChecks.Check(summaries);
        // The 2023 table repeats 2022's 上年结转 row as printed, so the carry-over check fires too.
        found.Select(f => (f.File, f.Diagnostic.Code, f.Diagnostic.Rule)).Should().Equal(
            ("qinghe-water-2023.txt", DiagnosticCode.CrossYearCarryOver, "CrossYear.CarryOver"),
            ("qinghe-water-2023.txt", DiagnosticCode.RepeatedProse, "Quality.Repetition"),
            ("qinghe-transport-2023.txt", DiagnosticCode.CopiedTableChangedTotals, "Quality.Repetition"));
        found[1].Diagnostic.Message.Should().Contain("repeats the report on 2022 in qinghe-water-2022.txt");
        found[2].Diagnostic.Message.Should().StartWith("table 三 (Requests) has every detail cell of qinghe-water-2022.txt (清河县水利局, 2022)");
        found.Skip(1).Should().OnlyContain(f => f.Diagnostic.Category == DiagnosticCategory.Quality && f.Diagnostic.Severity == Severity.Warning);
    }

    [Fact]
    public void Another_agency_with_other_prose_and_tables_repeats_nothing()
    {
        var a = CrossYearSummary.From(0, "a.txt", Parse(Path.Combine("batch", "qinghe-water-2022.txt")).Report, null, null);
        var b = CrossYearSummary.From(1, "b.txt", Parse("linjiang-county-office-2022-incomplete.txt").Report, null, null);
        CrossYearChecks.Check(new[] { a, b }).Should().BeEmpty();
    }

    [Fact]
    public void Sentence_fingerprints_ignore_figures_and_round_trip_as_text()
    {
        SentenceFingerprint.Of("全年共受理政府信息公开申请859件").Should().Be(SentenceFingerprint.Of("全年共受理政府信息公开申请12件"));
        SentenceFingerprint.Of("全年共受理政府信息公开申请859件").Should().NotBe(SentenceFingerprint.Of("全年共办结政府信息公开申请859件"));
        SentenceFingerprint.Of("一是").Should().BeNull();
        var list = new[] { SentenceFingerprint.Of("全年共受理政府信息公开申请859件")!.Value, SentenceFingerprint.Of("本年度制发行政规范性文件12件")!.Value };
        SentenceFingerprint.ParseList(SentenceFingerprint.Format(list)).Should().Equal(list);
    }
}
