using ReportParser.Batch;
using ReportParser.Cli.Output;
using static ReportParser.Tests.Cli.BatchFixture;

namespace ReportParser.Tests.Cli;

/// <summary>Time limit, exit codes, help, check over folders and archives, progress lines, shard arithmetic.</summary>
public sealed class ExportBehaviourTests : IDisposable
{
    private readonly string _root = TempDir("behaviour");

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    private string WriteReports(int n)
    {
        var dir = Path.Combine(_root, "in");
        Directory.CreateDirectory(dir);
        for (int i = 1; i <= n; i++) File.WriteAllText(Path.Combine(dir, $"r{i}.txt"), Variant(Agency(i), 2021, i));
        return dir;
    }

    [Fact]
    public async Task A_file_over_the_time_limit_is_listed_timeout_and_the_run_goes_on()
    {
        var dir = WriteReports(6);
        File.WriteAllText(Path.Combine(dir, "r3-slow.txt"), Variant(Agency(33), 2021, 33));
        var outDir = Path.Combine(_root, "out");
        var options = new ExportOptions
        {
            Inputs = new[] { dir }, OutputDirectory = outDir, Jobs = 2, TimeLimit = TimeSpan.FromSeconds(6),
            Parse = (source, o) =>
            {
                if (source.Name.EndsWith("slow.txt", StringComparison.Ordinal)) Thread.Sleep(TimeSpan.FromSeconds(40));
                return Report.Parse(source, o);
            },
        };
        Report.ParseText(Variant(Agency(1), 2021, 1)); // warm up, so only the slow file can reach the limit on a busy machine
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var totals = await ReportExporter.ExportAsync(options);
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30), "the run does not wait for the slow parse");
        totals.Files.Should().Be(7);
        totals.ByStatus[ReportStatus.Timeout].Should().Be(1);
        totals.ByStatus[ReportStatus.Unreadable].Should().Be(0);
        var files = Read(outDir, "files");
        var slow = files.Single(r => r[0].EndsWith("r3-slow.txt", StringComparison.Ordinal));
        slow[1].Should().Be("timeout");
        slow[2].Should().StartWith("time limit");
        files.Skip(1).Where(r => r != slow).Should().OnlyContain(r => r[1] == "parsed" || r[1] == "parsed-with-errors");
        files.Skip(1).Select(r => Path.GetFileName(r[0])).Should().Equal("r1.txt", "r2.txt", "r3-slow.txt", "r3.txt", "r4.txt", "r5.txt", "r6.txt");
        Read(outDir, "cells").Skip(1).Should().NotContain(c => c[0].EndsWith("slow.txt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_parser_exception_makes_the_file_unreadable_with_the_reason()
    {
        var dir = WriteReports(2);
        var outDir = Path.Combine(_root, "out");
        var options = new ExportOptions
        {
            Inputs = new[] { dir }, OutputDirectory = outDir,
            Parse = (source, o) => source.Name.EndsWith("r2.txt", StringComparison.Ordinal) ? throw new InvalidOperationException("boom") : Report.Parse(source, o),
        };
        await ReportExporter.ExportAsync(options);
        var files = Read(outDir, "files");
        files[2][1].Should().Be("unreadable");
        files[2][2].Should().Be("the parser failed: InvalidOperationException: boom");
    }

    [Fact]
    public void Export_prints_a_summary_table_and_plain_progress_lines_when_redirected()
    {
        var dir = WriteReports(3);
        var (code, output, err) = Run("export", dir, "--out", Path.Combine(_root, "o"), "--progress", "lines");
        code.Should().Be(0, err);
        output.Should().Contain("exported 3 file(s)").And.Contain("parsed").And.Contain("top diagnostic codes").And.Contain("cells");
        err.Should().NotContain("\r");
    }

    [Fact]
    public void Progress_lines_report_counts_rate_and_eta()
    {
        var err = new StringWriter();
        var p = new Progress(err, ProgressMode.Lines, false);
        p.Report(new ExportProgress(1, null, 1, "a"));
        p.Text().Should().StartWith("progress: 1 files (counting…)");
        for (int i = 2; i <= 4; i++) p.Report(new ExportProgress(i, 10, 1, "a"));
        p.Report(new ExportProgress(3, null, 0, "late report from another thread"));
        var line = p.Text();
        p.Dispose();
        line.Should().StartWith("progress: 4/10 files").And.Contain("files/s").And.Contain("ETA").And.Contain("1 unreadable");
    }

    [Theory]
    [InlineData("--shard", "0/3")]
    [InlineData("--shard", "4/3")]
    [InlineData("--shard", "x")]
    [InlineData("--format", "xls")]
    [InlineData("--jobs", "0")]
    [InlineData("--time-limit", "0")]
    [InlineData("--names", "long")]
    public void Bad_options_exit_with_2(string option, string value)
    {
        var dir = WriteReports(1);
        var (code, _, err) = Run("export", dir, "--out", Path.Combine(_root, "o"), option, value);
        code.Should().Be(2);
        err.Should().NotBeEmpty();
    }

    [Fact]
    public void Names_short_writes_short_cell_columns_and_the_codebook_lists_them()
    {
        var dir = WriteReports(1);
        var outDir = Path.Combine(_root, "short");
        var (code, _, err) = Run("export", dir, "--out", outDir, "--names", "short", "-q");
        code.Should().Be(0, err);
        var header = File.ReadLines(Path.Combine(outDir, "reports.csv")).First().Split(',');
        header.Should().Contain("req_new_np").And.Contain("rl_review_corrected").And.NotContain("Requests.NewRequests.NaturalPerson");
        header.Take(3).Should().Equal("file", "source", "agency");
        File.ReadLines(Path.Combine(outDir, "codebook.csv")).Should().Contain(l => l.StartsWith("reports,Requests.NewRequests.NaturalPerson,req_new_np,int64,件,both,", StringComparison.Ordinal));
    }

    [Fact]
    public void Export_help_explains_every_option_with_an_example()
    {
        var (code, output, _) = Run("export", "--help");
        code.Should().Be(0);
        foreach (var o in new[] { "--out", "--format", "--excel-bom", "--shard", "--jobs", "--time-limit", "--progress", "--quiet" }) output.Should().Contain(o);
        output.Should().Contain("Example: reportparser export").And.Contain("--shard 2/8").And.Contain("files.csv").And.Contain("Exit code");
        Run("merge", "--help").Out.Should().Contain("Example: reportparser merge");
    }

    [Fact]
    public void Check_accepts_folders_and_archives_and_exits_0_1_2()
    {
        var good = Path.Combine(_root, "good");
        Directory.CreateDirectory(good);
        File.WriteAllText(Path.Combine(good, "a.txt"), Variant(Agency(1), 2021, 1));
        var r = Report.ParseText(Variant(Agency(1), 2021, 1));
        var (code, output, _) = Run("check", good, "--min-severity", "info");
        code.Should().Be(r.HasErrors ? 1 : 0);
        output.Should().Contain(Path.Combine(good, "a.txt") + ": ");

        var withBad = Path.Combine(_root, "bad");
        Directory.CreateDirectory(withBad);
        File.WriteAllText(Path.Combine(withBad, "notes.txt"), "会议纪要\n今天讨论了办公用品采购。\n");
        var zip = Path.Combine(_root, "a.zip");
        File.WriteAllBytes(zip, GbkZip(new[] { ("报告.txt", Utf8(Variant(Agency(2), 2021, 2))) }));
        var (code2, output2, _) = Run("check", withBad, zip, "--min-severity", "info");
        code2.Should().Be(1, "notes.txt is not a report: an error diagnostic");
        output2.Should().Contain("RP2015").And.Contain(zip + "!报告.txt: ");

        Run("check", Path.Combine(_root, "missing.txt")).Code.Should().Be(2);
    }

    [Fact]
    public void Shards_partition_any_set_of_names()
    {
        var names = Enumerable.Range(0, 5000).Select(i => $"dir{i % 17}/file{i}.txt").ToList();
        var counts = new int[7];
        foreach (var n in names)
        {
            var owners = Enumerable.Range(1, 7).Where(k => new Shard(k, 7).Contains(n)).ToList();
            owners.Should().ContainSingle(n);
            counts[owners[0] - 1]++;
        }
        counts.Should().OnlyContain(c => c > 5000 / 7 * 0.8 && c < 5000 / 7 * 1.2);
        new Shard(1, 3).Contains(@"a\b.txt").Should().Be(new Shard(1, 3).Contains("a/b.txt"));
    }

    [Fact]
    public void Merge_refuses_overlapping_or_damaged_folders_with_exit_2()
    {
        var dir = WriteReports(3);
        var a = Path.Combine(_root, "a");
        var b = Path.Combine(_root, "b");
        Run("export", dir, "--out", a, "-q").Code.Should().Be(0);
        Run("export", dir, "--out", b, "-q").Code.Should().Be(0);
        var (code, _, err) = Run("merge", a, b, "--out", Path.Combine(_root, "m"));
        code.Should().Be(2);
        err.Should().Contain("are both shard 1/1");

        File.AppendAllText(Path.Combine(a, "cells.csv"), "only,three,fields\n");
        var (code2, _, err2) = Run("merge", a, "--out", Path.Combine(_root, "m2"));
        code2.Should().Be(2);
        err2.Should().Contain("damaged");

        Run("merge", Path.Combine(_root, "nothing-here"), "--out", Path.Combine(_root, "m3")).Code.Should().Be(2);
    }
}
