using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using ReportParser.Batch;
using ReportParser.Cli;
using ReportParser.Export;

namespace ReportParser.Tests.Cli;

/// <summary>Helpers for the batch tests: report variants made from the corpus fixture, temp folders, running the CLI in-process, reading tables back.</summary>
internal static class BatchFixture
{
    public const string BaseAgency = "郑州市生态环境局经开分局";

    public static readonly Encoding Gb18030 = GetGb18030();

    private static Encoding GetGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }

    public static string BaseText { get; } = File.ReadAllText(Path.Combine(Paths.Corpus, "text", "000_b4f43ef4f0df1505.txt"));

    private static readonly Regex Cell = new(@"(?<=^|\t)(\d+)(?=\t|$)", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    /// <summary>
    /// The corpus report with another agency and year, every whole-number table cell raised by <paramref name="offset"/>,
    /// and, when given, the cells of row 二、上年结转 set to <paramref name="carriedOver"/>.
    /// </summary>
    public static string Variant(string agency, int year, int offset, int? carriedOver = null)
    {
        var text = BaseText.Replace(BaseAgency, agency).Replace("2021年政务信息公开工作年度报告", $"{year}年政务信息公开工作年度报告");
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            if (!lines[i].Contains('\t')) continue;
            int value = carriedOver is int co && lines[i].StartsWith("二、上年结转", StringComparison.Ordinal) ? co : -1;
            lines[i] = Cell.Replace(lines[i], m => (value >= 0 ? value : int.Parse(m.Value) + offset).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return string.Join('\n', lines);
    }

    /// <summary>A generated agency name; agency names hold no ASCII digits, so the number is written in Chinese numerals.</summary>
    public static string Agency(int i)
        => "第" + string.Concat(i.ToString("000", System.Globalization.CultureInfo.InvariantCulture).Select(d => "〇一二三四五六七八九"[d - '0'])) + "测试局";

    public static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    public static string TempDir(string name)
    {
        var dir = Path.Combine(Path.GetTempPath(), "rp-" + name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Writes a zip whose entry names are GB18030 bytes without the UTF-8 flag, as Chinese Windows archivers do.</summary>
    public static byte[] GbkZip(IEnumerable<(string Name, byte[] Bytes)> entries)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: Gb18030))
        {
            foreach (var (name, bytes) in entries)
            {
                var e = zip.CreateEntry(name, CompressionLevel.Fastest);
                using var s = e.Open();
                s.Write(bytes);
            }
        }
        return ms.ToArray();
    }

    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Reads an output table (any format) as rows of strings, header first.</summary>
    public static List<string[]> Read(string dir, string table, ExportFormat format = ExportFormat.Csv)
    {
        using var r = OutputFolder.Open(dir, ExportTables.Written.Single(t => t.Name == table), format);
        var rows = new List<string[]> { r.Columns.ToArray() };
        rows.AddRange(r.Rows());
        return rows;
    }

    public static string Column(List<string[]> table, string[] row, string column) => row[Array.IndexOf(table[0], column)];
}
