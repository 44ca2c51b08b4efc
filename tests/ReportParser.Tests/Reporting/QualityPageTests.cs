using System.Globalization;
using AngleSharp.Html.Parser;
using ReportParser.Batch;
using ReportParser.Tests.Cli;

namespace ReportParser.Tests.Reporting;

/// <summary>The content of report.html for the fixture batch, checked against the tables it was built from (parsed with AngleSharp).</summary>
public class QualityPageTests(QualityBatch batch) : IClassFixture<QualityBatch>
{
    private static readonly string[] EquationRules = ["Requests.RowTotal", "Requests.OutcomeTotal", "Requests.Balance", "ReviewLitigation.GroupTotal"];

    private static long Number(string text) => long.Parse(text.Trim().Split(' ')[0], NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    // A break of the template's arithmetic or of a cross-report check (RP4001-RP4019): quality checks, prose against
    // tables and the blank-as-zero re-checks carry a rule key too but are not rule breaks.
    private bool IsRuleBreak(string[] d) => QualityBatch.Get(batch.Diagnostics, d, "rule").Length > 0
        && QualityBatch.Get(batch.Diagnostics, d, "code") is { Length: 6 } code && string.CompareOrdinal(code, "RP4001") >= 0 && string.CompareOrdinal(code, "RP4019") <= 0;

    [Fact]
    public void The_fixture_batch_has_every_kind_of_file_and_finding()
    {
        var statuses = batch.Files.Skip(1).Select(r => QualityBatch.Get(batch.Files, r, "status")).ToHashSet();
        statuses.Should().Contain(["parsed", "not-a-report", "unreadable"]);
        var codes = batch.Diagnostics.Skip(1).Select(r => QualityBatch.Get(batch.Diagnostics, r, "code")).ToHashSet();
        codes.Should().Contain(["RP4001", "RP4002", "RP4003", "RP4004", "RP4005", "RP4006", "RP4007", "RP3020"]);
        batch.Cells.Skip(1).Should().Contain(r => QualityBatch.Get(batch.Cells, r, "value") == "", "a blank cell is not stated");
    }

    [Fact]
    public void The_overview_counts_equal_the_tables()
    {
        var p = batch.Page;
        Number(p.QuerySelector("#card-files .n")!.TextContent).Should().Be(batch.Files.Count - 1);
        Number(p.QuerySelector("#card-reports .n")!.TextContent).Should().Be(batch.Reports.Count - 1);
        Number(p.QuerySelector("#card-diagnostics .n")!.TextContent).Should().Be(batch.Diagnostics.Count - 1);
        Number(p.QuerySelector("#card-cells .n")!.TextContent).Should().Be(batch.Cells.Skip(1).Count(r => QualityBatch.Get(batch.Cells, r, "value").Length > 0));
        Number(p.QuerySelector("#card-breaks .n")!.TextContent).Should().Be(batch.Diagnostics.Skip(1).Count(IsRuleBreak));
        var breaking = batch.Diagnostics.Skip(1).Where(IsRuleBreak).Select(d => d[0]).ToHashSet();
        int reports = batch.Reports.Count - 1, passing = batch.Reports.Skip(1).Count(r => !breaking.Contains(r[0]));
        p.QuerySelector("#card-passing .k")!.TextContent.Should().Contain($"({passing} of {reports})");
        p.QuerySelector("#card-passing .n")!.TextContent.Should().Be((100.0 * passing / reports).ToString("0.0", CultureInfo.InvariantCulture) + " %");
        foreach (var row in p.QuerySelectorAll("#by-status tbody tr[data-status]"))
        {
            var status = row.GetAttribute("data-status")!;
            Number(row.Children[1].TextContent).Should().Be(QualityBatch.Where(batch.Files, "status", status).Count(), status);
        }
    }

    [Fact]
    public void The_top_codes_equal_diagnostics_csv()
    {
        var byCode = batch.Diagnostics.Skip(1).GroupBy(r => QualityBatch.Get(batch.Diagnostics, r, "code")).ToDictionary(g => g.Key, g => g.Count());
        var rows = batch.Page.QuerySelectorAll("#top-codes tbody tr");
        rows.Length.Should().Be(Math.Min(15, byCode.Count));
        foreach (var row in rows) Number(row.Children[3].TextContent).Should().Be(byCode[row.GetAttribute("data-code")!]);
        rows.Select(r => Number(r.Children[3].TextContent)).Should().BeInDescendingOrder();
    }

    [Fact]
    public void The_reports_per_year_and_template_equal_reports_csv()
    {
        var table = batch.Page.QuerySelector("#by-year")!;
        var templates = table.QuerySelectorAll("thead th").Skip(1).SkipLast(1).Select(th => th.TextContent).ToList();
        foreach (var row in table.QuerySelectorAll("tbody tr"))
        {
            var year = row.Children[0].TextContent;
            for (int t = 0; t < templates.Count; t++)
            {
                var expected = batch.Reports.Skip(1).Count(r => QualityBatch.Get(batch.Reports, r, "template") == templates[t]
                    && (QualityBatch.Get(batch.Reports, r, "year") is { Length: > 0 } y ? y : "year not found") == year);
                Number(row.Children[t + 1].TextContent).Should().Be(expected, $"{year} × {templates[t]}");
            }
        }
        table.QuerySelectorAll("tbody tr").Sum(r => Number(r.Children[^1].TextContent)).Should().Be(batch.Reports.Count - 1);
    }

    [Fact]
    public void The_files_table_lists_every_file_with_its_status_and_counts()
    {
        var rows = batch.Page.QuerySelectorAll("#files tbody tr");
        rows.Length.Should().Be(batch.Files.Count - 1);
        var prefix = batch.Page.QuerySelector("#files-prefix")!.TextContent;
        prefix.Should().Be(batch.Input + "/", "the folder all files share is shown once");
        for (int i = 0; i < rows.Length; i++)
        {
            var f = batch.Files[i + 1];
            var cells = rows[i].Children;
            (prefix + cells[1].TextContent).Should().Be(f[0]);
            cells[6].TextContent.Should().Be(QualityBatch.Get(batch.Files, f, "status"));
            cells[7].TextContent.Should().Be(QualityBatch.Get(batch.Files, f, "errors"));
            cells[8].TextContent.Should().Be(QualityBatch.Get(batch.Files, f, "warnings"));
            cells[9].TextContent.Should().Be(QualityBatch.Where(batch.Diagnostics, "file", f[0]).Count(IsRuleBreak).ToString(CultureInfo.InvariantCulture));
            var link = cells[1].QuerySelector("a")!.GetAttribute("href")!;
            batch.Page.QuerySelector($"section.detail{link}")!.GetAttribute("data-file").Should().Be(f[0], "each row links to its detail");
        }
    }

    [Fact]
    public void Every_rule_break_is_a_footnote_and_each_arithmetic_break_is_drawn_with_both_sides()
    {
        foreach (var file in batch.Files.Skip(1).Select(r => r[0]))
        {
            // Findings the page draws on cells: the arithmetic rules RP4001-RP4005 and the carry-over check RP4006 (a duplicate,
            // a copy or a quality check is about the whole file and is listed with its other diagnostics).
            var breaks = QualityBatch.Where(batch.Diagnostics, "file", file).Where(IsRuleBreak)
                .Where(d => QualityBatch.Get(batch.Diagnostics, d, "code") is "RP4001" or "RP4002" or "RP4003" or "RP4004" or "RP4005" or "RP4006").ToList();
            var detail = batch.Page.QuerySelectorAll("section.detail").Single(s => s.GetAttribute("data-file") == file);
            var notes = detail.QuerySelectorAll("ol.notes li").ToList();
            foreach (var code in breaks.Select(d => QualityBatch.Get(batch.Diagnostics, d, "code")).Distinct())
                notes.Count(n => n.GetAttribute("data-code") == code).Should().Be(breaks.Count(d => QualityBatch.Get(batch.Diagnostics, d, "code") == code), $"{file} {code}");
            foreach (var rule in EquationRules)
            {
                var drawn = notes.Select(n => n.QuerySelector($".eq[data-rule='{rule}']")).Where(e => e is not null).ToList();
                drawn.Count.Should().Be(breaks.Count(d => QualityBatch.Get(batch.Diagnostics, d, "rule") == rule), $"every {rule} break of {file} is drawn from its cells");
                foreach (var eq in drawn)
                {
                    var sums = eq!.QuerySelectorAll(".res").Select(r => decimal.Parse(r.TextContent, CultureInfo.InvariantCulture)).ToList();
                    sums.Should().HaveCount(2);
                    sums[0].Should().NotBe(sums[1], "a broken equation's two sides differ");
                }
            }
        }
    }

    [Theory]
    [InlineData("ProactiveDisclosure.Penalties.Decisions", "-3")]
    [InlineData("Requests.Granted.Total", "100")]
    [InlineData("Requests.PartiallyGranted.Total", "5")]
    [InlineData("Requests.Total.Research", "226")]
    [InlineData("Requests.Total.Total", "1420")]
    [InlineData("Requests.Total.LegalService", "229")]
    [InlineData("Requests.CarriedForward.LegalService", "0")]
    [InlineData("ReviewLitigation.Cases.Review.Total", "11")]
    public void The_cells_of_each_broken_rule_are_highlighted(string key, string value)
    {
        var cell = batch.Detail("/jiangchuan-nr-2023-broken-rules.txt").QuerySelector($"td[data-key='{key}']");
        cell.Should().NotBeNull();
        cell!.ClassList.Should().Contain("brk");
        cell.TextContent.Should().StartWith(value);
        cell.GetAttribute("title").Should().Contain("line ");
    }

    [Fact]
    public void The_terms_of_a_broken_sum_are_outlined_and_clean_reports_have_no_mark()
    {
        var detail = batch.Detail("/jiangchuan-nr-2023-broken-rules.txt");
        foreach (var column in new[] { "NaturalPerson", "Commercial", "Research", "PublicInterest", "LegalService", "OtherOrg" })
            detail.QuerySelector($"td[data-key='Requests.Granted.{column}']")!.ClassList.Should().Contain("term", "予以公开 总计 ≠ the sum of its row");
        detail.QuerySelector("td[data-key='Requests.Denied.StateSecret.Research']")!.ClassList.Should().Contain("term", "（七）总计 科研机构 ≠ the sum of its column");
        var clean = batch.Detail("/jiangchuan-nr-2023-crlf.txt");
        clean.QuerySelectorAll("td.brk, td.term, td.fused, td.carry, td.ns").Should().BeEmpty();
        clean.QuerySelectorAll("table.tpl td.c").Length.Should().Be(QualityBatch.Where(batch.Cells, "file", batch.FileId("/jiangchuan-nr-2023-crlf.txt")).Count());
    }

    [Fact]
    public void A_blank_cell_is_highlighted_as_not_stated()
    {
        var file = batch.FileId("/carryover-2023-blank-cell.txt");
        var blank = QualityBatch.Where(batch.Cells, "file", file).Where(r => QualityBatch.Get(batch.Cells, r, "value") == "").ToList();
        blank.Should().ContainSingle();
        var key = string.Join('.', new[] { "table", "row", "column" }.Select(c => QualityBatch.Get(batch.Cells, blank[0], c)));
        key.Should().Be("Requests.PartiallyGranted.Commercial");
        var cell = batch.Detail("/carryover-2023-blank-cell.txt").QuerySelector($"td[data-key='{key}']")!;
        cell.ClassList.Should().Contain("ns");
        cell.TextContent.Should().BeEmpty();
        cell.GetAttribute("title").Should().Contain("not stated");
    }

    [Fact]
    public void A_carry_over_break_is_marked_in_the_detail_and_across_years()
    {
        var detail = batch.Detail("/carryover-2023-blank-cell.txt");
        var marked = detail.QuerySelectorAll("td.carry").Select(td => td.GetAttribute("data-key")).ToList();
        marked.Should().BeEquivalentTo(new[] { "NaturalPerson", "Commercial", "Research", "LegalService", "OtherOrg", "Total" }.Select(c => $"Requests.CarriedOver.{c}"),
            "2023's 上年结转 3 1 0 0 2 0 6 against 2022's 结转下年度 6 2 1 0 0 1 10");
        var agency = batch.Page.QuerySelectorAll("#agencies .agency").Single(a => a.QuerySelector("h3")!.TextContent == "河西县交通运输局");
        agency.QuerySelectorAll("thead th a").Select(a => a.TextContent).Should().Equal("2022", "2023");
        var carry = agency.QuerySelectorAll("td.carry").ToList();
        carry.Select(td => td.TextContent).Should().BeEquivalentTo(["10", "6"], "2022's 结转下年度 总计 and 2023's 上年结转 总计");
        carry.Should().OnlyContain(td => td.GetAttribute("title")!.Contains("RP4006"));
    }

    [Fact]
    public void Cells_split_from_a_fused_run_are_highlighted()
    {
        var file = batch.FileId("/crawled-2023-oneline.txt");
        var recovered = QualityBatch.Where(batch.Diagnostics, "file", file).Count(d => QualityBatch.Get(batch.Diagnostics, d, "code") == "RP3020");
        recovered.Should().BePositive();
        var detail = batch.Detail("/crawled-2023-oneline.txt");
        detail.QuerySelectorAll("ol.notes li[data-code='RP3020']").Length.Should().Be(recovered);
        var fused = detail.QuerySelectorAll("td.fused").ToList();
        fused.Should().NotBeEmpty();
        fused.Should().OnlyContain(td => td.GetAttribute("title")!.Contains("RP3020"));
    }

    [Fact]
    public void The_unreadable_file_and_the_non_report_show_their_reason()
    {
        foreach (var name in new[] { "/unreadable.docx", "/notes.txt" })
        {
            var row = batch.Files.Skip(1).Single(r => r[0].EndsWith(name, StringComparison.Ordinal));
            batch.Detail(name).QuerySelector(".meta")!.TextContent.Should().Contain(QualityBatch.Get(batch.Files, row, "reason"));
            batch.Detail(name).QuerySelectorAll("table.tpl").Should().BeEmpty();
        }
    }

    [Fact]
    public void Agency_and_file_names_are_encoded()
    {
        batch.Page.QuerySelectorAll("script").Length.Should().Be(1, "the page's own script is its only one");
        batch.Page.QuerySelectorAll("img").Should().BeEmpty();
        batch.Html.Should().NotContain("<script>alert").And.NotContain("<img src=x");
        batch.Page.QuerySelectorAll("#files tbody td").Select(td => td.TextContent).Should().Contain(QualityBatch.HostileAgency).And.Contain(QualityBatch.HostileFile);
        batch.Detail("/hostile-agency.txt").QuerySelector("h2")!.TextContent.Should().StartWith(QualityBatch.HostileAgency);
    }

    [Fact]
    public void The_page_is_self_contained()
    {
        var p = batch.Page;
        p.QuerySelectorAll("link, img, iframe, object, embed, [src]").Should().BeEmpty();
        p.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).Should().OnlyContain(h => h.StartsWith('#'));
        batch.Html.Should().NotContain("http://").And.NotContain("https://").And.NotContain("url(");
        p.QuerySelectorAll("svg.chart").Length.Should().Be(4);
        p.QuerySelector("style")!.TextContent.Should().Contain("Noto Sans CJK SC").And.Contain("@media print");
    }

    [Fact]
    public async Task The_page_is_the_same_for_the_same_tables_in_any_format()
    {
        QualityReport.Render(batch.Output).Should().Be(batch.Html, "rendering is deterministic");
        var parquet = Path.Combine(batch.Root, "parquet", "out");
        var jsonl = Path.Combine(batch.Root, "jsonl", "out");
        await ReportExporter.ExportAsync(new ExportOptions { Inputs = [batch.Input], OutputDirectory = parquet, Format = ExportFormat.Parquet, Jobs = 2 });
        await ReportExporter.ExportAsync(new ExportOptions { Inputs = [batch.Input], OutputDirectory = jsonl, Format = ExportFormat.Jsonl, Jobs = 2, Names = ColumnNames.Short });
        File.ReadAllText(Path.Combine(parquet, QualityReport.FileName)).Should().Be(batch.Html);
        File.ReadAllText(Path.Combine(jsonl, QualityReport.FileName)).Should().Be(batch.Html);
        Directory.EnumerateFiles(batch.Output, "*.tmp").Should().BeEmpty("the page is written under a temporary name and renamed");
    }

    [Fact]
    public void A_small_budget_keeps_the_overview_and_drops_details_rule_breaks_last()
    {
        // The budget: the page without details (the overview and the files table are always written) and half the bytes of all details.
        int bare = System.Text.Encoding.UTF8.GetByteCount(QualityReport.Render(batch.Output, maxBytes: 0));
        int full = System.Text.Encoding.UTF8.GetByteCount(QualityReport.Render(batch.Output));
        int budget = bare + (full - bare) / 2;
        var small = QualityReport.Render(batch.Output, maxBytes: budget);
        var page = new HtmlParser().ParseDocument(small);
        System.Text.Encoding.UTF8.GetByteCount(small).Should().BeLessThan(budget);
        page.QuerySelector("#card-files .n")!.TextContent.Should().Be(batch.Page.QuerySelector("#card-files .n")!.TextContent);
        var details = page.QuerySelectorAll("section.detail").Select(s => s.GetAttribute("data-file")!).ToList();
        details.Count.Should().BeInRange(1, batch.Files.Count - 2);
        page.QuerySelector("#details-note")!.TextContent.Should().Contain($"{details.Count} of {batch.Files.Count - 1}");
        var breaking = batch.Diagnostics.Skip(1).Where(IsRuleBreak).Select(d => d[0]).ToHashSet();
        details[0].Should().Be(batch.Files.Skip(1).First(f => breaking.Contains(f[0]))[0], "reports with rule breaks come first, in input order");
        details.Should().OnlyContain(f => breaking.Contains(f), "the budget holds only a few details, all of reports with rule breaks");
        page.QuerySelectorAll("#files tbody tr").Length.Should().Be(batch.Files.Count - 1, "every file is still listed");
        page.QuerySelectorAll("#files tbody a").Length.Should().Be(details.Count, "only rows with a detail link to one");
    }

    [Fact]
    public void The_report_verb_rebuilds_the_page_and_refuses_a_folder_that_is_not_an_export()
    {
        var copy = Path.Combine(batch.Root, "verb", "out");
        Directory.CreateDirectory(copy);
        foreach (var f in Directory.EnumerateFiles(batch.Output).Where(f => !f.EndsWith(".html", StringComparison.Ordinal))) File.Copy(f, Path.Combine(copy, Path.GetFileName(f)));
        var (code, stdout, _) = BatchFixture.Run("report", copy);
        code.Should().Be(0);
        stdout.Should().Contain(QualityReport.FileName);
        File.ReadAllText(Path.Combine(copy, QualityReport.FileName)).Should().Be(batch.Html);
        var empty = BatchFixture.TempDir("not-export");
        var (bad, _, err) = BatchFixture.Run("report", empty);
        bad.Should().Be(2);
        err.Should().Contain("not an export folder");
        File.Exists(Path.Combine(empty, QualityReport.FileName)).Should().BeFalse();
    }

    [Fact]
    public async Task Merge_writes_the_page_of_the_combined_tables()
    {
        var shards = Enumerable.Range(1, 2).Select(k => Path.Combine(batch.Root, "shards", $"s{k}", "out")).ToList();
        for (int k = 0; k < 2; k++)
            await ReportExporter.ExportAsync(new ExportOptions { Inputs = [batch.Input], OutputDirectory = shards[k], Shard = new Shard(k + 1, 2), Jobs = 2 });
        var merged = Path.Combine(batch.Root, "merged", "out");
        await ReportExporter.MergeAsync(shards, merged);
        File.ReadAllText(Path.Combine(merged, QualityReport.FileName)).Should().Be(batch.Html, "a merge's page is the page of one unsharded run");
    }
}
