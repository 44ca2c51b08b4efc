using ReportParser.Tables;

namespace ReportParser.Tests.Tables;

public class ValueParserTests
{
    [Theory]
    [InlineData("0", 0, false)]
    [InlineData("43", 43, false)]
    [InlineData(" 12 ", 12, false)]
    [InlineData("１２３", 123, true)]
    [InlineData("1,234", 1234, true)]
    [InlineData("1，234", 1234, true)]
    [InlineData("1.2500", 1.25, false)]
    [InlineData("-2", -2, false)]
    [InlineData("－2", -2, true)]
    [InlineData("+3", 3, false)]
    [InlineData("251000元", 251000, true)]
    [InlineData("547.9659万元", 547.9659, true)]
    [InlineData("12件", 12, true)]
    public void Reads_numbers(string text, double value, bool normalized)
    {
        var p = ValueParser.Parse(text);
        p.Kind.Should().Be(ParsedKind.Number);
        p.Value.Should().Be((decimal)value);
        p.Normalized.Should().Be(normalized);
    }

    [Theory]
    [InlineData("1 000", 1000)]
    [InlineData("12 345 678", 12345678)]
    [InlineData("1\u00A0000", 1000)]
    public void Reads_one_narrow_space_before_three_digits_as_a_thousands_separator(string text, double value)
    {
        var p = ValueParser.Parse(text);
        p.Kind.Should().Be(ParsedKind.Number);
        p.Value.Should().Be((decimal)value);
        p.Normalized.Should().BeTrue();
    }

    [Theory]
    [InlineData("262  247")]
    [InlineData("226\u3000227")]
    [InlineData("71 10")]
    [InlineData("1 0000")]
    public void Figures_apart_by_other_spaces_are_never_one_number(string text)
    {
        var p = ValueParser.Parse(text);
        p.Kind.Should().Be(ParsedKind.Invalid);
        p.AsNullable.Should().BeNull();
        ValueParser.IsValueLike(text).Should().BeTrue("the figures are values whose delimiter was lost, not a label");
    }

    [Theory]
    [InlineData("—")]
    [InlineData("——")]
    [InlineData("-")]
    [InlineData("/")]
    [InlineData("无")]
    [InlineData("／")]
    public void Reads_placeholders_as_not_stated(string text)
    {
        var p = ValueParser.Parse(text);
        p.Kind.Should().Be(ParsedKind.Placeholder);
        p.AsNullable.Should().BeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u3000")]
    [InlineData(null)]
    public void Blank_is_empty_not_zero(string? text)
    {
        var p = ValueParser.Parse(text);
        p.Kind.Should().Be(ParsedKind.Empty);
        p.AsNullable.Should().BeNull();
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1.2.3")]
    [InlineData("12,34")]
    [InlineData("3件多")]
    [InlineData("1-2")]
    public void Rejects_text_that_is_not_a_number(string text) => ValueParser.Parse(text).Kind.Should().Be(ParsedKind.Invalid);
}
