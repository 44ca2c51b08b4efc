using System.Globalization;
using System.Text.Json;
using ReportParser.Cli;
using ReportParser.Cli.Commands;
using static ReportParser.Tests.Cli.BatchFixture;

namespace ReportParser.Tests.Cli;

/// <summary>The verbs' shared behaviour: unknown options, parse over folders and archives, check's filter, summary and JSON, parser limits, help and version.</summary>
public sealed class CliVerbTests : IDisposable
{
    private readonly string _root = TempDir("verbs");

    private static string Sample => Path.Combine(Paths.Corpus, "text", "000_b4f43ef4f0df1505.txt");

    private static string Broken => Path.Combine(Paths.Corpus, "text", "jiangchuan-nr-2023-broken-rules.txt");

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public void An_unknown_option_is_refused_with_a_suggestion_not_read_as_an_input()
    {
        var outDir = Path.Combine(_root, "o");
        var (code, output, err) = Run("export", "--jbos", "2", Sample, "--out", outDir);
        code.Should().Be(2);
        output.Should().BeEmpty();
        err.Should().StartWith("unknown option '--jbos' for 'reportparser export'; did you mean --jobs?");
        Directory.Exists(outDir).Should().BeFalse("nothing is exported");

        Run("check", Sample, "--min-severty", "error").Err.Should().Contain("did you mean --min-severity?");
        Run("parse", Sample, "--max-lnes", "5").Err.Should().Contain("did you mean --max-lines?");
        var (c2, _, e2) = Run("check", Sample, "--frobnicate");
        c2.Should().Be(2);
        e2.Should().Contain("unknown option '--frobnicate'").And.NotContain("did you mean");
    }

    [Theory]
    [InlineData("jbos", "jobs", 1)]
    [InlineData("--out", "--out", 0)]
    [InlineData("kitten", "sitting", 3)]
    public void Edit_distance_counts_a_swap_as_one_edit(string a, string b, int distance)
        => UnknownOptions.Distance(a, b).Should().Be(distance);

    [Fact]
    public void Parse_reads_a_zip_archive_and_exits_2_when_an_input_is_unreadable()
    {
        var zip = Path.Combine(_root, "two.zip");
        File.WriteAllBytes(zip, GbkZip(new[] { ("甲.txt", Utf8(Variant("甲局", 2021, 1))), ("乙.txt", Utf8(Variant("乙局", 2022, 2))) }));
        var (code, output, err) = Run("parse", zip);
        code.Should().Be(0, err);
        using (var doc = JsonDocument.Parse(output))
        {
            doc.RootElement.ValueKind.Should().Be(JsonValueKind.Array);
            doc.RootElement.EnumerateArray().Select(e => e.GetProperty("Source").GetString()).Should().Equal(zip + "!甲.txt", zip + "!乙.txt");
            doc.RootElement.EnumerateArray().Select(e => e.GetProperty("Metadata").GetProperty("Agency").GetString()).Should().Equal("甲局", "乙局");
            doc.RootElement[1].GetProperty("Metadata").GetProperty("Year").GetInt32().Should().Be(2022);
        }

        var missing = Path.Combine(_root, "missing.txt");
        var (code2, output2, err2) = Run("parse", Sample, missing);
        code2.Should().Be(2);
        err2.Should().Contain(missing + ": unreadable: not found");
        using var one = JsonDocument.Parse(output2);
        one.RootElement.GetProperty("Source").GetString().Should().Be(Sample, "the readable input is still written, as one object");
    }

    [Fact]
    public void Min_severity_filters_what_check_prints_and_the_summary_counts_everything()
    {
        var r = new[] { Report.ParseFile(Sample), Report.ParseFile(Broken) }.SelectMany(x => x.Diagnostics).ToList();
        int errors = r.Count(d => d.Severity == Severity.Error);
        int warnings = r.Count(d => d.Severity == Severity.Warning);
        int infos = r.Count(d => d.Severity == Severity.Info);
        infos.Should().BePositive();
        warnings.Should().BePositive();

        var all = Run("check", Sample, Broken, "--min-severity", "info");
        all.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(errors + warnings + infos);
        all.Out.Should().Contain(": info RP");
        var byDefault = Run("check", Sample, Broken);
        byDefault.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(errors + warnings);
        byDefault.Out.Should().NotContain(": info RP");
        var onlyErrors = Run("check", Sample, Broken, "--min-severity", "error");
        onlyErrors.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(errors);
        onlyErrors.Err.Should().Contain(string.Create(CultureInfo.InvariantCulture, $"diagnostics: {errors + warnings + infos} ({errors} shown at --min-severity error)"));
        Run("check", Sample, Broken, "--min-severity", "loud").Code.Should().Be(2);
    }

    [Fact]
    public void Check_ends_with_files_by_status_and_diagnostics_by_code_and_severity()
    {
        var dir = Path.Combine(_root, "in");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "a.txt"), Variant(Agency(1), 2021, 1));
        File.WriteAllText(Path.Combine(dir, "b.txt"), Variant(Agency(2), 2021, 2));
        File.WriteAllText(Path.Combine(dir, "c-notes.txt"), "会议纪要\n今天讨论了办公用品采购。\n");
        var missing = Path.Combine(_root, "missing.txt");
        var expected = new[] { "a.txt", "b.txt", "c-notes.txt" }.Select(f => Report.ParseFile(Path.Combine(dir, f))).ToList();
        int parsed = expected.Count(e => e.Status == ReportStatus.Parsed), withErrors = expected.Count(e => e.Status == ReportStatus.ParsedWithErrors);

        var (code, output, err) = Run("check", dir, missing);
        code.Should().Be(2, "an input is missing");
        var lines = err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().Contain($"{missing}: unreadable: not found");
        lines.Should().Contain($"checked 4 file(s): {parsed} parsed, {withErrors} parsed-with-errors, 1 not-a-report, 1 unreadable");
        int total = expected.Sum(e => e.Diagnostics.Count);
        lines.Should().Contain(l => l.StartsWith($"diagnostics: {total} (", StringComparison.Ordinal));
        int notAReport = expected.Sum(e => e.Diagnostics.Count(d => d.Code == DiagnosticCode.NotAReport));
        notAReport.Should().Be(1);
        lines.Should().Contain(l => l.StartsWith("  RP2015   error           1  ", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("  RP2015", StringComparison.Ordinal)).Which.Should().Be(lines.First(l => l.StartsWith("  RP", StringComparison.Ordinal)), "errors come first");
        output.Should().Contain(Path.Combine(dir, "c-notes.txt") + ": unknown location: error RP2015");
    }

    [Fact]
    public void Check_json_writes_one_object_per_line_ending_with_the_summary()
    {
        var r = Report.ParseFile(Broken);
        var (code, output, _) = Run("check", Broken, "--format", "json", "--min-severity", "info");
        code.Should().Be(r.HasErrors ? 1 : 0);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var docs = lines.Select(l => JsonDocument.Parse(l)).ToList();
        docs.Count(d => d.RootElement.GetProperty("type").GetString() == "diagnostic").Should().Be(r.Diagnostics.Count);
        var first = docs[0].RootElement;
        first.GetProperty("file").GetString().Should().Be(Broken);
        first.GetProperty("code").GetString().Should().Be(r.Diagnostics[0].CodeText);
        first.GetProperty("message").GetString().Should().Be(r.Diagnostics[0].Message);
        var file = docs.Single(d => d.RootElement.GetProperty("type").GetString() == "file").RootElement;
        file.GetProperty("status").GetString().Should().Be(r.Status.ToText());
        file.GetProperty("warnings").GetInt32().Should().Be(r.Diagnostics.Count(d => d.Severity == Severity.Warning));
        var summary = docs[^1].RootElement;
        summary.GetProperty("type").GetString().Should().Be("summary");
        summary.GetProperty("files").GetInt32().Should().Be(1);
        summary.GetProperty("diagnostics").GetInt32().Should().Be(r.Diagnostics.Count);
        summary.GetProperty("status").GetProperty(r.Status.ToText()).GetInt32().Should().Be(1);
        summary.GetProperty("codes").EnumerateArray().Sum(c => c.GetProperty("count").GetInt32()).Should().Be(r.Diagnostics.Count);
        foreach (var d in docs) d.Dispose();
    }

    [Fact]
    public void Parser_limits_are_options_of_parse_check_and_export()
    {
        var (code, output, _) = Run("check", Sample, "--max-tables", "1", "--min-severity", "error");
        code.Should().Be(1);
        output.Should().Contain("error RP1005");
        using (var doc = JsonDocument.Parse(Run("parse", Sample, "--max-tables", "1").Out))
        {
            doc.RootElement.GetProperty("Requests").ValueKind.Should().Be(JsonValueKind.Null);
            doc.RootElement.GetProperty("ProactiveDisclosure").ValueKind.Should().Be(JsonValueKind.Object);
        }
        Run("check", Sample, "--expected-year", "2019").Out.Should().Contain("2019");
        Run("check", Sample, "--expected-year", "2021", "--min-severity", "warning").Out.Should().NotContain("2019");
        var outDir = Path.Combine(_root, "limited");
        Run("export", Sample, "--out", outDir, "--max-input-bytes", "100", "-q").Code.Should().Be(1, "the file is over the limit: unreadable");
        Read(outDir, "files")[1][1].Should().Be("unreadable");
        foreach (var bad in new[]
                 {
                     new[] { "--max-lines", "0" }, new[] { "--time-budget", "-1" }, new[] { "--max-pdf-pages", "x" }, new[] { "--max-cells-per-row", "0" },
                     new[] { "--max-html-depth", "-3" }, new[] { "--conversion-timeout", "0" }, new[] { "--converter", "word" },
                 })
        {
            Run(new[] { "check", Sample }.Concat(bad).ToArray()).Code.Should().Be(2, string.Join(' ', bad));
        }
        foreach (var verb in new[] { "parse", "check", "export" })
        {
            var help = Run(verb, "--help").Out;
            foreach (var o in new[]
                     {
                         "--max-input-bytes", "--max-lines", "--max-table-cells", "--max-tables", "--time-budget", "--max-pdf-pages", "--expected-year",
                         "--max-cells-per-row", "--max-document-cells", "--max-html-depth", "--max-html-elements", "--converter", "--soffice", "--conversion-timeout",
                     })
                help.Should().Contain(o, verb);
        }
    }

    [Fact]
    public void Converter_none_lists_a_word_97_file_as_unreadable_with_the_reason()
    {
        var doc = Path.Combine(Paths.Corpus, "doc", "qingshan-transport-2021.doc");
        var outDir = Path.Combine(_root, "no-converter");
        Run("export", doc, "--out", outDir, "--converter", "none", "-q").Code.Should().Be(1);
        var row = Read(outDir, "files")[1];
        row[1].Should().Be("unreadable");
        string.Join(",", row).Should().Contain("convert");
        var missing = Run("check", doc, "--soffice", Path.Combine(_root, "no-such-soffice"));
        missing.Out.Should().Contain("apt-get install libreoffice-writer-nogui libreoffice-calc-nogui");
    }

    [Fact]
    public void Help_says_reportparser_and_version_gives_the_commit()
    {
        var (code, output, _) = Run("--help");
        code.Should().Be(0);
        output.Should().Contain("Usage:\n  reportparser [command] [options]").And.NotContain("ReportParser.Cli");
        Run("export", "--help").Out.Should().Contain("reportparser export <inputs>... [options]");
        var version = Run("--version");
        version.Code.Should().Be(0);
        version.Out.Should().MatchRegex(@"^reportparser \d+\.\d+\.\d+\S* \(commit [0-9a-f]{7}\)\n$");
        CliApp.VersionText("0.2.0-alpha.0.5+3f2a1b2c4d5e6f").Should().Be("reportparser 0.2.0-alpha.0.5 (commit 3f2a1b2)");
        CliApp.VersionText("0.1.0").Should().Be("reportparser 0.1.0");
        CliApp.VersionText(null).Should().Be("reportparser unknown");
    }
}
