using System.Diagnostics;
using System.Globalization;

// Fuzzing harness for ReportParser. Modes:
//   (no arguments) | --afl     AFL++ target through SharpFuzz (run under afl-fuzz on an instrumented ReportParser.dll)
//   --libfuzzer                libFuzzer target through SharpFuzz (run under libfuzzer-dotnet)
//   --run FILE|DIR...          parse each input once and report exceptions and slow parses (reproduce a finding)
//   --mutate DIR --seconds N   coverage-blind random mutation loop over the seed files under DIR, without AFL
// See docs/fuzzing.md.
namespace ReportParser.Fuzz
{
    internal static class Cli
    {
        public static int Main(string[] args)
        {
            if (args.Length == 0 || args[0] == "--afl")
            {
                // Each input runs in a forked child of the .NET runtime's test loop; an escaping exception is a crash.
                SharpFuzz.Fuzzer.OutOfProcess.Run(stream => Target.Parse(ReadAll(stream)));
                return 0;
            }
            if (args[0] == "--libfuzzer")
            {
                SharpFuzz.Fuzzer.LibFuzzer.Run(span => Target.Parse(span.ToArray()));
                return 0;
            }
            if (args[0] == "--run") return Reproduce(args.Skip(1).ToArray());
            if (args[0] == "--mutate") return Mutate(args);
            if (args[0] is "-h" or "--help")
            {
                Console.WriteLine("usage: ReportParser.Fuzz [--afl | --libfuzzer | --run FILE|DIR... | --mutate DIR [--seconds N] [--seed S] [--out DIR] [--hang-seconds H]]");
                return 0;
            }
            Console.Error.WriteLine($"unknown mode '{args[0]}' (try --help)");
            return 2;
        }

        private static byte[] ReadAll(Stream stream)
        {
            using var ms = new MemoryStream();
            stream.CopyTo(ms);
            return ms.ToArray();
        }

        private static int Reproduce(string[] paths)
        {
            var files = paths.SelectMany(p => Directory.Exists(p) ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal) : Enumerable.Repeat(p, 1)).ToList();
            int failed = 0;
            foreach (var file in files)
            {
                var bytes = File.ReadAllBytes(file);
                var sw = Stopwatch.StartNew();
                try
                {
                    Target.Parse(bytes);
                    Console.WriteLine($"ok    {sw.ElapsedMilliseconds,6} ms  {file}");
                }
#pragma warning disable CA1031 // Reporting every exception is the point of this mode.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    failed++;
                    Console.WriteLine($"CRASH {sw.ElapsedMilliseconds,6} ms  {file}");
                    Console.WriteLine(ex.ToString());
                }
            }
            Console.WriteLine($"{files.Count} inputs, {failed} crashed");
            return failed == 0 ? 0 : 1;
        }

        private static int Mutate(string[] args)
        {
            string? dir = args.Length > 1 ? args[1] : null;
            double seconds = 300, hangSeconds = 10;
            int seed = Environment.TickCount;
            string outDir = Path.Combine("artifacts", "fuzz", "mutate");
            for (int i = 2; i + 1 < args.Length; i += 2)
            {
                switch (args[i])
                {
                    case "--seconds": seconds = double.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                    case "--seed": seed = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                    case "--out": outDir = args[i + 1]; break;
                    case "--hang-seconds": hangSeconds = double.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                    default: Console.Error.WriteLine($"unknown option '{args[i]}'"); return 2;
                }
            }
            if (dir is null || !Directory.Exists(dir))
            {
                Console.Error.WriteLine("--mutate needs a directory of seed files");
                return 2;
            }
            var seeds = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
                .Where(f => !f.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .Select(File.ReadAllBytes)
                .Where(b => b.Length > 0)
                .ToList();
            if (seeds.Count == 0)
            {
                Console.Error.WriteLine($"no seed files under {dir}");
                return 2;
            }
            Directory.CreateDirectory(outDir);
            var loop = new MutationLoop(seeds, seed, TimeSpan.FromSeconds(hangSeconds), outDir);
            Console.WriteLine($"mutating {seeds.Count} seeds from {dir} for {seconds} s, seed {seed}, findings in {outDir}");
            var stats = loop.Run(TimeSpan.FromSeconds(seconds), Console.Out);
            Console.WriteLine(stats.Summary());
            return stats.Crashes + stats.Hangs == 0 ? 0 : 1;
        }
    }

    /// <summary>The code under test: one parse of one document.</summary>
    internal static class Target
    {
        /// <summary>Parses; returns the sorted set of diagnostic codes (the mutation loop's cheap feedback).</summary>
        public static string Parse(byte[] bytes)
        {
            // The library promises that documents never make it throw: anything escaping here is a finding.
            var result = Report.Parse(ReportSource.FromBytes(bytes, "fuzz"));
            return string.Join(',', result.Diagnostics.Select(d => d.CodeText).Distinct().Order(StringComparer.Ordinal));
        }
    }
}
