using System.Diagnostics;
using System.IO.Compression;
using System.Xml.Linq;
using ReportParser.Batch;
using ReportParser.Batch.IO;
using ReportParser.Export;
using ReportParser.Tests.Cli;

namespace ReportParser.Tests.Batch;

/// <summary>
/// The xlsx workbook (typed cells, frozen header, autofilter, continuation sheets) read back by LibreOffice headless, the
/// Excel-safe text of --excel-bom and xlsx, and LibreOffice's reading of the CSV files. The LibreOffice tests skip, with
/// the reason, when soffice is absent.
/// </summary>
public sealed class ExcelOutputTests : IDisposable
{
    private static readonly XNamespace S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private readonly string _root = BatchFixture.TempDir("excel");

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    private static string Soffice()
    {
        var soffice = ReportParser.Input.Office.LibreOfficeConverter.Locate(null);
        Skip.If(soffice is null, "LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui");
        return soffice!;
    }

    /// <summary>Runs soffice headless with its own profile (tests run in parallel) and returns its output.</summary>
    private string Convert(string soffice, string file, string filter, string outDir, string? infilter = null)
    {
        var profile = Path.Combine(_root, "lo-profile-" + Guid.NewGuid().ToString("N")[..6]);
        var start = new ProcessStartInfo(soffice) { RedirectStandardOutput = true, RedirectStandardError = true };
        var args = new List<string> { $"-env:UserInstallation=file://{profile}", "--headless", "--norestore" };
        if (infilter is not null) args.Add(infilter);
        args.AddRange(["--convert-to", filter, "--outdir", outDir, file]);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(3))) p.Kill(entireProcessTree: true);
        return output.Result + error.Result;
    }

    /// <summary>LibreOffice's CSV export: comma, double quote, UTF-8, values not as shown, every sheet to its own file (token 12 = -1).</summary>
    private const string AllSheetsUtf8 = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";

    private string Inputs()
    {
        var dir = Path.Combine(_root, "in");
        Directory.CreateDirectory(dir);
        for (int i = 1; i <= 3; i++) File.WriteAllText(Path.Combine(dir, $"r{i}.txt"), BatchFixture.Variant(BatchFixture.Agency(i), 2020 + i, i));
        File.WriteAllText(Path.Combine(dir, "fixture.txt"), Export.IndicatorFixture.Text("甲市乙局", 2021, Export.IndicatorFixture.Requests(), Export.IndicatorFixture.Review(), [3, 1, 20], [5, 2, 40]));
        return dir;
    }

    [SkippableFact]
    public async Task The_workbook_opened_by_LibreOffice_gives_the_cells_of_cells_csv()
    {
        var soffice = Soffice();
        var input = Inputs();
        var csv = Path.Combine(_root, "csv");
        var xlsx = Path.Combine(_root, "xlsx");
        await ReportExporter.ExportAsync(new ExportOptions { Inputs = [input], OutputDirectory = csv });
        await ReportExporter.ExportAsync(new ExportOptions { Inputs = [input], OutputDirectory = xlsx, Format = ExportFormat.Xlsx });
        Directory.GetFileSystemEntries(xlsx).Select(Path.GetFileName).Order(StringComparer.Ordinal).Should().Equal("codebook.csv", "export.xlsx", "manifest.json", "report.html");

        var back = Path.Combine(_root, "back");
        var log = Convert(soffice, Path.Combine(xlsx, "export.xlsx"), AllSheetsUtf8, back);
        var sheets = Directory.GetFiles(back).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        sheets.Should().Equal(new[] { "cells", "codebook", "diagnostics", "files", "indicators", "panel", "reports" }.Select(s => $"export-{s}.csv"), log);
        File.ReadAllText(Path.Combine(back, "export-cells.csv")).Should().Be(File.ReadAllText(Path.Combine(csv, "cells.csv")));
        File.ReadAllText(Path.Combine(back, "export-files.csv")).Should().Be(File.ReadAllText(Path.Combine(csv, "files.csv")));
        File.ReadAllLines(Path.Combine(back, "export-indicators.csv")).Should().HaveCount(File.ReadAllLines(Path.Combine(csv, "indicators.csv")).Length);
        File.ReadAllText(Path.Combine(back, "export-reports.csv")).Should().Contain("甲市乙局");
    }

    [SkippableFact]
    public void LibreOffice_reads_the_excel_bom_csv_as_utf8_with_the_one_setting()
    {
        var soffice = Soffice();
        var input = Inputs();
        var bom = Path.Combine(_root, "bom");
        var plain = Path.Combine(_root, "plain");
        BatchFixture.Run("export", input, "--out", bom, "--excel-bom", "-q").Code.Should().Be(0);
        BatchFixture.Run("export", input, "--out", plain, "-q").Code.Should().Be(0);
        File.ReadAllBytes(Path.Combine(bom, "cells.csv")).Take(3).Should().Equal(0xEF, 0xBB, 0xBF);

        // Character set "Unicode (UTF-8)" (76) in the Text Import dialog: the one setting docs/cli.md names. The byte-order
        // mark is then not read as text, and the sheet written back is the plain CSV, Chinese included.
        var back = Path.Combine(_root, "back");
        var log = Convert(soffice, Path.Combine(bom, "cells.csv"), "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false", back,
            "--infilter=Text - txt - csv (StarCalc):44,34,76,1");
        var text = File.ReadAllText(Path.Combine(back, "cells.csv"));
        text.Should().Contain("甲市乙局", log).And.StartWith("file,agency,");
        text.Should().Be(File.ReadAllText(Path.Combine(plain, "cells.csv")));
    }

    [Fact]
    public void A_table_longer_than_a_sheet_continues_on_the_next_with_typed_cells()
    {
        var path = Path.Combine(_root, "t.xlsx");
        using (var book = new XlsxWorkbookWriter(path, maxRows: 3))
        {
            var rows = new[] { new[] { "=1+1", "5", "2021-03-04" }, ["甲", "-2.5", ""], ["乙", "", "2020-01-01"], ["丙\u0001", "7", ""], ["丁", "8", ""] };
            book.WriteTable("t", ["name", "n", "d"], [ColumnType.Text, ColumnType.Decimal, ColumnType.Date], rows);
            book.Sheets.Should().Equal("t", "t (2)", "t (3)");
        }
        using var zip = ZipFile.OpenRead(path);
        XDocument Sheet(int i) => XDocument.Load(zip.GetEntry($"xl/worksheets/sheet{i}.xml")!.Open());
        static string Cells(XDocument d) => string.Join(" ", d.Descendants(S + "c").Select(c =>
            $"{c.Attribute("r")!.Value}:{c.Attribute("t")?.Value ?? "n"}:{(string?)c.Element(S + "v") ?? string.Concat(c.Descendants(S + "t").Select(t => t.Value))}"));

        var first = Sheet(1);
        first.Descendants(S + "pane").Single().Attribute("state")!.Value.Should().Be("frozen");
        first.Descendants(S + "autoFilter").Single().Attribute("ref")!.Value.Should().Be("A1:C3");
        // Header as bold text; the formula text prefixed; numbers and dates (days since 1899-12-30) as numbers; blanks as no cell.
        Cells(first).Should().Be("A1:inlineStr:name B1:inlineStr:n C1:inlineStr:d A2:inlineStr:'=1+1 B2:n:5 C2:n:44259 A3:inlineStr:甲 B3:n:-2.5");
        first.Descendants(S + "c").First().Attribute("s")!.Value.Should().Be("1");
        Cells(Sheet(2)).Should().Be("A1:inlineStr:name B1:inlineStr:n C1:inlineStr:d A2:inlineStr:乙 C2:n:43831 A3:inlineStr:丙\uFFFD B3:n:7");
        Cells(Sheet(3)).Should().Be("A1:inlineStr:name B1:inlineStr:n C1:inlineStr:d A2:inlineStr:丁 B2:n:8");
        Sheet(3).Descendants(S + "autoFilter").Single().Attribute("ref")!.Value.Should().Be("A1:C2");
        var workbook = XDocument.Load(zip.GetEntry("xl/workbook.xml")!.Open());
        workbook.Descendants(S + "sheet").Select(e => e.Attribute("name")!.Value).Should().Equal("t", "t (2)", "t (3)");
        workbook.Descendants(S + "definedName").Select(e => e.Value).Should().Equal("'t'!$A$1:$C$3", "'t (2)'!$A$1:$C$3", "'t (3)'!$A$1:$C$2");
    }

    [Fact]
    public async Task Formula_text_gets_the_quote_prefix_in_excel_mode_only()
    {
        const string Formula = "=HYPERLINK(\"http://例.com\",\"点我\")";
        var dir = Path.Combine(_root, "inj");
        Directory.CreateDirectory(dir);
        // The agency and the title start with the formula (the agency is the title's prefix before the year).
        var text = BatchFixture.BaseText.Replace(BatchFixture.BaseAgency + "\n", "").Replace("2021年政务信息公开工作年度报告", Formula + "2021年政务信息公开工作年度报告");
        File.WriteAllText(Path.Combine(dir, "a.txt"), text);
        File.WriteAllBytes(Path.Combine(dir, "b.zip"), BatchFixture.GbkZip([(Formula + ".txt", BatchFixture.Utf8(BatchFixture.Variant("乙局", 2021, 1)))]));
        var plain = Path.Combine(_root, "plain");
        var excel = Path.Combine(_root, "excel");
        await ReportExporter.ExportAsync(new ExportOptions { Inputs = [dir], OutputDirectory = plain });
        await ReportExporter.ExportAsync(new ExportOptions { Inputs = [dir], OutputDirectory = excel, ExcelBom = true });

        var p = BatchFixture.Read(plain, "reports");
        var e = BatchFixture.Read(excel, "reports");
        BatchFixture.Column(p, p[1], "agency").Should().Be(Formula, "plain CSV keeps the text for pandas and R");
        BatchFixture.Column(p, p[1], "title").Should().StartWith(Formula);
        BatchFixture.Column(e, e[1], "agency").Should().Be("'" + Formula);
        BatchFixture.Column(e, e[1], "title").Should().StartWith("'" + Formula);
        BatchFixture.Column(e, e[1], "year").Should().Be("2021");
        var files = BatchFixture.Read(excel, "files");
        BatchFixture.Column(files, files[2], "source").Should().Be("'" + Formula + ".txt", "the entry name");
        BatchFixture.Column(BatchFixture.Read(plain, "files"), BatchFixture.Read(plain, "files")[2], "source").Should().Be(Formula + ".txt");
        BatchFixture.Read(excel, "cells").Skip(1).Select(r => r[1]).Should().Contain("'" + Formula);
        BatchFixture.Read(excel, "indicators").Skip(1).Select(r => r[1]).Should().Contain("'" + Formula);

        // A file identity that starts with a formula (a relative input path), and numbers, which stay numbers.
        var w = Path.Combine(_root, "w");
        Directory.CreateDirectory(w);
        using (var writer = OutputFolder.Create(w, FileRow.Schema, ExportFormat.Csv, excelBom: true))
            writer.Write(FileRow.Schema.Fields(new FileRow("-1+2.txt", ReportStatus.Parsed, "@SUM(A1)", "\tx", -5, null, 0, 0, 0, 0)));
        File.ReadAllText(Path.Combine(w, "files.csv")).Should().EndWith("\n'-1+2.txt,parsed,'@SUM(A1),'\tx,-5,,0,0,0,0\n");
    }
}
