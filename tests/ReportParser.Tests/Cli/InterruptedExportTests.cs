using System.Diagnostics;
using ReportParser.Batch;
using ReportParser.Tests.Batch;
using static ReportParser.Tests.Cli.BatchFixture;

namespace ReportParser.Tests.Cli;

/// <summary>
/// The tool itself run as a child process and stopped mid-export: by <c>kill -9</c> (nothing of the run takes a final name;
/// <c>export --resume</c> gives the bytes of an uninterrupted run) and by SIGTERM (exit code 3, the journal consistent, and
/// the same resume). Also the folder rules of the command line: another run's outputs refused with exit code 2.
/// </summary>
public sealed class InterruptedExportTests : IDisposable
{
    private readonly string _root = TempDir("interrupted");

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private string Reports(int n)
    {
        var dir = Path.Combine(_root, "in");
        Directory.CreateDirectory(dir);
        for (int i = 1; i <= n; i++) File.WriteAllText(Path.Combine(dir, $"r{i:000}.txt"), Variant(Agency(i % 37 + 1), 2019 + i % 5, i));
        return dir;
    }

    /// <summary>Starts the tool (<c>dotnet ReportParser.Cli.dll</c>) with these arguments.</summary>
    private static Process Start(params string[] args)
    {
        var dll = typeof(ReportParser.Cli.CliApp).Assembly.Location;
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h && File.Exists(h) ? h : "dotnet";
        var info = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        return Process.Start(info)!;
    }

    /// <summary>Waits until the run's journal lists at least <paramref name="files"/> files (or the process ends); returns whether it does.</summary>
    private static bool WaitForJournal(string outDir, int files, Process p)
    {
        var journal = Path.Combine(OutputFolder.StagingDir(outDir), "export.journal");
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(3) && !p.HasExited)
        {
            try
            {
                if (File.Exists(journal) && File.ReadAllLines(journal).Length > files) return true;
            }
            catch (IOException)
            {
            }
            Thread.Sleep(20);
        }
        return false;
    }

    [Fact]
    public void An_export_killed_with_signal_9_or_stopped_by_sigterm_resumes_to_the_bytes_of_an_uninterrupted_run()
    {
        var input = Reports(240);
        var clean = Path.Combine(_root, "clean");
        Run("export", input, "--out", clean, "-q", "-j", "1", "--no-isolation").Code.Should().Be(0);
        var expected = OutputFolderTests.Contents(clean);

        var killed = Path.Combine(_root, "killed");
        using (var p = Start("export", input, "--out", killed, "-q", "-j", "1", "--no-isolation"))
        {
            WaitForJournal(killed, 10, p).Should().BeTrue("the run gets going: " + (p.HasExited ? p.StandardError.ReadToEnd() : ""));
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
        }
        Directory.GetFileSystemEntries(killed).Select(Path.GetFileName).Should().Equal([".partial"], "a killed run leaves no table under its final name");
        var journaled = File.ReadAllLines(Path.Combine(OutputFolder.StagingDir(killed), "export.journal")).Length - 1;
        journaled.Should().BeLessThan(240, "the run was killed before it finished");
        var (code, _, err) = Run("export", input, "--out", killed, "-q", "-j", "1", "--no-isolation", "--resume");
        code.Should().Be(0, err);
        OutputFolderTests.ShouldEqual(OutputFolderTests.Contents(killed), expected);
        File.ReadAllText(Path.Combine(killed, "manifest.json")).Should().Contain("\"resumed\": 1");

        var stopped = Path.Combine(_root, "stopped");
        using (var p = Start("export", input, "--out", stopped, "-q", "-j", "1", "--no-isolation"))
        {
            WaitForJournal(stopped, 10, p).Should().BeTrue("the run gets going");
            using (var kill = Process.Start("kill", ["-TERM", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) kill.WaitForExit();
            p.WaitForExit(60_000).Should().BeTrue("SIGTERM stops the run");
            p.ExitCode.Should().Be(3, "the run did not finish");
            p.StandardError.ReadToEnd().Should().Contain("--resume");
        }
        File.Exists(Path.Combine(stopped, "manifest.json")).Should().BeFalse();
        Run("export", input, "--out", stopped, "-q", "-j", "2", "--resume").Code.Should().Be(0, "resumed with worker processes and another -j");
        OutputFolderTests.ShouldEqual(OutputFolderTests.Contents(stopped), expected);
    }

    [Fact]
    public void The_command_line_refuses_a_folder_with_another_runs_outputs_and_merge_refuses_missing_shards()
    {
        var input = Reports(6);
        var dir = Path.Combine(_root, "o");
        Run("export", input, "--out", dir, "-q").Code.Should().Be(0);
        var (code, _, err) = Run("export", input, "--out", dir, "-q", "--format", "jsonl");
        code.Should().Be(2);
        err.Should().Contain("holds the outputs of another run").And.Contain("--overwrite");
        Run("export", input, "--out", dir, "-q", "--resume", "--overwrite").Code.Should().Be(2);
        Run("export", input, "--out", dir, "-q", "--format", "jsonl", "--overwrite").Code.Should().Be(0);
        Directory.GetFiles(dir, "*.csv").Select(Path.GetFileName).Should().Equal(["codebook.csv"], "no stale CSV table is left");

        var s1 = Path.Combine(_root, "s1");
        var s3 = Path.Combine(_root, "s3");
        Run("export", input, "--out", s1, "-q", "--shard", "1/3").Code.Should().Be(0);
        Run("export", input, "--out", s3, "-q", "--shard", "3/3").Code.Should().Be(0);
        var (mc, _, me) = Run("merge", s1, s3, "--out", Path.Combine(_root, "m"), "-q");
        mc.Should().Be(2);
        me.Should().Contain("missing 2/3");
        Run("merge", s1, s3, "--out", Path.Combine(_root, "m"), "-q", "--allow-partial").Code.Should().Be(0);
        File.ReadAllText(Path.Combine(_root, "m", "manifest.json")).Should().Contain("\"allowPartial\": true").And.Contain("\"--allow-partial\"");
    }
}
