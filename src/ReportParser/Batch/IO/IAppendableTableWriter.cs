namespace ReportParser.Batch.IO;

/// <summary>A table writer whose file can be cut back to a written length and continued (CSV, JSONL), as a resumed export needs.</summary>
internal interface IAppendableTableWriter : ITableWriter
{
    /// <summary>Hands every row written so far to the operating system (it survives the process being killed); returns the file's length in bytes.</summary>
    long Flush();
}

/// <summary>Opens a table file to continue it at a length it had, dropping what was written after.</summary>
internal static class AppendableFile
{
    /// <exception cref="IOException">The file is shorter than <paramref name="length"/>, or cannot be opened.</exception>
    public static FileStream OpenAt(string path, long length)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read, 1 << 16);
        long actual = stream.Length;
        if (actual < length)
        {
            stream.Dispose();
            throw new IOException($"{Path.GetFileName(path)} is shorter ({actual} bytes) than the journal says ({length} bytes)");
        }
        stream.SetLength(length);
        stream.Seek(length, SeekOrigin.Begin);
        return stream;
    }
}
