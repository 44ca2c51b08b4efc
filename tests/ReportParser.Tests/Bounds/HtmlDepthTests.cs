using ReportParser.Input.Html;

namespace ReportParser.Tests.Bounds;

/// <summary>The depth scan before an HTML page is parsed: what it counts as nesting and what it blanks.</summary>
public class HtmlDepthTests
{
    private static string Repeat(string s, int n) => string.Concat(Enumerable.Repeat(s, n));

    [Theory]
    [InlineData("<p>a", "")]
    [InlineData("<li>a", "")]
    [InlineData("<tr><td>a", "")]
    [InlineData("<div><font>a", "</div>")]
    [InlineData("<div><span>a", "</div>")]
    [InlineData("<a href=x>a", "")]
    [InlineData("<div>a<br><img src=x><br/>", "</div>")]
    [InlineData("<!-- <div><div> -->", "")]
    [InlineData("<script>if (a<b) document.write('<div>');</script>", "")]
    [InlineData("<div title='<div><div>'>", "</div>")]
    [InlineData("<svg><path d='M0'/><g/></svg>", "")]
    [InlineData("<div/>", "</div>")]
    public void Markup_that_does_not_nest_is_left_alone(string open, string close)
    {
        var html = "<html><body>" + Repeat(open + close, 5000) + "</body></html>";
        var limited = HtmlDepth.Limit(html, 100);
        limited.FirstTooDeep.Should().Be(-1);
        ReferenceEquals(limited.Html, html).Should().BeTrue();
    }

    [Theory]
    [InlineData("<div>")]
    [InlineData("<div></span>")]
    [InlineData("<font>")]
    [InlineData("<div/>")]
    [InlineData("<ul><li>")]
    [InlineData("<table><tr><td>")]
    [InlineData("<svg><desc><div/>")]
    [InlineData("<svg><tr>")]
    [InlineData("<noscript><div>")]
    public void Markup_that_nests_past_the_limit_loses_its_tags_past_it(string open)
    {
        var html = "<body>" + Repeat(open, 500) + "正文";
        var (limited, first, tooMany) = HtmlDepth.Limit(html, 100);
        tooMany.Should().Be(-1);
        first.Should().BeGreaterThan(0);
        html[first].Should().Be('<');
        limited.Length.Should().BeLessThan(html.Length);
        limited.Should().StartWith(html[..first]).And.EndWith("正文");
    }

    [Fact]
    public void A_quote_inside_an_unquoted_value_does_not_hide_the_tags_after_it()
    {
        var html = "<div title=a\"b>" + Repeat("<div>", 200) + "\"";
        HtmlDepth.Limit(html, 100).FirstTooDeep.Should().Be(15 + 99 * 5);
    }

    [Fact]
    public void The_limit_itself_is_allowed_and_one_more_is_removed_with_its_end_tag_and_its_line_breaks_kept()
    {
        var html = Repeat("<div>", 3) + "<div\nclass=x>a</div>" + Repeat("</div>", 3);
        ReferenceEquals(HtmlDepth.Limit(html, 4).Html, html).Should().BeTrue();
        var (limited, first, _) = HtmlDepth.Limit(html, 3);
        first.Should().Be(15);
        limited.Should().Be(Repeat("<div>", 3) + "\na" + Repeat("</div>", 3));
    }

    [Fact]
    public void The_tags_after_the_element_limit_are_removed_with_their_end_tags_and_a_script_wholly()
    {
        var html = "<p>a</p><div>b<br>c</div><script>x<y</script><i>d</i>";
        ReferenceEquals(HtmlDepth.Limit(html, 100, 6).Html, html).Should().BeTrue();
        var (limited, tooDeep, tooMany) = HtmlDepth.Limit(html, 100, 2);
        tooDeep.Should().Be(-1);
        tooMany.Should().Be(html.IndexOf("<br>", StringComparison.Ordinal));
        limited.Should().Be("<p>a</p><div>bc</div>d");
    }
}
