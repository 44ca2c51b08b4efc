using System.Globalization;
using ReportParser.Tests.Cli;

namespace ReportParser.Tests.Export;

/// <summary>
/// A 2021 report made from the corpus fixture with chosen figures: table 三's 25 rows (seven values each; a row of six
/// leaves 总计 not stated), 规章 and 行政规范性文件 of table 二, and the fifteen cells of table 四.
/// </summary>
internal static class IndicatorFixture
{
    /// <summary>The figures the hand-computed expectations of the indicator tests use (received 32, handled 29, carried forward 3).</summary>
    public static int[][] Requests() =>
    [
        [20, 5, 0, 0, 3, 2, 30], // 一、本年新收
        [2, 0, 0, 0, 0, 0, 2],   // 二、上年结转
        [10, 2, 0, 0, 1, 1, 14], // 予以公开
        [3, 1, 0, 0, 0, 0, 4],   // 部分公开
        [1, 0, 0, 0, 0, 0, 1],   // 不予公开 1 属于国家秘密
        [0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0],
        [1, 0, 0, 0, 0, 0, 1],   // 4 保护第三方合法权益
        [0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0],
        [4, 1, 0, 0, 1, 0, 6],   // 无法提供 1 本机关不掌握
        [0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0, 0, 0],
        [2, 0, 0, 0, 0, 0, 2],   // 不予处理 2 重复申请
        [0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0],
        [1, 0, 0, 0, 0, 0, 1],   // 其他处理 3 其他
        [22, 4, 0, 0, 2, 1, 29], // （七）总计
        [0, 1, 0, 0, 1, 1, 3],   // 四、结转下年度
    ];

    /// <summary>Table 四: 行政复议 2 1 0 1 4; 直接起诉 1 1 0 0 2; 复议后起诉 0 0 0 1 1.</summary>
    public static int[] Review() => [2, 1, 0, 1, 4, 1, 1, 0, 0, 2, 0, 0, 0, 1, 1];

    /// <summary>The report text; <paramref name="regulations"/> and <paramref name="normative"/> are 本年制发, 本年废止, 现行有效.</summary>
    public static string Text(string agency, int year, int[][] requests, int[] review, int[] regulations, int[] normative)
    {
        var text = BatchFixture.BaseText.Replace(BatchFixture.BaseAgency, agency).Replace("2021年政务信息公开工作年度报告", $"{year}年政务信息公开工作年度报告");
        var lines = text.Split('\n').ToList();
        int first = lines.FindIndex(l => l.StartsWith("一、本年新收", StringComparison.Ordinal));
        int row = 0;
        for (int i = first; row < requests.Length; i++)
        {
            if (lines[i].Trim().Length == 0) continue;
            lines[i] = Replace(lines[i], requests[row++]);
        }
        int reg = lines.FindIndex(l => l.StartsWith("规章\t", StringComparison.Ordinal));
        lines[reg] = Replace(lines[reg], regulations);
        int norm = lines.FindIndex(l => l.StartsWith("行政规范性文件\t", StringComparison.Ordinal));
        lines[norm] = Replace(lines[norm], normative);
        int cases = lines.FindIndex(l => l.StartsWith("0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0", StringComparison.Ordinal));
        lines[cases] = string.Join('\t', review.Select(Invariant));
        return string.Join('\n', lines);
    }

    /// <summary>The line's label cells followed by the values (the numeric cells at its end replaced).</summary>
    private static string Replace(string line, int[] values)
    {
        var cells = line.TrimEnd('\t', ' ', '\r').Split('\t').ToList();
        while (cells.Count > 1 && cells[^1].Trim().Length > 0 && cells[^1].Trim().All(char.IsAsciiDigit)) cells.RemoveAt(cells.Count - 1);
        return string.Join('\t', cells.Concat(values.Select(Invariant)));
    }

    private static string Invariant(int v) => v.ToString(CultureInfo.InvariantCulture);
}
