using ReportParser.Input.Office;

namespace ReportParser.Tests.Input;

/// <summary>
/// The office fixtures converted from HTML fixtures by tools/office-fixtures.sh (corpus/docx, doc, odt,
/// rtf, xlsx, xls, ods) each give exactly the typed values of their HTML twin (same file stem, in
/// corpus/html or corpus/pdf/src), cell for cell. DOC, ODT, RTF and ODS are read through LibreOffice:
/// those skip when it is not installed.
/// </summary>
public class OfficeTwinTests
{
    internal static readonly string[] Folders = { "docx", "doc", "odt", "rtf", "xlsx", "xls", "ods" };

    internal static readonly string[] Converted = { ".doc", ".odt", ".rtf", ".ods", ".wps" };

    internal static bool LibreOfficeInstalled => LibreOfficeConverter.Locate(null) is not null;

    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Folders)
        {
            var dir = Path.Combine(Paths.Corpus, folder);
            if (!Directory.Exists(dir)) continue;
            foreach (var f in Directory.EnumerateFiles(dir).Where(f => !f.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                if (HtmlTwin(f) is not null) data.Add(folder + "/" + Path.GetFileName(f));
            }
        }
        return data;
    }

    private static string? HtmlTwin(string file)
    {
        var stem = Path.GetFileNameWithoutExtension(file) + ".html";
        return new[] { Path.Combine(Paths.Corpus, "html", stem), Path.Combine(Paths.Corpus, "pdf", "src", stem) }.FirstOrDefault(File.Exists);
    }

    [Fact]
    public void Every_format_has_twins_of_the_html_fixtures()
    {
        var all = ((IEnumerable<object[]>)Fixtures()).Select(r => (string)r[0]).ToList();
        // Workbooks lack the portal page: Calc's HTML import scrambles its 四 table (tools/office-fixtures.sh).
        foreach (var folder in Folders) all.Count(f => f.StartsWith(folder + "/", StringComparison.Ordinal)).Should().Be(folder is "xlsx" or "xls" or "ods" ? 3 : 4, folder);
    }

    [SkippableTheory]
    [MemberData(nameof(Fixtures))]
    public void Office_twin_gives_the_values_of_its_html_source(string relative)
    {
        var path = Path.Combine(Paths.Corpus, relative);
        Skip.If(Converted.Contains(Path.GetExtension(path)) && !LibreOfficeInstalled, "LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui");
        var o = Report.ParseFile(path);
        var h = Report.ParseFile(HtmlTwin(path)!);
        bool workbook = Path.GetExtension(path) is ".xlsx" or ".xls" or ".ods";

        o.Report.Metadata.Year.Should().NotBeNull().And.Be(h.Report.Metadata.Year);
        o.Report.Metadata.Template.Should().Be(h.Report.Metadata.Template);
        o.Report.Metadata.Agency.Should().Be(h.Report.Metadata.Agency);

        var mine = new ReportTable?[] { o.Report.ProactiveDisclosure, o.Report.Requests, o.Report.ReviewLitigation };
        var theirs = new ReportTable?[] { h.Report.ProactiveDisclosure, h.Report.Requests, h.Report.ReviewLitigation };
        int compared = 0;
        for (int i = 0; i < 3; i++)
        {
            if (theirs[i] is null)
            {
                mine[i].Should().BeNull();
                continue;
            }
            mine[i].Should().NotBeNull(theirs[i]!.Key);
            var a = mine[i]!.Cells.ToList();
            var b = theirs[i]!.Cells.ToList();
            a.Select(c => c.Key).Should().Equal(b.Select(c => c.Key));
            for (int k = 0; k < a.Count; k++) a[k].Value.Should().Be(b[k].Value, a[k].Key);
            compared += a.Count(c => c.IsStated);
            foreach (var c in a.Where(c => c.IsStated))
            {
                c.Location.Table.Should().BePositive(c.Key);
                c.Location.GridRow.Should().BePositive(c.Key);
                c.Location.GridColumn.Should().BePositive(c.Key);
                c.Location.Line.Should().BePositive(c.Key);
            }
        }
        compared.Should().BeGreaterThan(50, "the twins state most cells: tables read as all blanks would compare equal too");
        if (!workbook)
        {
            o.Report.Sections.Select(s => s.Kind).Should().Equal(h.Report.Sections.Select(s => s.Kind));
        }
        o.HasErrors.Should().Be(h.HasErrors, string.Join("\n", o.Diagnostics.Where(d => d.Severity == Severity.Error)));
    }
}
