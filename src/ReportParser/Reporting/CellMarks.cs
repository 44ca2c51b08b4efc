using System.Globalization;
using ReportParser.Template;

namespace ReportParser.Reporting;

/// <summary>A footnote of a report's detail: one diagnostic, with the equation of its rule when the cells show it.</summary>
internal sealed class Note(DiagnosticEntry diagnostic, int order)
{
    public DiagnosticEntry Diagnostic { get; } = diagnostic;

    /// <summary>The diagnostic's position among the file's diagnostics; footnotes are numbered in this order.</summary>
    public int Order { get; } = order;

    public int Number { get; set; }

    public Equation? Equation { get; init; }

    public (decimal Left, decimal Right) Sums { get; init; }
}

/// <summary>
/// What a report's detail highlights, cell by cell, all of it read from the tables: the cells of each broken rule (the total in
/// red, the cells it sums outlined), cells split from a fused run, carry-over breaks, OCR-corrected cells and cells not stated.
/// </summary>
internal sealed partial class CellMarks
{
    public const string Break = "brk";
    public const string Term = "term";
    public const string Fused = "fused";
    public const string Carry = "carry";
    public const string Ocr = "ocr";
    public const string NotStated = "ns";

    private static readonly string[] EquationRules = [Equations.RowTotal, Equations.OutcomeTotal, Equations.Balance, Equations.GroupTotal];

    private readonly Dictionary<string, SortedSet<string>> _classes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Note>> _notes = new(StringComparer.Ordinal);
    private readonly HashSet<(string Key, Note Note)> _terms = new();

    public List<Note> Notes { get; } = new();

    public IReadOnlyDictionary<string, CellEntry> Cells { get; }

    private CellMarks(IReadOnlyDictionary<string, CellEntry> cells) => Cells = cells;

    public IEnumerable<string> ClassesOf(string key) => _classes.TryGetValue(key, out var s) ? s : Enumerable.Empty<string>();

    public IReadOnlyList<Note> NotesOf(string key) => _notes.TryGetValue(key, out var l) ? l : (IReadOnlyList<Note>)Array.Empty<Note>();

    /// <summary>True when the cell is only a term of the note's equation (its message is told in full on the total).</summary>
    public bool IsTermOnly(string key, Note note) => _terms.Contains((key, note));

    public static CellMarks For(ExportData data, FileEntry file, IReadOnlyList<CellEntry> cellList)
    {
        var cells = new Dictionary<string, CellEntry>(StringComparer.Ordinal);
        foreach (var c in cellList) cells.TryAdd(c.Key, c);
        var marks = new CellMarks(cells);
        var diags = data.DiagnosticsOf(file.File);
        marks.MarkEquations(cellList, diags);
        marks.MarkNonNegative(diags);
        marks.MarkFused(diags);
        marks.MarkCarryOver(data, file, diags);
        foreach (var c in cellList)
        {
            if (c.ValueText.Length == 0) marks.Add(c.Key, NotStated);
            if (c.Method == "ocr-corrected") marks.Add(c.Key, Ocr);
        }
        marks.Notes.Sort((a, b) => a.Order.CompareTo(b.Order));
        for (int i = 0; i < marks.Notes.Count; i++) marks.Notes[i].Number = i + 1;
        return marks;
    }

    private void Add(string key, string cls, Note? note = null)
    {
        if (!_classes.TryGetValue(key, out var set)) _classes[key] = set = new SortedSet<string>(StringComparer.Ordinal);
        set.Add(cls);
        if (note is null) return;
        if (!_notes.TryGetValue(key, out var list)) _notes[key] = list = new List<Note>();
        if (!list.Contains(note)) list.Add(note);
    }

    /// <summary>Pairs each rule's broken equations with its diagnostics, in order; a diagnostic is only drawn when its equation is broken in the cells.</summary>
    private void MarkEquations(IReadOnlyList<CellEntry> cellList, IReadOnlyList<DiagnosticEntry> diags)
    {
        var rows = cellList.Where(c => c.Key.StartsWith(TemplateSchema.Requests + ".", StringComparison.Ordinal))
            .Select(c => c.Key[(TemplateSchema.Requests.Length + 1)..c.Key.LastIndexOf('.')]).Distinct(StringComparer.Ordinal).ToList();
        var broken = Equations.Of(Cells, rows).Select(e => (Equation: e, Sums: e.Sums(Cells))).Where(e => e.Sums is { } s && s.Left != s.Right).ToList();
        foreach (var rule in EquationRules)
        {
            var ofRule = broken.Where(e => e.Equation.Rule == rule).ToList();
            var found = diags.Select((d, i) => (d, i)).Where(x => x.d.IsRuleBreak && x.d.Rule == rule).ToList();
            for (int k = 0; k < found.Count; k++)
            {
                if (k >= ofRule.Count)
                {
                    Notes.Add(new Note(found[k].d, found[k].i));
                    continue;
                }
                var note = new Note(found[k].d, found[k].i) { Equation = ofRule[k].Equation, Sums = ofRule[k].Sums!.Value };
                Notes.Add(note);
                foreach (var key in ofRule[k].Equation.Left)
                {
                    Add(key, Term, note);
                    _terms.Add((key, note));
                }
                foreach (var key in ofRule[k].Equation.Right) Add(key, Break, note);
            }
        }
    }

    /// <summary><c>Values.NonNegative</c> names its cell first in the message (<c>Requests.Granted.Total is -3: …</c>).</summary>
    private void MarkNonNegative(IReadOnlyList<DiagnosticEntry> diags)
    {
        for (int i = 0; i < diags.Count; i++)
        {
            var d = diags[i];
            if (d.Rule != Equations.NonNegative || !d.IsRuleBreak) continue;
            var note = new Note(d, i);
            Notes.Add(note);
            int at = d.Message.IndexOf(" is ", StringComparison.Ordinal);
            if (at > 0 && Cells.TryGetValue(d.Message[..at], out var cell) && Equations.NonNegativeBreak(cell) is not null) Add(cell.Key, Break, note);
        }
    }

    /// <summary>Cells of a fused run are on the run's line: recovered cells (RP3020) are marked split; an ambiguous run (RP3021) notes its cells left not stated.</summary>
    private void MarkFused(IReadOnlyList<DiagnosticEntry> diags)
    {
        for (int i = 0; i < diags.Count; i++)
        {
            var d = diags[i];
            bool recovered = d.Code == "RP3020";
            if (!(recovered || d.Code == "RP3021") || d.Line is not int line) continue;
            var note = new Note(d, i);
            Notes.Add(note);
            var row = FusedRow().Match(d.Message) is { Success: true } m ? m.Groups[1].Value : null;
            foreach (var c in Cells.Values.Where(c => c.Line == line && (d.Page is null || c.Page == d.Page) && (row is null || RowOf(c.Key) == row)))
            {
                if (recovered && c.ValueText.Length > 0) Add(c.Key, Fused, note);
                else if (!recovered && c.ValueText.Length == 0) Add(c.Key, NotStated, note);
            }
        }
    }

    /// <summary>RP4006: the columns where 二、上年结转 differs from the previous year's 四、结转下年度继续办理 of the same agency.</summary>
    private void MarkCarryOver(ExportData data, FileEntry file, IReadOnlyList<DiagnosticEntry> diags)
    {
        int at = diags.ToList().FindIndex(d => d.Code == "RP4006");
        if (at < 0 || !data.Reports.TryGetValue(file.File, out var report) || report.Year is not int year) return;
        var note = new Note(diags[at], at);
        Notes.Add(note);
        var previous = data.Files.Select(f => data.Reports.GetValueOrDefault(f.File))
            .FirstOrDefault(r => r is not null && r.Year == year - 1 && Same(r.Agency, report.Agency));
        if (previous is null) return;
        var columns = TemplateSchema.RequestColumns;
        for (int c = 0; c < columns.Count && c < report.CarriedOver.Length; c++)
        {
            if (report.CarriedOver[c] is decimal now && previous.CarriedForward[c] is decimal then && now != then)
                Add($"{TemplateSchema.Requests}.CarriedOver.{columns[c].Key}", Carry, note);
        }
    }

    /// <summary>The row key a fused-run diagnostic names: <c>row 规章 (Regulations): …</c>.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^row [^:]*\(([A-Za-z.]+)\):")]
    private static partial System.Text.RegularExpressions.Regex FusedRow();

    private static string? RowOf(string key) => TemplateSchema.TryGetCell(key, out var def) ? def.Row.Key : null;

    private static bool Same(string? a, string? b)
    {
        static string N(string? s) => new((s ?? "").Where(ch => !char.IsWhiteSpace(ch)).ToArray());
        return N(a).Length > 0 && N(a) == N(b);
    }

    /// <summary>The label of a cell key in the template's words: row, then column.</summary>
    public static (string Row, string Column) Labels(string key)
    {
        if (!TemplateSchema.TryGetCell(key, out var def)) return (key, "");
        var row = def.Row.Label.Length == 0 ? "" : $"{NumberText(def.Row.Number)}{ShortLabel(def.Row.Label)}";
        if (def.Row.Group is { } g) row = $"{g} {row}";
        var column = def.Column.Label;
        int dot = def.Column.Key.LastIndexOf('.');
        if (dot > 0) column = $"{GroupLabel(def.Column.Key[..dot])} {column}";
        return (row, column);
    }

    public static string GroupLabel(string group) => group switch
    {
        "Review" => "行政复议",
        "Litigation.Direct" => "行政诉讼 未经复议直接起诉",
        "Litigation.AfterReview" => "行政诉讼 复议后起诉",
        _ => group,
    };

    /// <summary>The enumerator as the template prints it before a label: 一、 （一） 1.</summary>
    public static string NumberText(string? number) => number switch
    {
        null or "" => "",
        _ when number.StartsWith('（') => number,
        _ when char.IsAsciiDigit(number[0]) => number + ".",
        _ => number + "、",
    };

    private static string ShortLabel(string label)
    {
        int paren = label.IndexOf('（', StringComparison.Ordinal);
        return paren > 0 ? label[..paren] : label;
    }

    public static string Format(decimal v) => v.ToString(CultureInfo.InvariantCulture);
}
