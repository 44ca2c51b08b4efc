using System.Globalization;

namespace ReportParser.Benchmarks;

/// <summary>
/// The comparison of <see cref="FormatBenchmarks"/> in CPU time, for a loaded machine where wall times are not to be
/// trusted: per format, rounds over the whole corpus alternate between the bare library's work and our parse, each
/// timed in the process's CPU time (<see cref="StageProfile.CpuSeconds"/>) with its allocations, after warm-up rounds (so both run at tier 1). Prints per
/// format: files, pages, our and the bare CPU time per file (and per page), the ratio, allocations and files per
/// CPU-second. <c>dotnet run -c Release --project tools/ReportParser.Benchmarks -- --cpu [--rounds N] [FORMAT...]</c>.
/// </summary>
internal static class FormatCpuRatio
{
    public static void Run(string[] args)
    {
        int rounds = 30;
        var formats = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--rounds") rounds = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] != "--cpu") formats.Add(args[i]);
        }
        if (formats.Count == 0) formats.AddRange(new[] { "text", "html", "pdf", "docx", "xlsx" });

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rounds} rounds per format; load average {LoadAverage()}"));
        Console.WriteLine($"{"format",-6} {"files",5} {"pages",5} {"ours ms/file",12} {"bare ms/file",12} {"ratio",7} {"ours KB/file",12} {"bare KB/file",12} {"ours files/CPU-s",16} {"ours ms/page",12}");
        foreach (var format in formats)
        {
            var files = FormatCorpus.Load(format);
            int pages = files.Sum(f => f.Pages);
            for (int r = 0; r < 5; r++)
            {
                Bare(format, files);
                Ours(files);
            }
            double bareCpu = 0, oursCpu = 0;
            long bareBytes = 0, oursBytes = 0;
            for (int r = 0; r < rounds; r++)
            {
                var (c, b) = Measure(() => Bare(format, files));
                bareCpu += c;
                bareBytes += b;
                (c, b) = Measure(() => Ours(files));
                oursCpu += c;
                oursBytes += b;
            }
            double n = (double)files.Count * rounds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{format,-6} {files.Count,5} {pages,5} {oursCpu / n * 1000,12:0.000} {bareCpu / n * 1000,12:0.000} {oursCpu / bareCpu,7:0.00} {oursBytes / n / 1024,12:0.0} {bareBytes / n / 1024,12:0.0} {n / oursCpu,16:N0} {oursCpu / ((double)pages * rounds) * 1000,12:0.000}"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load average after: {LoadAverage()}"));
    }

    private static void Bare(string format, IReadOnlyList<CorpusFile> files)
    {
        foreach (var f in files) BareWork.Run(format, f.Bytes);
    }

    private static void Ours(IReadOnlyList<CorpusFile> files)
    {
        foreach (var f in files) Report.Parse(ReportSource.FromBytes(f.Bytes, f.Name));
    }

    private static (double Cpu, long Bytes) Measure(Action action)
    {
        long bytes0 = GC.GetTotalAllocatedBytes(true);
        double cpu0 = StageProfile.CpuSeconds();
        action();
        return (StageProfile.CpuSeconds() - cpu0, GC.GetTotalAllocatedBytes(true) - bytes0);
    }

    internal static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
