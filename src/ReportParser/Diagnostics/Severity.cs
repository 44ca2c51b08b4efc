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
