using System.Diagnostics;
using ReportParser.Diagnostics;

namespace ReportParser.Tests.Tables;

/// <summary>
/// The crawled plain-text reports in ../shared/corpus/real/txt (skipped when ../shared is absent): template and
/// year as MANIFEST.tsv records them, and no table cell of a 2019/2021 report left neither determined nor
/// covered by a diagnostic that says why (ambiguous run, bounded search, missing row, unreadable value).
/// </summary>
public class FusedRealCorpusTests
{
    private static readonly DiagnosticCode[] RowCoverage = { DiagnosticCode.FusedRunAmbiguous, DiagnosticCode.FusedRunBound, DiagnosticCode.MissingRow };

    private static List<(string File, int Year, string Template)> Manifest()
    {
        var list = new List<(string, int, string)>();
        if (Paths.Shared is not { } shared) return list;
        var path = Path.Combine(shared, "corpus", "real", "MANIFEST.tsv");
        if (!File.Exists(path)) return list;
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var f = line.Split('\t');
            if (f.Length < 4 || f[1] != "txt") continue;
            list.Add((Path.Combine(shared, "corpus", "real", f[0]), int.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture), f[3]));
        }
        return list;
    }

    private static string TemplateKey(string manifest) => manifest switch
    {
        "pre2019" => "legacy",
        _ => manifest,
    };

    [Fact]
    public void Every_crawled_text_report_has_its_template_and_year()
    {
        var manifest = Manifest();
        if (manifest.Count == 0) return;
        manifest.Should().HaveCountGreaterThanOrEqualTo(30);
        foreach (var (file, year, template) in manifest)
        {
            var result = Report.ParseFile(file);
            var name = Path.GetFileName(file);
            result.Report.Metadata.Year.Should().Be(year, name);
            result.Report.Metadata.Template.ToKey().Should().Be(TemplateKey(template), name);
            if (template == "unknown")
            {
                result.Report.Tables.Should().BeEmpty(name + " holds no table: nothing may be invented");
                result.Diagnostics.Should().Contain(d => d.Code == DiagnosticCode.MissingTable && d.Severity == Severity.Error, name);
            }
        }
    }

    [Fact]
    public void Every_cell_of_a_template_report_is_determined_or_explained()
    {
        var manifest = Manifest();
        if (manifest.Count == 0) return;
        int determined = 0;
        foreach (var (file, _, template) in manifest)
        {
            if (template is not ("2019" or "2021")) continue;
            var result = Report.ParseFile(file);
            var name = Path.GetFileName(file);
            result.Report.Tables.Should().HaveCount(3, name);
            foreach (var table in result.Report.Tables)
            {
                foreach (var row in table.Rows)
                {
                    foreach (var cell in row.Cells)
                    {
                        if (cell.Value is not null) { determined++; continue; }
                        bool covered = result.Diagnostics.Any(d =>
                            (RowCoverage.Contains(d.Code) && d.Message.Contains($"({row.Key})", StringComparison.Ordinal))
                            || (d.Code == DiagnosticCode.UnparsableValue && cell.Location is { } s && d.Location == s));
                        covered.Should().BeTrue($"{name}: {table.Key}.{row.Key}.{cell.Column} is neither determined nor explained");
                    }
                }
            }
        }
        determined.Should().BeGreaterThan(3000);
    }

    [Fact]
    public void A_whole_crawled_file_parses_in_well_under_ten_milliseconds()
    {
        var manifest = Manifest();
        if (manifest.Count == 0) return;
        var texts = manifest.Select(m => (Name: Path.GetFileName(m.File), Text: File.ReadAllText(m.File))).ToList();
        foreach (var (name, text) in texts) Report.ParseText(text, name); // warm up
        // Processor time rather than wall time: the machine is shared, and a preempted parse is not a slow one.
        var best = new List<double>();
        var process = Process.GetCurrentProcess();
        foreach (var (name, text) in texts)
        {
            process.Refresh();
            var before = process.TotalProcessorTime;
            for (int i = 0; i < 10; i++) Report.ParseText(text, name);
            process.Refresh();
            best.Add((process.TotalProcessorTime - before).TotalMilliseconds / 10);
        }
        best.Sort();
        // The median file.
        best[best.Count / 2].Should().BeLessThan(10);
    }
}
