using ReportParser.Batch;
using ReportParser.Export;
using ReportParser.Tests.Cli;

namespace ReportParser.Tests.Export;

/// <summary>The indicators table: values computed by hand for the seed report and the fixture, nulls with their reasons.</summary>
public sealed class IndicatorTests : IDisposable
{
    private readonly string _root = BatchFixture.TempDir("indicators");

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    private static readonly int[] Regulations = [3, 1, 20];
    private static readonly int[] Normative = [5, 2, 40];

    private static Dictionary<string, IndicatorRow> Compute(string text, string name = "fixture.txt")
    {
        var result = Report.Parse(ReportSource.FromText(text, name));
        var row = WideReportRow.From(name, "", result, System.Text.Encoding.UTF8.GetBytes(text));
        return Indicators.Of(ReportFigures.From(row, 0)).ToDictionary(r => r.Indicator);
    }

    private static void Value(Dictionary<string, IndicatorRow> rows, string name, decimal value, decimal? numerator, decimal? denominator)
    {
        var r = rows[name];
        (r.Value, r.Numerator, r.Denominator, r.Reason).Should().Be((value, numerator, denominator, ""), name);
    }

    private static void Null(Dictionary<string, IndicatorRow> rows, string name, string reason, decimal? numerator, decimal? denominator)
    {
        var r = rows[name];
        (r.Value, r.Numerator, r.Denominator, r.Reason).Should().Be(((decimal?)null, numerator, denominator, reason), name);
    }

    [Fact]
    public void The_fixture_gives_the_values_computed_by_hand()
    {
        var rows = Compute(IndicatorFixture.Text("甲市乙局", 2021, IndicatorFixture.Requests(), IndicatorFixture.Review(), Regulations, Normative));
        rows.Keys.Should().Equal(Indicators.PerReport.Select(d => d.Name));
        rows.Values.Should().OnlyContain(r => r.SmallN == 0 && r.Year == 2021 && r.Agency == "甲市乙局" && r.Template == ReportTemplate.V2021);
        Value(rows, "requests_received", 32, 32, null);             // 30 new + 2 carried over
        Value(rows, "disclosure_rate", 0.6207m, 18, 29);             // (14 + 4) / 29 = 0.62069
        Value(rows, "granted_rate", 0.4828m, 14, 29);                // 14 / 29 = 0.48276
        Value(rows, "disclosure_rate_received", 0.5625m, 18, 32);    // 18 / 32
        Value(rows, "disclosure_rate_merits", 0.9m, 18, 20);         // 18 / (18 + 2 denied)
        Value(rows, "share_partial", 0.1379m, 4, 29);
        Value(rows, "share_denied", 0.0690m, 2, 29);                 // 2 / 29 = 0.06897
        Value(rows, "share_unable", 0.2069m, 6, 29);
        Value(rows, "share_not_processed", 0.0690m, 2, 29);
        Value(rows, "share_other", 0.0345m, 1, 29);                  // 2021: the three 其他处理 rows
        Value(rows, "refusal_denied", 0.2m, 2, 10);                  // refusals: 2 + 6 + 2
        Value(rows, "refusal_unable", 0.6m, 6, 10);
        Value(rows, "refusal_not_processed", 0.2m, 2, 10);
        Value(rows, "backlog_rate", 0.0938m, 3, 32);                 // 3 / 32 = 0.09375, half away from zero
        Value(rows, "applicant_natural_person", 0.6667m, 20, 30);
        Value(rows, "applicant_commercial", 0.1667m, 5, 30);
        Value(rows, "applicant_research", 0m, 0, 30);
        Value(rows, "applicant_legal_service", 0.1m, 3, 30);
        Value(rows, "applicant_other_org", 0.0667m, 2, 30);
        Value(rows, "review_correction_rate", 0.25m, 1, 4);
        Value(rows, "review_correction_closed", 0.3333m, 1, 3);      // 4 reviews, 1 pending
        Value(rows, "litigation_loss_rate_direct", 0.5m, 1, 2);
        Value(rows, "litigation_loss_rate_after_review", 0m, 0, 1);
        Value(rows, "dispute_conversion", 0.2333m, 7, 30);           // (4 + 2 + 1) / 30
        Value(rows, "regulations_net_change", 2, 2, null);           // 3 issued − 1 repealed
        Value(rows, "normative_documents_net_change", 3, 3, null);
    }

    [Fact]
    public void A_blank_component_gives_a_null_with_its_reason_never_a_zero()
    {
        var requests = IndicatorFixture.Requests();
        requests[12] = requests[12][..6]; // 无法提供 1 本机关不掌握: 总计 left blank
        requests[1] = requests[1][..6];   // 上年结转: 总计 left blank
        var rows = Compute(IndicatorFixture.Text("甲市乙局", 2021, requests, IndicatorFixture.Review(), Regulations, Normative));
        Null(rows, "share_unable", "not stated: Requests.Unable.NotHeld.Total", null, 29);
        Null(rows, "refusal_denied", "not stated: Requests.Unable.NotHeld.Total", 2, null);
        Null(rows, "requests_received", "not stated: Requests.CarriedOver.Total", null, null);
        Null(rows, "backlog_rate", "not stated: Requests.CarriedOver.Total", 3, null);
        rows.Values.Should().OnlyContain(r => r.SmallN == null, "requests received are not stated");
        Value(rows, "disclosure_rate", 0.6207m, 18, 29);
        Value(rows, "share_denied", 0.0690m, 2, 29);
        Value(rows, "dispute_conversion", 0.2333m, 7, 30);
    }

    [SkippableFact]
    public void The_seed_report_gives_the_values_computed_by_hand()
    {
        var path = Paths.RequireShared("seed", "000_b4f43ef4f0df1505.txt");
        var rows = Compute(File.ReadAllText(path), "000_b4f43ef4f0df1505.txt");
        // The seed prints 0 everywhere but leaves 总计 blank in 本年新收, 上年结转, 予以公开, 部分公开 and the first three 不予公开 rows.
        rows.Values.Should().OnlyContain(r => r.SmallN == null && r.AgencyId == AgencyNames.Id("郑州市生态环境局经开分局"));
        Null(rows, "requests_received", "not stated: Requests.NewRequests.Total, Requests.CarriedOver.Total", null, null);
        Null(rows, "disclosure_rate", "not stated: Requests.Granted.Total, Requests.PartiallyGranted.Total", null, 0);
        Null(rows, "share_unable", "denominator is 0", 0, 0);
        Null(rows, "share_denied", "not stated: Requests.Denied.StateSecret.Total, Requests.Denied.ProhibitedByLaw.Total, Requests.Denied.Endangers.Total", null, 0);
        Null(rows, "review_correction_rate", "denominator is 0", 0, 0);
        Null(rows, "dispute_conversion", "not stated: Requests.NewRequests.Total", 0, null);
        Value(rows, "regulations_net_change", 0, 0, null);
        rows.Values.Where(r => r.Value is not null).Select(r => r.Indicator).Should().Equal("regulations_net_change", "normative_documents_net_change");
    }

    [Fact]
    public void A_2019_report_has_no_net_change_and_sums_its_single_other_row()
    {
        var def = Indicators.Find("share_other")!;
        def.Numerator(ReportTemplate.V2019).Should().Equal(new IndicatorTerm("Requests.Other.Total", 1));
        def.Numerator(ReportTemplate.V2021)!.Select(t => t.Key).Should().Equal("Requests.Other.NoCorrection.Total", "Requests.Other.FeeUnpaid.Total", "Requests.Other.Other.Total");
        Indicators.Find("regulations_net_change")!.Numerator(ReportTemplate.V2019).Should().BeNull();
        Indicators.Find("disclosure_rate")!.Numerator(ReportTemplate.Legacy).Should().BeNull();
        // Every key of every formula is a key of the template it is written for.
        foreach (var d in Indicators.PerReport)
        {
            foreach (var t in new[] { ReportTemplate.V2019, ReportTemplate.V2021 })
            {
                var keys = (d.Numerator(t) ?? []).Concat(d.Denominator(t) ?? []).Select(x => x.Key);
                keys.Where(k => !ReportParser.Template.TemplateSchema.TemplatesOf(k).Contains(t)).Should().BeEmpty($"{d.Name} ({t.ToKey()})");
            }
        }
        Indicators.Find("disclosure_rate_merits")!.Formula().Should().Be(
            "(Requests.Granted.Total + Requests.PartiallyGranted.Total) / (Requests.Granted.Total + Requests.PartiallyGranted.Total + ΣRequests.Denied.*.Total)");
    }

    [Fact]
    public void Docs_indicators_md_is_the_generated_text()
    {
        var path = Path.Combine(Paths.RepoRoot, "docs", "indicators.md");
        var generated = Indicators.ToMarkdown();
        if (Environment.GetEnvironmentVariable("REPORTPARSER_ACCEPT") == "1") File.WriteAllText(path, generated);
        File.ReadAllText(path).Should().Be(generated, "docs/indicators.md is generated; run the tests with REPORTPARSER_ACCEPT=1 to rewrite it");
    }
}
