namespace ReportParser.Batch.IO;

/// <summary>
/// The OWASP defence against CSV (formula) injection for files meant for Excel and LibreOffice Calc: a text field that
/// starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return gets a leading <c>'</c>, so the
/// spreadsheet shows it as text instead of evaluating it. Applied to text columns only (a negative number stays a
/// number), in CSV with <c>--excel-bom</c> and always in xlsx; plain CSV, JSONL and Parquet keep the text as it is.
/// </summary>
internal static class ExcelSafeText
{
    /// <summary>True when the text starts with a character a spreadsheet may read as a formula.</summary>
    public static bool NeedsPrefix(string? text) => text is { Length: > 0 } && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>The text with the <c>'</c> prefix when it needs it, otherwise the text itself.</summary>
    public static string? Escape(string? text) => NeedsPrefix(text) ? "'" + text : text;
}
