using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using ReportParser.Export;

namespace ReportParser.Batch.IO;

/// <summary>
/// Writes one xlsx workbook sheet after sheet, streaming: each worksheet is written row by row with the Open XML SDK's
/// <see cref="OpenXmlWriter"/> straight into its entry of a zip opened in create mode on a write-only file, so no sheet
/// is held in memory (System.IO.Packaging's update mode would buffer every part). Cells are typed from the columns'
/// <see cref="ColumnType"/>: numbers as numbers, dates as dates (<c>yyyy-mm-dd</c>), text as inline strings made
/// Excel-safe (<see cref="ExcelSafeText"/>), null as no cell. Each sheet has a bold frozen header row and an autofilter;
/// a table longer than a sheet's <see cref="MaxRows"/> continues on <c>name (2)</c>, <c>name (3)</c>, … with the header repeated.
/// </summary>
internal sealed class XlsxWorkbookWriter : IDisposable
{
    /// <summary>Excel's row limit per sheet (the header row included).</summary>
    public const int ExcelMaxRows = 1_048_576;

    /// <summary>Excel's limit on the characters of one cell; longer text is cut and ends with …</summary>
    public const int MaxCellChars = 32_767;

    private static readonly DateOnly Epoch = new(1899, 12, 30);
    private readonly FileStream _file;
    private readonly ZipArchive _zip;
    private readonly List<string> _sheets = new();
    private readonly List<(int Sheet, string Range)> _filters = new();

    /// <param name="path">The workbook file (replaced).</param>
    /// <param name="maxRows">Rows per sheet, header included: <see cref="ExcelMaxRows"/> (smaller in tests).</param>
    public XlsxWorkbookWriter(string path, int maxRows = ExcelMaxRows)
    {
        MaxRows = maxRows;
        _file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        _zip = new ZipArchive(_file, ZipArchiveMode.Create, leaveOpen: true);
    }

    /// <summary>Rows per sheet, header included.</summary>
    public int MaxRows { get; }

    /// <summary>The names of the sheets written so far.</summary>
    public IReadOnlyList<string> Sheets => _sheets;

    /// <summary>Writes a table as one sheet, or as several when it has more rows than a sheet holds.</summary>
    public void WriteTable(string name, IReadOnlyList<string> columns, IReadOnlyList<ColumnType> types, IEnumerable<IReadOnlyList<string?>> rows)
    {
        using var e = rows.GetEnumerator();
        bool more = e.MoveNext();
        int part = 1;
        do
        {
            more = WriteSheet(part == 1 ? name : $"{name} ({part})", columns, types, e, more);
            part++;
        }
        while (more);
    }

    /// <summary>Writes one sheet from the enumerator (positioned on its first row when <paramref name="has"/>); true when rows remain.</summary>
    private bool WriteSheet(string name, IReadOnlyList<string> columns, IReadOnlyList<ColumnType> types, IEnumerator<IReadOnlyList<string?>> rows, bool has)
    {
        _sheets.Add(name);
        int index = _sheets.Count;
        var refs = Enumerable.Range(0, columns.Count).Select(ColumnName).ToArray();
        var entry = _zip.CreateEntry($"xl/worksheets/sheet{index}.xml", CompressionLevel.Fastest);
        int rowNumber = 1;
        using (var stream = entry.Open())
        using (var w = OpenXmlWriter.Create(stream, new UTF8Encoding(false)))
        {
            w.WriteStartDocument();
            w.WriteStartElement(new Worksheet());
            w.WriteElement(new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft }) { WorkbookViewId = 0 }));
            w.WriteStartElement(new SheetData());
            WriteRow(w, rowNumber, refs, columns.Select(c => (string?)c).ToArray(), null);
            while (has && rowNumber < MaxRows)
            {
                WriteRow(w, ++rowNumber, refs, rows.Current, types);
                has = rows.MoveNext();
            }
            w.WriteEndElement();
            string range = $"A1:{refs[^1]}{rowNumber.ToString(CultureInfo.InvariantCulture)}";
            w.WriteElement(new AutoFilter { Reference = range });
            _filters.Add((index - 1, range));
            w.WriteEndElement();
            w.Close();
        }
        return has;
    }

    private static void WriteRow(OpenXmlWriter w, int number, string[] refs, IReadOnlyList<string?> fields, IReadOnlyList<ColumnType>? types)
    {
        var r = number.ToString(CultureInfo.InvariantCulture);
        w.WriteStartElement(new Row { RowIndex = (uint)number });
        for (int i = 0; i < refs.Length && i < fields.Count; i++)
        {
            var f = fields[i];
            if (string.IsNullOrEmpty(f)) continue;
            w.WriteElement(Cell(refs[i] + r, f, types?[i] ?? ColumnType.Text, header: types is null));
        }
        w.WriteEndElement();
    }

    private static Cell Cell(string reference, string text, ColumnType type, bool header)
    {
        switch (type)
        {
            case ColumnType.Int32 or ColumnType.Int64 or ColumnType.Decimal
                when decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d):
                return new Cell { CellReference = reference, CellValue = new CellValue(d.ToString(CultureInfo.InvariantCulture)) };
            case ColumnType.Date when DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                return new Cell { CellReference = reference, StyleIndex = 2, CellValue = new CellValue((date.DayNumber - Epoch.DayNumber).ToString(CultureInfo.InvariantCulture)) };
            default:
                return new Cell
                {
                    CellReference = reference, DataType = CellValues.InlineString, StyleIndex = header ? 1U : null,
                    InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(Clean(header ? text : ExcelSafeText.Escape(text)!)) { Space = SpaceProcessingModeValues.Preserve }),
                };
        }
    }

    /// <summary>The text with characters XML cannot hold replaced by U+FFFD, cut to <see cref="MaxCellChars"/>.</summary>
    internal static string Clean(string text)
    {
        StringBuilder? sb = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool ok = XmlConvert.IsXmlChar(c) || (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]));
            if (char.IsHighSurrogate(c) && ok)
            {
                sb?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }
            if (!ok) sb ??= new StringBuilder(text, 0, i, text.Length);
            sb?.Append(ok ? c : '\uFFFD');
        }
        var s = sb?.ToString() ?? text;
        return s.Length <= MaxCellChars ? s : string.Concat(s.AsSpan(0, MaxCellChars - 1), "…");
    }

    /// <summary>A, B, … Z, AA, AB, … for a 0-based column.</summary>
    internal static string ColumnName(int index)
    {
        var sb = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) sb.Insert(0, (char)('A' + ((n - 1) % 26)));
        return sb.ToString();
    }

    private void Part(string name, string xml)
    {
        var entry = _zip.CreateEntry(name, CompressionLevel.Fastest);
        using var s = entry.Open();
        s.Write(Encoding.UTF8.GetBytes(xml));
    }

    private const string Header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

    /// <summary>Writes the workbook, styles, relationships and content types, and closes the file.</summary>
    public void Dispose()
    {
        var ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        var sheets = new StringBuilder();
        var names = new StringBuilder();
        for (int i = 0; i < _sheets.Count; i++)
        {
            var n = SecurityElement(_sheets[i]);
            sheets.Append(CultureInfo.InvariantCulture, $"<sheet name=\"{n}\" sheetId=\"{i + 1}\" r:id=\"rId{i + 1}\"/>");
        }
        foreach (var (sheet, range) in _filters)
        {
            var parts = range.Split(':');
            names.Append(CultureInfo.InvariantCulture, $"<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"{sheet}\" hidden=\"1\">'{SecurityElement(_sheets[sheet].Replace("'", "''", StringComparison.Ordinal))}'!${Split(parts[0])}:${Split(parts[1])}</definedName>");
        }
        Part("xl/workbook.xml", $"{Header}<workbook xmlns=\"{ns}\" xmlns:r=\"{rel}\"><bookViews><workbookView/></bookViews><sheets>{sheets}</sheets>" +
            (names.Length > 0 ? $"<definedNames>{names}</definedNames>" : "") + "</workbook>");
        Part("xl/styles.xml", $"{Header}<styleSheet xmlns=\"{ns}\"><numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy\\-mm\\-dd\"/></numFmts>" +
            "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>" +
            "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>" +
            "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>" +
            "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>" +
            "<cellXfs count=\"3\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/><xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>" +
            "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs>" +
            "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>");
        var rels = new StringBuilder();
        for (int i = 0; i < _sheets.Count; i++)
            rels.Append(CultureInfo.InvariantCulture, $"<Relationship Id=\"rId{i + 1}\" Type=\"{rel}/worksheet\" Target=\"worksheets/sheet{i + 1}.xml\"/>");
        rels.Append(CultureInfo.InvariantCulture, $"<Relationship Id=\"rId{_sheets.Count + 1}\" Type=\"{rel}/styles\" Target=\"styles.xml\"/>");
        Part("xl/_rels/workbook.xml.rels", $"{Header}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">{rels}</Relationships>");
        Part("_rels/.rels", $"{Header}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{rel}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        var types = new StringBuilder();
        for (int i = 0; i < _sheets.Count; i++)
            types.Append(CultureInfo.InvariantCulture, $"<Override PartName=\"/xl/worksheets/sheet{i + 1}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
        Part("[Content_Types].xml", $"{Header}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
            "<Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" +
            $"<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>{types}</Types>");
        _zip.Dispose();
        _file.Dispose();
    }

    /// <summary>A1 → A$1 (the absolute reference of a defined name).</summary>
    private static string Split(string cell)
    {
        int i = 0;
        while (i < cell.Length && char.IsAsciiLetter(cell[i])) i++;
        return cell[..i] + "$" + cell[i..];
    }

    private static string SecurityElement(string s) => System.Security.SecurityElement.Escape(s) ?? "";
}
