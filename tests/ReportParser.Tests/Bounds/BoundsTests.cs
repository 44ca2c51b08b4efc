using System.Diagnostics;
using System.Text;
using ReportParser.Diagnostics;
using ReportParser.Input;

namespace ReportParser.Tests.Bounds;

/// <summary>
/// Hostile inputs that once cost gigabytes or hung: each is generated here, parsed, and must come back
/// with its limit diagnostic, within a bounded allocation (measured on the calling thread, where text and
/// HTML are parsed) and without hanging.
/// </summary>
public class BoundsTests
{
    private const long MiB = 1024 * 1024;

    private static long Allocated(Action action)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static DocumentBlocks Read(ReportSource source, ReportParserOptions options, out DiagnosticBag bag)
    {
        bag = new DiagnosticBag();
        return InputReader.Read(source, options, bag);
    }

    private static IEnumerable<Diagnostic> Limits(ReportParseResult r, Severity severity = Severity.Error)
        => r.Diagnostics.Where(d => d.Code == DiagnosticCode.LimitExceeded && d.Severity == severity);

    [Fact]
    public void A_64_MiB_line_of_tabs_is_cut_at_the_row_limit_and_costs_a_small_multiple_of_its_size()
    {
        // 32 Mi cells "1" separated by tabs: just under the 64 MiB input limit, so it is read.
        var bytes = new byte[64 * MiB - 2];
        for (int i = 0; i < bytes.Length; i += 2) { bytes[i] = (byte)'1'; bytes[i + 1] = (byte)'\t'; }
        ReportParseResult? result = null;
        long allocated = Allocated(() => result = Report.Parse(ReportSource.FromBytes(bytes, "tabs.txt")));

        Limits(result!).Should().ContainSingle(d => d.Message.Contains("more than 1,000 cells"));
        // The decoded text is 128 MiB; the 32 Mi cells alone would be gigabytes.
        allocated.Should().BeLessThan(400 * MiB);

        var blocks = Read(ReportSource.FromBytes(bytes, "tabs.txt"), ReportParserOptions.Default, out _);
        var table = blocks.Blocks.OfType<TableBlock>().Single();
        table.Rows.Should().ContainSingle().Which.Cells.Should().HaveCount(1000).And.OnlyContain(c => c.Text == "1");
    }

    [Fact]
    public void Text_rows_keep_their_first_cells_and_a_table_stops_at_its_cell_limit()
    {
        var options = ReportParserOptions.Default with { MaxCellsPerRow = 3, MaxTableCells = 7 };
        var blocks = Read(ReportSource.FromText("标题\na\tb\tc\td\te\nf\tg\nh\ti\tj\nk\tl\n\n正文"), options, out var bag);
        var table = blocks.Blocks.OfType<TableBlock>().Single();
        table.Rows.Select(r => string.Join("|", r.Cells.Select(c => c.Text))).Should().Equal("a|b|c", "f|g");
        bag.Items.Should().Contain(d => d.Code == DiagnosticCode.LimitExceeded && d.Location.Line == 2 && d.Message.Contains("more than 3 cells"));
        bag.Items.Should().Contain(d => d.Code == DiagnosticCode.LimitExceeded && d.Location.Line == 4 && d.Message.Contains("cut after 2 rows"));
        blocks.Blocks.OfType<ParagraphBlock>().Select(p => p.Text).Should().Equal("标题", "正文");
    }

    [Fact]
    public void Pipe_rows_keep_their_first_cells()
    {
        var options = ReportParserOptions.Default with { MaxCellsPerRow = 2 };
        var blocks = Read(ReportSource.FromText("| a | b | c |\n| d | e |"), options, out var bag);
        blocks.Blocks.OfType<TableBlock>().Single().Rows.Select(r => string.Join("|", r.Cells.Select(c => c.Text))).Should().Equal("a|b", "d|e");
        bag.Items.Should().ContainSingle(d => d.Code == DiagnosticCode.LimitExceeded).Which.Location.Line.Should().Be(1);
    }

    [Fact]
    public void The_document_cell_limit_cuts_the_table_that_reaches_it_and_drops_later_table_rows()
    {
        var options = ReportParserOptions.Default with { MaxDocumentCells = 6 };
        var blocks = Read(ReportSource.FromText("a\t1\nb\t2\n\n中间\n\nc\t3\nd\t4\n\n后\n\ne\t5"), options, out var bag);
        var tables = blocks.Blocks.OfType<TableBlock>().ToList();
        tables.Select(t => t.Rows.Count).Should().Equal(2, 1);
        tables[1].Rows[0].Cells.Select(c => c.Text).Should().Equal("c", "3");
        bag.Items.Where(d => d.Code == DiagnosticCode.LimitExceeded).Should().ContainSingle()
            .Which.Message.Should().Contain("more than 6 cells in all");
    }

    /// <summary>About 1.1 MB: 120 tables of 10 rows of 40 cells, each spanning 1,000 columns.</summary>
    private static string ColspanPage()
    {
        var sb = new StringBuilder("<html><body><p>一、总体情况</p>");
        for (int t = 0; t < 120; t++)
        {
            sb.Append("<table>");
            for (int r = 0; r < 10; r++)
            {
                sb.Append("<tr>");
                for (int c = 0; c < 40; c++) sb.Append("<td colspan=1000>1</td>");
                sb.Append("</tr>");
            }
            sb.Append("</table>");
        }
        return sb.Append("</body></html>").ToString();
    }

    [Fact]
    public void A_page_of_wide_colspans_stays_within_the_row_table_and_document_cell_limits()
    {
        var html = ColspanPage();
        html.Length.Should().BeInRange(1_000_000, 1_200_000);
        ReportParseResult? result = null;
        long allocated = Allocated(() => result = Report.Parse(ReportSource.FromHtml(html, "spans.html")));

        Limits(result!).Should().Contain(d => d.Message.Contains("more than 1,000 cells"))
            .And.Contain(d => d.Message.Contains("more than 1,000,000 cells in all"));
        allocated.Should().BeLessThan(1024 * MiB);

        var blocks = Read(ReportSource.FromHtml(html, "spans.html"), ReportParserOptions.Default, out _);
        var tables = blocks.Blocks.OfType<TableBlock>().ToList();
        tables.Should().OnlyContain(t => t.Rows.All(r => r.Cells.Count <= 1000) && t.Rows.Count * t.Rows.Max(r => r.Cells.Count) <= 100_000);
        tables.Sum(t => t.Rows.Sum(r => (long)r.Cells.Count)).Should().BeLessThanOrEqualTo(1_000_000);
        // Each row keeps its first cell (1,000 columns): 100 tables fill the document's million cells.
        tables.Should().HaveCount(100);
    }

    [Fact]
    public void Spans_over_the_html_maxima_are_read_as_the_maxima_with_a_warning()
    {
        var options = ReportParserOptions.Default with { MaxCellsPerRow = 5000 };
        var blocks = Read(ReportSource.FromHtml("<table><tr><td colspan=5000>A</td><td>B</td></tr><tr><td>C</td><td>D</td></tr></table>"), options, out var bag);
        var rows = blocks.Blocks.OfType<TableBlock>().Single().Rows;
        rows[0].Cells.Should().HaveCount(1001);
        rows[0].Cells[1000].Text.Should().Be("B");
        bag.Items.Should().ContainSingle(d => d.Code == DiagnosticCode.LimitExceeded).Which.Severity.Should().Be(Severity.Warning);
    }

    [Fact]
    public void A_rowspan_that_leaves_holes_under_a_wide_row_is_cut_at_the_table_limit()
    {
        // A cell in column 999 reaching 60,000 rows down makes every row below 1,000 positions wide.
        var sb = new StringBuilder("<table><tr><td colspan=999>x</td><td rowspan=60000>y</td></tr>");
        for (int r = 1; r < 60_000; r++) sb.Append("<tr></tr>");
        sb.Append("</table>");
        var blocks = Read(ReportSource.FromHtml(sb.ToString()), ReportParserOptions.Default, out var bag);
        bag.Items.Should().Contain(d => d.Code == DiagnosticCode.LimitExceeded && d.Severity == Severity.Error && d.Message.Contains("more than 100,000 cells"));
        blocks.Blocks.OfType<TableBlock>().Sum(t => t.Rows.Sum(r => r.Cells.Count)).Should().BeLessThanOrEqualTo(100_000);
    }

    [Fact]
    public void A_rowspan_that_spans_more_positions_than_the_table_may_hold_is_shortened()
    {
        var options = ReportParserOptions.Default with { MaxTableCells = 50 };
        var sb = new StringBuilder("<table><tr><td rowspan=100 colspan=2>A</td><td>B</td></tr>");
        for (int r = 1; r < 100; r++) sb.Append("<tr><td>").Append(r).Append("</td></tr>");
        sb.Append("</table>");
        var blocks = Read(ReportSource.FromHtml(sb.ToString()), options, out var bag);
        var rows = blocks.Blocks.OfType<TableBlock>().Single().Rows;
        rows.Sum(r => r.Cells.Count).Should().BeLessThanOrEqualTo(50);
        rows[0].Cells.Select(c => c.Text).Should().Equal("A", "", "B");
        bag.Items.Should().Contain(d => d.Code == DiagnosticCode.LimitExceeded && d.Severity == Severity.Error);
    }

    [Theory]
    [InlineData("<div>", "</div>")]
    [InlineData("<div/>", "")]
    [InlineData("<table><tr><td>", "</td></tr></table>")]
    [InlineData("<span><div>", "</div></span>")]
    [InlineData("<svg><g>", "</g></svg>")]
    [InlineData("<b>", "")]
    public void A_page_nested_200000_deep_returns_promptly_with_the_depth_diagnostic_and_its_text(string open, string close)
    {
        var sb = new StringBuilder("<html><body><p>一、总体情况</p>");
        for (int i = 0; i < 200_000; i++) sb.Append(open);
        sb.Append("<p>深处的正文</p>");
        for (int i = 0; i < 200_000; i++) sb.Append(close);
        sb.Append("<p>二、主动公开政府信息情况</p></body></html>");
        var html = sb.ToString();

        var watch = Stopwatch.StartNew();
        var result = Report.Parse(ReportSource.FromHtml(html, "deep.html"));
        watch.Stop();

        Limits(result).Should().ContainSingle(d => d.Message.Contains("more than 1,000 deep"));
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20));
        // 200,000 elements and more: the element limit blanks the later tags too; lifted, the depth limit alone keeps every paragraph.
        Limits(result).Should().Contain(d => d.Message.Contains("more than 200,000 elements"));
        var blocks = Read(ReportSource.FromHtml(html, "deep.html"), ReportParserOptions.Default with { MaxHtmlElements = int.MaxValue }, out var bag);
        blocks.Blocks.OfType<ParagraphBlock>().Select(p => p.Text).Should().Contain(["一、总体情况", "深处的正文", "二、主动公开政府信息情况"]);
        bag.Items.Should().ContainSingle(d => d.Code == DiagnosticCode.LimitExceeded).Which.Message.Should().Contain("more than 1,000 deep");
    }

    [Fact]
    public void The_depth_diagnostic_points_at_the_first_tag_past_the_limit()
    {
        var html = "<html>\n<body>\n" + string.Concat(Enumerable.Repeat("<div>", 5)) + "\n  <div>x</div></div></div></div></div></div></body></html>";
        Read(ReportSource.FromHtml(html), ReportParserOptions.Default with { MaxHtmlDepth = 5 }, out var bag);
        var depth = bag.Items.Should().ContainSingle(d => d.Code == DiagnosticCode.LimitExceeded).Subject;
        depth.Location.Should().Be(new SourceLocation(4, 3));
    }

    [Fact]
    public void A_page_of_millions_of_tiny_elements_keeps_the_first_ones_and_the_text_of_the_rest()
    {
        var sb = new StringBuilder("<html><body><p>一、总体情况</p>");
        for (int i = 0; i < 1_000_000; i++) sb.Append("<i>1</i>");
        var html = sb.Append("<p>末尾</p></body></html>").ToString();
        ReportParseResult? result = null;
        long allocated = Allocated(() => result = Report.Parse(ReportSource.FromHtml(html, "many.html")));

        Limits(result!).Should().ContainSingle(d => d.Message.Contains("more than 200,000 elements"));
        allocated.Should().BeLessThan(400 * MiB);
        var text = string.Concat(Read(ReportSource.FromHtml(html), ReportParserOptions.Default, out _).Blocks.OfType<ParagraphBlock>().Select(p => p.Text));
        text.Count(c => c == '1').Should().Be(1_000_000);
        text.Should().EndWith("末尾");
    }

    [Theory]
    [InlineData(200L * 1024 * 1024)]
    [InlineData(10L)]
    public void A_200_MiB_stream_is_read_no_further_than_the_limit_whatever_length_it_claims(long claimed)
    {
        var stream = new LazyStream(200 * MiB, claimed);
        ReportSource? source = null;
        long allocated = Allocated(() => source = ReportSource.FromStream(stream, "big.txt"));

        stream.Served.Should().Be(64 * MiB + 1);
        allocated.Should().BeLessThan(80 * MiB);
        var result = Report.Parse(source!);
        Limits(result).Should().ContainSingle().Which.Message.Should().Contain("more than 67,108,864 bytes");
        result.Report.Tables.Should().BeEmpty();
    }

    [Fact]
    public void A_stream_at_the_cap_is_parsed_and_one_byte_over_it_is_not()
    {
        var text = "一、总体情况\n正文";
        var bytes = Encoding.UTF8.GetBytes(text);
        var at = Report.Parse(ReportSource.FromStream(new MemoryStream(bytes), "at.txt", null, bytes.Length));
        at.Diagnostics.Should().NotContain(d => d.Code == DiagnosticCode.LimitExceeded);
        at.Diagnostics.Should().BeEquivalentTo(Report.Parse(ReportSource.FromBytes(bytes, "at.txt")).Diagnostics);

        var over = new MemoryStream(bytes);
        var result = Report.Parse(ReportSource.FromStream(over, "over.txt", null, bytes.Length - 1));
        over.Position.Should().Be(bytes.Length);
        Limits(result).Should().ContainSingle();
    }

    [Fact]
    public void Parse_file_reads_a_file_no_further_than_the_limit_of_its_options()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bounds-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, "一、总体情况\n" + new string('字', 3000));
        try
        {
            Limits(Report.ParseFile(path, ReportParserOptions.Default with { MaxInputBytes = 1000 })).Should().ContainSingle()
                .Which.Message.Should().Contain("more than 1,000 bytes");
            Report.ParseFile(path).Diagnostics.Should().NotContain(d => d.Code == DiagnosticCode.LimitExceeded);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("MaxCellsPerRow")]
    [InlineData("MaxDocumentCells")]
    [InlineData("MaxHtmlDepth")]
    [InlineData("MaxHtmlElements")]
    public void The_new_limits_must_be_positive(string name)
    {
        var options = name switch
        {
            "MaxCellsPerRow" => ReportParserOptions.Default with { MaxCellsPerRow = 0 },
            "MaxDocumentCells" => ReportParserOptions.Default with { MaxDocumentCells = -1 },
            "MaxHtmlDepth" => ReportParserOptions.Default with { MaxHtmlDepth = 0 },
            _ => ReportParserOptions.Default with { MaxHtmlElements = 0 },
        };
        var act = () => Report.ParseText("x", options: options);
        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be(name);
    }
}
