using ReportParser.Batch;
using ReportParser.Template;

namespace ReportParser.Tests.Readme;

/// <summary>The library snippet of README.md is this file's <see cref="Snippet"/>, line for line, and it runs.</summary>
[Collection(nameof(CurrentDirectoryCollection))]
public class ReadmeSnippetTests
{
    private const string Begin = "// README snippet begin";
    private const string End = "// README snippet end";

    private static async Task Snippet()
    {
        // README snippet begin
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var result = await Report.ParseAsync(ReportSource.FromFile("report.txt"), cancellationToken: cancel.Token);
        AnnualReport report = result.Report;                                   // never null
        Console.WriteLine($"{report.Metadata.Agency} {report.Metadata.Year} template {report.Metadata.Template.ToKey()}");
        long? granted = report.Requests?.Granted.Total;                        // typed property; null = not stated
        ReportCell? cell = report.Cell(CellKeys.Requests.DeniedStateSecret.NaturalPerson); // typed key: value, raw text, location
        decimal? fees = report.Value(CellKeys.ProactiveDisclosure.Fees.AmountTenThousandYuan);
        foreach (var d in result.Diagnostics) Console.WriteLine(d);           // line 41, col 1: warning RP4001 Requests.Balance: …

        // A whole archive, written as `reportparser export` writes it (files, cells, reports, diagnostics):
        var summary = await ReportExporter.ExportAsync(
            new ExportOptions { Inputs = ["reports", "archive.zip"], OutputDirectory = "out" },
            new Progress<ExportProgress>(p => Console.Error.Write($"\r{p.Done} files")), cancel.Token);
        Console.WriteLine($"{summary.Files} files, {summary.Reports} reports, {summary.Cells} cells");
        // README snippet end
        Results = (granted, cell, fees, summary);
    }

    private static (long? Granted, ReportCell? Cell, decimal? Fees, ExportSummary Summary) Results;

    private static List<string> Lines(IEnumerable<string> lines)
    {
        var list = lines.Select(l => l.TrimEnd()).ToList();
        int indent = list.Where(l => l.Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return list.Select(l => l.Length >= indent ? l[indent..] : l).ToList();
    }

    [Fact]
    public void The_readme_shows_this_code()
    {
        var readme = File.ReadAllLines(Path.Combine(Paths.RepoRoot, "README.md"));
        int marker = Array.FindIndex(readme, l => l.StartsWith("<!-- snippet: library", StringComparison.Ordinal));
        marker.Should().BePositive("README.md marks its library snippet");
        int open = marker + 1, close = Array.FindIndex(readme, open + 1, l => l == "```");
        readme[open].Should().Be("```csharp");
        var shown = readme[(open + 1)..close].SkipWhile(l => l.StartsWith("using ReportParser", StringComparison.Ordinal) || l.Length == 0).ToList();

        var source = File.ReadAllLines(Path.Combine(Paths.RepoRoot, "tests", "ReportParser.Tests", "Readme", "ReadmeSnippetTests.cs"));
        int b = Array.FindIndex(source, l => l.Trim() == Begin), e = Array.FindIndex(source, l => l.Trim() == End);
        Lines(shown).Should().Equal(Lines(source[(b + 1)..e]));
        readme[(open + 1)..close].Where(l => l.StartsWith("using ReportParser", StringComparison.Ordinal))
            .Should().Equal("using ReportParser;", "using ReportParser.Batch;", "using ReportParser.Template;");
    }

    [Fact]
    public async Task The_snippet_runs_on_the_bundled_reports()
    {
        var dir = Path.Combine(Path.GetTempPath(), "rp-readme-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(dir, "reports"));
        var text = Path.Combine(Paths.Corpus, "text");
        File.Copy(Path.Combine(text, "jiangchuan-nr-2023.txt"), Path.Combine(dir, "report.txt"));
        File.Copy(Path.Combine(text, "jiangchuan-nr-2023.txt"), Path.Combine(dir, "reports", "a.txt"));
        File.Copy(Path.Combine(text, "linchuan-county-office-2019.txt"), Path.Combine(dir, "reports", "b.txt"));
        using (var zip = System.IO.Compression.ZipFile.Open(Path.Combine(dir, "archive.zip"), System.IO.Compression.ZipArchiveMode.Create))
        {
            using var entry = zip.CreateEntry("c.txt").Open();
            entry.Write(File.ReadAllBytes(Path.Combine(text, "000_b4f43ef4f0df1505.txt")));
        }
        var before = Environment.CurrentDirectory;
        var output = Console.Out;
        var errors = Console.Error;
        try
        {
            Environment.CurrentDirectory = dir;
            Console.SetOut(TextWriter.Null);
            Console.SetError(TextWriter.Null);
            await Snippet();
        }
        finally
        {
            Environment.CurrentDirectory = before;
            Console.SetOut(output);
            Console.SetError(errors);
        }
        var expected = Report.ParseFile(Path.Combine(text, "jiangchuan-nr-2023.txt")).Report;
        Results.Granted.Should().Be(expected.Requests!.Granted.Total).And.NotBeNull();
        Results.Cell!.Value.Should().Be(expected.Requests["Denied.StateSecret", "NaturalPerson"]!.Value);
        Results.Fees.Should().Be(expected.ProactiveDisclosure!.FeesAmountTenThousandYuan);
        Results.Summary.Files.Should().Be(3);
        Results.Summary.Reports.Should().Be(3);
        File.ReadAllLines(Path.Combine(dir, "out", "files.csv")).Should().HaveCount(4);
        Directory.Delete(dir, recursive: true);
    }
}

/// <summary>Tests that change the process's current directory run alone.</summary>
[CollectionDefinition(nameof(CurrentDirectoryCollection), DisableParallelization = true)]
public sealed class CurrentDirectoryCollection
{
}
