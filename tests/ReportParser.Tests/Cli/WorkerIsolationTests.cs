using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using ReportParser.Batch;
using ReportParser.Cli.Workers;
using static ReportParser.Tests.Cli.BatchFixture;

namespace ReportParser.Tests.Cli;

/// <summary>
/// Parsing in supervised worker processes: outputs byte-identical to in-process parsing; a file that runs a worker out of
/// its heap cap, past the time limit, or gets it killed is listed crashed or timeout and the files beside it are kept; the
/// runaway worker is killed; check and parse have the same limits. Inputs are generated, the large ones in the test.
/// </summary>
public sealed class WorkerIsolationTests : IDisposable
{
    private readonly string _root = TempDir("workers");

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private string Folder(string name, int goodReports)
    {
        var dir = Path.Combine(_root, name);
        Directory.CreateDirectory(dir);
        for (int i = 1; i <= goodReports; i++) File.WriteAllText(Path.Combine(dir, $"r{i}.txt"), Variant(Agency(i), 2021, i));
        return dir;
    }

    /// <summary>A PDF whose 500 pages all draw one long content stream: within every input limit, but minutes of CPU when the parser's own budget is large.</summary>
    private static byte[] SharedContentPdf(int pages = 500, int lines = 3000)
    {
        var content = new StringBuilder();
        for (int i = 0; i < lines; i++) content.Append("BT /F1 10 Tf 50 ").Append(700 - (i % 60) * 11).Append(" Td (line ").Append(i).Append(" 2021 report text) Tj ET\n");
        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [" + string.Join(' ', Enumerable.Range(0, pages).Select(i => $"{5 + i} 0 R")) + $"] /Count {pages} >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
        };
        for (int i = 0; i < pages; i++) objects.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>");
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (int i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(i + 1).Append(" 0 obj\n").Append(objects[i]).Append("\nendobj\n");
        }
        int xref = pdf.Length;
        pdf.Append("xref\n0 ").Append(objects.Count + 1).Append("\n0000000000 65535 f \n");
        foreach (var o in offsets) pdf.Append(o.ToString("D10", System.Globalization.CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        pdf.Append("trailer\n<< /Size ").Append(objects.Count + 1).Append(" /Root 1 0 R >>\nstartxref\n").Append(xref).Append("\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    private static bool IsAlive(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (!File.Exists(stat)) return false;
        try
        {
            var text = File.ReadAllText(stat);
            return text[(text.LastIndexOf(')') + 2)..][0] is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }

    [Fact]
    public void Isolated_export_of_the_corpus_is_byte_identical_to_in_process_parsing()
    {
        // Generous limits on both sides: the scans' OCR on a loaded machine must not reach a time limit in one run and not
        // the other, which would make the tables differ for a reason that has nothing to do with isolation.
        var isolated = Path.Combine(_root, "isolated");
        var inProcess = Path.Combine(_root, "in-process");
        var (code, _, err) = Run("export", Paths.Corpus, "--out", isolated, "-q", "-j", "2", "--converter", "none", "--time-limit", "900", "--time-budget", "900");
        var (code2, _, err2) = Run("export", Paths.Corpus, "--out", inProcess, "-q", "-j", "1", "--no-isolation", "--converter", "none", "--time-limit", "900", "--time-budget", "900");
        code.Should().Be(code2, err + err2);
        code.Should().BeOneOf(0, 1);
        var names = Directory.GetFiles(inProcess).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        names.Should().Contain(["files.csv", "cells.csv", "reports.csv", "diagnostics.csv"]);
        Directory.GetFiles(isolated).Select(Path.GetFileName).Order(StringComparer.Ordinal).Should().Equal(names);
        foreach (var name in names.Where(n => n != OutputFolder.ManifestFile))
        {
            File.ReadAllBytes(Path.Combine(isolated, name!)).Should().Equal(File.ReadAllBytes(Path.Combine(inProcess, name!)), name);
        }
        Read(isolated, "files").Count.Should().BeGreaterThan(100, "the corpus is exported");
        Read(isolated, "cells").Count.Should().BeGreaterThan(1000);
    }

    [Fact]
    public void The_blank_as_zero_view_is_the_same_in_workers_as_in_process()
    {
        var isolated = Path.Combine(_root, "bz-isolated");
        var inProcess = Path.Combine(_root, "bz-in-process");
        var text = Path.Combine(Paths.Corpus, "text");
        var (code, _, err) = Run("export", text, "--out", isolated, "-q", "-j", "2", "--blank-as-zero");
        var (code2, _, err2) = Run("export", text, "--out", inProcess, "-q", "-j", "1", "--no-isolation", "--blank-as-zero");
        code.Should().Be(code2, err + err2);
        foreach (var name in new[] { "cells.csv", "diagnostics.csv" })
        {
            File.ReadAllBytes(Path.Combine(isolated, name)).Should().Equal(File.ReadAllBytes(Path.Combine(inProcess, name)), name);
        }
        var assumed = Read(isolated, "cells").Skip(1).Count(r => r[^3] == "1");
        assumed.Should().BeGreaterThan(0, "the corpus has printed-blank cells, marked in assumed_zero by the workers too");
    }

    [Fact]
    public void The_worker_handshake_carries_the_options_and_the_ocr_engine_as_a_flag()
    {
        var options = ReportParserOptions.Default with { MaxLines = 1234, Ocr = ReportParser.Ocr.PaddleOcr.Shared };
        var back = WorkerProtocol.ReadHandshake(WorkerProtocol.Handshake(options)[4..]);
        back.MaxLines.Should().Be(1234);
        back.Ocr.Should().BeSameAs(ReportParser.Ocr.PaddleOcr.Shared);
        WorkerProtocol.ReadHandshake(WorkerProtocol.Handshake(options with { Ocr = null })[4..]).Ocr.Should().BeNull();
    }

    [Fact]
    public void A_parsed_file_survives_its_binary_form_exactly()
    {
        var dir = Folder("roundtrip", 1);
        var item = new InputFile(7, Path.Combine(dir, "r1.txt"), "") { Path = Path.Combine(dir, "r1.txt") };
        var parsed = ParsedFile.Parse(item, new ExportOptions { Inputs = [], OutputDirectory = dir });
        parsed.Status.Should().Be(ReportStatus.Parsed);
        using var ms = new MemoryStream();
        parsed.WriteTo(ms);
        ms.Position = 0;
        var back = ParsedFile.ReadFrom(ms);
        back.Row.Should().Be(parsed.Row);
        back.Cells.Should().HaveCount(parsed.Cells.Count).And.HaveCountGreaterThan(100);
        back.Cells.Zip(parsed.Cells).Should().OnlyContain(p => p.First.SequenceEqual(p.Second));
        back.Report.Should().Equal(parsed.Report);
        back.Diagnostics.Zip(parsed.Diagnostics).Should().OnlyContain(p => p.First.SequenceEqual(p.Second));
        back.Summary!.CarriedOver.Should().Equal(parsed.Summary!.CarriedOver);
        back.Summary.Sentences.Should().Equal(parsed.Summary.Sentences).And.NotBeEmpty();
        back.Summary.TableFingerprints.Should().Equal(parsed.Summary.TableFingerprints);
        // Every other property of the summary travels too (lists compared above).
        var properties = typeof(ReportParser.Validation.CrossYearSummary).GetProperties(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public);
        static bool IsList(System.Reflection.PropertyInfo p) => p.PropertyType != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(p.PropertyType);
        foreach (var p in properties.Where(p => !IsList(p)))
        {
            p.GetValue(back.Summary).Should().Be(p.GetValue(parsed.Summary), p.Name);
        }
        properties.Where(IsList).Select(p => p.Name)
            .Should().BeEquivalentTo(["CarriedOver", "CarriedForward", "Sentences", "TableFingerprints"], "a new list property must be added to ParsedFile's binary form");
    }

    [Fact]
    public void A_worker_request_carries_every_property_of_the_input_file()
    {
        var item = new InputFile(42, "a.zip!b/报告.txt", "b/报告.txt") { Path = "in/a.zip", Bytes = [1, 2, 3], MaxBytes = 12345 };
        var frame = WorkerProtocol.Request(WorkerJob.Check, item);
        var (job, back) = WorkerProtocol.ReadRequest(frame[4..]);
        job.Should().Be(WorkerJob.Check);
        back.Bytes.Should().Equal(item.Bytes);
        // Every other property travels (a status is never sent: such a file is listed without being parsed).
        foreach (var p in typeof(InputFile).GetProperties().Where(p => p.Name is not (nameof(InputFile.Bytes) or nameof(InputFile.Status) or nameof(InputFile.Reason) or "EqualityContract")))
        {
            p.GetValue(back).Should().Be(p.GetValue(item), p.Name);
        }
    }

    [Fact]
    public void A_file_over_the_heap_cap_is_listed_crashed_and_the_files_beside_it_are_kept()
    {
        var dir = Folder("heap", 3);
        // 40 MB of report text: under the 64 MiB input limit, over a 64 MiB heap once read and decoded.
        var line = Encoding.UTF8.GetBytes("本年新收政府信息公开申请数量\t12\t3\t4\t5\t6\t7\t37\n");
        using (var f = File.Create(Path.Combine(dir, "r2-huge.txt")))
        {
            for (long n = 0; n < 40L * 1024 * 1024; n += line.Length) f.Write(line);
        }
        var outDir = Path.Combine(_root, "out");
        var watch = Stopwatch.StartNew();
        var (code, _, err) = Run("export", dir, "--out", outDir, "-q", "-j", "1", "--max-memory", "64M");
        code.Should().Be(1, err);
        var files = Read(outDir, "files");
        files.Skip(1).Select(r => Path.GetFileName(r[0])).Should().Equal("r1.txt", "r2-huge.txt", "r2.txt", "r3.txt");
        var huge = files.Single(r => r[0].EndsWith("r2-huge.txt", StringComparison.Ordinal));
        huge[1].Should().Be("crashed");
        huge[2].Should().StartWith("out of memory").And.Contain("64 MiB").And.NotContain(_root);
        files.Skip(1).Where(r => r != huge).Should().OnlyContain(r => r[1] == "parsed" || r[1] == "parsed-with-errors");
        Read(outDir, "cells").Skip(1).Select(c => Path.GetFileName(c[0])).Distinct().Should().Equal("r1.txt", "r2.txt", "r3.txt");
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromMinutes(2));
    }

    [Fact]
    public async Task A_runaway_parse_is_listed_timeout_at_the_limit_and_its_worker_is_killed()
    {
        var dir = Folder("runaway", 2);
        File.WriteAllBytes(Path.Combine(dir, "r1-shared.pdf"), SharedContentPdf());
        var parserOptions = ReportParserOptions.Default with { TimeBudget = TimeSpan.FromHours(1) };
        var limit = TimeSpan.FromSeconds(2);
        var pids = new Dictionary<string, int>();
        var watched = new WorkerPool(1, 256L * 1024 * 1024, limit, parserOptions) { BeforeRequest = (pid, item) => pids[Path.GetFileName(item.File)] = pid };
        await using (watched)
        {
            var outDir = Path.Combine(_root, "out");
            var watch = Stopwatch.StartNew();
            var totals = await ReportExporter.ExportAsync(new ExportOptions
            {
                Inputs = [dir], OutputDirectory = outDir, Jobs = 1, TimeLimit = limit, ParserOptions = parserOptions, Runner = watched,
            });
            watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(60), "the run does not wait for the runaway parse (minutes of CPU)");
            totals.ByStatus[ReportStatus.Timeout].Should().Be(1);
            var files = Read(outDir, "files");
            files.Skip(1).Select(r => Path.GetFileName(r[0])).Should().Equal("r1-shared.pdf", "r1.txt", "r2.txt");
            files[1][1].Should().Be("timeout");
            files[1][2].Should().StartWith("time limit: parsing took longer than 2 s").And.Contain("worker process was stopped");
            files.Skip(2).Should().OnlyContain(r => r[1] == "parsed" || r[1] == "parsed-with-errors");

            // The runaway worker is gone (no CPU kept after the limit); the next files had a new one.
            int runaway = pids["r1-shared.pdf"];
            IsAlive(runaway).Should().BeFalse("the worker was killed at the time limit");
            pids["r1.txt"].Should().NotBe(runaway);
            pids["r2.txt"].Should().Be(pids["r1.txt"], "a worker is reused across files");
            watched.Started.Should().Be(2);
        }
    }

    [Fact]
    public async Task A_worker_killed_while_parsing_lists_its_file_crashed_and_the_batch_goes_on()
    {
        var dir = Folder("killed", 3);
        var killed = new List<int>();
        var pool = new WorkerPool(2, 256L * 1024 * 1024, TimeSpan.FromSeconds(60), ReportParserOptions.Default)
        {
            BeforeRequest = (pid, item) =>
            {
                if (!item.File.EndsWith("r2.txt", StringComparison.Ordinal)) return;
                lock (killed) killed.Add(pid);
                using var p = Process.GetProcessById(pid);
                p.Kill();
                p.WaitForExit();
            },
        };
        await using (pool)
        {
            var outDir = Path.Combine(_root, "out");
            await ReportExporter.ExportAsync(new ExportOptions { Inputs = [dir], OutputDirectory = outDir, Jobs = 2, Runner = pool });
            var files = Read(outDir, "files");
            files.Skip(1).Select(r => Path.GetFileName(r[0])).Should().Equal("r1.txt", "r2.txt", "r3.txt");
            files[2][1].Should().Be("crashed");
            files[2][2].Should().Contain("killed").And.Contain("signal 9");
            files[1][1].Should().BeOneOf("parsed", "parsed-with-errors");
            files[3][1].Should().BeOneOf("parsed", "parsed-with-errors");
            killed.Should().ContainSingle();
        }
    }

    [Fact]
    public void The_parsers_own_budget_bounds_the_shared_content_pdf_in_process()
    {
        var watch = Stopwatch.StartNew();
        var result = Report.Parse(ReportSource.FromBytes(SharedContentPdf(), "shared.pdf"), ReportParserOptions.Default with { TimeBudget = TimeSpan.FromSeconds(2) });
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30), "the budget is checked between pages");
        result.Diagnostics.Should().Contain(d => d.Code == DiagnosticCode.LimitExceeded && d.Message.Contains("time budget"));
    }

    [Fact]
    public void Check_and_parse_have_the_time_limit_and_the_workers_of_export()
    {
        var dir = Folder("check-limit", 1);
        File.WriteAllBytes(Path.Combine(dir, "r0-shared.pdf"), SharedContentPdf());
        var watch = Stopwatch.StartNew();
        var (code, _, err) = Run("check", dir, "--time-limit", "2", "--time-budget", "3600", "-j", "1");
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(60));
        code.Should().Be(2, err);
        err.Should().Contain("r0-shared.pdf: timeout: time limit: parsing took longer than 2 s");
        err.Should().Contain("1 timeout");

        var (pcode, pout, perr) = Run("parse", dir, "--time-limit", "2", "--time-budget", "3600", "-j", "1");
        pcode.Should().Be(2, perr);
        perr.Should().Contain("r0-shared.pdf: timeout: time limit");
        pout.Should().Contain($"\"Agency\": \"{Agency(1)}\"", "the good report is still written").And.NotContain("r0-shared.pdf");
    }

    [Fact]
    public void A_200000_deep_div_page_does_not_hang_check()
    {
        var path = Path.Combine(_root, "deep.html");
        var sb = new StringBuilder("<html><body>");
        sb.Insert(sb.Length, "<div>", 200_000).Append("某某局2021年政府信息公开工作年度报告").Insert(sb.Length, "</div>", 200_000).Append("</body></html>");
        File.WriteAllText(path, sb.ToString());
        var watch = Stopwatch.StartNew();
        var (code, output, err) = Run("check", path, "--time-limit", "30", "-j", "1");
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30));
        code.Should().BeOneOf([1, 2], err);
        output.Should().Contain("RP1005").And.Contain("1,000 deep");
        err.Should().NotContain("timeout:");
    }

    [Fact]
    public void Memory_bombs_of_the_readers_never_take_the_batch_down()
    {
        var dir = Folder("bombs", 2);
        // A 65 KB zip holding a 60 MiB row of tabs, and a 1 MB HTML page of colspan=1000 cells.
        using (var zip = ZipFile.Open(Path.Combine(dir, "r1-tabs.zip"), ZipArchiveMode.Create))
        {
            using var s = zip.CreateEntry("tabs.txt", CompressionLevel.SmallestSize).Open();
            s.Write(Encoding.UTF8.GetBytes("某某局2021年政府信息公开工作年度报告\n"));
            var tabs = new byte[1024 * 1024];
            Array.Fill(tabs, (byte)'\t');
            for (int i = 0; i < 60; i++) s.Write(tabs);
        }
        var html = new StringBuilder("<html><body><p>某某局2021年政府信息公开工作年度报告</p><table>");
        for (int r = 0; r < 200; r++) html.Append("<tr>").Insert(html.Length, "<td colspan=1000>1</td>", 250).Append("</tr>");
        File.WriteAllText(Path.Combine(dir, "r1-spans.html"), html.Append("</table></body></html>").ToString());
        var outDir = Path.Combine(_root, "out");
        var (code, _, err) = Run("export", dir, "--out", outDir, "-q", "-j", "1", "--max-memory", "128M", "--time-limit", "60");
        code.Should().BeOneOf([0, 1], err);
        var files = Read(outDir, "files");
        files.Skip(1).Select(r => Path.GetFileName(r[0])).Should().Equal("r1-spans.html", "r1-tabs.zip!tabs.txt", "r1.txt", "r2.txt");
        files.Where(r => r[0].EndsWith("r1.txt", StringComparison.Ordinal) || r[0].EndsWith("r2.txt", StringComparison.Ordinal))
            .Should().HaveCount(2).And.OnlyContain(r => r[1] == "parsed" || r[1] == "parsed-with-errors");
        // Either the reader bounds the bomb or the worker's heap cap contains it; a crash is listed with the reason.
        files.Where(r => r[1] == "crashed").Should().OnlyContain(r => r[2].StartsWith("out of memory", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("134217728", 134217728L)]
    [InlineData("512M", 512L << 20)]
    [InlineData("512MiB", 512L << 20)]
    [InlineData("1.5G", 3L << 29)]
    [InlineData("2gb", 2L << 30)]
    [InlineData("64k", 64L << 10)]
    public void Memory_sizes_are_read_in_binary_units(string text, long bytes)
        => ReportParser.Cli.Commands.IsolationOptionSet.ParseSize(text).Should().Be(bytes);

    [Theory]
    [InlineData("")]
    [InlineData("lots")]
    [InlineData("-1G")]
    [InlineData("0")]
    public void Bad_memory_sizes_are_refused(string text) => ReportParser.Cli.Commands.IsolationOptionSet.ParseSize(text).Should().BeNull();

    [Fact]
    public void A_heap_cap_below_16M_is_a_usage_error()
    {
        var (code, _, err) = Run("export", _root, "--out", Path.Combine(_root, "o"), "--max-memory", "8M");
        code.Should().Be(2);
        err.Should().Contain("--max-memory must be a size of at least 16M");
    }

    [Fact]
    public async Task A_worker_pool_that_cannot_start_makes_the_run_not_finished_exit_3()
    {
        var dir = Folder("nostart", 2);
        var stderr = new StringWriter();
        var context = new ReportParser.Cli.Commands.CliContext(new StringWriter(), stderr, false);
        var isolation = new ReportParser.Cli.Commands.Isolation(1, TimeSpan.FromSeconds(60), 256L << 20, false)
        {
            Command = new WorkerCommand(Path.Combine(_root, "no-such-program"), ["__worker"]),
        };
        var options = new ExportOptions { Inputs = [dir], OutputDirectory = Path.Combine(_root, "o"), Jobs = 1 };
        int code = await ReportParser.Cli.Commands.ExportCommand.RunAsync(context, options, isolation, ReportParser.Cli.Output.ProgressMode.None, true, CancellationToken.None);
        code.Should().Be(3, stderr.ToString());
        stderr.ToString().Should().Contain("worker process cannot be started").And.Contain("did not finish");
    }

    [Fact]
    public void Exit_codes_tell_an_unfinished_run_from_unreadable_files()
    {
        var dir = Folder("exit", 2);
        var (unreadable, _, err1) = Run("export", dir, Path.Combine(_root, "missing.txt"), "--out", Path.Combine(_root, "o1"), "-q", "-j", "1");
        unreadable.Should().Be(1, "the run finished; one input is unreadable: " + err1);

        var blocker = Path.Combine(_root, "a-file");
        File.WriteAllText(blocker, "not a folder");
        var (unwritable, _, err2) = Run("export", dir, "--out", Path.Combine(blocker, "out"), "-q", "-j", "1");
        unwritable.Should().Be(3, err2);
        err2.Should().Contain("cannot write");

        var (checkUnwritable, _, _) = Run("parse", Path.Combine(dir, "r1.txt"), "--out", Path.Combine(blocker, "r1.json"), "-j", "1");
        checkUnwritable.Should().Be(3);
    }

    [Fact]
    public async Task A_cancelled_export_exits_3()
    {
        var dir = Folder("cancel", 2);
        var stderr = new StringWriter();
        var context = new ReportParser.Cli.Commands.CliContext(new StringWriter(), stderr, false);
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();
        var options = new ExportOptions { Inputs = [dir], OutputDirectory = Path.Combine(_root, "o"), Jobs = 1 };
        var isolation = new ReportParser.Cli.Commands.Isolation(1, TimeSpan.FromSeconds(60), 256L << 20, false);
        int code = await ReportParser.Cli.Commands.ExportCommand.RunAsync(context, options, isolation, ReportParser.Cli.Output.ProgressMode.None, true, cancel.Token);
        code.Should().Be(3, stderr.ToString());
        stderr.ToString().Should().Contain("cancelled");
    }

    [Theory]
    [InlineData(false, false, 137, "signal 9")]
    [InlineData(true, false, 134, "out of memory")]
    [InlineData(false, true, 134, "stack overflow")]
    [InlineData(false, false, 5, "exited with code 5")]
    public void A_dead_worker_is_described_without_paths(bool oom, bool stackOverflow, int exitCode, string expected)
        => WorkerProcess.Describe(oom, stackOverflow, exitCode).Should().Contain(expected);
}
