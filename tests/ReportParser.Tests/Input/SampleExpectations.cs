using System.Globalization;
using System.Text.Json;

namespace ReportParser.Tests.Input;

/// <summary>
/// The expected values of the generated sample (../shared/corpus/generated/sample-2021.expected.json), checked
/// against any of its twins (HTML, DOCX): every section-三 and section-四 value, the section-二 cells, the
/// flagged （六） block, and the location of a value.
/// </summary>
internal static class SampleExpectations
{
    private static string[] ApplicantColumns => TemplateKeyLists.ApplicantColumns;

    private static string[] RequestRows => TemplateKeyLists.RequestRows2021;

    private static string[] ReviewColumns => TemplateKeyLists.ReviewColumns;

    /// <summary>Parses the twin and checks every expected value; returns the result for twin-specific checks.</summary>
    public static ReportParseResult AssertEveryValue(string document, string expectedPath)
    {
        using var expected = JsonDocument.Parse(File.ReadAllText(expectedPath));
        var result = Report.ParseFile(document);
        var report = result.Report;
        report.Metadata.Year.Should().Be(2021);
        report.Metadata.Template.Should().Be(ReportTemplate.V2021);

        // Section 三: every row by index, every column by name.
        var s3 = expected.RootElement.GetProperty("section3");
        var columns = s3.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToList();
        var rows = s3.GetProperty("rows").EnumerateArray().ToList();
        rows.Should().HaveCount(RequestRows.Length);
        var requests = report.Requests!;
        requests.Should().NotBeNull();
        foreach (var row in rows)
        {
            int index = row.GetProperty("index").GetInt32();
            var values = row.GetProperty("values");
            for (int c = 0; c < columns.Count; c++)
            {
                var key = RequestRows[index];
                requests[key, ApplicantColumns[c]]!.Value.Should().Be(values.GetProperty(columns[c]).GetDecimal(), $"{key}.{ApplicantColumns[c]} ({row.GetProperty("label").GetString()})");
            }
        }

        // Section 四: the fifteen values in column order.
        var s4 = expected.RootElement.GetProperty("section4").GetProperty("values_in_column_order").EnumerateArray().Select(v => v.GetDecimal()).ToList();
        var review = report.ReviewLitigation!;
        review.Should().NotBeNull();
        ReviewColumns.Select(k => review["Cases", k]!.Value).Should().Equal(s4.Select(v => (decimal?)v));

        // Section 二: the second 本年制发件数 column is Repealed; the （六） block's wrong labels are not read.
        var s2 = expected.RootElement.GetProperty("section2").GetProperty("cells_in_document_order").EnumerateArray().ToList();
        var proactive = report.ProactiveDisclosure!;
        proactive.Should().NotBeNull();
        foreach (var cell in s2)
        {
            string item = cell.GetProperty("item").GetString()!, label = cell.GetProperty("row").GetString()!;
            var v = cell.GetProperty("values").EnumerateObject().Select(p => decimal.Parse(p.Value.GetString()!, CultureInfo.InvariantCulture)).ToList();
            switch (item, label)
            {
                case ("第二十条第（一）项", "规章"):
                    new[] { proactive["Regulations", "Issued"]!.Value, proactive["Regulations", "Repealed"]!.Value, proactive["Regulations", "InForce"]!.Value }.Should().Equal(v.Select(x => (decimal?)x));
                    break;
                case ("第二十条第（一）项", "行政规范性文件"):
                    new[] { proactive["NormativeDocuments", "Issued"]!.Value, proactive["NormativeDocuments", "Repealed"]!.Value, proactive["NormativeDocuments", "InForce"]!.Value }.Should().Equal(v.Select(x => (decimal?)x));
                    break;
                case ("第二十条第（五）项", "行政许可"):
                    proactive["Licensing", "Decisions"]!.Value.Should().Be(v[0]);
                    break;
                case ("第二十条第（八）项", "行政事业性收费"):
                    proactive["Fees", "AmountTenThousandYuan"]!.Value.Should().Be(v[0]);
                    break;
                case ("第二十条第（六）项", _):
                    // The sample labels the （六） rows 信息内容 and 行政许可: 行政处罚 and 行政强制 are not stated, and flagged.
                    break;
                default:
                    throw new InvalidOperationException($"unexpected section 二 entry {item} {label}");
            }
        }
        proactive["Penalties", "Decisions"]!.IsStated.Should().BeFalse();
        proactive["Enforcement", "Decisions"]!.IsStated.Should().BeFalse();
        result.Diagnostics.Should().Contain(d => d.Code == DiagnosticCode.MissingRow && d.Message.Contains("行政处罚"));
        result.Diagnostics.Should().Contain(d => d.Code == DiagnosticCode.MissingRow && d.Message.Contains("行政强制"));
        result.Diagnostics.Should().Contain(d => d.Code == DiagnosticCode.DuplicateHeader);

        // Values are traced to the page's cells.
        var natural = requests["NewRequests", "NaturalPerson"]!.Location;
        natural.Table.Should().Be(2);
        natural.Line.Should().BePositive();
        natural.GridColumn.Should().Be(4);
        result.HasErrors.Should().BeFalse();
        return result;
    }

    /// <summary>The twin's exported cells hold the expected numbers, each with its line.</summary>
    public static void AssertExportedNumbers(string document, string expectedPath)
    {
        var cells = ReportParser.Export.CellRow.From(Report.ParseFile(document)).ToList();
        using var expected = JsonDocument.Parse(File.ReadAllText(expectedPath));
        var s3 = expected.RootElement.GetProperty("section3").GetProperty("rows").EnumerateArray()
            .SelectMany(r => r.GetProperty("values").EnumerateObject().Select(p => p.Value.GetDecimal()));
        var s4 = expected.RootElement.GetProperty("section4").GetProperty("values_in_column_order").EnumerateArray().Select(v => v.GetDecimal());
        var requestValues = cells.Where(c => c.Table == "Requests").Select(c => c.Value?.ToString(CultureInfo.InvariantCulture)).ToList();
        requestValues.Should().Equal(s3.Select(v => v.ToString(CultureInfo.InvariantCulture)));
        cells.Where(c => c.Table == "ReviewLitigation").Select(c => c.Value?.ToString(CultureInfo.InvariantCulture)).Should().Equal(s4.Select(v => v.ToString(CultureInfo.InvariantCulture)));
        cells.Where(c => c.Value is not null).Should().OnlyContain(c => c.Line > 0);
    }
}
