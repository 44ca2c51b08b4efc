using System.IO.Compression;
using System.Text;
using ReportParser.Diagnostics;
using ReportParser.Input;
using ReportParser.Tests.Input;

namespace ReportParser.Tests.Bounds;

/// <summary>DOCX and XLSX under the cell limits: the grids are not built past them, and a row past the row limit says so.</summary>
public class OfficeBoundsTests
{
    private static DocumentBlocks Read(byte[] bytes, string name, ReportParserOptions options, out DiagnosticBag bag)
    {
        bag = new DiagnosticBag();
        return InputReader.Read(ReportSource.FromBytes(bytes, name), options, bag);
    }

    private static long Cells(DocumentBlocks blocks) => blocks.Blocks.OfType<TableBlock>().Sum(t => t.Rows.Sum(r => (long)r.Cells.Count));

    [Fact]
    public void A_docx_of_many_wide_spanned_tables_stops_building_grids_once_the_document_cells_are_spent()
    {
        // 150 tables of 2 rows of 50 cells spanning 64 columns: 960,000 grid positions in a small document.
        var body = new StringBuilder();
        for (int t = 0; t < 150; t++)
        {
            body.Append("<w:tbl>");
            for (int r = 0; r < 2; r++)
            {
                body.Append("<w:tr>");
                for (int c = 0; c < 50; c++) body.Append("<w:tc><w:tcPr><w:gridSpan w:val=\"64\"/></w:tcPr><w:p><w:r><w:t>").Append(c + 1).Append("</w:t></w:r></w:p></w:tc>");
                body.Append("</w:tr>");
            }
            body.Append("</w:tbl><w:p><w:r><w:t>间隔</w:t></w:r></w:p>");
        }
        var docx = OfficeInputTests.Docx(body.ToString());
        var options = ReportParserOptions.Default with { MaxDocumentCells = 20_000, MaxCellsPerRow = 5000 };

        var blocks = Read(docx, "spans.docx", options, out _);
        // The grids stop at the first table past the document's cells, not after all 150.
        Cells(blocks).Should().BeInRange(20_001, 20_000 + 6_400);
        var result = Report.Parse(ReportSource.FromBytes(docx, "spans.docx"), options);
        result.Diagnostics.Should().Contain(d => d.Code == DiagnosticCode.LimitExceeded && d.Message.Contains("more than 20,000 cells in all"));
    }

    [Fact]
    public void An_xlsx_row_wider_than_the_row_limit_keeps_its_first_cells_and_says_so()
    {
        var row = new StringBuilder("<row r=\"1\">");
        for (int c = 0; c < 300; c++) row.Append("<c r=\"").Append(Column(c)).Append("1\" t=\"inlineStr\"><is><t>").Append(c + 1).Append("</t></is></c>");
        row.Append("</row>");
        var xlsx = Xlsx("<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>政府信息公开工作年度报告</t></is></c></row>".Insert(0, row.ToString()));

        var blocks = Read(xlsx, "wide.xlsx", ReportParserOptions.Default with { MaxCellsPerRow = 100 }, out var bag);
        blocks.Blocks.OfType<TableBlock>().SelectMany(t => t.Rows).Should().OnlyContain(r => r.Cells.Count <= 100);
        bag.Items.Should().ContainSingle(d => d.Code == DiagnosticCode.LimitExceeded && d.Severity == Severity.Error)
            .Which.Message.Should().Contain("more than 100 cells");
        Read(xlsx, "wide.xlsx", ReportParserOptions.Default, out var lifted);
        lifted.Items.Should().NotContain(d => d.Code == DiagnosticCode.LimitExceeded && d.Severity == Severity.Error);
    }

    private static string Column(int c) => c < 26 ? ((char)('A' + c)).ToString() : Column((c / 26) - 1) + (char)('A' + (c % 26));

    private static byte[] Xlsx(string rows)
    {
        var parts = new (string, string)[]
        {
            ("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>"),
            ("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"),
            ("xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
            ("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"),
            ("xl/worksheets/sheet1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" + rows + "</sheetData></worksheet>"),
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
}
