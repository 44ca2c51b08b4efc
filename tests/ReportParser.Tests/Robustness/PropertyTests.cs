using System.Globalization;
using FsCheck;
using FsCheck.Xunit;
using ReportParser.Input;
using ReportParser.Sections;
using ReportParser.Tables;
using ReportParser.Text;

namespace ReportParser.Tests.Robustness;

/// <summary>Properties of the value parser, the heading grammar and the grid builder (FsCheck).</summary>
public class PropertyTests
{
    [Property(MaxTest = 500)]
    public bool Value_parser_never_throws(string? s)
    {
        _ = ValueParser.Parse(s);
        return true;
    }

    [Property(MaxTest = 500)]
    public bool Counts_round_trip_through_separators_and_full_width(long n)
    {
        n = Math.Abs(n % 1_000_000_000_000L);
        var plain = n.ToString(CultureInfo.InvariantCulture);
        var grouped = n.ToString("#,0", CultureInfo.InvariantCulture);
        var wide = new string(plain.Select(c => (char)(c + 0xFEE0)).ToArray());
        return ValueParser.Parse(plain).Value == n && ValueParser.Parse(grouped).Value == n && ValueParser.Parse(wide).Value == n
            && ValueParser.Parse(wide).Kind == ParsedKind.Number;
    }

    [Property(MaxTest = 500)]
    public bool Heading_grammar_never_throws(string? s)
    {
        _ = HeadingGrammar.TryParse(s ?? "", out _);
        return true;
    }

    [Property(MaxTest = 99)]
    public bool Numbered_headings_round_trip(PositiveInt p)
    {
        int n = p.Get % 99 + 1;
        const string d = "一二三四五六七八九";
        string numeral = n < 10 ? d[n - 1].ToString()
            : n == 10 ? "十"
            : n < 20 ? "十" + d[n - 11]
            : d[n / 10 - 1] + "十" + (n % 10 == 0 ? "" : d[n % 10 - 1].ToString());
        return HeadingGrammar.TryParse(numeral + "、其他需要报告的事项", out var h) && h!.Number == n && h.Title == "其他需要报告的事项";
    }

    [Property(MaxTest = 300)]
    public bool Grid_rows_keep_every_cell(string[] cells)
    {
        if (cells is null) return true;
        // A cell holding several figures apart by spaces (71 104) is read as that many cells (tabs mixed with spaces):
        // Spaced_figures_in_a_tab_cell_are_separate_cells covers it; here such a cell's figures are joined.
        var clean = cells.Select(c => JoinSpacedFigures((c ?? "").Replace("\t", "").Replace("\n", "").Replace("\r", ""))).ToArray();
        if (clean.Length == 0) return true;
        var row = TextInput.ReadRow(string.Join('\t', clean), 1);
        return row.Cells.Count == clean.Length
            && row.Cells.Select(c => c.Text).SequenceEqual(clean.Select(TextUtil.Trim));
    }

    private static string JoinSpacedFigures(string cell)
    {
        var tokens = new List<string>();
        var token = new System.Text.StringBuilder();
        foreach (var c in cell + " ")
        {
            if (!TextUtil.IsSpace(c)) token.Append(c);
            else if (token.Length > 0)
            {
                tokens.Add(token.ToString());
                token.Clear();
            }
        }
        bool figures = tokens.Count >= 2 && tokens.All(t => t.All(ch => char.IsAsciiDigit(TextUtil.Narrow(ch)) || TextUtil.Narrow(ch) == '.'));
        return figures ? string.Concat(tokens) : cell;
    }

    [Fact]
    public void Spaced_figures_in_a_tab_cell_are_separate_cells()
    {
        var row = TextInput.ReadRow("本年新收\t1 0 0\t3", 1); // not one number with spaces between thousands
        row.Cells.Select(c => c.Text).Should().Equal("本年新收", "1", "0", "0", "3");
    }

    [Property(MaxTest = 200)]
    public bool Parsing_any_text_never_throws(string? s)
    {
        var r = Report.ParseText(s ?? "");
        return r.Report is not null;
    }
}
