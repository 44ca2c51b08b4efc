using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace ReportParser.Batch.IO;

/// <summary>Reads a CSV table back with CsvHelper's parser; the first record is the header.</summary>
internal sealed class CsvTableReader : ITableReader
{
    private readonly StreamReader _reader;
    private readonly CsvParser _parser;

    public CsvTableReader(string path)
    {
        _reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        _parser = new CsvParser(_reader, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" });
        Columns = _parser.Read() ? _parser.Record! : Array.Empty<string>();
    }

    public IReadOnlyList<string> Columns { get; }

    public IEnumerable<string[]> Rows()
    {
        while (_parser.Read()) yield return _parser.Record!;
    }

    public void Dispose()
    {
        _parser.Dispose();
        _reader.Dispose();
    }
}
