using System.Globalization;

using ReportParser.Batch;

namespace ReportParser.Cli.Output;

/// <summary>The table printed at the end of export and merge: files by status, top diagnostic codes, time and outputs.</summary>
internal static class Summary
{
    public static void Write(TextWriter output, ExportSummary t, string outDir, string verb)
    {
        var inv = CultureInfo.InvariantCulture;
        double seconds = Math.Max(t.Elapsed.TotalSeconds, 1e-3);
        output.WriteLine(string.Create(inv, $"{verb} {t.Files:N0} file(s) in {Progress.Format(t.Elapsed)} ({t.Files / seconds:N0} files/s) -> {outDir}"));
        output.WriteLine();
        output.WriteLine("  status               files");
        foreach (var s in Enum.GetValues<ReportStatus>())
        {
            output.WriteLine(string.Create(inv, $"  {s.ToText(),-18} {t.ByStatus.GetValueOrDefault(s),8:N0}"));
        }
        output.WriteLine(string.Create(inv, $"  {"total",-18} {t.Files,8:N0}"));
        output.WriteLine();
        output.WriteLine(string.Create(inv, $"  reports {t.Reports:N0}, cells {t.Cells:N0}, diagnostics {t.DiagnosticRows:N0} (cross-report {t.CrossReportFindings:N0})"));
        if (t.ByCode.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("  top diagnostic codes   count");
            foreach (var (code, n) in t.ByCode.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(10))
            {
                output.WriteLine(string.Create(inv, $"  {code,-8} {Describe(code),-28} {n,8:N0}"));
            }
        }
    }

    /// <summary>The description of a printed code (<c>RP4001</c>), cut to 28 characters; empty for an unknown code.</summary>
    internal static string Describe(string code)
    {
        if (code.Length > 2 && int.TryParse(code.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && Enum.IsDefined(typeof(DiagnosticCode), n))
        {
            var name = ((DiagnosticCode)n).ToString();
            var field = typeof(DiagnosticCode).GetField(name);
            var attr = field is null ? null : (System.ComponentModel.DescriptionAttribute?)Attribute.GetCustomAttribute(field, typeof(System.ComponentModel.DescriptionAttribute));
            var text = attr?.Description ?? name;
            return text.Length > 28 ? text[..27] + "…" : text;
        }
        return "";
    }
}
