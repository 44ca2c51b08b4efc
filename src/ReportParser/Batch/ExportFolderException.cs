namespace ReportParser.Batch;

/// <summary>
/// Thrown by <see cref="ReportExporter.ExportAsync"/> before any file is parsed when the output folder cannot be used as asked:
/// it holds another run's outputs (and neither <see cref="ExportOptions.Overwrite"/> nor <see cref="ExportOptions.Resume"/> is set),
/// or <see cref="ExportOptions.Resume"/> finds a run with other inputs, options or tool version, a damaged journal, or a finished run.
/// </summary>
public sealed class ExportFolderException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ExportFolderException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ExportFolderException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    public ExportFolderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
