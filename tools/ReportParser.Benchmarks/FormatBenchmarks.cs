using System.Globalization;
using System.Text;
using AngleSharp.Html.Parser;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using UglyToad.PdfPig;

namespace ReportParser.Benchmarks;

/// <summary>
/// Each input format's whole parse (<see cref="Report.Parse(ReportSource, ReportParserOptions?)"/>: input, sections,
/// tables, prose, rules, quality checks) beside the bare library's work on the same files, in the same run: the
/// Ratio column is ours over the bare library's. One invocation reads every file of the format's corpus
/// (<see cref="FormatCorpus"/>) from memory, so both sides see the same files; the "per report" and "alloc/report"
/// columns divide by the files (for PDF, "per page" by the pages). <c>--filter '*FormatBenchmarks*'</c>; the CPU-time
/// mode of the same comparison is <c>-- --cpu</c> (<see cref="FormatCpuRatio"/>).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PerReportConfig))]
public class FormatBenchmarks
{
    private IReadOnlyList<CorpusFile> _files = Array.Empty<CorpusFile>();

    [Params("text", "html", "pdf", "docx", "xlsx")]
    public string Format { get; set; } = "";

    [GlobalSetup]
    public void Setup() => _files = FormatCorpus.Load(Format);

    [Benchmark(Baseline = true, Description = "bare library")]
    public long Bare()
    {
        long n = 0;
        foreach (var f in _files) n += BareWork.Run(Format, f.Bytes);
        return n;
    }

    [Benchmark(Description = "ReportParser")]
    public int Ours()
    {
        int n = 0;
        foreach (var f in _files) n += Report.Parse(ReportSource.FromBytes(f.Bytes, f.Name)).Diagnostics.Count;
        return n;
    }

    /// <summary>Adds the per-report and per-page columns.</summary>
    private sealed class PerReportConfig : ManualConfig
    {
        public PerReportConfig()
        {
            AddColumn(new PerReportColumn("per report", false, false), new PerReportColumn("per page", true, false), new PerReportColumn("alloc/report", false, true));
        }
    }

    /// <summary>The mean time (or allocation) of one invocation divided by the format's files (or pages).</summary>
    private sealed class PerReportColumn(string name, bool pages, bool allocation) : IColumn
    {
        private static readonly Dictionary<string, (int Files, int Pages)> Counts = new(StringComparer.Ordinal);

        public string Id => nameof(PerReportColumn) + name;

        public string ColumnName => name;

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => allocation ? UnitType.Size : UnitType.Time;

        public string Legend => $"{(allocation ? "Allocated" : "Mean")} per {(pages ? "page" : "file")} of the format's corpus";

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var report = summary[benchmarkCase];
            var format = (string)benchmarkCase.Parameters["Format"];
            (int Files, int Pages) counts;
            lock (Counts)
            {
                if (!Counts.TryGetValue(format, out counts))
                {
                    var files = FormatCorpus.Load(format);
                    Counts[format] = counts = (files.Count, files.Sum(f => f.Pages));
                }
            }
            double by = pages ? counts.Pages : counts.Files;
            if (allocation)
            {
                long? bytes = report?.GcStats.GetBytesAllocatedPerOperation(benchmarkCase);
                return bytes is long b ? (b / by / 1024).ToString("N1", CultureInfo.InvariantCulture) + " KB" : "-";
            }
            double? ns = report?.ResultStatistics?.Mean;
            return ns is double t ? (t / by / 1e6).ToString("N3", CultureInfo.InvariantCulture) + " ms" : "-";
        }
    }
}

/// <summary>One corpus file held in memory, with its page count (PDF) or 1.</summary>
/// <param name="Name">The file name.</param>
/// <param name="Bytes">The file's bytes.</param>
/// <param name="Pages">Pages (PDF), else 1.</param>
public sealed record CorpusFile(string Name, byte[] Bytes, int Pages);

/// <summary>
/// The files each format is measured on: the repository's corpus of that format plus, when it is beside the
/// repository, <c>../shared/corpus</c>'s real and generated files of that format. Fixtures that are not a readable
/// report of the format (encrypted, scanned, empty, not a report) are left out, since the bare library does not
/// read them either.
/// </summary>
public static class FormatCorpus
{
    private static readonly string[] Excluded = { "encrypted", "scanned", "not-a-report", "title-only", "legacy" };

    /// <summary>The files of one format.</summary>
    public static IReadOnlyList<CorpusFile> Load(string format)
    {
        var root = OfficeInputBenchmarks.RepoRoot();
        var shared = Path.Combine(root, "..", "shared", "corpus");
        if (!Directory.Exists(shared)) shared = Path.Combine(Path.GetDirectoryName(root)!, "shared", "corpus");
        (string Dir, string Ext)[] places = format switch
        {
            "text" => new[] { ("corpus/text", ".txt"), ("corpus/fused", ".txt"), ("corpus/prose", ".txt"), ("corpus/quality", ".txt"), (Path.Combine(shared, "real/txt"), ".txt") },
            "html" => new[] { ("corpus/html", ".html"), (Path.Combine(shared, "real/html"), ".html"), (Path.Combine(shared, "generated"), ".html") },
            "pdf" => new[] { ("corpus/pdf", ".pdf"), (Path.Combine(shared, "real/pdf"), ".pdf"), (Path.Combine(shared, "generated"), ".pdf") },
            "docx" => new[] { ("corpus/docx", ".docx"), (Path.Combine(shared, "generated"), ".docx") },
            "xlsx" => new[] { ("corpus/xlsx", ".xlsx") },
            "xls" => new[] { ("corpus/xls", ".xls") },
            _ => throw new ArgumentException($"unknown format {format}", nameof(format)),
        };
        var files = new List<CorpusFile>();
        foreach (var (dir, ext) in places)
        {
            var full = Path.IsPathRooted(dir) ? dir : Path.Combine(root, dir);
            if (!Directory.Exists(full)) continue;
            foreach (var path in Directory.EnumerateFiles(full, "*" + ext, SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(path);
                if (Excluded.Any(x => name.Contains(x, StringComparison.Ordinal))) continue;
                var bytes = File.ReadAllBytes(path);
                files.Add(new CorpusFile(name, bytes, format == "pdf" ? PdfPages(bytes) : 1));
            }
        }
        if (files.Count == 0) throw new InvalidOperationException($"no {format} files found under {root}");
        return files;
    }

    private static int PdfPages(byte[] bytes)
    {
        using var doc = PdfDocument.Open(bytes);
        return doc.NumberOfPages;
    }
}

/// <summary>
/// The underlying libraries' bare work, the baseline of <see cref="FormatBenchmarks"/>: text, decoding the bytes
/// (BOM, else strict UTF-8, else GB18030); HTML, AngleSharp's parse (charset from the bytes) and the text of every
/// table cell; PDF, PdfPig's letters and <c>GetWords</c> of every page; DOCX, the OpenXml SDK opening the package and
/// an XmlReader over every node of the main part; workbooks, ExcelDataReader reading every cell of every sheet.
/// </summary>
public static class BareWork
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    static BareWork() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Runs the bare work of <paramref name="format"/> over one file; returns a count, so nothing is optimised away.</summary>
    public static long Run(string format, byte[] bytes) => format switch
    {
        "text" => Text(bytes),
        "html" => Html(bytes),
        "pdf" => Pdf(bytes),
        "docx" => Docx(bytes),
        _ => Workbook(bytes),
    };

    private static long Text(byte[] bytes)
    {
        Encoding? bom = null;
        int skip = 0;
        if (bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF })) (bom, skip) = (Encoding.UTF8, 3);
        else if (bytes.AsSpan().StartsWith(new byte[] { 0xFF, 0xFE })) (bom, skip) = (Encoding.Unicode, 2);
        else if (bytes.AsSpan().StartsWith(new byte[] { 0xFE, 0xFF })) (bom, skip) = (Encoding.BigEndianUnicode, 2);
        if (bom is not null) return bom.GetString(bytes, skip, bytes.Length - skip).Length;
        try
        {
            return StrictUtf8.GetString(bytes).Length;
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GB18030").GetString(bytes).Length;
        }
    }

    private static long Html(byte[] bytes)
    {
        var document = new HtmlParser().ParseDocument(new MemoryStream(bytes, false));
        long chars = 0;
        foreach (var cell in document.QuerySelectorAll("td, th")) chars += cell.TextContent.Length;
        return chars;
    }

    private static long Pdf(byte[] bytes)
    {
        using var doc = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        long n = 0;
        foreach (var page in doc.GetPages())
        {
            n += page.Letters.Count;
            foreach (var _ in page.GetWords()) n++;
        }
        return n;
    }

    private static long Docx(byte[] bytes)
    {
        using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(bytes, false), false);
        using var stream = doc.MainDocumentPart!.GetStream(FileMode.Open, FileAccess.Read);
        using var reader = System.Xml.XmlReader.Create(stream, new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit });
        long nodes = 0;
        while (reader.Read()) nodes++;
        return nodes;
    }

    private static long Workbook(byte[] bytes)
    {
        using var reader = ExcelDataReader.ExcelReaderFactory.CreateReader(new MemoryStream(bytes, false));
        long cells = 0;
        do
        {
            while (reader.Read())
            {
                for (int i = 0; i < reader.FieldCount; i++) if (reader.GetValue(i) is not null) cells++;
            }
        }
        while (reader.NextResult());
        return cells;
    }
}
