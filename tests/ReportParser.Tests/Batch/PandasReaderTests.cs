using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using ReportParser.Batch;
using ReportParser.Tests.Cli;

namespace ReportParser.Tests.Batch;

/// <summary>
/// An independent reader: pandas (Debian's python3-pandas) reads reports.csv typed by codebook.csv with
/// tools/analysis/read_reports.py, the script docs/analysis.md shows: counts as nullable Int64, the row count and a sum
/// as the library wrote them. Skips with the reason when python3 or pandas is absent.
/// </summary>
public sealed class PandasReaderTests : IDisposable
{
    private readonly string _root = BatchFixture.TempDir("pandas");

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    private static (int Code, string Output) Run(string python, params string[] args)
    {
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(2))) p.Kill(entireProcessTree: true);
        return (p.HasExited ? p.ExitCode : -1, p.ExitCode == 0 ? output.Result : output.Result + error.Result);
    }

    /// <summary>A python3 that imports pandas: Debian's first, then the one on PATH; or a skip.</summary>
    private static string Python()
    {
        foreach (var python in new[] { "/usr/bin/python3", "python3" })
        {
            try
            {
                if (Run(python, "-c", "import pandas").Code == 0) return python;
            }
            catch (Win32Exception)
            {
            }
        }
        Skip.If(true, "needs python3 with pandas: apt-get install python3-pandas");
        return "";
    }

    [SkippableTheory]
    [InlineData("keys", "Requests.NewRequests.Total", "ReviewLitigation.Cases.Review.Corrected")]
    [InlineData("short", "req_new_total", "rl_review_corrected")]
    public async Task Pandas_reads_reports_csv_with_the_codebook_types(string names, string total, string review)
    {
        var python = Python();
        var input = Path.Combine(_root, "in");
        Directory.CreateDirectory(input);
        var requests = Export.IndicatorFixture.Requests();
        File.WriteAllText(Path.Combine(input, "a.txt"), Export.IndicatorFixture.Text("甲市乙局", 2021, requests, Export.IndicatorFixture.Review(), [3, 1, 20], [5, 2, 40]));
        File.WriteAllText(Path.Combine(input, "b.txt"), Export.IndicatorFixture.Text("丙县丁局", 2022, requests, Export.IndicatorFixture.Review(), [0, 0, 1], [0, 0, 2]));
        File.WriteAllText(Path.Combine(input, "seed.txt"), BatchFixture.BaseText); // 本年新收 总计 not stated
        var dir = Path.Combine(_root, names);
        await ReportExporter.ExportAsync(new ExportOptions { Inputs = [input], OutputDirectory = dir, Names = names == "short" ? ColumnNames.Short : ColumnNames.Keys });

        var (code, output) = Run(python, Path.Combine(Paths.RepoRoot, "tools", "analysis", "read_reports.py"), dir, names);
        code.Should().Be(0, output);
        using var json = JsonDocument.Parse(output);
        var r = json.RootElement;
        r.GetProperty("rows").GetInt32().Should().Be(3);
        r.GetProperty("sum").GetInt64().Should().Be(60, "30 new requests in each fixture; the seed's total is not stated and is no 0");
        r.GetProperty("stated").GetInt32().Should().Be(2);
        var dtypes = r.GetProperty("dtypes");
        dtypes.GetProperty(total).GetString().Should().Be("Int64");
        dtypes.GetProperty(review).GetString().Should().Be("Int64");
        dtypes.GetProperty("year").GetString().Should().Be("Int64");
        dtypes.GetProperty("agency").GetString().Should().Be("string");
        dtypes.GetProperty("published_on").GetString().Should().StartWith("datetime64");
        dtypes.EnumerateObject().Count(p => p.Value.GetString() == "Int64").Should().BeGreaterThan(200);
    }
}
