using System.Diagnostics;
using System.Text;
using Xunit.Abstractions;

namespace ReportParser.Tests.Robustness;

/// <summary>
/// The no-crash guarantee over mutants of every corpus document: each parse finishes within its budget,
/// returns a report and throws nothing. Seeded: a failure names its document, kind and index.
/// </summary>
public class MutationTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(20);
    private static readonly object SummaryLock = new();

    /// <summary>One line per corpus document; .ci/run prints it so the CI log shows how many mutants ran.</summary>
    public static string SummaryPath { get; } = Path.Combine(AppContext.BaseDirectory, "mutation-summary.txt");

    static MutationTests()
    {
        if (File.Exists(SummaryPath)) File.Delete(SummaryPath);
    }
    private readonly ITestOutputHelper _output;

    public MutationTests(ITestOutputHelper output) => _output = output;

    /// <summary>
    /// The corpus documents, less those read through LibreOffice (DOC, ODT, RTF, ODS): each mutant would
    /// start a converter; their DOCX and XLSX twins are mutated instead.
    /// </summary>
    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string>();
        foreach (var row in (IEnumerable<object[]>)Corpus.CorpusTests.Documents())
        {
            var relative = (string)row[0];
            if (Path.GetExtension(relative).ToLowerInvariant() is not (".doc" or ".odt" or ".rtf" or ".ods" or ".wps")) data.Add(relative);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Mutants_never_crash_or_hang(string relative)
    {
        var path = Path.Combine(Paths.Corpus, relative);
        var original = File.ReadAllBytes(path);
        bool pdf = relative.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase);
        int perKind = pdf ? 5 : 40;
        var failures = new List<string>();
        int tried = 0;
        var sw = Stopwatch.StartNew();
        foreach (var kind in Mutator.Kinds)
        {
            var cases = Enumerable.Range(0, perKind).ToList();
            Parallel.ForEach(cases, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
            {
                var rnd = new Random(Mutator.Seed($"{relative}/{kind}/{i}"));
                var mutant = Mutator.Mutate(original, kind, rnd);
                var failure = Run(mutant, $"{relative}#{kind}#{i}");
                lock (failures)
                {
                    tried++;
                    if (failure is not null) failures.Add(failure);
                }
            });
        }
        var line = $"{relative}: {tried} mutants in {sw.Elapsed.TotalSeconds:F1} s, {failures.Count} failures";
        _output.WriteLine(line);
        lock (SummaryLock) File.AppendAllText(SummaryPath, line + "\n");
        failures.Should().BeEmpty();
    }

    [Fact]
    public void Empty_huge_and_repetitive_inputs_finish_with_diagnostics()
    {
        var cases = new Dictionary<string, byte[]>
        {
            ["empty"] = Array.Empty<byte>(),
            ["nul"] = new byte[1000],
            ["100MB"] = new byte[100 * 1024 * 1024],
            ["one-long-line"] = Encoding.UTF8.GetBytes(new string('一', 2_000_000)),
            ["many-rows"] = Encoding.UTF8.GetBytes("三、收到和处理政府信息公开申请情况\n" + string.Concat(Enumerable.Repeat("一、本年新收政府信息公开申请数量\t1\t2\t3\t4\t5\t6\t21\n", 50_000))),
            ["wide-row"] = Encoding.UTF8.GetBytes("四、政府信息公开行政复议、行政诉讼情况\n" + string.Join('\t', Enumerable.Range(0, 100_000))),
            ["headings"] = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("一、总体情况\n二、主动公开政府信息情况\n", 30_000))),
        };
        Array.Fill(cases["100MB"], (byte)'1');
        foreach (var (name, bytes) in cases)
        {
            var sw = Stopwatch.StartNew();
            var failure = Run(bytes, name);
            failure.Should().BeNull();
            _output.WriteLine($"{name}: {bytes.Length:N0} bytes in {sw.ElapsedMilliseconds} ms");
        }
        Report.Parse(ReportSource.FromBytes(cases["100MB"], "100MB")).Diagnostics.Should().Contain(d => d.Code == DiagnosticCode.LimitExceeded);
        Report.Parse(ReportSource.FromBytes(cases["empty"], "empty")).Diagnostics.Should().Contain(d => d.Code == DiagnosticCode.EmptyInput);
    }

    private static string? Run(byte[] bytes, string name)
    {
        var task = Task.Run(() => Report.Parse(ReportSource.FromBytes(bytes, name)));
        try
        {
            if (!task.Wait(Budget)) return $"{name}: no result within {Budget.TotalSeconds} s";
            var r = task.Result;
            if (r.Report is null) return $"{name}: null report";
            if (r.Report.Tables.SelectMany(t => t.Cells).Any(c => c.Value is not null && c.Raw is null)) return $"{name}: a value without its raw text";
            return null;
        }
        catch (AggregateException ex)
        {
            return $"{name}: {ex.InnerException?.GetType().Name}: {ex.InnerException?.Message}\n{ex.InnerException?.StackTrace}";
        }
    }
}
