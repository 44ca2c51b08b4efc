namespace ReportParser;

/// <summary>How serious a <see cref="Diagnostic"/> is.</summary>
public enum Severity
{
    /// <summary>The parser recovered from a deviation (an encoding fallback, a placeholder read as not stated).</summary>
    Info = 0,

    /// <summary>The document deviates from the template or its figures are inconsistent.</summary>
    Warning = 1,

    /// <summary>A required part or value could not be determined.</summary>
    Error = 2,
}

/// <summary>What a <see cref="Diagnostic"/> is about: reading the document and checking its figures, or the evaluators' quality checks.</summary>
public enum DiagnosticCategory
{
    /// <summary>Input, sections, tables and the consistency rules (RP1xxx–RP4xxx).</summary>
    Document = 0,

    /// <summary>
    /// The checks of those who grade the reports (timeliness, completeness, repetition, substance; RP5xxx): never errors,
    /// and never about whether a value was read right. See docs/quality-checks.md.
    /// </summary>
    Quality = 1,
}
