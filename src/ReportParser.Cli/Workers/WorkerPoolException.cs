namespace ReportParser.Cli.Workers;

/// <summary>No worker process can be started (the program cannot be run, or it does not answer its handshake): the run cannot go on.</summary>
internal sealed class WorkerPoolException : IOException
{
    public WorkerPoolException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
