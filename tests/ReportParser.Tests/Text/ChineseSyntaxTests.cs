using ReportParser.Text;
using Sprache;

namespace ReportParser.Tests.Text;

public class ChineseSyntaxTests
{
    [Theory]
    [InlineData("一", 1)]
    [InlineData("十", 10)]
    [InlineData("十二", 12)]
    [InlineData("二十", 20)]
    [InlineData("九十九", 99)]
    [InlineData("十十", 0)]
    [InlineData("一二三", 0)]
    public void Numerals_read_as_their_value(string text, int value) => ChineseSyntax.ToInt(text).Should().Be(value);

    [Theory]
    [InlineData("（三）", 3, true)]
    [InlineData("(12)", 12, true)]
    [InlineData("四、", 4, false)]
    [InlineData("2.", 2, false)]
    [InlineData("７．", 7, false)]
    public void Enumerators_read_with_their_number(string text, int number, bool bracketed)
    {
        var e = ChineseSyntax.AnyEnumerator.End().Parse(text);
        e.Number.Should().Be(number);
        e.Bracketed.Should().Be(bracketed);
        ChineseSyntax.EnumeratorNumber(text.Trim('、', '.', '．')).Should().BeGreaterThanOrEqualTo(0);
    }

    [Theory]
    [InlineData("（六）其他处理 3.", 8)]
    [InlineData("不予处理情形　（五）", 7)]
    [InlineData("共计 12 、 ", 3)]
    [InlineData("十二、", 0)]
    [InlineData("一十二、", 1)]
    [InlineData("合计", -1)]
    [InlineData("第3项", -1)]
    [InlineData("123.", 1)]
    public void A_trailing_enumerator_is_found_at_its_leftmost_start(string text, int start)
        => ChineseSyntax.TrailingEnumeratorStart(text).Should().Be(start);

    [Theory]
    [InlineData("某某局2023年政府信息公开工作年度报告", 2023)]
    [InlineData("统计期限为 2020 年1月1日", 2020)]
    [InlineData("没有年份", null)]
    [InlineData("共12件", null)]
    public void The_first_year_is_found(string text, int? year) => ChineseSyntax.FirstYear(text).Should().Be(year);
}
