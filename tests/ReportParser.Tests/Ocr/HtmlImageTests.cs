using ReportParser.Input.Html;

namespace ReportParser.Tests.Ocr;

/// <summary>
/// Tables given as pictures in HTML pages: a data: URI or a relative src beside the page is read by OCR through the
/// scanned-page path; nothing is fetched from the network and no path leaves the page's folder.
/// </summary>
public class HtmlImageTests
{
    private static string Images => Path.Combine(OcrEngine.ScanDir, "images");

    private static HtmlImage Img(string src) => new(src, null, null, new SourceLocation(1, 1), 0);

    [SkippableFact]
    public void A_table_image_in_a_data_uri_is_read_by_ocr_where_it_stands_and_its_cells_are_verified()
    {
        OcrEngine.RequireModels();
        var jpeg = Convert.ToBase64String(File.ReadAllBytes(Path.Combine(Images, "qingshan-transport-2021-page2.jpg")));
        var html = $"<html><body><p>青山市交通运输局2021年政府信息公开工作年度报告</p><p><img src=\"data:image/jpeg;base64,{jpeg}\"></p></body></html>";
        var result = Report.Parse(ReportSource.FromHtml(html, "inline.html"), OcrEngine.Options);
        result.Diagnostics.Should().Contain(d => d.Code == DiagnosticCode.ReadByOcr && d.Location.Page == 1);
        var requests = result.Report.Tables.Single(t => t.Cells.Any(c => c.Key == "Requests.NewRequests.Total")).Cells.ToDictionary(c => c.Key);
        // Page 2 of the scan holds table 三: these are the born-digital twin's values.
        requests["Requests.NewRequests.Total"].Value.Should().Be(25348);
        requests["Requests.NewRequests.Total"].Reading.Should().BeOneOf(CellMethod.Ocr, CellMethod.OcrCorrected);
        requests["Requests.NewRequests.Total"].Confidence.Should().NotBeNull();
    }

    [Fact]
    public void A_data_uri_gives_its_bytes_and_a_broken_or_unencoded_one_gives_a_reason()
    {
        HtmlImages.Load(Img("data:image/png;base64,iVBORw0K Ggo="), null, out var why).Should().Equal(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A);
        why.Should().BeNull();
        HtmlImages.Load(Img("data:image/png;base64,@@@"), null, out why).Should().BeNull();
        why.Should().Contain("base64");
        HtmlImages.Load(Img("data:text/plain,hello"), null, out why).Should().BeNull();
        why.Should().Contain("not base64");
    }

    [Theory]
    [InlineData("http://example.invalid/t.jpg")]
    [InlineData("https://example.invalid/t.jpg")]
    [InlineData("//example.invalid/t.jpg")]
    [InlineData("file:///etc/passwd")]
    [InlineData("c:/windows/t.jpg")]
    public void Nothing_is_fetched_from_the_network_or_another_scheme(string src)
    {
        HtmlImages.Load(Img(src), new FolderResources(Images), out var why).Should().BeNull();
        why.Should().Contain("nothing is fetched");
    }

    [Theory]
    [InlineData("../MANIFEST.tsv", "outside the page's folder")]
    [InlineData("a/../../MANIFEST.tsv", "outside the page's folder")]
    [InlineData("%2e%2e/MANIFEST.tsv", "outside the page's folder")]
    [InlineData("/etc/passwd", "not a relative path")]
    [InlineData("missing.jpg", "no such file")]
    public void A_relative_src_never_leaves_the_pages_folder(string src, string reason)
    {
        HtmlImages.Load(Img(src), new FolderResources(Images), out var why).Should().BeNull();
        why.Should().Contain(reason);
    }

    [Fact]
    public void A_link_beside_the_page_that_leads_outside_its_folder_is_not_followed()
    {
        var dir = Directory.CreateTempSubdirectory("rp-img-");
        try
        {
            var outside = Path.Combine(dir.FullName, "secret.jpg");
            File.WriteAllBytes(outside, new byte[] { 0xFF, 0xD8, 0xFF, 0 });
            var page = Directory.CreateDirectory(Path.Combine(dir.FullName, "page"));
            File.CreateSymbolicLink(Path.Combine(page.FullName, "t.jpg"), outside);
            File.WriteAllBytes(Path.Combine(page.FullName, "real.jpg"), new byte[] { 0xFF, 0xD8, 0xFF, 1 });
            HtmlImages.Load(Img("t.jpg"), new FolderResources(page.FullName), out var why).Should().BeNull();
            why.Should().Contain("link");
            // A linked folder inside the page's folder, pointing above it.
            Directory.CreateSymbolicLink(Path.Combine(page.FullName, "up"), dir.FullName);
            HtmlImages.Load(Img("up/secret.jpg"), new FolderResources(page.FullName), out why).Should().BeNull();
            why.Should().Contain("linked folder");
            HtmlImages.Load(Img("real.jpg?v=2#top"), new FolderResources(page.FullName), out why).Should().Equal(0xFF, 0xD8, 0xFF, 1);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void Without_ocr_a_page_with_no_table_but_images_says_its_tables_may_be_pictures()
    {
        var html = "<html><body><p>某县2021年政府信息公开工作年度报告</p><img src=\"t.jpg\"><img src=\"icon.gif\" width=\"16\" height=\"16\"></body></html>";
        var result = Report.Parse(ReportSource.FromHtml(html, "page.html"));
        result.Diagnostics.Where(d => d.Code == DiagnosticCode.NoTextLayer).Should().ContainSingle()
            .Which.Message.Should().Contain("1 image(s)").And.Contain("need OCR");
    }

    [SkippableFact]
    public void A_page_from_a_file_reads_its_images_beside_it_and_reports_the_ones_it_refuses()
    {
        OcrEngine.RequireModels();
        var dir = Directory.CreateTempSubdirectory("rp-img-");
        try
        {
            File.Copy(Path.Combine(Images, "qingshan-transport-2021-page2.jpg"), Path.Combine(dir.FullName, "t.jpg"));
            var path = Path.Combine(dir.FullName, "page.html");
            File.WriteAllText(path, "<html><body><p>青山市交通运输局2021年政府信息公开工作年度报告</p><img src=\"../x.jpg\"><img src=\"http://example.invalid/a.jpg\"><img src=\"t.jpg\"></body></html>");
            var result = Report.ParseFile(path, OcrEngine.Options);
            result.Diagnostics.Where(d => d.Code == DiagnosticCode.NoTextLayer).Select(d => d.Message).Should().HaveCount(2)
                .And.Contain(m => m.Contains("outside the page's folder", StringComparison.Ordinal))
                .And.Contain(m => m.Contains("nothing is fetched", StringComparison.Ordinal));
            result.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCode.ReadByOcr);
            result.Report.Tables.SelectMany(t => t.Cells).Single(c => c.Key == "Requests.NewRequests.Total").Value.Should().Be(25348);
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
