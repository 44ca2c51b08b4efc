using System.Collections.Concurrent;
using ReportParser.Batch;
using ReportParser.Export;
using ReportParser.Tests.Cli;
using ReportParser.Validation;
using static ReportParser.Tests.Cli.BatchFixture;

namespace ReportParser.Tests.Batch;

/// <summary>The library's batch exporter: the same bytes as the CLI, progress, cancellation, merge, the public enumerator.</summary>
public sealed class ReportExporterTests : IDisposable
{
    private readonly string _root = TempDir("exporter");
    private readonly string _plain;
    private readonly string _zip;
    private readonly string _missing;

    public ReportExporterTests()
    {
        _plain = Path.Combine(_root, "plain");
        Directory.CreateDirectory(_plain);
        for (int i = 1; i <= 12; i++) File.WriteAllText(Path.Combine(_plain, $"r{i:00}.txt"), Variant(Agency(i), 2021, i));
        File.WriteAllText(Path.Combine(_plain, "y-甲局-2021.txt"), Variant("甲局", 2021, 301));
        File.WriteAllText(Path.Combine(_plain, "y-甲局-2022.txt"), Variant("甲局", 2022, 302));
        File.WriteAllText(Path.Combine(_plain, "zz-copy.txt"), Variant(Agency(1), 2021, 1));
        File.WriteAllText(Path.Combine(_plain, "notes.txt"), "会议纪要\n今天讨论了办公用品采购。\n");
        _zip = Path.Combine(_root, "年报.zip");
        File.WriteAllBytes(_zip, GbkZip(new[] { ("报告/甲.txt", Utf8(Variant("乙局", 2021, 40))), ("丙.txt", Utf8(Variant("丙局", 2021, 41))) }));
        _missing = Path.Combine(_root, "missing.txt");
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    private string[] Inputs => new[] { _plain, _zip, _missing };

    private sealed class Recorder : IProgress<ExportProgress>
    {
        public ConcurrentQueue<ExportProgress> Reports { get; } = new();

        public void Report(ExportProgress value) => Reports.Enqueue(value);
    }

    [Theory]
    [InlineData(ExportFormat.Csv, "csv")]
    [InlineData(ExportFormat.Jsonl, "jsonl")]
    [InlineData(ExportFormat.Parquet, "parquet")]
    public async Task The_library_exporter_writes_the_same_bytes_as_the_cli(ExportFormat format, string word)
    {
        var cli = Path.Combine(_root, "cli");
        var (code, _, err) = Run(new[] { "export" }.Concat(Inputs).Concat(new[] { "--out", cli, "--format", word, "-q" }).ToArray());
        code.Should().Be(1, "the missing input is unreadable; " + err);

        var lib = Path.Combine(_root, "lib");
        var progress = new Recorder();
        var summary = await ReportExporter.ExportAsync(new ExportOptions { Inputs = Inputs, OutputDirectory = lib, Format = format, Jobs = 2 }, progress);

        var names = Directory.GetFiles(cli).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        names.Should().Equal(ExportTables.Written.Select(t => t.Name + "." + word).Append("codebook.csv").Append(QualityReport.FileName).Append(OutputFolder.ManifestFile).Order(StringComparer.Ordinal));
        File.ReadAllText(Path.Combine(cli, "codebook.csv")).Should().StartWith("table,column,short_name,type,unit,templates,row_label,column_label,crosswalk\nfiles,file,file,text,");
        Directory.GetFiles(lib).Select(Path.GetFileName).Order(StringComparer.Ordinal).Should().Equal(names);
        foreach (var n in names.Where(n => n != OutputFolder.ManifestFile)) File.ReadAllBytes(Path.Combine(lib, n!)).Should().Equal(File.ReadAllBytes(Path.Combine(cli, n!)), n);

        summary.Files.Should().Be(19);
        summary.ByStatus[ReportStatus.Unreadable].Should().Be(1);
        summary.ByStatus[ReportStatus.NotAReport].Should().Be(1);
        summary.ByStatus.Values.Sum().Should().Be(19);
        summary.Reports.Should().Be(17);
        summary.CrossReportFindings.Should().Be(3, "甲局's carry-over differs, its 2022 prose repeats its 2021 prose, and zz-copy.txt duplicates r01.txt");
        summary.ByCode["RP4006"].Should().Be(1);
        summary.ByCode["RP4007"].Should().Be(1);
        summary.ByCode["RP5020"].Should().Be(1);
        summary.Cells.Should().Be(Read(lib, "cells", format).Count - 1);
        summary.DiagnosticRows.Should().Be(Read(lib, "diagnostics", format).Count - 1);

        var reports = progress.Reports.ToList();
        reports.Where(p => p.File is not null).Select(p => p.Done).Should().Equal(Enumerable.Range(1, 19).Select(i => (long)i));
        reports.Where(p => p.File is not null).Select(p => p.File).Should().Equal(Read(lib, "files", format).Skip(1).Select(r => r[0]), "reported in output order");
        reports.Where(p => p.Total is not null).Should().OnlyContain(p => p.Total == 19);
        reports.Should().Contain(p => p.Total == 19, "the counting pass reports the total");
        reports.Max(p => p.Unreadable).Should().Be(1);
    }

    [Fact]
    public async Task Cancelling_stops_the_run_and_leaves_the_tables_consistent()
    {
        using var cts = new CancellationTokenSource();
        int parsed = 0;
        var outDir = Path.Combine(_root, "cancelled");
        var options = new ExportOptions
        {
            Inputs = Inputs, OutputDirectory = outDir, Jobs = 1,
            Parse = (source, o) =>
            {
                if (Interlocked.Increment(ref parsed) == 4) cts.Cancel();
                return Report.Parse(source, o);
            },
        };
        await FluentActions.Awaiting(() => ReportExporter.ExportAsync(options, null, cts.Token)).Should().ThrowAsync<OperationCanceledException>();
        parsed.Should().BeLessThan(8, "no further file is parsed once cancelled");
        Directory.GetFileSystemEntries(outDir).Select(Path.GetFileName).Should().Equal([".partial"], "nothing of an unfinished run takes a final name");
        outDir = OutputFolder.StagingDir(outDir);
        var files = Read(outDir, "files").Skip(1).Select(r => r[0]).ToList();
        files.Count.Should().BeInRange(1, 5);
        files.Should().Equal(Directory.GetFiles(_plain).Order(StringComparer.Ordinal).Take(files.Count), "a prefix of the input order");
        Read(outDir, "cells").Skip(1).Select(r => r[0]).Distinct().Should().BeSubsetOf(files);
        Read(outDir, "reports").Skip(1).Select(r => r[0]).Should().BeSubsetOf(files);
        var diagnostics = Read(outDir, "diagnostics").Skip(1).ToList();
        diagnostics.Select(r => r[0]).Should().BeSubsetOf(files);
        diagnostics.Should().NotContain(r => r[1] == "RP4006" || r[1] == "RP4007" || r[1] == "RP4008", "cross-report checks need the whole batch");

        using var before = new CancellationTokenSource();
        await before.CancelAsync();
        await FluentActions.Awaiting(() => ReportExporter.ExportAsync(options with { Parse = (s, o) => Report.Parse(s, o), OutputDirectory = Path.Combine(_root, "c2") }, null, before.Token))
            .Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task Shards_merged_by_the_library_equal_the_single_run()
    {
        var single = Path.Combine(_root, "single");
        await ReportExporter.ExportAsync(new ExportOptions { Inputs = Inputs, OutputDirectory = single });
        var shards = new List<string>();
        for (int k = 1; k <= 3; k++)
        {
            var dir = Path.Combine(_root, $"s{k}");
            await ReportExporter.ExportAsync(new ExportOptions { Inputs = Inputs, OutputDirectory = dir, Shard = new Shard(k, 3), Format = k == 2 ? ExportFormat.Parquet : ExportFormat.Csv });
            shards.Add(dir);
        }
        var merged = Path.Combine(_root, "merged");
        var summary = await ReportExporter.MergeAsync(shards, merged, ExportFormat.Csv);
        summary.Files.Should().Be(19);
        summary.CrossReportFindings.Should().Be(3);
        foreach (var t in ExportTables.Written)
            File.ReadAllBytes(Path.Combine(merged, t.Name + ".csv")).Should().Equal(File.ReadAllBytes(Path.Combine(single, t.Name + ".csv")), t.Name);

        await FluentActions.Awaiting(() => ReportExporter.MergeAsync(new[] { single, shards[0] }, Path.Combine(_root, "m2")))
            .Should().ThrowAsync<ShardMergeException>().WithMessage("*is shard 1/3*one of 1*same N*");
        File.WriteAllText(Path.Combine(shards[0], "cells.csv"), "file,agency\n");
        await FluentActions.Awaiting(() => ReportExporter.MergeAsync(shards, Path.Combine(_root, "m3")))
            .Should().ThrowAsync<ShardMergeException>().WithMessage("*cells.csv: its SHA-256 differs from manifest.json*");
    }

    [Theory]
    [InlineData(ExportFormat.Parquet, ".parquet")]
    [InlineData(ExportFormat.Jsonl, ".jsonl")]
    public async Task Typed_shards_merge_to_the_bytes_of_the_single_run_in_the_same_format(ExportFormat format, string extension)
    {
        var single = Path.Combine(_root, "single");
        await ReportExporter.ExportAsync(new ExportOptions { Inputs = Inputs, OutputDirectory = single, Format = format });
        var shards = new List<string>();
        for (int k = 1; k <= 2; k++)
        {
            var dir = Path.Combine(_root, $"s{k}");
            await ReportExporter.ExportAsync(new ExportOptions { Inputs = Inputs, OutputDirectory = dir, Shard = new Shard(k, 2), Format = format });
            shards.Add(dir);
        }
        var merged = Path.Combine(_root, "merged");
        await ReportExporter.MergeAsync(shards, merged, format);
        foreach (var t in ExportTables.Written)
            File.ReadAllBytes(Path.Combine(merged, t.Name + extension)).Should().Equal(File.ReadAllBytes(Path.Combine(single, t.Name + extension)), t.Name);
        File.ReadAllBytes(Path.Combine(merged, "codebook.csv")).Should().Equal(File.ReadAllBytes(Path.Combine(single, "codebook.csv")));
        File.ReadAllLines(Path.Combine(merged, "codebook.csv")).Should().HaveCount(1 + Codebook.Entries.Count);
    }

    [Fact]
    public async Task Short_names_head_the_cell_columns_and_survive_a_merge()
    {
        var single = Path.Combine(_root, "short");
        await ReportExporter.ExportAsync(new ExportOptions { Inputs = Inputs, OutputDirectory = single, Names = ColumnNames.Short, Format = ExportFormat.Jsonl });
        var first = File.ReadLines(Path.Combine(single, "reports.jsonl")).First();
        first.Should().StartWith("{\"file\":").And.Contain("\"req_new_np\":").And.NotContain("Requests.");
        var shards = new List<string>();
        for (int k = 1; k <= 2; k++)
        {
            var dir = Path.Combine(_root, $"short{k}");
            await ReportExporter.ExportAsync(new ExportOptions { Inputs = Inputs, OutputDirectory = dir, Shard = new Shard(k, 2), Names = ColumnNames.Short, Format = k == 1 ? ExportFormat.Csv : ExportFormat.Jsonl });
            shards.Add(dir);
        }
        var merged = Path.Combine(_root, "short-merged");
        await ReportExporter.MergeAsync(shards, merged, ExportFormat.Jsonl);
        foreach (var t in ExportTables.Written)
            File.ReadAllBytes(Path.Combine(merged, t.Name + ".jsonl")).Should().Equal(File.ReadAllBytes(Path.Combine(single, t.Name + ".jsonl")), t.Name);

        var keys = Path.Combine(_root, "keys");
        await ReportExporter.ExportAsync(new ExportOptions { Inputs = Inputs, OutputDirectory = keys, Shard = new Shard(1, 2) });
        await FluentActions.Awaiting(() => ReportExporter.MergeAsync(new[] { keys, shards[1] }, Path.Combine(_root, "mixed")))
            .Should().ThrowAsync<ShardMergeException>().WithMessage("*not shards of one run: names was \"keys\", now \"short\"*");
    }

    [Fact]
    public void Bad_options_are_caller_mistakes_thrown_before_any_work()
    {
        FluentActions.Invoking(() => { _ = ReportExporter.ExportAsync(null!); }).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => { _ = ReportExporter.ExportAsync(new ExportOptions { Inputs = Inputs, OutputDirectory = "x", Jobs = 0 }); }).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => { _ = ReportExporter.ExportAsync(new ExportOptions { Inputs = Inputs, OutputDirectory = "" }); }).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void The_enumerator_numbers_folder_files_and_archive_entries_in_order()
    {
        var items = new InputEnumerator(new[] { _zip, _missing, _zip }).Enumerate().ToList();
        items.Select(i => (i.Index, i.File, i.Source)).Should().Equal((0L, _zip + "!报告/甲.txt", "报告/甲.txt"), (1L, _zip + "!丙.txt", "丙.txt"), (2L, _missing, ""));
        items[0].ReadAllBytes().Should().Equal(Utf8(Variant("乙局", 2021, 40)));
        items[2].Status.Should().Be(ReportStatus.Unreadable);
        items[2].Reason.Should().Be("not found");
        FluentActions.Invoking(() => items[2].ReadAllBytes()).Should().Throw<InvalidOperationException>();
        InputEnumerator.Count(new[] { _plain, _zip }).Should().Be(18);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        FluentActions.Invoking(() => new InputEnumerator(new[] { _plain }).Enumerate(cts.Token).ToList()).Should().Throw<OperationCanceledException>();
    }

    [Fact]
    public void The_cross_year_summary_is_built_from_the_typed_report()
    {
        var report = Report.ParseText(Variant("甲局", 2022, 5, carriedOver: 7)).Report;
        var row = WideReportRow.From("f.txt", "", Report.ParseText(Variant("甲局", 2022, 5, carriedOver: 7), "f.txt"), Utf8("x"));
        var s = CrossYearSummary.From(3, "f.txt", report, row.Sha256, row.TablesHash);
        s.Agency.Should().Be("甲局");
        s.Year.Should().Be(2022);
        s.ContentHash.Should().Be(ReportFingerprints.Content(Utf8("x")));
        s.TablesHash.Should().Be(ReportFingerprints.Tables(ReportCellKeys.Numbers(report))).And.NotBeNull();
        s.CarriedOver.Should().Equal(CrossYearSummary.ApplicantColumns.Select(c => report.Requests!["CarriedOver", c]?.Value));
        s.CarriedOver.Count(v => v == 7m).Should().BeGreaterThanOrEqualTo(6, "the variant sets every stated cell of 二、上年结转 to 7");
        s.CarriedForward[0].Should().Be(report.Requests!.CarriedForward.NaturalPerson);
        row.Values[ReportCellKeys.IndexOf("Requests.CarriedOver.NaturalPerson")].Should().Be(7m);
        WideReportRow.Schema.Fields(row)[WideReportRow.Schema.IndexOf("Requests.CarriedOver.NaturalPerson")].Should().Be("7");
        WideReportRow.Schema.Columns.Count.Should().Be(WideReportRow.MetadataColumnCount + ReportCellKeys.All.Count);
    }
}
