using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ReportParser.Batch;
using ReportParser.Tests.Cli;

namespace ReportParser.Tests.Reporting;

/// <summary>
/// The fixture batch of the quality page, exported once: the committed files of Reporting/Batch (a carry-over break between
/// two years of one agency, a blank cell, a file that is not a report, an unreadable archive), clean and rule-breaking reports
/// of corpus/ (every single-report rule broken in jiangchuan-nr-2023-broken-rules, a duplicate, a fused run split by arithmetic),
/// and a report whose agency and file name carry markup.
/// </summary>
public sealed class QualityBatch : IDisposable
{
    public const string HostileAgency = "郑州市<script>alert(\"x\")</script>&amp;测试局";

    public const string HostileFile = "<img src=x onerror=alert(1)>&\".txt";

    public string Root { get; } = BatchFixture.TempDir("quality");

    public string Input => Path.Combine(Root, "in");

    public string Output => Path.Combine(Root, "out");

    public string PagePath => Path.Combine(Output, QualityReport.FileName);

    public string Html { get; }

    public IDocument Page { get; }

    public List<string[]> Files { get; }

    public List<string[]> Diagnostics { get; }

    public List<string[]> Cells { get; }

    public List<string[]> Reports { get; }

    public QualityBatch()
    {
        Directory.CreateDirectory(Input);
        foreach (var f in Directory.EnumerateFiles(Path.Combine(Paths.RepoRoot, "tests", "ReportParser.Tests", "Reporting", "Batch"))) File.Copy(f, Path.Combine(Input, Path.GetFileName(f)));
        foreach (var name in new[] { "000_b4f43ef4f0df1505", "linchuan-county-office-2019", "jiangchuan-nr-2023-broken-rules", "jiangchuan-nr-2023", "jiangchuan-nr-2023-crlf" })
            File.Copy(Path.Combine(Paths.Corpus, "text", name + ".txt"), Path.Combine(Input, name + ".txt"));
        File.Copy(Path.Combine(Paths.Corpus, "fused", "crawled-2023-oneline.txt"), Path.Combine(Input, "crawled-2023-oneline.txt"));
        File.WriteAllText(Path.Combine(Input, "hostile-agency.txt"), BatchFixture.BaseText.Replace("\n" + BatchFixture.BaseAgency + "\n", "\n" + HostileAgency + "\n"), Encoding.UTF8);
        File.WriteAllText(Path.Combine(Input, HostileFile), BatchFixture.Variant("第一测试局", 2021, 1), Encoding.UTF8);
        ReportExporter.ExportAsync(new ExportOptions { Inputs = [Input], OutputDirectory = Output, Jobs = 2 }).GetAwaiter().GetResult();
        Html = File.ReadAllText(PagePath);
        Page = new HtmlParser().ParseDocument(Html);
        Files = BatchFixture.Read(Output, "files");
        Diagnostics = BatchFixture.Read(Output, "diagnostics");
        Cells = BatchFixture.Read(Output, "cells");
        Reports = BatchFixture.Read(Output, "reports");
    }

    /// <summary>The rows of a table (without its header) whose column has a value.</summary>
    public static IEnumerable<string[]> Where(List<string[]> table, string column, string value)
        => table.Skip(1).Where(r => r[Array.IndexOf(table[0], column)] == value);

    public static string Get(List<string[]> table, string[] row, string column) => row[Array.IndexOf(table[0], column)];

    /// <summary>The detail section of a file (its id is d + the file's number in the files table).</summary>
    public IElement Detail(string fileEndsWith)
    {
        var sections = Page.QuerySelectorAll("section.detail").Where(s => s.GetAttribute("data-file")!.EndsWith(fileEndsWith, StringComparison.Ordinal)).ToList();
        sections.Should().ContainSingle($"the page holds one detail for {fileEndsWith}");
        return sections[0];
    }

    public string FileId(string fileEndsWith) => Files.Skip(1).Single(r => r[0].EndsWith(fileEndsWith, StringComparison.Ordinal))[0];

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
