namespace ReportParser.Tests.Input;

/// <summary>
/// Every HTML fixture in corpus/html has a text twin (the same report as tab-separated text, same file
/// name with .txt, in corpus/text or corpus/html); both must give the same typed report.
/// </summary>
public class HtmlTwinTests
{
    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        var dir = Path.Combine(Paths.Corpus, "html");
        foreach (var f in Directory.EnumerateFiles(dir, "*.htm*").Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(f));
        return data;
    }

    [Fact]
    public void There_are_html_fixtures()
    {
        Fixtures().Count.Should().BeGreaterThanOrEqualTo(2);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Html_fixture_and_text_twin_give_identical_values(string file)
    {
        var html = Path.Combine(Paths.Corpus, "html", file);
        var stem = Path.GetFileNameWithoutExtension(file) + ".txt";
        var twin = new[] { Path.Combine(Paths.Corpus, "text", stem), Path.Combine(Paths.Corpus, "html", stem) }.FirstOrDefault(File.Exists);
        twin.Should().NotBeNull($"{file} needs a text twin {stem} in corpus/text or corpus/html");

        var h = Report.ParseFile(html);
        var t = Report.ParseFile(twin!);

        h.Report.Metadata.Agency.Should().NotBeNull().And.Be(t.Report.Metadata.Agency);
        h.Report.Metadata.Year.Should().NotBeNull().And.Be(t.Report.Metadata.Year);
        h.Report.Metadata.Template.Should().BeOneOf(ReportTemplate.V2019, ReportTemplate.V2021).And.Be(t.Report.Metadata.Template);

        var htmlTables = new ReportTable?[] { h.Report.ProactiveDisclosure, h.Report.Requests, h.Report.ReviewLitigation };
        var textTables = new ReportTable?[] { t.Report.ProactiveDisclosure, t.Report.Requests, t.Report.ReviewLitigation };
        for (int i = 0; i < 3; i++)
        {
            htmlTables[i].Should().NotBeNull();
            textTables[i].Should().NotBeNull();
            var a = htmlTables[i]!.Cells.ToList();
            var b = textTables[i]!.Cells.ToList();
            a.Select(c => c.Key).Should().Equal(b.Select(c => c.Key));
            for (int k = 0; k < a.Count; k++) a[k].Value.Should().Be(b[k].Value, a[k].Key);
            // The fixtures state (almost) every cell: a table read as all blanks would compare equal too.
            a.Count(c => c.IsStated).Should().BeGreaterThanOrEqualTo(a.Count - 1, htmlTables[i]!.Key);
        }

        // Every HTML value is traced to its table cell.
        foreach (var c in htmlTables.SelectMany(x => x!.Cells).Where(c => c.IsStated))
        {
            c.Location.Should().NotBeNull(c.Key);
            c.Location.Table.Should().BePositive(c.Key);
            c.Location.GridRow.Should().BePositive(c.Key);
            c.Location.GridColumn.Should().BePositive(c.Key);
            c.Location.Line.Should().BePositive(c.Key);
        }
        h.HasErrors.Should().BeFalse();
    }
}
