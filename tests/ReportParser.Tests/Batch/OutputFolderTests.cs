using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ReportParser.Batch;
using ReportParser.Export;
using static ReportParser.Tests.Cli.BatchFixture;

namespace ReportParser.Tests.Batch;

/// <summary>
/// Output folders an interruption cannot damage: tables staged and renamed into place with manifest.json last, a journal
/// that lets a run cut short after N files resume to the bytes of an uninterrupted run, folders holding another run's
/// outputs refused, the manifest's provenance, and merge checking the shards' manifests.
/// </summary>
public sealed class OutputFolderTests : IDisposable
{
    private readonly string _root = TempDir("outputs");
    private readonly string _plain;

    public OutputFolderTests()
    {
        _plain = Path.Combine(_root, "plain");
        Directory.CreateDirectory(_plain);
        for (int i = 1; i <= 10; i++) File.WriteAllText(Path.Combine(_plain, $"r{i:00}.txt"), Variant(Agency(i), 2021, i));
        File.WriteAllText(Path.Combine(_plain, "y-甲局-2021.txt"), Variant("甲局", 2021, 301));
        File.WriteAllText(Path.Combine(_plain, "y-甲局-2022.txt"), Variant("甲局", 2022, 302));
        File.WriteAllText(Path.Combine(_plain, "zz-copy.txt"), Variant(Agency(1), 2021, 1));
        File.WriteAllText(Path.Combine(_plain, "notes.txt"), "会议纪要\n今天讨论了办公用品采购。\n");
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    private string[] Inputs => [_plain, Path.Combine(_root, "missing.txt")];

    private ExportOptions Options(string dir, ExportFormat format = ExportFormat.Csv, bool excelBom = false)
        => new() { Inputs = Inputs, OutputDirectory = Path.Combine(_root, dir), Format = format, ExcelBom = excelBom, Jobs = 1 };

    /// <summary>Options whose parse cancels the run when the <paramref name="n"/>th file is parsed.</summary>
    private static ExportOptions CancelAfter(ExportOptions options, int n, CancellationTokenSource cts)
    {
        int parsed = 0;
        return options with
        {
            Parse = (source, o) =>
            {
                if (Interlocked.Increment(ref parsed) == n) cts.Cancel();
                return Report.Parse(source, o);
            },
        };
    }

    /// <summary>Every file of an output folder but the manifest (which records times and the command line), by name; a workbook by its parts.</summary>
    internal static Dictionary<string, byte[]> Contents(string dir)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var path in Directory.GetFiles(dir).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (name == OutputFolder.ManifestFile) continue;
            if (name != OutputFolder.WorkbookFile)
            {
                files[name] = File.ReadAllBytes(path);
                continue;
            }
            // A zip entry carries the time it was written; the parts are what must agree.
            using var zip = ZipFile.OpenRead(path);
            foreach (var e in zip.Entries)
            {
                using var s = e.Open();
                using var ms = new MemoryStream();
                s.CopyTo(ms);
                files[name + "/" + e.FullName] = ms.ToArray();
            }
        }
        return files;
    }

    internal static void ShouldEqual(Dictionary<string, byte[]> actual, Dictionary<string, byte[]> expected)
    {
        actual.Keys.Should().Equal(expected.Keys);
        foreach (var (name, bytes) in expected) actual[name].Should().Equal(bytes, name);
    }

    [Theory]
    [InlineData(ExportFormat.Csv, false, 1)]
    [InlineData(ExportFormat.Csv, false, 7)]
    [InlineData(ExportFormat.Csv, true, 5)]
    [InlineData(ExportFormat.Jsonl, false, 6)]
    [InlineData(ExportFormat.Parquet, false, 4)]
    [InlineData(ExportFormat.Xlsx, false, 9)]
    public async Task A_run_cut_short_after_n_files_resumes_to_the_bytes_of_an_uninterrupted_run(ExportFormat format, bool excelBom, int n)
    {
        await ReportExporter.ExportAsync(Options("clean", format, excelBom));
        var clean = Contents(Path.Combine(_root, "clean"));

        using var cts = new CancellationTokenSource();
        var cut = Options("cut", format, excelBom);
        await FluentActions.Awaiting(() => ReportExporter.ExportAsync(CancelAfter(cut, n, cts), null, cts.Token)).Should().ThrowAsync<OperationCanceledException>();
        Directory.GetFileSystemEntries(cut.OutputDirectory).Select(Path.GetFileName).Should().Equal([".partial"], "no table of an unfinished run has its final name");
        var journal = File.ReadAllLines(Path.Combine(OutputFolder.StagingDir(cut.OutputDirectory), "export.journal"));
        journal.Length.Should().BeInRange(1, n, "a header, then one line per file written before the cancel (the file being parsed then is abandoned)");

        int parsed = 0;
        var summary = await ReportExporter.ExportAsync(cut with { Resume = true, Parse = (s, o) => { Interlocked.Increment(ref parsed); return Report.Parse(s, o); } });
        parsed.Should().Be(14 - (journal.Length - 1), "only the files the journal does not list are parsed again (14 of the 15 inputs are read: one is missing)");
        ShouldEqual(Contents(cut.OutputDirectory), clean);
        summary.Files.Should().Be(15);
        summary.Reports.Should().Be(13, "notes.txt is not a report");
        summary.CrossReportFindings.Should().Be(3, "the cross-report checks see the files written before the interruption too");
        Directory.Exists(OutputFolder.StagingDir(cut.OutputDirectory)).Should().BeFalse();
        var manifest = ExportManifest.Read(cut.OutputDirectory)!;
        manifest["resumed"]!.GetValue<int>().Should().Be(1);
        manifest["inputFiles"]!.ToJsonString().Should().Be(ExportManifest.Read(Path.Combine(_root, "clean"))!["inputFiles"]!.ToJsonString(), "the files written before the interruption are listed too");
    }

    [Fact]
    public async Task A_kill_between_a_files_rows_and_its_journal_line_is_cut_back_on_resume()
    {
        await ReportExporter.ExportAsync(Options("clean"));
        using var cts = new CancellationTokenSource();
        var cut = Options("torn");
        await FluentActions.Awaiting(() => ReportExporter.ExportAsync(CancelAfter(cut, 5, cts), null, cts.Token)).Should().ThrowAsync<OperationCanceledException>();
        var staging = OutputFolder.StagingDir(cut.OutputDirectory);
        // What a kill -9 can leave: rows of a file past the last journal line, a row cut in the middle, a journal line cut short.
        File.AppendAllText(Path.Combine(staging, "cells.csv"), "/x/r99.txt,甲局,2021,Requests,NewRequests.Natur");
        File.AppendAllText(Path.Combine(staging, "files.csv"), "/x/r99.txt,parsed,,,99,12");
        File.AppendAllText(Path.Combine(staging, "export.journal"), "{\"n\":99,\"index\":9");

        await ReportExporter.ExportAsync(cut with { Resume = true });
        ShouldEqual(Contents(cut.OutputDirectory), Contents(Path.Combine(_root, "clean")));
    }

    [Fact]
    public async Task Resume_refuses_other_options_other_inputs_and_a_finished_run()
    {
        using var cts = new CancellationTokenSource();
        var cut = Options("cut");
        await FluentActions.Awaiting(() => ReportExporter.ExportAsync(CancelAfter(cut, 3, cts), null, cts.Token)).Should().ThrowAsync<OperationCanceledException>();

        await FluentActions.Awaiting(() => ReportExporter.ExportAsync(cut with { Resume = true, BlankAsZero = true }))
            .Should().ThrowAsync<ExportFolderException>().WithMessage("*--resume needs the inputs and options of the interrupted run: blankAsZero was false, now true*");
        await FluentActions.Awaiting(() => ReportExporter.ExportAsync(cut with { Resume = true, Format = ExportFormat.Jsonl }))
            .Should().ThrowAsync<ExportFolderException>().WithMessage("*format was \"csv\", now \"jsonl\"*");
        await FluentActions.Awaiting(() => ReportExporter.ExportAsync(cut with { Resume = true, Inputs = [_plain] }))
            .Should().ThrowAsync<ExportFolderException>().WithMessage("*the inputs were*");
        await FluentActions.Awaiting(() => ReportExporter.ExportAsync(cut)).Should().ThrowAsync<ExportFolderException>().WithMessage("*--overwrite*--resume*");
        var notes = File.ReadAllBytes(Path.Combine(_plain, "notes.txt"));
        File.Delete(Path.Combine(_plain, "notes.txt"));
        await FluentActions.Awaiting(() => ReportExporter.ExportAsync(cut with { Resume = true }))
            .Should().ThrowAsync<ExportFolderException>().WithMessage("*the inputs changed since the interrupted run*");
        File.WriteAllBytes(Path.Combine(_plain, "notes.txt"), notes);

        await ReportExporter.ExportAsync(cut with { Resume = true, Jobs = 2 });
        File.Exists(Path.Combine(cut.OutputDirectory, "manifest.json")).Should().BeTrue("another --jobs does not change the outputs");
        await FluentActions.Awaiting(() => ReportExporter.ExportAsync(cut with { Resume = true }))
            .Should().ThrowAsync<ExportFolderException>().WithMessage("*holds a finished run*");
        FluentActions.Invoking(() => { _ = ReportExporter.ExportAsync(cut with { Resume = true, Overwrite = true }); }).Should().Throw<ArgumentException>();
    }

    [Fact]
    public async Task Resume_refuses_tables_shorter_than_the_journal_says()
    {
        using var cts = new CancellationTokenSource();
        var cut = Options("short");
        await FluentActions.Awaiting(() => ReportExporter.ExportAsync(CancelAfter(cut, 6, cts), null, cts.Token)).Should().ThrowAsync<OperationCanceledException>();
        var cells = Path.Combine(OutputFolder.StagingDir(cut.OutputDirectory), "cells.csv");
        using (var s = new FileStream(cells, FileMode.Open)) s.SetLength(100);
        await FluentActions.Awaiting(() => ReportExporter.ExportAsync(cut with { Resume = true }))
            .Should().ThrowAsync<ExportFolderException>().WithMessage("cells.csv of the interrupted run is shorter (100 bytes) than the journal says (* bytes); start again with --overwrite");
        await ReportExporter.ExportAsync(cut with { Overwrite = true });
        ShouldEqual(Contents(cut.OutputDirectory), Contents(await Clean()));
    }

    private async Task<string> Clean()
    {
        var o = Options("clean-" + Guid.NewGuid().ToString("N")[..6]);
        await ReportExporter.ExportAsync(o);
        return o.OutputDirectory;
    }

    [Fact]
    public async Task A_folder_with_another_runs_outputs_is_refused_and_overwrite_leaves_no_stale_table()
    {
        var csv = Options("folder");
        await ReportExporter.ExportAsync(csv);
        var jsonl = csv with { Format = ExportFormat.Jsonl };
        await FluentActions.Awaiting(() => ReportExporter.ExportAsync(jsonl))
            .Should().ThrowAsync<ExportFolderException>().WithMessage("*holds the outputs of another run (cells.csv, codebook.csv, diagnostics.csv, files.csv, …): use --overwrite*");
        File.WriteAllText(Path.Combine(csv.OutputDirectory, "my-notes.txt"), "mine");
        File.WriteAllText(Path.Combine(csv.OutputDirectory, ".report.html.0123.tmp"), "stale");
        Directory.CreateDirectory(Path.Combine(csv.OutputDirectory, ".partial"));

        await ReportExporter.ExportAsync(jsonl with { Overwrite = true });
        var names = Directory.GetFileSystemEntries(csv.OutputDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        names.Should().Equal(ExportTables.Written.Select(t => t.Name + ".jsonl").Concat(["codebook.csv", "manifest.json", "my-notes.txt", "report.html"]).Order(StringComparer.Ordinal),
            "the CSV tables, the stale temporary page and the staging folder are gone; a file of the user's is kept");

        // The defect: a merge of that folder returned the old CSV rows. It reads the format the manifest names.
        File.WriteAllText(Path.Combine(csv.OutputDirectory, "files.csv"), "file,status,reason,source,index,bytes,cells,errors,warnings,infos\nstale.txt,parsed,,,0,1,0,0,0,0\n");
        var merged = Path.Combine(_root, "merged");
        await ReportExporter.MergeAsync([csv.OutputDirectory], merged);
        File.Exists(Path.Combine(merged, "files.csv")).Should().BeFalse();
        File.ReadAllBytes(Path.Combine(merged, "files.jsonl")).Should().Equal(File.ReadAllBytes(Path.Combine(csv.OutputDirectory, "files.jsonl")));
    }

    [Fact]
    public async Task The_manifest_records_the_tool_the_options_every_input_and_every_output()
    {
        var options = Options("m") with { CommandLine = ["reportparser", "export", "…"], Names = ColumnNames.Short };
        var before = DateTime.UtcNow;
        await ReportExporter.ExportAsync(options);
        var after = DateTime.UtcNow;
        var dir = options.OutputDirectory;
        var m = ExportManifest.Read(dir)!;

        m["manifestVersion"]!.GetValue<int>().Should().Be(1);
        m["kind"]!.GetValue<string>().Should().Be("export");
        var version = typeof(Report).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        m["tool"]!["version"]!.GetValue<string>().Should().Be(version);
        if (version.Contains('+')) version.Should().EndWith(m["tool"]!["commit"]!.GetValue<string>());
        m["commandLine"]!.AsArray().Select(a => a!.GetValue<string>()).Should().Equal("reportparser", "export", "…");
        var started = DateTime.Parse(m["started"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind);
        var finished = DateTime.Parse(m["finished"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind);
        started.Kind.Should().Be(DateTimeKind.Utc);
        started.Should().BeOnOrAfter(before).And.BeOnOrBefore(finished);
        finished.Should().BeOnOrBefore(after);
        m["shard"]!.GetValue<string>().Should().Be("1/1");
        m["inputs"]!.AsArray().Select(a => a!.GetValue<string>()).Should().Equal(Inputs);
        m["options"]!["names"]!.GetValue<string>().Should().Be("short");
        m["options"]!["jobs"]!.GetValue<int>().Should().Be(1);
        m["options"]!["parser"]!["maxInputBytes"]!.GetValue<long>().Should().Be(ReportParserOptions.Default.MaxInputBytes);

        var files = Read(dir, "files").Skip(1).ToList();
        var inputs = m["inputFiles"]!.AsArray();
        inputs.Select(f => f!["file"]!.GetValue<string>()).Should().Equal(files.Select(r => r[0]), "every listed file once, in order");
        foreach (var f in inputs)
        {
            var file = f!["file"]!.GetValue<string>();
            file.Should().StartWith(Inputs.First(i => file.StartsWith(i, StringComparison.Ordinal)), "the file is named from the argument it came from");
            if (f["status"]!.GetValue<string>() == "unreadable")
            {
                f["sha256"].Should().BeNull();
                continue;
            }
            f["bytes"]!.GetValue<long>().Should().Be(new FileInfo(file).Length);
            f["sha256"]!.GetValue<string>().Should().Be(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))), file);
        }

        var outputs = m["outputs"]!.AsArray();
        outputs.Select(o => o!["file"]!.GetValue<string>()).Should().Equal(Directory.GetFiles(dir).Select(Path.GetFileName).Where(n => n != "manifest.json").Order(StringComparer.Ordinal));
        foreach (var o in outputs)
        {
            var path = Path.Combine(dir, o!["file"]!.GetValue<string>());
            o["sha256"]!.GetValue<string>().Should().Be(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))));
            o["bytes"]!.GetValue<long>().Should().Be(new FileInfo(path).Length);
            if (o["table"] is null)
            {
                o["file"]!.GetValue<string>().Should().Be("report.html");
                continue;
            }
            var name = Path.GetFileNameWithoutExtension(path);
            o["rows"]!.GetValue<long>().Should().Be(name == "codebook" ? Codebook.Entries.Count : Read(dir, name).Count - 1, path);
        }
        outputs.Single(o => o!["file"]!.GetValue<string>() == "files.csv")!["rows"]!.GetValue<long>().Should().Be(15);
    }

    [Fact]
    public async Task Merge_checks_the_manifests_and_refuses_missing_shards_unless_allowed()
    {
        var shards = new List<string>();
        for (int k = 1; k <= 3; k++)
        {
            var o = Options($"s{k}") with { Shard = new Shard(k, 3) };
            await ReportExporter.ExportAsync(o);
            shards.Add(o.OutputDirectory);
        }
        var two = Path.Combine(_root, "two");
        await FluentActions.Awaiting(() => ReportExporter.MergeAsync(new MergeOptions { Folders = [shards[0], shards[2]], OutputDirectory = two }))
            .Should().ThrowAsync<ShardMergeException>().WithMessage("2 of 3 shards given; missing 2/3*--allow-partial*");
        Directory.Exists(two).Should().BeFalse("nothing is written");

        var summary = await ReportExporter.MergeAsync(new MergeOptions { Folders = [shards[0], shards[2]], OutputDirectory = two, AllowPartial = true, CommandLine = ["reportparser", "merge"] });
        var m = ExportManifest.Read(two)!;
        m["kind"]!.GetValue<string>().Should().Be("merge");
        m["allowPartial"]!.GetValue<bool>().Should().BeTrue();
        m["missingShards"]!.AsArray().Select(v => v!.GetValue<int>()).Should().Equal(2);
        m["merged"]!.AsArray().Select(s => s!["shard"]!.GetValue<string>()).Should().Equal("1/3", "3/3");
        m["inputFiles"]!.AsArray().Count.Should().Be((int)summary.Files);
        summary.Files.Should().Be(Read(shards[0], "files").Count - 1 + Read(shards[2], "files").Count - 1);

        var all = Path.Combine(_root, "all");
        Directory.CreateDirectory(all);
        File.WriteAllText(Path.Combine(all, "files.parquet"), "stale");
        await ReportExporter.MergeAsync(shards, all);
        File.Exists(Path.Combine(all, "files.parquet")).Should().BeFalse("a merge replaces the outputs of every format in its folder");
        var single = Options("single");
        await ReportExporter.ExportAsync(single);
        static Dictionary<string, byte[]> Tables(string d) => Contents(d).Where(p => p.Key.EndsWith(".csv", StringComparison.Ordinal)).ToDictionary();
        ShouldEqual(Tables(all), Tables(single.OutputDirectory));
        var merged = ExportManifest.Read(all)!;
        merged["missingShards"]!.AsArray().Should().BeEmpty();
        merged["inputFiles"]!.ToJsonString().Should().Be(ExportManifest.Read(single.OutputDirectory)!["inputFiles"]!.ToJsonString());

        var other = Options("blank") with { Shard = new Shard(2, 3), BlankAsZero = true };
        await ReportExporter.ExportAsync(other);
        await FluentActions.Awaiting(() => ReportExporter.MergeAsync([shards[0], other.OutputDirectory, shards[2]], Path.Combine(_root, "x")))
            .Should().ThrowAsync<ShardMergeException>().WithMessage("*are not shards of one run: blankAsZero was false, now true*");

        var workbook = Options("workbook", ExportFormat.Xlsx) with { Shard = new Shard(2, 3) };
        await ReportExporter.ExportAsync(workbook);
        await FluentActions.Awaiting(() => ReportExporter.MergeAsync([shards[0], workbook.OutputDirectory, shards[2]], Path.Combine(_root, "w")))
            .Should().ThrowAsync<ShardMergeException>().WithMessage("*workbook: an xlsx export cannot be merged; export the shards as csv, jsonl or parquet");

        using var cts = new CancellationTokenSource();
        // Unsharded, so that it surely has files left when cut (which files a shard owns depends on the temporary folder's name).
        var unfinished = Options("unfinished");
        await FluentActions.Awaiting(() => ReportExporter.ExportAsync(CancelAfter(unfinished, 2, cts), null, cts.Token)).Should().ThrowAsync<OperationCanceledException>();
        await FluentActions.Awaiting(() => ReportExporter.MergeAsync([shards[0], unfinished.OutputDirectory, shards[2]], Path.Combine(_root, "y")))
            .Should().ThrowAsync<ShardMergeException>().WithMessage("*unfinished: no manifest.json: the export into it did not finish; finish it with 'export --resume'*");

        var manifest = Path.Combine(shards[1], "manifest.json");
        var node = JsonNode.Parse(File.ReadAllText(manifest))!;
        node["manifestVersion"] = 2;
        File.WriteAllText(manifest, node.ToJsonString());
        await FluentActions.Awaiting(() => ReportExporter.MergeAsync(shards, Path.Combine(_root, "z")))
            .Should().ThrowAsync<ShardMergeException>().WithMessage("*manifestVersion 2; this version reads 1*");
    }
}
