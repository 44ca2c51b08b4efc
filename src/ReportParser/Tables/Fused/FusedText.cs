using System.Text;
using System.Text.RegularExpressions;
using ReportParser.Diagnostics;
using ReportParser.Input;
using ReportParser.Sections;
using ReportParser.Template;

namespace ReportParser.Tables.Fused;

/// <summary>
/// Rebuilds the tables of crawled plain text whose cell delimiters were lost. Portal chrome and Word
/// comments are blanked (same length, so columns stay exact); paragraphs are cut at section headings
/// printed inline; in sections 二, 三 and 四 that hold no table, each template row label followed by a
/// run of digits becomes a grid row whose cells are the run's split (<see cref="FusedSolver"/>), and the
/// text between rows becomes group rows, block rows or paragraphs. The table readers then read the
/// synthesized tables like any other; every cell's span points at its digits in the source line.
/// </summary>
internal static partial class FusedText
{
    [GeneratedRegex(@"<!--.*?-->|<!\[[^\]]*\]>")]
    private static partial Regex CommentRegex();

    [GeneratedRegex(@"当前位置\s*[:：]\s*[^ ]{0,80}?(?:年报|年度报告)\s")]
    private static partial Regex BreadcrumbRegex();

    [GeneratedRegex(@"来源\s*[:：].{0,60}?(?:文字版|QQ空间|文件下载)(?:\s*(?:全真版|文字版|文件下载))*")]
    private static partial Regex SourceLineRegex();

    [GeneratedRegex(@"\s附件下载\s*$")]
    private static partial Regex AttachmentRegex();

    [GeneratedRegex(@"(?:[(（][一二三四五六七八九十0-9]{1,2}[)）]|[一二三四五六七八九十]{1,2}、|[0-9]{1,2}\s*[.、．])\s*$")]
    private static partial Regex TrailingEnumeratorRegex();

    [GeneratedRegex(@"^标题\s*[:：]\s*(\S.*)$")]
    private static partial Regex CrawlerTitleRegex();

    [GeneratedRegex(@"([0-9]{4})\s*年")]
    private static partial Regex YearRegex();

    /// <summary>Paragraphs at least this long are searched for inline headings.</summary>
    private const int LongParagraph = 40;

    /// <summary>
    /// Returns the document with fused tables rebuilt, or the same instance when there is nothing to do
    /// (not plain text, or tab-separated tables already present).
    /// </summary>
    public static DocumentBlocks Restructure(DocumentBlocks doc, DiagnosticBag bag)
    {
        if (doc.Format != SourceFormat.Text || doc.Blocks.Any(b => b is TableBlock)) return doc;

        // Step 1: blank chrome and comments, cut long paragraphs at inline headings.
        var blocks = new List<Block>();
        bool changed = false;
        foreach (var b in doc.Blocks)
        {
            if (b is not ParagraphBlock p) { blocks.Add(b); continue; }
            var tm = blocks.Count < 10 ? CrawlerTitleRegex().Match(p.Text) : Match.Empty;
            if (tm.Success)
            {
                // The crawler's header line 标题: … holds the page title: keep the title, not the field name.
                AddText(blocks, p.Text, tm.Groups[1].Index, p.Text.Length, p.Location);
                changed = true;
                continue;
            }
            var w = Clean(p.Text);
            if (!ReferenceEquals(w, p.Text)) changed = true;
            var cuts = w.Length >= LongParagraph ? InlineHeadings(w) : new List<(int Start, int End)>();
            if (cuts.Count > 0) changed = true;
            int pos = 0;
            foreach (var (start, end) in cuts)
            {
                AddText(blocks, w, pos, start, p.Location);
                AddText(blocks, w, start, end, p.Location);
                pos = end;
            }
            AddText(blocks, w, pos, w.Length, p.Location);
        }

        // Step 2: which sections hold fused tables, and which template's rows to look for.
        var scratch = new DiagnosticBag();
        var split = SectionSplitter.Split(blocks, scratch);
        var template = GuessTemplate(blocks);
        if (template is not (ReportTemplate.V2019 or ReportTemplate.V2021))
        {
            return changed ? doc with { Blocks = blocks } : doc;
        }

        var found = new List<(ReportSection Section, ParagraphBlock Paragraph, List<Found> Rows)>();
        foreach (var s in split.Sections)
        {
            if (s.Kind is not (SectionKind.ProactiveDisclosure or SectionKind.Requests or SectionKind.ReviewLitigation)) continue;
            if (s.Blocks.Any(b => b is TableBlock)) continue;
            foreach (var p in s.Blocks.OfType<ParagraphBlock>())
            {
                // A Markdown pipe-table line keeps its delimiters: it is not a fused row.
                if (p.Text.StartsWith('|') || p.Text.Contains(" | ", StringComparison.Ordinal)) continue;
                var rows = FindRows(p, s.Kind, template);
                if (rows.Count > 0) found.Add((s, p, rows));
            }
        }
        if (found.Count == 0) return changed ? doc with { Blocks = blocks } : doc;

        // Step 3: solve each table from its rows and the numbers the report's text states.
        var hintText = HintText(blocks, found.SelectMany(f => f.Rows.Select(r => (f.Paragraph, r))).ToList());
        foreach (var kind in new[] { SectionKind.ProactiveDisclosure, SectionKind.Requests, SectionKind.ReviewLitigation })
        {
            var rows = found.Where(f => f.Section.Kind == kind).SelectMany(f => f.Rows).Select(r => r.Row).ToList();
            if (rows.Count == 0) continue;
            var table = kind switch
            {
                SectionKind.ProactiveDisclosure => TemplateSchema.ProactiveDisclosure,
                SectionKind.Requests => TemplateSchema.Requests,
                _ => TemplateSchema.ReviewLitigation,
            };
            FusedSolver.Solve(table, rows, r => Hints(r, hintText), bag);
        }

        // Step 4: replace each paragraph that held rows with paragraphs and synthesized tables.
        var replaced = new Dictionary<ParagraphBlock, List<Block>>(ReferenceEqualityComparer.Instance);
        var headerDone = new HashSet<SectionKind>();
        foreach (var (section, p, rows) in found)
        {
            replaced[p] = Emit(p, rows, section.Kind, template, headerDone);
        }
        var result = new List<Block>(blocks.Count + 8);
        foreach (var b in blocks)
        {
            if (b is ParagraphBlock p && replaced.TryGetValue(p, out var with)) result.AddRange(with);
            else result.Add(b);
        }
        return doc with { Blocks = result };
    }

    // ---------------------------------------------------------------- step 1

    /// <summary>Blanks Word comments and portal chrome with spaces (same length); the same instance when clean.</summary>
    internal static string Clean(string text)
    {
        char[]? chars = null;
        void Blank(Match m)
        {
            chars ??= text.ToCharArray();
            for (int i = m.Index; i < m.Index + m.Length; i++) chars[i] = ' ';
        }
        foreach (Match m in CommentRegex().Matches(text)) Blank(m);
        foreach (Match m in BreadcrumbRegex().Matches(text)) Blank(m);
        foreach (Match m in SourceLineRegex().Matches(text)) Blank(m);
        foreach (Match m in AttachmentRegex().Matches(text)) Blank(m);
        return chars is null ? text : new string(chars);
    }

    private static void AddText(List<Block> blocks, string w, int start, int end, SourceLocation span)
    {
        while (start < end && TextUtil.IsSpace(w[start])) start++;
        while (end > start && TextUtil.IsSpace(w[end - 1])) end--;
        if (end <= start) return;
        blocks.Add(new ParagraphBlock(w[start..end], new SourceLocation(span.Line, span.Column + start)));
    }

    /// <summary>Top-level headings (一、总体情况 …) printed inside a paragraph: start and end offsets.</summary>
    internal static List<(int Start, int End)> InlineHeadings(string w)
    {
        var cuts = new List<(int, int)>();
        for (int i = 0; i < w.Length; i++)
        {
            if ("一二三四五六七八九十".IndexOf(w[i]) < 0) continue;
            if (i > 0 && "一二三四五六七八九十第".IndexOf(w[i - 1]) >= 0) continue;
            int j = i;
            while (j < w.Length && j < i + 2 && "一二三四五六七八九十".IndexOf(w[j]) >= 0) j++;
            int number = HeadingGrammar.ToInt(w[i..j]);
            if (number is < 1 or > 10) continue;
            while (j < w.Length && TextUtil.IsSpace(w[j])) j++;
            if (j >= w.Length || "、.．，,".IndexOf(w[j]) < 0) continue;
            j++;
            while (j < w.Length && TextUtil.IsSpace(w[j])) j++;
            int end = MatchHeadingTitle(w, j);
            if (end < 0) continue;
            cuts.Add((i, end));
            i = end - 1;
        }
        return cuts;
    }

    /// <summary>End offset of a section title (exact, variant or near-typo of the catalog's) starting at <paramref name="start"/>, or -1.</summary>
    private static int MatchHeadingTitle(string w, int start)
    {
        var key = new StringBuilder(48);
        var at = new List<int>(48);
        for (int i = start; i < w.Length && key.Length < 48; i++)
        {
            char c = TextUtil.Narrow(CjkCompat.Map(w[i]));
            if (char.IsAsciiDigit(c)) break;
            if (!TextUtil.IsIdeograph(c)) continue;
            key.Append(c);
            at.Add(i);
        }
        var k = key.ToString();
        if (k.Length < 2) return -1;
        int bestEnd = -1, bestD = int.MaxValue, bestLen = 0;
        foreach (var kt in HeadingKeys)
        {
            {
                if (kt.Length < 2 || (k[0] != kt[0] && k[1] != kt[1])) continue;
                int max = kt.Length >= 8 ? Math.Max(1, kt.Length / 8) : 0;
                for (int len = kt.Length - max; len <= kt.Length + max; len++)
                {
                    if (len <= 0 || len > k.Length) continue;
                    int d = len == kt.Length && max == 0 ? (string.CompareOrdinal(k, 0, kt, 0, len) == 0 ? 0 : 1) : TextUtil.Distance(k[..len], kt, max);
                    if (d > max) continue;
                    if (d < bestD || (d == bestD && len > bestLen))
                    {
                        bestD = d;
                        bestLen = len;
                        bestEnd = at[len - 1] + 1;
                    }
                }
            }
        }
        return bestEnd;
    }

    private static readonly string[] HeadingKeys = HeadingCatalog.Entries.SelectMany(e => e.Variants.Prepend(e.Primary)).Select(TextUtil.Key).ToArray();

    private static readonly Dictionary<RowDefinition, string[]> LabelKeys = TemplateSchema.Proactive2021.Rows
        .Concat(TemplateSchema.Proactive2019.Rows).Concat(TemplateSchema.Requests2021.Rows).Concat(TemplateSchema.Requests2019.Rows)
        .Distinct().ToDictionary(d => d, d => d.Aliases.Prepend(d.Label).Select(TextUtil.Key).ToArray());

    private static ReportTemplate GuessTemplate(List<Block> blocks)
    {
        var paragraphs = blocks.OfType<ParagraphBlock>().ToList();
        var byLabels = TemplateDetector.ByLabels(paragraphs.Select(p => p.Text));
        if (byLabels != ReportTemplate.Unknown) return byLabels;
        int? year = null;
        foreach (var p in paragraphs)
        {
            if (!p.Text.Contains("报告", StringComparison.Ordinal)) continue;
            var m = YearRegex().Match(p.Text);
            if (m.Success) { year = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture); break; }
        }
        return year switch
        {
            >= 2021 => ReportTemplate.V2021,
            >= 2019 => ReportTemplate.V2019,
            _ => ReportTemplate.Unknown,
        };
    }

    // ---------------------------------------------------------------- step 2

    /// <summary>A row found in a paragraph: offsets of its label and run in the paragraph text.</summary>
    internal sealed record Found(FusedRow Row, int LabelStart, int RunStart, int RunEnd);

    private static IEnumerable<RowDefinition> RowDefs(SectionKind kind, ReportTemplate template) => kind switch
    {
        SectionKind.ProactiveDisclosure => TemplateSchema.ProactiveFor(template).Rows,
        SectionKind.Requests => template == ReportTemplate.V2021
            ? TemplateSchema.Requests2021.Rows.Append(TemplateSchema.SingleOtherRow)
            : TemplateSchema.Requests2019.Rows,
        _ => TemplateSchema.Review.Rows,
    };

    /// <summary>The rows of a table printed in one paragraph: a template label directly followed by a run of values.</summary>
    internal static List<Found> FindRows(ParagraphBlock p, SectionKind kind, ReportTemplate template)
    {
        var w = p.Text;
        var result = new List<Found>();
        var defs = RowDefs(kind, template).ToList();
        int i = 0;
        int consumed = 0;
        while (i < w.Length)
        {
            if (!StartsRun(w, i)) { i++; continue; }
            int end = RunEnd(w, i);
            // A row's run ends where the next row's enumerator (2. 3、) begins: drop a trailing dot and the digit before it.
            if (end - 1 > i && TextUtil.Narrow(w[end - 1]) == '.' && char.IsAsciiDigit(TextUtil.Narrow(w[end - 2])))
            {
                end -= 2;
            }
            else if (end < w.Length && "、".IndexOf(w[end]) >= 0 && end - 1 >= i && char.IsAsciiDigit(TextUtil.Narrow(w[end - 1])))
            {
                end--;
            }
            int next = end;
            var run = w[i..end];
            int runEnd = end;
            while (runEnd > i && TextUtil.IsSpace(w[runEnd - 1])) runEnd--;
            if (!run.Any(char.IsAsciiDigit)) { i = Math.Max(next, i + 1); continue; }

            RowDefinition? def = null;
            int labelStart = -1;
            if (kind == SectionKind.ReviewLitigation)
            {
                foreach (var l in new[] { "总计", "尚未审结" })
                {
                    int s = MatchBack(w, i, TextUtil.Key(l), consumed);
                    if (s >= 0 && run.Count(char.IsAsciiDigit) >= 5) { def = defs[0]; labelStart = i; break; }
                }
                // A line holding nothing but the run (the header was printed on the lines above).
                if (def is null && TextUtil.Key(w[..i]).Length == 0 && TextUtil.Key(w[end..]).Length == 0 && run.Count(char.IsAsciiDigit) >= 5)
                {
                    def = defs[0];
                    labelStart = i;
                }
            }
            else
            {
                int bestLen = 0;
                foreach (var d in defs)
                {
                    foreach (var k in LabelKeys[d])
                    {
                        if (k.Length <= bestLen) continue;
                        int s = MatchBack(w, i, k, consumed);
                        if (s < 0) continue;
                        if (d.Key == "Other.Other" && !TrailingEnumeratorRegex().IsMatch(w.AsSpan(consumed, s - consumed).ToString())) continue;
                        def = d;
                        labelStart = s;
                        bestLen = k.Length;
                    }
                }
                if (def is not null)
                {
                    var before = w[consumed..labelStart];
                    var em = TrailingEnumeratorRegex().Match(before);
                    if (em.Success) labelStart = consumed + em.Index;
                }
            }
            if (def is null) { i = Math.Max(next, i + 1); continue; }
            var row = new FusedRow
            {
                Def = def,
                Label = kind == SectionKind.ReviewLitigation ? "" : w[labelStart..i].Trim(),
                Run = Narrow(w[i..runEnd]),
                LabelSpan = new SourceLocation(p.Location.Line, p.Location.Column + labelStart),
                RunSpan = new SourceLocation(p.Location.Line, p.Location.Column + i),
            };
            result.Add(new Found(row, labelStart, i, runEnd));
            consumed = runEnd;
            i = Math.Max(next, i + 1);
            if (kind == SectionKind.ReviewLitigation) break;
        }
        return result;
    }

    private static string Narrow(string s)
    {
        var chars = s.ToCharArray();
        for (int k = 0; k < chars.Length; k++)
        {
            chars[k] = TextUtil.Narrow(chars[k]) switch { '−' or '－' => '-', '．' => '.', var c => c };
            if (TextUtil.IsSpace(chars[k])) chars[k] = ' ';
        }
        return new string(chars);
    }

    private static bool StartsRun(string w, int i)
    {
        char c = TextUtil.Narrow(w[i]);
        if (char.IsAsciiDigit(c)) return i == 0 || !char.IsAsciiDigit(TextUtil.Narrow(w[i - 1])) && TextUtil.Narrow(w[i - 1]) != '.';
        return false;
    }

    private static int RunEnd(string w, int i)
    {
        int j = i;
        while (j < w.Length)
        {
            char c = TextUtil.Narrow(w[j]);
            if (char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '−' or '.' || TextUtil.IsSpace(w[j])) { j++; continue; }
            if (c is '元' or '笔' or '件' or '条') { j++; continue; }
            if (c == '万' && j + 1 < w.Length && w[j + 1] == '元') { j += 2; continue; }
            break;
        }
        // A trailing sign or dot is not part of the run.
        while (j > i && TextUtil.Narrow(w[j - 1]) is '+' or '-' or '−') j--;
        return j;
    }

    /// <summary>Start of <paramref name="key"/> ending right before <paramref name="end"/> (spaces, punctuation skipped), or -1.</summary>
    private static int MatchBack(string w, int end, string key, int floor)
    {
        int j = end - 1;
        int k = key.Length - 1;
        int start = -1;
        while (k >= 0)
        {
            if (j < floor) return -1;
            char c = TextUtil.Narrow(CjkCompat.Map(w[j]));
            if (char.IsAsciiDigit(c)) return -1;
            if (!TextUtil.IsIdeograph(c)) { j--; continue; }
            if (c != key[k]) return -1;
            start = j;
            j--;
            k--;
        }
        return start;
    }

    // ---------------------------------------------------------------- step 3

    private static string HintText(List<Block> blocks, List<(ParagraphBlock Paragraph, Found Row)> rows)
    {
        var sb = new StringBuilder();
        var byParagraph = rows.GroupBy(r => r.Paragraph, ReferenceEqualityComparer.Instance).ToDictionary(g => g.Key!, g => g.Select(x => x.Row).ToList(), ReferenceEqualityComparer.Instance);
        foreach (var p in blocks.OfType<ParagraphBlock>())
        {
            if (byParagraph.TryGetValue(p, out var found))
            {
                var chars = p.Text.ToCharArray();
                foreach (var f in found) for (int i = f.LabelStart; i < f.RunEnd; i++) chars[i] = ' ';
                sb.Append(chars).Append('\n');
            }
            else
            {
                sb.Append(p.Text).Append('\n');
            }
        }
        return sb.ToString();
    }

    private static readonly Dictionary<string, string[]> HintWords = new()
    {
        ["Regulations"] = new[] { "规章" },
        ["NormativeDocuments"] = new[] { "规范性文件" },
        ["Licensing"] = new[] { "行政许可" },
        ["OtherServices"] = new[] { "其他对外管理服务事项" },
        ["Penalties"] = new[] { "行政处罚" },
        ["Enforcement"] = new[] { "行政强制" },
        ["Fees"] = new[] { "收费" },
        ["CentralProcurement"] = new[] { "采购" },
        ["NewRequests"] = new[] { "申请" },
    };

    /// <summary>Numbers the report's text states near the words of a row (within the same clause).</summary>
    private static HashSet<decimal> Hints(FusedRow r, string text)
    {
        var set = new HashSet<decimal>();
        if (!HintWords.TryGetValue(r.Def.Key, out var words)) return set;
        foreach (var word in words)
        {
            int at = 0;
            while ((at = text.IndexOf(word, at, StringComparison.Ordinal)) >= 0)
            {
                int i = at + word.Length;
                int stop = Math.Min(text.Length, i + 24);
                while (i < stop && "。；;\n".IndexOf(text[i]) < 0)
                {
                    if (char.IsAsciiDigit(text[i]))
                    {
                        int s = i;
                        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.')) i++;
                        var num = text[s..i].TrimEnd('.');
                        bool year = i < text.Length && text[i] == '年';
                        if (!year && decimal.TryParse(num, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var v)) set.Add(v);
                        continue;
                    }
                    i++;
                }
                at += word.Length;
            }
        }
        return set;
    }

    // ---------------------------------------------------------------- step 4

    private static List<Block> Emit(ParagraphBlock p, List<Found> rows, SectionKind kind, ReportTemplate template, HashSet<SectionKind> headerDone)
    {
        var w = p.Text;
        var output = new List<Block>();
        List<GridRow>? grid = null;
        int line = p.Location.Line, col0 = p.Location.Column;
        SourceLocation At(int offset) => new(line, col0 + offset);

        void Paragraph(int s, int e)
        {
            while (s < e && TextUtil.IsSpace(w[s])) s++;
            while (e > s && TextUtil.IsSpace(w[e - 1])) e--;
            if (e <= s) return;
            Flush();
            output.Add(new ParagraphBlock(w[s..e], At(s)));
        }
        void Flush()
        {
            if (grid is { Count: > 0 }) output.Add(new TableBlock(grid, grid[0].Location));
            grid = null;
        }
        GridRow LabelRow(int s, int e) => new(new[] { new GridCell(w[s..e].Trim(), At(s)) }, At(s));

        int pos = 0;
        for (int n = 0; n < rows.Count; n++)
        {
            var f = rows[n];
            int gapStart = pos, gapEnd = f.LabelStart;
            if (n == 0)
            {
                if (kind == SectionKind.ProactiveDisclosure) GapRows(gapStart, gapEnd, true);
                else Paragraph(gapStart, gapEnd);
                grid ??= new List<GridRow>();
                if (kind != SectionKind.ProactiveDisclosure && headerDone.Add(kind)) grid.Add(HeaderRow(kind, At(f.LabelStart)));
            }
            else
            {
                GapRows(gapStart, gapEnd, false);
            }
            grid ??= new List<GridRow>();
            grid.Add(DataRow(f, At));
            pos = f.RunEnd;
        }
        Paragraph(pos, w.Length);
        Flush();
        return output;

        // Text between rows: 第二十条 block rows and 信息内容 headers (table 二), group labels (table 三), else narrative.
        void GapRows(int s, int e, bool first)
        {
            while (s < e && TextUtil.IsSpace(w[s])) s++;
            while (e > s && TextUtil.IsSpace(w[e - 1])) e--;
            if (e <= s) return;
            var text = w[s..e];
            if (kind == SectionKind.ProactiveDisclosure)
            {
                var bm = ProactiveDisclosureReader.BlockRegex().Match(text);
                if (bm.Success)
                {
                    Paragraph(s, s + bm.Index);
                    grid ??= new List<GridRow>();
                    grid.Add(LabelRow(s + bm.Index, s + bm.Index + bm.Length));
                    int h = s + bm.Index + bm.Length;
                    var rest = w[h..e];
                    int info = rest.IndexOf("信息内容", StringComparison.Ordinal);
                    if (info >= 0 && TextUtil.Key(rest[..info]).Length == 0)
                    {
                        grid.Add(HeaderCells(h + info, e, template));
                        return;
                    }
                    if (TextUtil.Key(rest).Length > 0) Paragraph(h, e);
                    return;
                }
                Paragraph(s, e);
                return;
            }
            if (!first && kind == SectionKind.Requests && TextUtil.Key(text).Length <= 24)
            {
                grid ??= new List<GridRow>();
                grid.Add(LabelRow(s, e));
                return;
            }
            Paragraph(s, e);
        }

        GridRow HeaderCells(int s, int e, ReportTemplate t)
        {
            // 信息内容 + the block's column labels, cut where each label begins; one cell for the rest when they are not all found.
            var head = new GridCell(w[s..(s + 4)], At(s));
            var all = TemplateSchema.ProactiveFor(t).Rows.Select(r => r.Columns).Distinct().ToList();
            foreach (var cols in all.OrderByDescending(c => c.Length))
            {
                var starts = new List<int>();
                int from = s + 4;
                foreach (var c in cols)
                {
                    int at = FindKey(w, from, e, TextUtil.Key(c.Label));
                    if (at < 0) { starts.Clear(); break; }
                    starts.Add(at);
                    from = at + 1;
                }
                if (starts.Count != cols.Length || TextUtil.Key(w[(s + 4)..starts[0]]).Length > 0) continue;
                var cells = new List<GridCell> { head };
                for (int k = 0; k < starts.Count; k++)
                {
                    int ce = k + 1 < starts.Count ? starts[k + 1] : e;
                    cells.Add(new GridCell(w[starts[k]..ce].Trim(), At(starts[k])));
                }
                return new GridRow(cells, At(s));
            }
            return new GridRow(new[] { head, new GridCell(w[(s + 4)..e].Trim(), At(s + 4)) }, At(s));
        }
    }

    /// <summary>Offset where <paramref name="key"/> begins in w[from..to), spaces and punctuation inside it skipped; -1 when absent.</summary>
    private static int FindKey(string w, int from, int to, string key)
    {
        if (key.Length == 0) return -1;
        for (int i = from; i < to; i++)
        {
            if (TextUtil.Narrow(CjkCompat.Map(w[i])) != key[0]) continue;
            int j = i, k = 0;
            while (j < to && k < key.Length)
            {
                char c = TextUtil.Narrow(CjkCompat.Map(w[j]));
                if (TextUtil.IsIdeograph(c)) { if (c != key[k]) break; k++; }
                else if (char.IsAsciiDigit(c)) break;
                j++;
            }
            if (k == key.Length) return i;
        }
        return -1;
    }

    /// <summary>A header row with the template's column labels, so the readers place the cells by position.</summary>
    private static GridRow HeaderRow(SectionKind kind, SourceLocation at)
    {
        var cells = new List<GridCell>();
        if (kind == SectionKind.Requests)
        {
            cells.Add(new GridCell("", at));
            foreach (var c in TemplateSchema.RequestColumnArray) cells.Add(new GridCell(c.Label, at));
        }
        else
        {
            foreach (var c in TemplateSchema.ReviewColumnArray) cells.Add(new GridCell(c.Label, at));
        }
        return new GridRow(cells, at);
    }

    private static GridRow DataRow(Found f, Func<int, SourceLocation> at)
    {
        var r = f.Row;
        var cells = new List<GridCell>();
        if (r.Def.Label.Length > 0) cells.Add(new GridCell(r.Label, r.LabelSpan));
        int n = r.Def.Columns.Count;
        bool positional = r.Def.Label.Length == 0 || r.Def.Columns == TemplateSchema.RequestColumnArray;
        // Table 二 is read in sequence: a determined cell after an undetermined one would shift left, so such rows stay blank.
        bool blankAll = !positional && Enumerable.Range(1, n - 1).Any(k => r.Values.Length == n && r.Values[k] is not null && r.Values.Take(k).Any(v => v is null));
        for (int k = 0; k < n; k++)
        {
            if (!blankAll && r.Values.Length == n && r.Values[k] is not null)
            {
                cells.Add(new GridCell(r.Texts[k]!, new SourceLocation(r.RunSpan.Line, r.RunSpan.Column + r.Offsets[k])));
            }
            else
            {
                cells.Add(new GridCell("", r.RunSpan));
            }
        }
        return new GridRow(cells, r.LabelSpan);
    }
}
