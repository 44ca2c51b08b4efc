using System.Globalization;
using ReportParser.Diagnostics;
using ReportParser.Input;
using ReportParser.Tables;

namespace ReportParser.Pipeline;

/// <summary>
/// Checks every table cell read by OCR against the template's equations (the report's own rules): no OCR
/// digit is exported wrong without a flag. A cell's equations are found by perturbing it: the rules whose
/// findings change when the cell's value changes. Then, for each cell:
/// <list type="bullet">
/// <item>every equation it takes part in holds, and at least one does → confirmed (<see cref="CellMethod.Ocr"/>);</item>
/// <item>an equation it takes part in is broken, or it takes part in none and has an uncertain character →
/// when exactly one reading among its uncertain characters' alternatives makes all of them hold, that reading
/// (<see cref="CellMethod.OcrCorrected"/>, <see cref="DiagnosticCode.OcrCellCorrected"/>); otherwise, unless a
/// holding equation confirms a certain reading, not stated (<see cref="DiagnosticCode.OcrCellUnconfirmed"/>, with its candidates);</item>
/// <item>a certain cell in no equation keeps its reading.</item>
/// </list>
/// </summary>
internal sealed class OcrVerification
{
    /// <summary>At most this many uncertain characters of one cell are varied (the rest keep their reading).</summary>
    private const int MaxVaried = 3;

    private readonly IReadOnlyList<IReportRule> _rules;
    private readonly double _threshold;
    private readonly DiagnosticBag _bag;

    /// <summary>Table rows (page, table, grid row) on which the table stage reported a problem (a value count that does not match the columns, a label with stray text): their OCR cells are not trusted on their own.</summary>
    private readonly HashSet<(int?, int?, int?)> _troubledRows;

    private OcrVerification(IReadOnlyList<IReportRule> rules, double threshold, DiagnosticBag bag)
    {
        _rules = rules;
        _threshold = threshold;
        _bag = bag;
        _troubledRows = bag.Items.Where(d => d.Severity != Severity.Info && d.Location.GridRow is not null)
            .Select(d => (d.Location.Page, d.Location.Table, d.Location.GridRow)).ToHashSet();
    }

    /// <summary>The report with its OCR cells marked, corrected or set to not stated.</summary>
    public static AnnualReport Verify(AnnualReport report, IReadOnlyDictionary<OcrCellKey, OcrCellReading> readings, ReportParserOptions options, DiagnosticBag bag)
    {
        if (readings.Count == 0) return report;
        var verifier = new OcrVerification(options.Rules ?? Validation.ReportRules.Default, options.OcrMinConfidence, bag);
        return verifier.Run(report, readings);
    }

    private AnnualReport Run(AnnualReport report, IReadOnlyDictionary<OcrCellKey, OcrCellReading> readings)
    {
        var cells = new Dictionary<string, (ReportCell Cell, OcrCellReading Reading)>();
        var marked = new Dictionary<string, ReportCell>();
        foreach (var c in report.Tables.SelectMany(t => t.Cells))
        {
            if (OcrCellKey.Of(c.Location) is not { } key || !readings.TryGetValue(key, out var reading)) continue;
            var cell = c with { Reading = CellMethod.Ocr, Confidence = Math.Round(reading.Confidence, 4) };
            marked[c.Key] = cell;
            if (cell.Value is not null) cells[c.Key] = (cell, reading);
        }
        report = ReportEditing.Replace(report, marked);
        // Corrections first, one at a time (each changes the equations of the others).
        for (int round = 0; round < 20; round++)
        {
            if (!CorrectOne(ref report, cells)) break;
        }
        var unconfirmed = new Dictionary<string, ReportCell>();
        var broken = Broken(report);
        foreach (var (key, (cell, reading)) in cells)
        {
            if (cell.Reading == CellMethod.OcrCorrected) continue;
            var (confirmedBy, brokenWith) = Equations(report, cell, broken);
            bool uncertain = IsUncertain(cell, reading);
            bool keep = brokenWith.Count == 0 ? confirmedBy.Count > 0 || !uncertain : confirmedBy.Count > 0 && !uncertain;
            if (keep) continue;
            unconfirmed[key] = cell with { Value = null };
            var why = brokenWith.Count > 0
                ? $"it takes part in {brokenWith.Count} broken equation(s) ({string.Join(", ", brokenWith)}) and {(confirmedBy.Count > 0 ? "its reading is uncertain" : "no other confirms it")}"
                : $"no equation of the template checks it and {(reading.Words > 1 ? $"it was read as {reading.Words} words (a ruling line between cells may be missing)" : "its reading is uncertain")}";
            _bag.Warning(DiagnosticCode.OcrCellUnconfirmed, cell.Location,
                $"{cell.Key} read by OCR as '{cell.Raw}' (confidence {N(reading.Confidence)}): {why}; not stated; candidates: {string.Join(", ", Candidates(reading).Select(c => N(c)).Prepend(N(cell.Value!.Value)).Distinct())}",
                cell.Raw);
        }
        return ReportEditing.Replace(report, unconfirmed);
    }

    /// <summary>Applies the first correction found; false when there is none.</summary>
    private bool CorrectOne(ref AnnualReport report, Dictionary<string, (ReportCell Cell, OcrCellReading Reading)> cells)
    {
        var broken = Broken(report);
        foreach (var (key, (cell, reading)) in cells)
        {
            if (cell.Reading == CellMethod.OcrCorrected || reading.Words > 1 || !HasUncertainDigit(reading)) continue;
            var (confirmedBy, brokenWith) = Equations(report, cell, broken);
            if (brokenWith.Count == 0 && (confirmedBy.Count > 0 || !IsUncertain(cell, reading))) continue;
            var fits = new List<decimal>();
            foreach (var candidate in Candidates(reading))
            {
                if (candidate == cell.Value) continue;
                var trial = ReportEditing.Replace(report, new Dictionary<string, ReportCell> { [key] = cell with { Value = candidate } });
                var after = Broken(trial);
                // Every equation the cell takes part in holds, and nothing else breaks; at least one equation checks it.
                if (after.Keys.All(broken.ContainsKey) && !brokenWith.Any(after.ContainsKey) && Equations(trial, cell with { Value = candidate }, after).ConfirmedBy.Count > 0)
                    fits.Add(candidate);
            }
            if (fits.Count != 1) continue;
            var fixedCell = cell with { Value = fits[0], Reading = CellMethod.OcrCorrected };
            cells[key] = (fixedCell, reading);
            report = ReportEditing.Replace(report, new Dictionary<string, ReportCell> { [key] = fixedCell });
            _bag.Warning(DiagnosticCode.OcrCellCorrected, cell.Location,
                $"{cell.Key} read by OCR as '{cell.Raw}' (confidence {N(reading.Confidence)}) breaks {(brokenWith.Count > 0 ? string.Join(", ", brokenWith) : "no equation but is uncertain")}; corrected to {N(fits[0])}, the only reading among the alternatives ({string.Join(", ", Candidates(reading).Select(c => N(c)).Distinct())}) that makes every equation hold",
                cell.Raw);
            return true;
        }
        return false;
    }

    private bool IsUncertain(ReportCell cell, OcrCellReading reading)
        => reading.Confidence < _threshold || reading.Words > 1 || ValueParser.Parse(Text(reading)).AsNullable != cell.Value
            || _troubledRows.Contains((cell.Location.Page, cell.Location.Table, cell.Location.GridRow));

    private bool HasUncertainDigit(OcrCellReading reading) => reading.Characters.Any(c => c.Confidence < _threshold);

    private static string Text(OcrCellReading reading) => new(reading.Characters.Select(c => c.Value).ToArray());

    /// <summary>The values the cell's characters can be read as: each of its (at most three) least certain characters replaced by itself or a digit alternative.</summary>
    private IEnumerable<decimal> Candidates(OcrCellReading reading)
    {
        var chars = reading.Characters;
        var varied = Enumerable.Range(0, chars.Count).Where(i => chars[i].Confidence < _threshold)
            .OrderBy(i => chars[i].Confidence).Take(MaxVaried).ToList();
        var options = varied.Select(i => new[] { chars[i].Value }.Concat(chars[i].Alternatives.Select(a => a.Value).Where(char.IsAsciiDigit)).Distinct().ToArray()).ToList();
        var seen = new HashSet<decimal>();
        var text = chars.Select(c => c.Value).ToArray();
        foreach (var combination in Combinations(options))
        {
            for (int k = 0; k < varied.Count; k++) text[varied[k]] = combination[k];
            if (ValueParser.Parse(new string(text)).AsNullable is decimal v && seen.Add(v)) yield return v;
        }
    }

    private static IEnumerable<char[]> Combinations(List<char[]> options)
    {
        var index = new int[options.Count];
        while (true)
        {
            yield return options.Select((o, k) => o[index[k]]).ToArray();
            int k2 = options.Count - 1;
            while (k2 >= 0 && ++index[k2] == options[k2].Length)
            {
                index[k2] = 0;
                k2--;
            }
            if (k2 < 0) yield break;
        }
    }

    /// <summary>The equations (broken-rule findings) that hold and would break when the cell changes, and the broken ones whose finding changes with it.</summary>
    private (List<string> ConfirmedBy, List<string> BrokenWith) Equations(AnnualReport report, ReportCell cell, Dictionary<string, string> broken)
    {
        var perturbed = ReportEditing.Replace(report, new Dictionary<string, ReportCell> { [cell.Key] = cell with { Value = cell.Value + 1 } });
        var after = Broken(perturbed);
        var confirmedBy = after.Keys.Where(k => !broken.ContainsKey(k)).ToList();
        var brokenWith = broken.Where(b => !after.TryGetValue(b.Key, out var m) || m != b.Value).Select(b => b.Key).ToList();
        return (confirmedBy, brokenWith);
    }

    /// <summary>The broken-rule findings of the report, keyed by rule and location, with their messages.</summary>
    private Dictionary<string, string> Broken(AnnualReport report)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        var context = new RuleContext(d =>
        {
            if (d.Severity != Severity.Warning || d.Rule is null) return;
            var key = $"{d.Rule} at {d.Location}";
            found[key] = found.TryGetValue(key, out var m) ? m + "\n" + d.Message : d.Message;
        });
        foreach (var rule in _rules)
        {
            try
            {
                rule.Check(report, context);
            }
            catch (Exception ex) when (ex is not (OutOfMemoryException or OperationCanceledException))
            {
                // The validate step reports a failing rule.
            }
        }
        return found;
    }

    private static string N(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

    private static string N(decimal v) => v.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Rebuilds a report with some cells replaced (by key).</summary>
internal static class ReportEditing
{
    public static AnnualReport Replace(AnnualReport report, IReadOnlyDictionary<string, ReportCell> cells)
    {
        if (cells.Count == 0) return report;
        return new AnnualReport(report.Metadata, report.Preamble, report.Sections,
            report.ProactiveDisclosure is { } p ? new ProactiveDisclosureTable(p.Template, Rows(p, cells), p.Location) : null,
            report.Requests is { } r ? new RequestsTable(r.Template, Rows(r, cells), r.Location) : null,
            report.ReviewLitigation is { } v ? new ReviewLitigationTable(v.Template, Rows(v, cells), v.Location) : null);
    }

    private static List<ReportRow> Rows(ReportTable table, IReadOnlyDictionary<string, ReportCell> cells)
        => table.Rows.Select(row => row with { Cells = row.Cells.Select(c => cells.TryGetValue(c.Key, out var n) ? n : c).ToList() }).ToList();
}
