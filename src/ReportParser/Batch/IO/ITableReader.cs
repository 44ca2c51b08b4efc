namespace ReportParser.Batch.IO;

/// <summary>Reads rows back, in file order, with <see cref="Columns"/> as written.</summary>
internal interface ITableReader : IDisposable
{
    IReadOnlyList<string> Columns { get; }

    IEnumerable<string[]> Rows();
}
