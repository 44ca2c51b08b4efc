namespace ReportParser.Batch.IO;

/// <summary>Writes rows of strings; an empty string or null is "no value".</summary>
internal interface ITableWriter : IDisposable
{
    void Write(IReadOnlyList<string?> row);
}
