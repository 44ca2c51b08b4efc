using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ExcelDataReader;
using ReportParser.Diagnostics;
using ReportParser.Input.Html;

namespace ReportParser.Input.Office;

/// <summary>
/// Reads workbooks (.xlsx, .xls, and WPS .et, which is BIFF8) with ExcelDataReader. Every visible sheet
/// in order; hidden sheets and hidden rows are skipped with an info diagnostic. Merged cells keep their
/// value at the top-left position and the positions they span are empty cells (as rowspan/colspan in
/// HTML). Numbers are written as displayed: whole numbers without decimals (3.0 → "3"), fixed decimals
/// and percentages by the cell's number format; formula cells give their cached value.
/// A sheet is cut into blocks as a page would be: a row with a single filled cell before or after a
/// table (a title, a numbered section heading, a line of prose) is a paragraph, rows with two or more
/// filled cells form a table, and a blank row ends a table; a one-cell row inside a table (a group label
/// such as 第二十条第（一）项) stays in it. Locations: <see cref="SourceLocation.Page"/> is the 1-based sheet,
/// Line and Column the cell's row and column in the sheet; grid cells also carry the table index and
/// their row and column in the table grid. A workbook rarely holds the report's prose: when no
/// paragraph looks like a title, the file name is added as the first paragraph (without a location) so
/// that the agency and year can be read from it.
/// </summary>
internal static partial class SpreadsheetInput
{
    static SpreadsheetInput() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static DocumentBlocks Read(ReportSource source, SourceFormat format, ReportParserOptions options, DiagnosticBag bag)
    {
        var empty = new DocumentBlocks(source.Name, format, Array.Empty<Block>());
        var bytes = source.Bytes;
        if (bytes is null || bytes.Length == 0)
        {
            bag.Error(DiagnosticCode.EmptyInput, SourceLocation.Unknown, "the input is empty (0 bytes)");
            return empty;
        }
        if (format == SourceFormat.Xlsx && !OfficePackage.Check(bytes, "XLSX", options, bag)) return empty;
        // ExcelDataReader cannot be interrupted, and a damaged BIFF file can keep it busy for long: the
        // workbook is read on a worker within half the time budget; past that the file gets an error and
        // the worker's result is dropped when it ends.
        var local = new DiagnosticBag();
        var wait = options.TimeBudget / 2;
        var task = Task.Run(() => ReadSheets(bytes, options, local));
        if (!task.Wait(wait))
        {
            _ = task.ContinueWith(t => t.Exception, TaskScheduler.Default);
            bag.Error(DiagnosticCode.LimitExceeded, SourceLocation.Unknown, $"the workbook could not be read within {wait.TotalSeconds:0.#} s (a damaged file?); not parsed");
            return empty;
        }
        foreach (var d in local.Items) bag.Add(d);
        var sheets = task.Result;
        if (sheets is null) return empty;

        var blocks = new List<Block>();
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        int tables = 0;
        foreach (var (index, _, rows) in sheets) Cut(rows, index, blocks, metadata, ref tables);
        if (blocks.Count == 0)
        {
            bag.Error(DiagnosticCode.EmptyInput, SourceLocation.Unknown, "the workbook holds no text");
            return empty;
        }
        if (!blocks.OfType<ParagraphBlock>().Any(p => p.Text.Contains("报告", StringComparison.Ordinal)))
        {
            var stem = Path.GetFileNameWithoutExtension(source.Name);
            if (stem.Contains("报告", StringComparison.Ordinal) || YearInName().IsMatch(stem)) blocks.Insert(0, new ParagraphBlock(stem, SourceLocation.Unknown));
        }
        if (!blocks.OfType<ParagraphBlock>().Any(p => TopHeading().IsMatch(p.Text)))
        {
            bag.Info(DiagnosticCode.MissingSection, SourceLocation.Unknown, "the workbook holds tables only: the report's prose sections are not in it");
        }
        return new DocumentBlocks(source.Name, format, blocks) { Metadata = metadata };
    }

    private static List<(int Index, string Name, List<(int Row, string?[] Cells, bool[] Covered)> Rows)>? ReadSheets(byte[] bytes, ReportParserOptions options, DiagnosticBag bag)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var sheets = new List<(int Index, string Name, List<(int Row, string?[] Cells, bool[] Covered)> Rows)>();
        try
        {
            using var reader = ExcelReaderFactory.CreateReader(new MemoryStream(bytes, writable: false), new ExcelReaderConfiguration
            {
                FallbackEncoding = TextDecoder.Gb18030,
                LeaveOpen = false,
            });
            int sheet = 0;
            long cells = 0;
            do
            {
                sheet++;
                var name = reader.Name ?? $"sheet {sheet}";
                if (!string.Equals(reader.VisibleState, "visible", StringComparison.OrdinalIgnoreCase) && reader.VisibleState is not null)
                {
                    bag.Info(DiagnosticCode.LimitExceeded, new SourceLocation { Page = sheet }, $"sheet {sheet} ({name}) is hidden and was not read");
                    continue;
                }
                var rows = ReadRows(reader, sheet, name, options, bag, started, ref cells, out bool outOfTime);
                CoverMerges(reader, rows);
                sheets.Add((sheet, name, rows));
                if (outOfTime) break;
            }
            while (reader.NextResult());
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not StackOverflowException)
        {
            bag.Error(DiagnosticCode.Unreadable, SourceLocation.Unknown, $"the workbook could not be read ({ex.GetType().Name}: {ex.Message}); not parsed");
            return null;
        }
        return sheets;

    }

    /// <summary>Reads the current sheet's shown rows within the limits; <paramref name="outOfTime"/> when the time budget ran out.</summary>
    private static List<(int Row, string?[] Cells, bool[] Covered)> ReadRows(IExcelDataReader reader, int sheet, string name, ReportParserOptions options, DiagnosticBag bag, System.Diagnostics.Stopwatch started, ref long cells, out bool outOfTime)
    {
        var rows = new List<(int Row, string?[] Cells, bool[] Covered)>();
        int row = 0, hidden = 0;
        bool rowCut = false;
        outOfTime = false;
        while (reader.Read())
        {
            row++;
            if ((row & 255) == 0 && started.Elapsed > options.TimeBudget)
            {
                bag.Error(DiagnosticCode.LimitExceeded, new SourceLocation(row, 1) { Page = sheet }, $"the time budget of {options.TimeBudget.TotalSeconds:0.#} s ran out at row {row:N0} of sheet {sheet}; the rest of the workbook was not read");
                outOfTime = true;
                break;
            }
            if (row > options.MaxLines)
            {
                bag.Error(DiagnosticCode.LimitExceeded, new SourceLocation(row, 1) { Page = sheet }, $"sheet {sheet} has more than {options.MaxLines:N0} rows; the rest was not read");
                break;
            }
            if (reader.RowHeight == 0)
            {
                hidden++;
                continue;
            }
            var values = RowValues(reader, options, bag, new SourceLocation(row, 1) { Page = sheet }, ref rowCut);
            int n = values.Length;
            cells += n;
            rows.Add((row, values, new bool[n]));
            if (cells > Math.Min(options.MaxTableCells * 4L, options.MaxDocumentCells))
            {
                bag.Error(DiagnosticCode.LimitExceeded, new SourceLocation(row, 1) { Page = sheet }, $"the workbook has more than {Math.Min(options.MaxTableCells * 4L, options.MaxDocumentCells):N0} cells; the rest was not read");
                break;
            }
        }
        if (hidden > 0) bag.Info(DiagnosticCode.LimitExceeded, new SourceLocation { Page = sheet }, $"sheet {sheet} ({name}) has {hidden} hidden row(s); they were not read");
        return rows;
    }

    /// <summary>
    /// The current row's first cells, at most <see cref="ReportParserOptions.MaxCellsPerRow"/> (the reader's row is as
    /// wide as the sheet's widest); reports (once per sheet) a row that holds values past them.
    /// </summary>
    private static string?[] RowValues(IExcelDataReader reader, ReportParserOptions options, DiagnosticBag bag, SourceLocation at, ref bool cutReported)
    {
        int n = Math.Min(reader.FieldCount, options.MaxCellsPerRow);
        var values = new string?[n];
        for (int c = 0; c < n; c++) values[c] = Display(reader.GetValue(c), SafeFormat(reader, c));
        if (!cutReported && reader.FieldCount > n && HasValueFrom(reader, n))
        {
            cutReported = true;
            bag.Error(DiagnosticCode.LimitExceeded, at, $"a row of sheet {at.Page} has more than {n:N0} cells; the cells after the {n:N0}th were not read (here and in any later such row)");
        }
        return values;
    }

    private static bool HasValueFrom(IExcelDataReader reader, int from)
    {
        for (int c = from; c < reader.FieldCount; c++)
        {
            if (reader.GetValue(c) is not null) return true;
        }
        return false;
    }

    /// <summary>Merged ranges are known once the sheet is read: positions they span (but their first) are emptied and marked covered.</summary>
    private static void CoverMerges(IExcelDataReader reader, List<(int Row, string?[] Cells, bool[] Covered)> rows)
    {
        var byRow = rows.ToDictionary(r => r.Row - 1, r => (r.Cells, r.Covered));
        foreach (var m in reader.MergeCells ?? Array.Empty<CellRange>())
        {
            for (int r = m.FromRow; r <= Math.Min(m.ToRow, m.FromRow + 10_000); r++)
            {
                if (!byRow.TryGetValue(r, out var found)) continue;
                for (int c = Math.Max(0, m.FromColumn); c <= Math.Min(m.ToColumn, found.Cells.Length - 1); c++)
                {
                    if (r == m.FromRow && c == m.FromColumn) continue;
                    found.Cells[c] = null;
                    found.Covered[c] = true;
                }
            }
        }
    }

    private static string? SafeFormat(IExcelDataReader reader, int column)
    {
        try { return reader.GetNumberFormatString(column); }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or NullReferenceException or IndexOutOfRangeException) { return null; }
    }

    /// <summary>Splits one sheet's rows into paragraphs and tables, as described on the type.</summary>
    private static void Cut(List<(int Row, string?[] Cells, bool[] Covered)> rows, int sheet, List<Block> blocks, Dictionary<string, string> metadata, ref int tables)
    {
        var cut = new SheetCut(sheet, blocks, metadata);
        for (int i = 0; i < rows.Count; i++)
        {
            int filled = rows[i].Cells.Count(c => !string.IsNullOrWhiteSpace(c));
            if (filled == 0) cut.Flush(ref tables);
            else if (filled == 1) cut.Single(rows, i, ref tables);
            else cut.Multi(rows[i]);
        }
        cut.Flush(ref tables);
    }

    /// <summary>The rows of the table being gathered while one sheet is cut, and where its paragraphs and tables go.</summary>
    private sealed class SheetCut
    {
        private readonly List<(int Row, string?[] Cells, bool[] Covered)> _table = new();
        private readonly int _sheet;
        private readonly List<Block> _blocks;
        private readonly Dictionary<string, string> _metadata;
        private bool _hasMulti;

        public SheetCut(int sheet, List<Block> blocks, Dictionary<string, string> metadata)
        {
            _sheet = sheet;
            _blocks = blocks;
            _metadata = metadata;
        }

        /// <summary>A row with two or more filled cells: a table row.</summary>
        public void Multi((int Row, string?[] Cells, bool[] Covered) row)
        {
            _hasMulti = true;
            _table.Add(row);
        }

        /// <summary>A row with one filled cell: a label inside or opening a table, else a paragraph.</summary>
        public void Single(List<(int Row, string?[] Cells, bool[] Covered)> rows, int i, ref int count)
        {
            var (row, cells, _) = rows[i];
            var text = HtmlText.Normalize(cells.First(c => !string.IsNullOrWhiteSpace(c)));
            bool nextIsTableRow = i + 1 < rows.Count && rows[i + 1].Cells.Count(c => !string.IsNullOrWhiteSpace(c)) >= 2;
            if (_hasMulti && nextIsTableRow && !TopHeading().IsMatch(text) && text.Length <= 60)
            {
                _table.Add(rows[i]);
                return;
            }
            Flush(ref count);
            int col = Array.FindIndex(cells, c => !string.IsNullOrWhiteSpace(c)) + 1;
            if (nextIsTableRow && !TopHeading().IsMatch(text) && text.Length <= 60)
            {
                // A label row that opens a table (its header spans the columns).
                _table.Add(rows[i]);
                return;
            }
            _blocks.Add(new ParagraphBlock(text, new SourceLocation(row, col) { Page = _sheet }));
        }

        /// <summary>Emits the gathered rows: as paragraphs when none has two cells, else as metadata or a table.</summary>
        public void Flush(ref int count)
        {
            if (_table.Count == 0) return;
            if (!_hasMulti)
            {
                FlushParagraphs();
                return;
            }
            FlushTable(ref count);
            _table.Clear();
            _hasMulti = false;
        }

        private void FlushParagraphs()
        {
            foreach (var (row, cells, _) in _table)
            {
                int col = Array.FindIndex(cells, c => !string.IsNullOrWhiteSpace(c));
                _blocks.Add(new ParagraphBlock(HtmlText.Normalize(cells[col]), new SourceLocation(row, col + 1) { Page = _sheet }));
            }
            _table.Clear();
        }

        private void FlushTable(ref int count)
        {
            int first = _table.Min(r => Array.FindIndex(r.Cells, c => !string.IsNullOrWhiteSpace(c)));
            int last = _table.Max(r => Array.FindLastIndex(r.Cells, c => !string.IsNullOrWhiteSpace(c)));
            var columns = SharedColumns(first, last);
            var texts = _table.Select(t => (IReadOnlyList<string>)columns.Select(c => c < t.Cells.Length && t.Cells[c] is { } v ? HtmlText.Normalize(v) : "").ToList()).ToList();
            if (HtmlMetadataTable.TryHarvest(texts, _metadata)) return;
            int index = ++count;
            var gridRows = new List<GridRow>(_table.Count);
            for (int r = 0; r < _table.Count; r++)
            {
                var (row, _, _) = _table[r];
                var gridCells = new List<GridCell>(columns.Count);
                for (int k = 0; k < columns.Count; k++)
                {
                    gridCells.Add(new GridCell(texts[r][k], new SourceLocation(row, columns[k] + 1) { Page = _sheet }.InGrid(index, r + 1, k + 1)));
                }
                gridRows.Add(new GridRow(gridCells, new SourceLocation(row, first + 1) { Page = _sheet }.InGrid(index, r + 1, 1)));
            }
            _blocks.Add(new TableBlock(gridRows, gridRows[0].Location));
        }

        /// <summary>
        /// Columns that no cell starts in (every row has a merged cell over them) are an artefact of the
        /// sheet's shared column grid, not columns of this table: they are left out.
        /// </summary>
        private List<int> SharedColumns(int first, int last)
        {
            var columns = new List<int>();
            for (int c = first; c <= last; c++)
            {
                if (_table.Any(t => c >= t.Covered.Length || !t.Covered[c])) columns.Add(c);
            }
            return columns;
        }
    }

    /// <summary>A cell value as the sheet displays it.</summary>
    internal static string? Display(object? value, string? format)
    {
        switch (value)
        {
            case null:
                return null;
            case string s:
                return s;
            case bool b:
                return b ? "TRUE" : "FALSE";
            case DateTime d:
                return d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            case double x:
                return Number(x, format);
            case IConvertible c:
                return Number(c.ToDouble(CultureInfo.InvariantCulture), format);
            default:
                return value.ToString();
        }
    }

    private static string Number(double x, string? format)
    {
        if (double.IsNaN(x) || double.IsInfinity(x)) return x.ToString(CultureInfo.InvariantCulture);
        var f = format?.Split(';')[0].Trim() ?? "";
        f = f.Replace("\\", "", StringComparison.Ordinal).Replace("\"", "", StringComparison.Ordinal);
        if (f.EndsWith('%') && SimpleFormat().IsMatch(f[..^1]))
        {
            return (x * 100).ToString(f[..^1], CultureInfo.InvariantCulture) + "%";
        }
        if (f.Length > 0 && SimpleFormat().IsMatch(f) && f.Contains('0', StringComparison.Ordinal))
        {
            return x.ToString(f.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        }
        if (Math.Abs(x) < 1e15 && x == Math.Floor(x)) return ((long)x).ToString(CultureInfo.InvariantCulture);
        return Math.Round(x, 10).ToString("0.##########", CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^[#0,]*(\.[#0]+)?$")]
    private static partial Regex SimpleFormat();

    [GeneratedRegex(@"^[一二三四五六七八九十]{1,3}\s*[、.．]")]
    private static partial Regex TopHeading();

    [GeneratedRegex(@"(19|20)\d\d")]
    private static partial Regex YearInName();
}
