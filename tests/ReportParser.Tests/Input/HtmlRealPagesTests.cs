namespace ReportParser.Tests.Input;

/// <summary>
/// The real report pages in ../shared/corpus/real/html (skipped when absent): each parses with the year,
/// template and agency of MANIFEST.tsv, all three tables, no error, and exactly the rule failures that
/// were checked by hand against the published page.
/// </summary>
public class HtmlRealPagesTests
{
    /// <summary>Rule failures each page really prints (verified against the page's cells); other pages have none.</summary>
    private static readonly Dictionary<string, string[]> KnownInconsistencies = new()
    {
        // （七）总计 row printed as all 0 though 予以公开 3 and 本机关不掌握 1; table 四 复议 总计 0 beside 结果纠正 1.
        ["pingtan-econ-dev-bureau-2025-page.html"] = new[] { "Requests.Balance", "Requests.OutcomeTotal", "ReviewLitigation.GroupTotal" },
        // 本年新收 1 + 上年结转 0, but （七）总计 1 and 结转下年度 1.
        ["pingtan-police-2021-page.html"] = new[] { "Requests.Balance" },
    };

    public static TheoryData<string, int, string, string> Pages()
    {
        var data = new TheoryData<string, int, string, string>();
        if (Paths.Shared is not { } shared) return data;
        var manifest = Path.Combine(shared, "corpus", "real", "MANIFEST.tsv");
        if (!File.Exists(manifest)) return data;
        foreach (var line in File.ReadLines(manifest).Skip(1))
        {
            var f = line.Split('\t');
            if (f.Length < 5 || !f[0].StartsWith("html/", StringComparison.Ordinal)) continue;
            data.Add(f[0], int.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture), f[3], f[4]);
        }
        return data;
    }

    [Fact]
    public void Manifest_lists_the_pages_when_shared_is_present()
    {
        if (Paths.Shared is null || !Directory.Exists(Path.Combine(Paths.Shared, "corpus", "real", "html"))) return;
        Pages().Count.Should().Be(Directory.EnumerateFiles(Path.Combine(Paths.Shared, "corpus", "real", "html"), "*.html").Count());
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Real_page_parses_with_its_tables(string file, int year, string template, string agency)
    {
        var path = Path.Combine(Paths.Shared!, "corpus", "real", file);
        if (!File.Exists(path)) return;
        var result = Report.ParseFile(path);
        var report = result.Report;

        result.Diagnostics.Where(d => d.Severity == Severity.Error).Should().BeEmpty();
        report.Metadata.Year.Should().Be(year);
        report.Metadata.Template.ToKey().Should().Be(template);
        report.Metadata.Agency.Should().Be(agency);

        foreach (var table in new ReportTable?[] { report.ProactiveDisclosure, report.Requests, report.ReviewLitigation })
        {
            table.Should().NotBeNull();
            table!.Cells.Count(c => c.IsStated).Should().BePositive(table.Key);
            foreach (var c in table.Cells.Where(c => c.IsStated))
            {
                c.Location.Table.Should().BePositive(c.Key);
                c.Location.Line.Should().BePositive(c.Key);
            }
        }
        // Every cell of tables 二 and 四 is printed on these pages (blanks occur only in some table-三 cells).
        report.ProactiveDisclosure!.Cells.Should().OnlyContain(c => c.IsStated);
        report.ReviewLitigation!.Cells.Count(c => c.IsStated).Should().BeGreaterThanOrEqualTo(6);

        var failures = result.Diagnostics
            .Where(d => (int)d.Code is >= 4000 and < 4090 && d.Rule is not null)
            .Select(d => d.Rule!)
            .Distinct()
            .Order(StringComparer.Ordinal);
        var name = Path.GetFileName(file);
        failures.Should().Equal(KnownInconsistencies.TryGetValue(name, out var known) ? known.Order(StringComparer.Ordinal) : Array.Empty<string>());
    }

    [Fact]
    public void Shuyang_page_metadata_table_is_harvested_not_read_as_a_report_table()
    {
        if (Paths.Shared is null) return;
        var path = Path.Combine(Paths.Shared, "corpus", "real", "html", "shuyang-county-drc-2023.html");
        if (!File.Exists(path)) return;
        var bag = new ReportParser.Diagnostics.DiagnosticBag();
        var blocks = ReportParser.Input.InputReader.Read(ReportSource.FromFile(path), ReportParserOptions.Default, bag);
        blocks.Format.Should().Be(ReportParser.SourceFormat.Html);
        blocks.Metadata.Should().Contain("索引号", "014314799/2024-00002");
        blocks.Metadata.Should().Contain("发布机构", "沭阳县发展和改革局");
        blocks.Metadata.Should().Contain("发文日期", "2024-01-17");
        blocks.Blocks.OfType<ReportParser.Input.TableBlock>().Should().HaveCount(3);
        var result = Report.ParseFile(path);
        result.Report.Metadata.PublishedOn.Should().Be(new DateOnly(2024, 1, 17));
        // '申请人情'+'况' split over spans rejoins; the 26 applications are all 予以公开.
        result.Report.Requests!.NewRequests.NaturalPerson.Should().Be(26);
        result.Report.Requests.Granted.Total.Should().Be(26);
        result.Report.Requests.NewRequests.Commercial.Should().BeNull("the legal-person cells are blank on the page");
    }
}
