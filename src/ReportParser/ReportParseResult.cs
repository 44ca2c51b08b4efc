using System.Globalization;

namespace ReportParser;

/// <summary>The outcome of a parse: the report (never null) and every diagnostic, in the order found.</summary>
public sealed class ReportParseResult
{
    internal ReportParseResult(string source, AnnualReport report, IReadOnlyList<Diagnostic> diagnostics)
    {
        Source = source;
        Report = report;
        Diagnostics = diagnostics;
        Classified = Classify();
    }

    /// <summary>The source's name (the path for files).</summary>
    public string Source { get; }

    /// <summary>The report; parts that could not be read are null and diagnosed.</summary>
    public AnnualReport Report { get; }

    /// <summary>Every finding, errors, warnings and infos.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>True when any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);

    /// <summary>
    /// What became of the document as a whole, decided from the diagnostics: <see cref="ReportStatus.Unreadable"/> when an
    /// input-stage error (corrupt, encrypted or scanned PDF, unsupported format, over a limit) left no table to read;
    /// <see cref="ReportStatus.NotAReport"/> when the content is empty, binary or no report; <see cref="ReportStatus.ParsedWithErrors"/>
    /// when some error diagnostic remains; otherwise <see cref="ReportStatus.Parsed"/>.
    /// </summary>
    public ReportStatus Status => Classified.Status;

    /// <summary>Why the document has its <see cref="Status"/>, quoting the deciding diagnostic (<c>RP2015 no report title, …</c>); null for <see cref="ReportStatus.Parsed"/>.</summary>
    public string? StatusReason => Classified.Reason;

    private (ReportStatus Status, string? Reason) Classified { get; }

    private (ReportStatus Status, string? Reason) Classify()
    {
        bool hasTables = Report.Tables.Any();
        Diagnostic? notAReport = null, firstError = null;
        int errors = 0;
        foreach (var d in Diagnostics)
        {
            if (d.Severity != Severity.Error) continue;
            errors++;
            firstError ??= d;
            if (!hasTables && d.Code is DiagnosticCode.Unreadable or DiagnosticCode.UnsupportedFormat or DiagnosticCode.LimitExceeded
                    or DiagnosticCode.NoTextLayer or DiagnosticCode.PdfEncrypted)
                return (ReportStatus.Unreadable, $"{d.CodeText} {d.Message}");
            if (notAReport is null && d.Code is DiagnosticCode.EmptyInput or DiagnosticCode.BinaryInput or DiagnosticCode.NotAReport) notAReport = d;
        }
        if (notAReport is { } n) return (ReportStatus.NotAReport, $"{n.CodeText} {n.Message}");
        if (firstError is { } f)
            return (ReportStatus.ParsedWithErrors, string.Create(CultureInfo.InvariantCulture, $"{errors} error(s); first: {f.CodeText} {f.Message}"));
        return (ReportStatus.Parsed, null);
    }

    /// <summary>Throws when any diagnostic is an error: the strict opt-in.</summary>
    /// <exception cref="ReportParseException">The document has error diagnostics.</exception>
    public ReportParseResult ThrowIfErrors()
    {
        if (HasErrors) throw new ReportParseException(Source, Diagnostics.Where(d => d.Severity == Severity.Error).ToList());
        return this;
    }
}

/// <summary>Thrown by <see cref="ReportParseResult.ThrowIfErrors"/> only.</summary>
public sealed class ReportParseException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ReportParseException(string source, IReadOnlyList<Diagnostic> errors)
        : base($"{source}: {errors.Count} error(s); first: {errors[0]}")
    {
        Errors = errors;
    }

    /// <summary>The error diagnostics.</summary>
    public IReadOnlyList<Diagnostic> Errors { get; }
}

/// <summary>What became of one input document; the words of the <c>status</c> column of an export's files table are given by <see cref="ReportStatusText.ToText"/>.</summary>
public enum ReportStatus
{
    /// <summary><c>parsed</c>: read with no error diagnostic.</summary>
    Parsed,

    /// <summary><c>parsed-with-errors</c>: read, but some error diagnostic remains (e.g. a table not found).</summary>
    ParsedWithErrors,

    /// <summary><c>not-a-report</c>: empty, binary, or no report title, heading or table.</summary>
    NotAReport,

    /// <summary><c>unreadable</c>: the file could not be read, or an input-stage error left nothing to read.</summary>
    Unreadable,

    /// <summary><c>timeout</c>: a batch abandoned the file when it ran past the batch's time limit (never returned by <see cref="Report.Parse(ReportSource, ReportParserOptions?, CancellationToken)"/>).</summary>
    Timeout,

    /// <summary><c>crashed</c>: parsing the file killed the worker process that read it (out of memory, stack overflow, a crash); never returned by a parse.</summary>
    Crashed,
}

/// <summary>The printed words of <see cref="ReportStatus"/>.</summary>
public static class ReportStatusText
{
    /// <summary>Every status word, in the order of <see cref="ReportStatus"/>: <c>parsed</c>, <c>parsed-with-errors</c>, <c>not-a-report</c>, <c>unreadable</c>, <c>timeout</c>, <c>crashed</c>.</summary>
    public static IReadOnlyList<string> All { get; } = ["parsed", "parsed-with-errors", "not-a-report", "unreadable", "timeout", "crashed"];

    /// <summary>The status as written in the files table: <c>parsed</c>, <c>parsed-with-errors</c>, <c>not-a-report</c>, <c>unreadable</c>, <c>timeout</c> or <c>crashed</c>.</summary>
    public static string ToText(this ReportStatus status) => status switch
    {
        ReportStatus.Parsed => "parsed",
        ReportStatus.ParsedWithErrors => "parsed-with-errors",
        ReportStatus.NotAReport => "not-a-report",
        ReportStatus.Timeout => "timeout",
        ReportStatus.Crashed => "crashed",
        _ => "unreadable",
    };

    /// <summary>Reads a status word back; false when <paramref name="text"/> is not one of <see cref="All"/>.</summary>
    public static bool TryParse(string? text, out ReportStatus status)
    {
        for (int i = 0; i < All.Count; i++)
        {
            if (string.Equals(All[i], text, StringComparison.Ordinal))
            {
                status = (ReportStatus)i;
                return true;
            }
        }
        status = ReportStatus.Unreadable;
        return false;
    }
}
