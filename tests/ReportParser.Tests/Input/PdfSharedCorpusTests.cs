using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace ReportParser.Tests.Input;

/// <summary>
/// The PDFs under ../shared/corpus/generated (five renderings of one sample report) give, through the CLI's
/// export, exactly the numbers of sample-2021.expected.json; the damaged files under bad-input/ each give one
/// clear error and no exception. Skipped, with the reason, when ../shared is absent.
/// </summary>
public class PdfSharedCorpusTests
{
    private static string[] RequestRows => TemplateKeyLists.RequestRows2021;

    private static Dictionary<string, string> RequestColumns => TemplateKeyLists.ApplicantColumnByLabel;

    private static string[] ReviewColumns => TemplateKeyLists.ReviewColumns;

    [SkippableFact]
    public void Export_of_the_generated_pdfs_gives_the_expected_numbers()
    {
        var dir = Paths.RequireShared("corpus", "generated");
        var pdfs = Directory.GetFiles(dir, "*.pdf").Order(StringComparer.Ordinal).ToArray();
        pdfs.Should().HaveCount(5);
        var expected = Expected(Path.Combine(dir, "sample-2021.expected.json"));

        var outDir = Path.Combine(Path.GetTempPath(), "rp-pdf-export-" + Guid.NewGuid().ToString("N"));
        try
        {
            int code = RunCli(new[] { "export" }.Concat(pdfs).Concat(new[] { "--out", outDir }).ToArray());
            code.Should().Be(0);
            var lines = File.ReadAllLines(Path.Combine(outDir, "cells.csv"));
            lines[0].Should().StartWith("file,agency,year,template,table,row,column,value");
            foreach (var pdf in pdfs)
            {
                var got = new Dictionary<string, string>();
                string? year = null, template = null;
                foreach (var line in lines.Skip(1))
                {
                    var f = line.Split(',');
                    if (f[0] != pdf) continue;
                    year = f[2];
                    template = f[3];
                    if (f[7].Length > 0) got[$"{f[4]}.{f[5]}.{f[6]}"] = f[7];
                }
                year.Should().Be("2021", pdf);
                template.Should().Be("2021", pdf);
                got.Should().BeEquivalentTo(expected, pdf);
            }
        }
        finally
        {
            if (Directory.Exists(outDir)) Directory.Delete(outDir, true);
        }
    }

    [SkippableFact]
    public void The_mislabelled_block_six_is_not_stated_and_flagged()
    {
        var result = Report.ParseFile(Paths.RequireShared("corpus", "generated", "sample-2021-chromium.pdf"));
        var t = result.Report.ProactiveDisclosure!;
        t["Penalties", "Decisions"]?.Value.Should().BeNull();
        t["Enforcement", "Decisions"]?.Value.Should().BeNull();
        result.Diagnostics.Should().Contain(d => d.Code == DiagnosticCode.MissingRow && d.Message.Contains("行政处罚"));
        result.Diagnostics.Should().Contain(d => d.Code == DiagnosticCode.RowInWrongBlock);
    }

    [SkippableFact]
    public void Kangxi_radicals_of_a_type3_font_are_read_as_ideographs()
    {
        var path = Paths.RequireShared("corpus", "generated", "sample-2021-chromium-type3.pdf");
        // The text layer itself maps some glyphs to Kangxi radicals (⼀, ⽣, ⼯ …).
        using (var doc = UglyToad.PdfPig.PdfDocument.Open(path))
        {
            doc.GetPage(1).Text.Should().Contain("⽣");
        }
        var bag = new ReportParser.Diagnostics.DiagnosticBag();
        var blocks = ReportParser.Input.PdfInput.Read(ReportSource.FromFile(path), ReportParserOptions.Default, bag);
        var texts = blocks.Blocks.OfType<ReportParser.Input.ParagraphBlock>().Select(p => p.Text)
            .Concat(blocks.Blocks.OfType<ReportParser.Input.TableBlock>().SelectMany(t => t.Rows).SelectMany(r => r.Cells).Select(c => c.Text)).ToList();
        texts.Should().Contain("郑州市生态环境局经开分局");
        texts.Should().NotContain(t => t.Any(c => c >= '\u2E80' && c <= '\u2FDF'));
    }

    /// <summary>Values checked by hand against pdftotext -layout of each real PDF.</summary>
    [SkippableTheory]
    [InlineData("huaian-city-gov-2024.pdf", "淮安市人民政府", 2024, "ProactiveDisclosure.Licensing.Decisions=447228;ProactiveDisclosure.Penalties.Decisions=3985758;ProactiveDisclosure.Fees.AmountTenThousandYuan=96171.6;Requests.NewRequests.Total=3119;Requests.Total.Total=3050;Requests.CarriedForward.NaturalPerson=103;Requests.Other.Other.NaturalPerson=108;ReviewLitigation.Cases.Review.Total=351;ReviewLitigation.Cases.Litigation.AfterReview.Total=20")]
    [InlineData("huaian-hongze-district-gov-2023.pdf", "洪泽区人民政府", 2023, "ProactiveDisclosure.Licensing.Decisions=550;ProactiveDisclosure.Penalties.Decisions=4119;Requests.NewRequests.Total=21;Requests.Total.Total=21;ReviewLitigation.Cases.Review.Upheld=10;ReviewLitigation.Cases.Review.Corrected=1;ReviewLitigation.Cases.Review.Total=0;ReviewLitigation.Cases.Litigation.AfterReview.Upheld=5")]
    [InlineData("huaian-hongze-district-gov-2024.pdf", "淮安市洪泽区人民政府", 2024, "ProactiveDisclosure.Licensing.Decisions=9487;ProactiveDisclosure.Penalties.Decisions=2776;Requests.NewRequests.Total=95;Requests.Total.Total=95;ReviewLitigation.Cases.Review.Total=2;ReviewLitigation.Cases.Litigation.AfterReview.Total=3")]
    public void Real_pdfs_give_the_printed_values(string file, string agency, int year, string values)
    {
        var path = Paths.RequireShared("corpus", "real", "pdf", file);
        var result = Report.ParseFile(path);
        result.HasErrors.Should().BeFalse();
        result.Report.Metadata.Agency.Should().Be(agency);
        result.Report.Metadata.Year.Should().Be(year);
        var cells = result.Report.Tables.SelectMany(t => t.Cells).ToDictionary(c => c.Key, c => c.Value);
        foreach (var pair in values.Split(';'))
        {
            var (key, value) = (pair[..pair.IndexOf('=')], pair[(pair.IndexOf('=') + 1)..]);
            cells[key].Should().Be(decimal.Parse(value, CultureInfo.InvariantCulture), key);
        }
    }

    public static TheoryData<string> BadInputs()
    {
        var data = new TheoryData<string>();
        var dir = Paths.Shared is { } s ? Path.Combine(s, "corpus", "generated", "bad-input") : null;
        if (dir is null || !Directory.Exists(dir))
        {
            data.Add(Paths.SharedAbsent);
            return data;
        }
        foreach (var f in Directory.GetFiles(dir).Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(f));
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(BadInputs))]
    public void A_bad_input_gives_one_clear_error_or_its_full_values(string file)
    {
        Paths.SkipIfSentinel(file);
        var path = Paths.RequireShared("corpus", "generated", "bad-input", file);
        var shared = Paths.Shared!;
        ReportParseResult? result = null;
        var act = () => result = Report.ParseFile(path);
        act.Should().NotThrow();
        var errors = result!.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        if (file is "not-a-pdf-html.pdf")
        {
            // Read by its content (the HTML sample), with a warning that its name says PDF.
            result!.Diagnostics.Should().Contain(d => d.Code == DiagnosticCode.ExtensionMismatch && d.Severity == Severity.Warning);
        }
        if (file is "encrypted-aes256-ownerpw-only.pdf" or "wrong-startxref.pdf" or "not-a-pdf-html.pdf")
        {
            // An owner password alone does not stop reading; a wrong startxref is repaired by PdfPig's lenient parser.
            errors.Should().BeEmpty();
            var expected = Expected(Path.Combine(shared, "corpus", "generated", "sample-2021.expected.json"));
            result.Report.Tables.SelectMany(t => t.Cells).Where(c => c.IsStated)
                .ToDictionary(c => c.Key, c => c.Value!.Value.ToString(CultureInfo.InvariantCulture))
                .Should().BeEquivalentTo(expected);
            return;
        }
        errors.Should().ContainSingle(file);
        var e = errors[0];
        var (code, words) = file switch
        {
            "zero-bytes.pdf" => (DiagnosticCode.EmptyInput, "empty"),
            "header-only.pdf" or "truncated-half.pdf" or "truncated-tail300.pdf" => (DiagnosticCode.Unreadable, "could not be opened"),
            // An image named .pdf is read by its content: an image, which needs OCR (off by default in the library).
            "not-a-pdf-png.pdf" => (DiagnosticCode.NoTextLayer, "PNG image"),
            "scanned-image-only.pdf" => (DiagnosticCode.NoTextLayer, "OCR"),
            "encrypted-aes256-userpw.pdf" or "encrypted-rc4-128-userpw.pdf" => (DiagnosticCode.PdfEncrypted, "user password"),
            // Routed to the HTML reader by content; what it reports depends on that reader.
            "not-a-pdf-html.pdf" => ((DiagnosticCode)0, ""),
            _ => ((DiagnosticCode)0, ""),
        };
        if (code != 0)
        {
            e.Code.Should().Be(code, file);
            e.Message.Should().Contain(words, file);
        }
    }

    /// <summary>table.row.column → value, from the sample's expected JSON and the template's key order.</summary>
    private static Dictionary<string, string> Expected(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var root = doc.RootElement;
        var result = new Dictionary<string, string>();
        foreach (var row in root.GetProperty("section3").GetProperty("rows").EnumerateArray())
        {
            var key = RequestRows[row.GetProperty("index").GetInt32()];
            foreach (var v in row.GetProperty("values").EnumerateObject())
            {
                result[$"Requests.{key}.{RequestColumns[v.Name]}"] = v.Value.GetRawText();
            }
        }
        int i = 0;
        foreach (var v in root.GetProperty("section4").GetProperty("values_in_column_order").EnumerateArray())
        {
            result[$"ReviewLitigation.Cases.{ReviewColumns[i++]}"] = v.GetRawText();
        }
        // Table 二: the sample's second 本年制发件数 column is Repealed; its (六) block is mislabelled (信息内容, 行政许可),
        // so Penalties and Enforcement are not stated.
        var s2 = root.GetProperty("section2").GetProperty("cells_in_document_order").EnumerateArray().ToList();
        string V(int index, string column) => s2[index].GetProperty("values").GetProperty(column).GetString()!;
        result["ProactiveDisclosure.Regulations.Issued"] = V(0, "本年制发件数(1)");
        result["ProactiveDisclosure.Regulations.Repealed"] = V(0, "本年制发件数(2)");
        result["ProactiveDisclosure.Regulations.InForce"] = V(0, "现行有效件数");
        result["ProactiveDisclosure.NormativeDocuments.Issued"] = V(1, "本年制发件数(1)");
        result["ProactiveDisclosure.NormativeDocuments.Repealed"] = V(1, "本年制发件数(2)");
        result["ProactiveDisclosure.NormativeDocuments.InForce"] = V(1, "现行有效件数");
        result["ProactiveDisclosure.Licensing.Decisions"] = V(2, "本年处理决定数量");
        result["ProactiveDisclosure.Fees.AmountTenThousandYuan"] =
            decimal.Parse(V(5, "本年收费金额（单位：万元，保留4位小数）"), CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        return result;
    }

    private static int RunCli(string[] args)
    {
        var commands = Assembly.Load("ReportParser.Cli").GetType("ReportParser.Cli.CliApp", throwOnError: true)!;
        var run = commands.GetMethod("Run", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!;
        return (int)run.Invoke(null, new object?[] { args, TextWriter.Null, TextWriter.Null })!;
    }
}
