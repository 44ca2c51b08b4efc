using System.Text.Json;

namespace ReportParser.Tests.Ocr;

/// <summary>
/// The scans of corpus/scan/ (made from the born-digital PDF fixtures by tools/scan-fixtures.sh) read with OCR
/// give their twin's values, or flag exactly the cells MANIFEST.tsv lists (not stated, with an RP1024
/// diagnostic): no cell is ever exported with a value that differs from the twin's.
/// </summary>
public class ScanFixtureTests
{
    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var row in Manifest()) data.Add(row.Fixture);
        return data;
    }

    private sealed record Row(string Fixture, string Twin, int? Page, HashSet<string> Flagged);

    private static List<Row> Manifest()
        => File.ReadAllLines(Path.Combine(OcrEngine.ScanDir, "MANIFEST.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(f => new Row(f[0], f[1], f[2] == "all" ? null : int.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture),
                f[3] == "-" ? new HashSet<string>() : f[3].Split(',').ToHashSet()))
            .ToList();

    /// <summary>The twin's stated cells (on one page of it, when given), by key.</summary>
    private static Dictionary<string, decimal> TwinCells(string twin, int? page)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Paths.Corpus, twin)));
        var result = new Dictionary<string, decimal>();
        foreach (var table in new[] { "ProactiveDisclosure", "Requests", "ReviewLitigation" })
        {
            if (!doc.RootElement.TryGetProperty(table, out var t) || t.ValueKind != JsonValueKind.Object) continue;
            foreach (var row in t.EnumerateObject())
            {
                if (row.Value.ValueKind != JsonValueKind.Object) continue;
                foreach (var cell in row.Value.EnumerateObject())
                {
                    if (cell.Value.ValueKind != JsonValueKind.Object || !cell.Value.TryGetProperty("Value", out var v) || v.ValueKind != JsonValueKind.Number) continue;
                    if (page is not null && (!cell.Value.TryGetProperty("Page", out var p) || p.GetInt32() != page)) continue;
                    result[$"{table}.{row.Name}.{cell.Name}"] = v.GetDecimal();
                }
            }
        }
        return result;
    }

    [SkippableTheory]
    [MemberData(nameof(Fixtures))]
    public void A_scan_gives_its_twins_values_or_flags_exactly_the_listed_cells(string fixture)
    {
        OcrEngine.RequireModels();
        var row = Manifest().Single(r => r.Fixture == fixture);
        var twin = TwinCells(row.Twin, row.Page);
        twin.Should().NotBeEmpty();
        var result = Report.ParseFile(Path.Combine(OcrEngine.ScanDir, fixture), OcrEngine.Options);
        result.Diagnostics.Should().Contain(d => d.Code == DiagnosticCode.ReadByOcr);
        var cells = result.Report.Tables.SelectMany(t => t.Cells).ToDictionary(c => c.Key);
        var wrong = new List<string>();
        var flagged = new List<string>();
        foreach (var (key, value) in twin)
        {
            var cell = cells.GetValueOrDefault(key);
            if (cell?.Value == value)
            {
                cell.Reading.Should().BeOneOf(CellMethod.Ocr, CellMethod.OcrCorrected);
                cell.Confidence.Should().NotBeNull();
                continue;
            }
            if (cell?.Value is not null) wrong.Add($"{key}: {cell.Value} (twin {value})");
            else flagged.Add(key);
        }
        wrong.Should().BeEmpty("a scan must never give a value that differs from its twin's");
        flagged.Order(StringComparer.Ordinal).Should().Equal(row.Flagged.Order(StringComparer.Ordinal),
            $"exactly the cells MANIFEST.tsv lists are not stated (actual: {string.Join(",", flagged.Order(StringComparer.Ordinal))})");
        foreach (var key in flagged)
        {
            var cell = cells.GetValueOrDefault(key);
            if (cell?.Raw is null) continue;
            result.Diagnostics.Should().Contain(d => d.Code == DiagnosticCode.OcrCellUnconfirmed && d.Message.StartsWith(key + " ", StringComparison.Ordinal) && d.Location.Page != null && d.Location.Box != null,
                $"{key} was read but not stated: a diagnostic with page and box says why");
        }
    }

    [SkippableFact]
    public void An_erased_digit_leaves_its_cell_not_stated_with_a_diagnostic()
    {
        OcrEngine.RequireModels();
        // 8.属于行政查询事项 / 总计 is 1196 in the twin; its first digit is painted white.
        var result = Report.ParseFile(Path.Combine(OcrEngine.ScanDir, "qingshan-transport-2021-erased-digit.pdf"), OcrEngine.Options);
        var cell = result.Report.Requests!["Denied.QueryMatter", "Total"]!;
        cell.Raw.Should().Be("196");
        cell.Value.Should().BeNull();
        cell.Reading.Should().Be(CellMethod.Ocr);
        var d = result.Diagnostics.Single(x => x.Code == DiagnosticCode.OcrCellUnconfirmed && x.Message.StartsWith("Requests.Denied.QueryMatter.Total ", StringComparison.Ordinal));
        d.Message.Should().Contain("broken equation").And.Contain("Requests.RowTotal");
        d.Location.Page.Should().Be(1);
        d.Location.Box.Should().NotBeNull();
    }

    [SkippableFact]
    public void A_smudged_digit_is_corrected_by_the_equations_and_says_so()
    {
        OcrEngine.RequireModels();
        // 1.本机关不掌握相关政府信息 / 自然人 is 99 in the twin; its first digit is half covered by a grey blot.
        var result = Report.ParseFile(Path.Combine(OcrEngine.ScanDir, "qingshan-transport-2021-smudged-digit.pdf"), OcrEngine.Options);
        var cell = result.Report.Requests!["Unable.NotHeld", "NaturalPerson"]!;
        cell.Value.Should().Be(99);
        cell.Reading.Should().Be(CellMethod.OcrCorrected);
        cell.Confidence.Should().BeLessThan(0.9);
        var d = result.Diagnostics.Single(x => x.Code == DiagnosticCode.OcrCellCorrected);
        d.Message.Should().StartWith("Requests.Unable.NotHeld.NaturalPerson ").And.Contain("corrected to 99").And.Contain("alternatives");
        d.Location.Box.Should().NotBeNull();
        var row = ReportParser.Export.CellRow.From(result).Single(r => r.Row == "Unable.NotHeld" && r.Column == "NaturalPerson");
        var fields = ReportParser.Export.CellRow.Schema.Fields(row).ToList();
        fields[^2].Should().Be("ocr-corrected");
        fields[^1].Should().Be(cell.Confidence!.Value.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture));
    }
}
