using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using ReportParser.Input.Office;

namespace ReportParser.Benchmarks;

/// <summary>
/// A .doc read through LibreOffice beside LibreOffice's own <c>soffice --headless --convert-to docx</c> of the same files,
/// at 1 and 2 conversions at a time (as <c>--jobs 1</c> and <c>--jobs 2</c> run them): seconds of wall time per file and
/// CPU seconds per file (this process and its children, so soffice counts on both sides). Each side keeps one LibreOffice
/// profile per concurrent conversion, reused from file to file as the converter does, and warms it with one conversion
/// before the timed passes. Needs soffice. <c>dotnet run -c Release --project tools/ReportParser.Benchmarks -- --doc [--passes N]</c>.
/// </summary>
internal static class DocConversionRatio
{
    public static void Run(string[] args)
    {
        int passes = 2;
        for (int i = 0; i < args.Length - 1; i++) if (args[i] == "--passes") passes = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
        var soffice = LibreOfficeConverter.Locate(null);
        if (soffice is null)
        {
            Console.Error.WriteLine("soffice is not installed: " + LibreOfficeConverter.InstallHint);
            return;
        }
        var dir = Path.Combine(OfficeInputBenchmarks.RepoRoot(), "corpus", "doc");
        var files = Directory.GetFiles(dir, "*.doc").Order(StringComparer.Ordinal).ToArray();
        var work = Path.Combine(Path.GetTempPath(), "rp-doc-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(work);
        try
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{files.Length} .doc files x {passes} passes; load average {FormatCpuRatio.LoadAverage()}"));
            Console.WriteLine($"{"jobs",4} {"side",-34} {"wall s/file",11} {"CPU s/file",10}");
            foreach (int jobs in new[] { 1, 2 })
            {
                var bareProfiles = Enumerable.Range(0, jobs).Select(j => Path.Combine(work, $"profile-{jobs}-{j}")).ToArray();
                // Warm-up: one conversion per slot on each side.
                RunSlots(jobs, files.Take(jobs).ToArray(), (slot, f) => Bare(soffice, bareProfiles[slot], f, work));
                RunSlots(jobs, files.Take(jobs).ToArray(), (_, f) => Ours(f));
                var work2 = Enumerable.Repeat(files, passes).SelectMany(f => f).ToArray();
                var (bareWall, bareCpu) = Measure(() => RunSlots(jobs, work2, (slot, f) => Bare(soffice, bareProfiles[slot], f, work)));
                var (oursWall, oursCpu) = Measure(() => RunSlots(jobs, work2, (_, f) => Ours(f)));
                Print(jobs, "soffice --convert-to docx (bare)", bareWall, bareCpu, work2.Length);
                Print(jobs, "Report.Parse of the .doc (ours)", oursWall, oursCpu, work2.Length);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{jobs,4} ratio ours/bare: wall {oursWall / bareWall:0.00}, CPU {oursCpu / bareCpu:0.00}"));
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load average after: {FormatCpuRatio.LoadAverage()}"));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static void Print(int jobs, string side, double wall, double cpu, int files)
        => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{jobs,4} {side,-34} {wall / files,11:0.000} {cpu / files,10:0.000}"));

    private static void Ours(string file)
    {
        var result = Report.Parse(ReportSource.FromFile(file));
        if (result.HasErrors) throw new InvalidOperationException($"{file}: {string.Join("; ", result.Diagnostics.Where(d => d.Severity == Severity.Error))}");
    }

    private static void Bare(string soffice, string profile, string file, string work)
    {
        var outDir = Path.Combine(work, "out-" + Path.GetFileName(profile));
        Directory.CreateDirectory(outDir);
        var psi = new ProcessStartInfo(soffice) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-env:UserInstallation=" + new Uri(profile).AbsoluteUri, "--headless", "--norestore", "--nolockcheck", "--convert-to", "docx", "--outdir", outDir, file })
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        p.StandardOutput.ReadToEnd();
        p.StandardError.ReadToEnd();
        p.WaitForExit();
        var converted = Path.Combine(outDir, Path.ChangeExtension(Path.GetFileName(file), ".docx"));
        if (p.ExitCode != 0 || !File.Exists(converted)) throw new InvalidOperationException($"soffice failed on {file} (exit code {p.ExitCode})");
        File.Delete(converted);
    }

    /// <summary>Runs the files on <paramref name="jobs"/> threads, each thread its own slot, taking the next file in turn.</summary>
    private static void RunSlots(int jobs, string[] files, Action<int, string> action)
    {
        int next = -1;
        var threads = Enumerable.Range(0, jobs).Select(slot => new Thread(() =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < files.Length) action(slot, files[i]);
        })).ToList();
        foreach (var t in threads) t.Start();
        foreach (var t in threads) t.Join();
    }

    private static (double Wall, double Cpu) Measure(Action action)
    {
        double cpu0 = CpuWithChildren();
        var watch = Stopwatch.StartNew();
        action();
        return (watch.Elapsed.TotalSeconds, CpuWithChildren() - cpu0);
    }

    /// <summary>This process's CPU seconds plus those of its children that have been waited for (getrusage).</summary>
    private static double CpuWithChildren()
    {
        double self = StageProfile.CpuSeconds();
        if (!OperatingSystem.IsLinux() || NativeMethods.getrusage(-1, out var children) != 0) return self;
        return self + children.UserSeconds + children.UserMicroseconds / 1e6 + children.SystemSeconds + children.SystemMicroseconds / 1e6;
    }

    private static class NativeMethods
    {
        /// <summary>The leading fields of struct rusage (two timevals); the rest is room for the remaining fields.</summary>
        [StructLayout(LayoutKind.Sequential)]
        public struct Rusage
        {
            public long UserSeconds;
            public long UserMicroseconds;
            public long SystemSeconds;
            public long SystemMicroseconds;
            [MarshalAs(UnmanagedType.ByValArray, SizeConst = 14)]
            public long[] Rest;
        }

        [DllImport("libc", SetLastError = false)]
        public static extern int getrusage(int who, out Rusage usage);
    }
}
