namespace ReportParser.Batch;

/// <summary>Thrown by <see cref="ReportExporter.MergeAsync(MergeOptions, CancellationToken)"/> when the folders cannot be merged: not an export folder, a table missing or damaged, shards that overlap, or written by another version.</summary>
public sealed class ShardMergeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ShardMergeException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ShardMergeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    public ShardMergeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
