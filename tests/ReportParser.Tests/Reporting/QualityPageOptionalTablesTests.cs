using System.Text;
using AngleSharp.Html.Parser;
using ReportParser.Batch;

namespace ReportParser.Tests.Reporting;

/// <summary>Columns and tables the page uses when an export has them: a <c>method</c> column in cells, an <c>indicators</c> table.</summary>
public class QualityPageOptionalTablesTests(QualityBatch batch) : IClassFixture<QualityBatch>
{
    /// <summary>A copy of the batch's CSV tables in a new folder.</summary>
    private string Copy(string name)
    {
        var dir = Path.Combine(batch.Root, name, "out");
        Directory.CreateDirectory(dir);
        foreach (var f in Directory.EnumerateFiles(batch.Output, "*.csv")) File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
        return dir;
    }

    [Fact]
    public void A_cell_whose_method_is_ocr_corrected_is_highlighted()
    {
        var dir = Copy("ocr");
        var file = batch.FileId("/jiangchuan-nr-2023.txt");
        var lines = File.ReadAllLines(Path.Combine(dir, "cells.csv"));
        lines[0].Should().EndWith(",method,confidence", "cells.csv ends with the method and confidence columns");
        var sb = new StringBuilder(lines[0]).Append('\n');
        int marked = 0;
        foreach (var line in lines.Skip(1))
        {
            bool target = line.StartsWith(file + ",", StringComparison.Ordinal) && line.Contains(",Requests,Granted,NaturalPerson,", StringComparison.Ordinal);
            if (target) marked++;
            sb.Append(target ? line[..line.LastIndexOf(",text,", StringComparison.Ordinal)] + ",ocr-corrected," : line).Append('\n');
        }
        marked.Should().Be(1);
        File.WriteAllText(Path.Combine(dir, "cells.csv"), sb.ToString());
        var page = new HtmlParser().ParseDocument(QualityReport.Render(dir));
        var detail = page.QuerySelectorAll("section.detail").Single(s => s.GetAttribute("data-file") == file);
        var cells = detail.QuerySelectorAll("td.ocr").ToList();
        cells.Should().ContainSingle();
        cells[0].GetAttribute("data-key").Should().Be("Requests.Granted.NaturalPerson");
        cells[0].GetAttribute("title").Should().Contain("method: ocr-corrected");
        page.QuerySelectorAll("td.ocr").Should().HaveCount(1, "no other cell has the method");
    }

    [Fact]
    public void An_indicators_table_adds_a_panel_and_its_absence_none()
    {
        batch.Page.QuerySelector("#indicators").Should().NotBeNull("an export writes the indicators table");
        var none = Copy("no-indicators");
        File.Delete(Path.Combine(none, "indicators.csv"));
        new HtmlParser().ParseDocument(QualityReport.Render(none)).QuerySelector("#indicators").Should().BeNull("that folder has no indicators table");
        var dir = Copy("indicators");
        File.WriteAllText(Path.Combine(dir, "indicators.csv"), "file,indicator,value\na,grant_rate,0.5\nb,grant_rate,0.25\nc,grant_rate,\nd,grant_rate,1\na,<b>x</b>,3\n");
        var page = new HtmlParser().ParseDocument(QualityReport.Render(dir));
        var rows = page.QuerySelectorAll("#indicators tbody tr").Select(r => r.Children.Select(c => c.TextContent).ToArray()).ToList();
        rows.Should().HaveCount(2);
        rows[0].Should().Equal("<b>x</b>", "1", "3", "3");
        // A value not stated is not counted: the median of 0.25, 0.5 and 1, and their mean.
        rows[1].Should().Equal("grant_rate", "3", "0.5", "0.5833");
    }
}
