using System.Globalization;
using System.Text;

namespace ReportParser.Reporting;

/// <summary>Bar charts drawn as inline SVG: no script, no font file, no external resource; each bar carries its value as text and as a tooltip.</summary>
internal static class SvgChart
{
    private const int Width = 520;
    private const int RowHeight = 22;
    private const int LabelWidth = 200;

    /// <summary>One bar per item, drawn left to right from its label; <paramref name="colors"/> gives a bar's CSS class, or null for the default.</summary>
    public static string Horizontal(string title, IReadOnlyList<(string Label, long Value)> items, Func<string, string?>? colors = null)
    {
        var sb = new StringBuilder();
        int height = 28 + Math.Max(1, items.Count) * RowHeight + 6;
        Open(sb, title, height);
        if (items.Count == 0) Text(sb, 8, 46, "none", "empty");
        long max = Math.Max(1, items.Count == 0 ? 1 : items.Max(i => i.Value));
        double span = Width - LabelWidth - 70;
        for (int i = 0; i < items.Count; i++)
        {
            var (label, value) = items[i];
            double y = 28 + i * RowHeight;
            double w = value == 0 ? 0 : Math.Max(2, span * value / max);
            Text(sb, LabelWidth - 6, y + 14, Cut(label, 30), "label", "end");
            sb.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar {colors?.Invoke(label) ?? ""}\" x=\"{LabelWidth}\" y=\"{y + 3:0.#}\" width=\"{w:0.#}\" height=\"{RowHeight - 6}\">");
            sb.Append("<title>").Append(Html.Encode(label)).Append(CultureInfo.InvariantCulture, $": {value:N0}</title></rect>");
            Text(sb, LabelWidth + w + 5, y + 15, value.ToString("N0", CultureInfo.InvariantCulture), "value");
        }
        return sb.Append("</svg>").ToString();
    }

    /// <summary>One column per item, bottom up, labels under the columns (years).</summary>
    public static string Vertical(string title, IReadOnlyList<(string Label, long Value)> items)
    {
        var sb = new StringBuilder();
        const int height = 220, top = 40, bottom = 190;
        Open(sb, title, height);
        if (items.Count == 0) Text(sb, 8, 46, "none", "empty");
        long max = Math.Max(1, items.Count == 0 ? 1 : items.Max(i => i.Value));
        double slot = (Width - 20.0) / Math.Max(1, items.Count);
        double bw = Math.Min(56, slot * 0.7);
        sb.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"10\" y1=\"{bottom}\" x2=\"{Width - 10}\" y2=\"{bottom}\"/>");
        for (int i = 0; i < items.Count; i++)
        {
            var (label, value) = items[i];
            double h = value == 0 ? 0 : Math.Max(2, (bottom - top) * (double)value / max);
            double x = 10 + i * slot + (slot - bw) / 2;
            sb.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{x:0.#}\" y=\"{bottom - h:0.#}\" width=\"{bw:0.#}\" height=\"{h:0.#}\">");
            sb.Append("<title>").Append(Html.Encode(label)).Append(CultureInfo.InvariantCulture, $": {value:N0}</title></rect>");
            Text(sb, x + bw / 2, bottom - h - 5, value.ToString("N0", CultureInfo.InvariantCulture), "value", "middle");
            if (items.Count <= 16 || i % ((items.Count + 15) / 16) == 0) Text(sb, x + bw / 2, bottom + 16, Cut(label, 8), "label", "middle");
        }
        return sb.Append("</svg>").ToString();
    }

    private static void Open(StringBuilder sb, string title, int height)
    {
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" role=\"img\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" aria-label=\"{Html.Encode(title)}\">");
        Text(sb, 8, 18, title, "title");
    }

    private static void Text(StringBuilder sb, double x, double y, string text, string cls, string anchor = "start")
        => sb.Append(CultureInfo.InvariantCulture, $"<text class=\"{cls}\" x=\"{x:0.#}\" y=\"{y:0.#}\" text-anchor=\"{anchor}\">{Html.Encode(text)}</text>");

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}

/// <summary>HTML encoding of every text the page takes from the tables (agency and file names are untrusted input).</summary>
internal static class Html
{
    public static string Encode(string? s) => System.Net.WebUtility.HtmlEncode(s ?? "");

    public static string N(long v) => v.ToString("N0", CultureInfo.InvariantCulture);

    public static string Percent(long part, long whole)
        => whole == 0 ? "—" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + " %";
}
