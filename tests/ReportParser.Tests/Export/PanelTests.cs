using ReportParser.Batch;
using ReportParser.Export;
using ReportParser.Tests.Cli;

namespace ReportParser.Tests.Export;

/// <summary>The panel: agency ids from normalised names, the duplicate rule, year-on-year change, the cross-year indicators; a merge equals the single run.</summary>
public sealed class PanelTests : IDisposable
{
    private readonly string _root = BatchFixture.TempDir("panel");

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    [Theory]
    [InlineData("甲市人民政府办公室", "甲市政府办公室")]
    [InlineData("甲市　政府 办公室", "甲市政府办公室")]
    [InlineData("ＡＢＣ区（试验区）管委会", "abc区(试验区)管委会")]
    [InlineData("发布机构：甲市政府办公室", "甲市政府办公室")]
    [InlineData("甲市政府办公室2021年政务信息公开工作年度报告", "甲市政府办公室")]
    [InlineData("甲市政府办公室2020年度政府信息公开工作年度报告", "甲市政府办公室")]
    [InlineData("甲市政务服务管理局", "甲市政务服务管理局")]
    public void Agency_names_are_normalised(string name, string key)
    {
        AgencyNames.Normalize(name).Should().Be(key);
        AgencyNames.Id(name).Should().Be(AgencyNames.Id(key)).And.MatchRegex("^ag_[0-9a-f]{12}$");
    }

    [Fact]
    public void Blank_names_have_no_id() => (AgencyNames.Id(null), AgencyNames.Id(" \u3000"), AgencyNames.Normalize("")).Should().Be((null, null, null));

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_root, "in", relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private void Inputs()
    {
        var r = IndicatorFixture.Requests();
        Write("a/2021.txt", IndicatorFixture.Text("甲市人民政府办公室", 2021, r, IndicatorFixture.Review(), [3, 1, 20], [5, 2, 40]));
        var next = IndicatorFixture.Requests();
        next[1] = [0, 1, 0, 0, 1, 1, 3]; // 上年结转 = 2021's 结转下年度
        // The copy comes first in input order but states less (本年新收 总计 blank): the rule keeps the main report.
        var copy = IndicatorFixture.Requests();
        copy[1] = next[1];
        copy[0] = copy[0][..6];
        Write("b/1-copy.txt", IndicatorFixture.Text("甲市政府办公室", 2022, copy, IndicatorFixture.Review(), [2, 0, 23], [1, 1, 40]));
        Write("b/2-main.txt", IndicatorFixture.Text("甲市　政府办公室", 2022, next, IndicatorFixture.Review(), [2, 0, 23], [1, 1, 40]));
        Write("c/other.txt", IndicatorFixture.Text("乙县教育局", 2022, r, IndicatorFixture.Review(), [0, 0, 0], [0, 0, 0]));
    }

    private static Dictionary<string, string> Row(List<string[]> table, string[] row) => table[0].Select((c, i) => (c, i)).ToDictionary(x => x.c, x => row[x.i]);

    [Fact]
    public async Task One_row_per_agency_and_year_with_the_duplicate_rule_and_year_on_year_change()
    {
        Inputs();
        var dir = Path.Combine(_root, "out");
        await ReportExporter.ExportAsync(new ExportOptions { Inputs = [Path.Combine(_root, "in")], OutputDirectory = dir, Jobs = 2 });
        var panel = BatchFixture.Read(dir, "panel");
        panel[0].Should().Equal(PanelRow.Schema.Columns);
        var rows = panel.Skip(1).Select(r => Row(panel, r)).ToList();
        rows.Should().HaveCount(3);
        var id = AgencyNames.Id("甲市政府办公室");
        var y2021 = rows.Single(r => r["agency_id"] == id && r["year"] == "2021");
        var y2022 = rows.Single(r => r["agency_id"] == id && r["year"] == "2022");
        y2022["file"].Should().EndWith("2-main.txt");
        (y2022["reports"], y2022["agency"], y2022["agency_key"], y2021["agency"]).Should().Be(("2", "甲市政府办公室", "甲市政府办公室", "甲市人民政府办公室"));
        y2022["duplicates"].Should().EndWith("1-copy.txt");
        (y2021["reports"], y2021["duplicates"]).Should().Be(("1", ""));

        (y2021["requests_received"], y2022["requests_received"], y2022["requests_received_yoy"]).Should().Be(("32", "33", "1"));
        (y2022["disclosure_rate"], y2022["disclosure_rate_yoy"]).Should().Be(("0.6207", "0.0000"));
        (y2021["backlog_rate"], y2022["backlog_rate"], y2022["backlog_rate_yoy"]).Should().Be(("0.0938", "0.0909", "-0.0029")); // 3/32, 3/33
        (y2021["carryover_gap"], y2022["carryover_gap"], y2022["carryover_gap_yoy"]).Should().Be(("", "0", ""));
        y2021["disclosure_rate_yoy"].Should().BeEmpty("there is no 2020 report");

        var indicators = BatchFixture.Read(dir, "indicators");
        var all = indicators.Skip(1).Select(r => Row(indicators, r)).ToList();
        all.Should().HaveCount(4 * Indicators.All.Count);
        all.Take(4 * Indicators.PerReport.Count).Select(r => r["indicator"]).Should().Equal(Enumerable.Repeat(Indicators.PerReport.Select(d => d.Name), 4).SelectMany(x => x),
            "the per-report rows come first, report by report");
        var cross = all.Skip(4 * Indicators.PerReport.Count).ToList();
        string Gap(string file, string name) => cross.Single(r => r["file"].EndsWith(file, StringComparison.Ordinal) && r["indicator"] == name) is var g ? g["value"] + "|" + g["reason"] : "";
        Gap("2-main.txt", "carryover_gap").Should().Be("0|");
        Gap("1-copy.txt", "carryover_gap").Should().Be("0|", "a duplicate is compared with the year before too");
        Gap("2-main.txt", "regulations_stock_gap").Should().Be("1|");      // 23 − (20 + 2 − 0)
        Gap("2-main.txt", "normative_documents_stock_gap").Should().Be("0|"); // 40 − (40 + 1 − 1)
        Gap("2021.txt", "carryover_gap").Should().Be("|no report of year N−1 for this agency");
        Gap("other.txt", "regulations_stock_gap").Should().Be("|no report of year N−1 for this agency");
    }

    [Fact]
    public async Task Shards_merge_to_the_indicators_and_panel_of_the_single_run()
    {
        Inputs();
        var input = Path.Combine(_root, "in");
        var single = Path.Combine(_root, "single");
        await ReportExporter.ExportAsync(new ExportOptions { Inputs = [input], OutputDirectory = single, Format = ExportFormat.Parquet });
        var shards = new List<string>();
        for (int k = 1; k <= 2; k++)
        {
            var dir = Path.Combine(_root, $"s{k}");
            await ReportExporter.ExportAsync(new ExportOptions { Inputs = [input], OutputDirectory = dir, Shard = new Shard(k, 2), Format = ExportFormat.Parquet });
            File.Exists(Path.Combine(dir, "panel.parquet")).Should().BeFalse("a shard lacks the other years");
            shards.Add(dir);
        }
        var merged = Path.Combine(_root, "merged");
        await ReportExporter.MergeAsync(shards, merged);
        foreach (var t in ExportTables.Derived)
            File.ReadAllBytes(Path.Combine(merged, t.Name + ".parquet")).Should().Equal(File.ReadAllBytes(Path.Combine(single, t.Name + ".parquet")), t.Name);
        BatchFixture.Read(merged, "panel", ExportFormat.Parquet).Should().HaveCount(4);
    }
}
