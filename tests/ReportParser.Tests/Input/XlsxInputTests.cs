using System.IO.Compression;
using System.Text;
using ReportParser.Diagnostics;
using ReportParser.Input;

namespace ReportParser.Tests.Input;

/// <summary>Workbooks: merged cells, hidden sheets and rows, formula results, numbers as displayed, paragraphs around tables.</summary>
public class XlsxInputTests
{
    private const string Sheet1 = """
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
        <row r="1"><c r="A1" t="inlineStr"><is><t>某县统计局2021年政府信息公开工作年度报告</t></is></c></row>
        <row r="2"><c r="A2" t="inlineStr"><is><t>四、政府信息公开行政复议、行政诉讼情况</t></is></c></row>
        <row r="3"><c r="A3" t="inlineStr"><is><t>行政复议</t></is></c><c r="D3" t="inlineStr"><is><t>行政诉讼</t></is></c></row>
        <row r="4"><c r="A4" t="inlineStr"><is><t>结果维持</t></is></c><c r="B4" t="inlineStr"><is><t>结果纠正</t></is></c><c r="C4" t="inlineStr"><is><t>总计</t></is></c><c r="D4" t="inlineStr"><is><t>结果维持</t></is></c><c r="E4" t="inlineStr"><is><t>总计</t></is></c></row>
        <row r="5" hidden="1"><c r="A5" t="inlineStr"><is><t>草稿行</t></is></c><c r="B5"><v>999</v></c></row>
        <row r="6"><c r="A6"><v>3</v></c><c r="B6"><v>2.5</v></c><c r="C6"><f>A6+B6</f><v>5.5</v></c><c r="D6"><v>7</v></c><c r="E6"><v>7</v></c></row>
        </sheetData><mergeCells count="2"><mergeCell ref="A3:C3"/><mergeCell ref="D3:E3"/></mergeCells></worksheet>
        """;

    private const string Sheet2 = """
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
        <row r="1"><c r="A1" t="inlineStr"><is><t>隐藏表</t></is></c><c r="B1"><v>1</v></c></row>
        </sheetData></worksheet>
        """;

    internal static byte[] Workbook(bool title = true, bool heading = true)
    {
        var parts = new Dictionary<string, string>
        {
            ["[Content_Types].xml"] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>",
            ["_rels/.rels"] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
            ["xl/workbook.xml"] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                + "<sheets><sheet name=\"报告\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"草稿\" sheetId=\"2\" state=\"hidden\" r:id=\"rId2\"/></sheets></workbook>",
            ["xl/_rels/workbook.xml.rels"] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet2.xml\"/></Relationships>",
            ["xl/worksheets/sheet1.xml"] = (title ? Sheet1 : Sheet1.Replace("<is><t>某县统计局2021年政府信息公开工作年度报告</t></is>", "<is><t></t></is>", StringComparison.Ordinal))
                .Replace(heading ? "\u0001" : "<is><t>四、政府信息公开行政复议、行政诉讼情况</t></is>", "<is><t></t></is>", StringComparison.Ordinal),
            ["xl/worksheets/sheet2.xml"] = Sheet2,
        };
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in parts)
            {
                using var s = zip.CreateEntry(name).Open();
                s.Write(Encoding.UTF8.GetBytes(text));
            }
        }
        return ms.ToArray();
    }

    [Fact]
    public void A_workbook_becomes_paragraphs_and_a_merged_grid()
    {
        var bag = new DiagnosticBag();
        var blocks = InputReader.Read(ReportSource.FromBytes(Workbook(), "book.xlsx"), ReportParserOptions.Default, bag);
        blocks.Format.Should().Be(SourceFormat.Xlsx);
        blocks.Blocks.OfType<ParagraphBlock>().Select(p => p.Text).Should().Equal("某县统计局2021年政府信息公开工作年度报告", "四、政府信息公开行政复议、行政诉讼情况");
        var table = blocks.Blocks.OfType<TableBlock>().Should().ContainSingle().Subject;
        table.Rows.Select(r => r.RawText).Should().Equal(
            "行政复议\t\t\t行政诉讼\t",
            "结果维持\t结果纠正\t总计\t结果维持\t总计",
            "3\t2.5\t5.5\t7\t7");
        var formula = table.Rows[2].Cells[2];
        formula.Location.Page.Should().Be(1);
        formula.Location.Line.Should().Be(6, "the sheet row, counting the hidden one");
        formula.Location.Column.Should().Be(3);
        formula.Location.GridRow.Should().Be(3);
        bag.Items.Should().Contain(d => d.Severity == Severity.Info && d.Message.Contains("hidden row"));
        bag.Items.Should().Contain(d => d.Severity == Severity.Info && d.Message.Contains("sheet 2 (草稿) is hidden"));
        bag.HasErrors.Should().BeFalse();
        blocks.Blocks.SelectMany(b => b is TableBlock t ? t.Rows.Select(r => r.RawText) : new[] { ((ParagraphBlock)b).Text })
            .Should().NotContain(s => s.Contains("草稿行") || s.Contains("隐藏表"));
    }

    [Fact]
    public void A_workbook_without_prose_says_so_without_an_error()
    {
        var result = Report.Parse(ReportSource.FromBytes(Workbook(heading: false), "book.xlsx"));
        result.Diagnostics.Should().Contain(d => d.Code == DiagnosticCode.MissingSection && d.Severity == Severity.Info && d.Message.Contains("tables only"));
        Report.Parse(ReportSource.FromBytes(Workbook(), "book.xlsx")).Diagnostics.Should().NotContain(d => d.Message.Contains("tables only"), "that workbook has a section heading");
        result.Diagnostics.Where(d => d.Code == DiagnosticCode.MissingSection).Should().OnlyContain(d => d.Severity != Severity.Error);
        result.Report.Metadata.Year.Should().Be(2021);
    }

    [Fact]
    public void The_file_name_stands_in_for_a_missing_title()
    {
        var bag = new DiagnosticBag();
        var named = InputReader.Read(ReportSource.FromBytes(Workbook(title: false), "某县统计局2021年政府信息公开工作年度报告.xlsx"), ReportParserOptions.Default, bag);
        named.Blocks[0].Should().Be(new ParagraphBlock("某县统计局2021年政府信息公开工作年度报告", SourceLocation.Unknown));
        var titled = InputReader.Read(ReportSource.FromBytes(Workbook(), "某县统计局2021年政府信息公开工作年度报告.xlsx"), ReportParserOptions.Default, bag);
        titled.Blocks.OfType<ParagraphBlock>().Should().OnlyContain(p => !p.Location.IsUnknown, "a title row is there, so the name is not added");
        Report.Parse(ReportSource.FromBytes(Workbook(title: false), "某县统计局2021年政府信息公开工作年度报告.xlsx")).Report.Metadata.Year.Should().Be(2021);
    }
}
