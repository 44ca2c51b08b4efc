using System.Globalization;

namespace ReportParser.Batch;

/// <summary>
/// How <see cref="ReportExporter"/> has each input file parsed: in its own process (<see cref="InProcess"/>, the
/// default), or elsewhere — the console tool runs a pool of worker processes with a heap cap each, and kills the worker
/// of a file that runs past the time limit. The exporter calls <see cref="ParseAsync"/> up to
/// <see cref="ExportOptions.Jobs"/> times at once and writes the results in input order.
/// </summary>
public abstract class FileParseRunner
{
    /// <summary>Parses on a thread pool thread of this process, as <see cref="ParsedFile.Parse"/> does. Over <see cref="ExportOptions.TimeLimit"/>
    /// the file is listed <see cref="ReportStatus.Timeout"/> and abandoned, but its parse keeps its thread until it ends (.NET cannot abort a thread).</summary>
    public static FileParseRunner InProcess { get; } = new InProcessRunner();

    /// <summary>Parses one file whose <see cref="InputFile.Status"/> is not set. Must not throw for a bad file: list it with a status instead.</summary>
    /// <param name="file">The file.</param>
    /// <param name="options">The export's options.</param>
    /// <param name="cancellationToken">Stops the parse; the exporter then abandons the run.</param>
    /// <returns>The file's rows.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="IOException">The runner itself failed (a worker pool that cannot start); the export stops.</exception>
    public abstract Task<ParsedFile> ParseAsync(InputFile file, ExportOptions options, CancellationToken cancellationToken);

    /// <summary>The <c>reason</c> of a file over the time limit.</summary>
    /// <param name="limit">The time limit.</param>
    /// <returns><c>time limit: parsing took longer than 60 s</c>.</returns>
    public static string TimeLimitReason(TimeSpan limit)
        => string.Create(CultureInfo.InvariantCulture, $"time limit: parsing took longer than {limit.TotalSeconds:0.###} s");

    private sealed class InProcessRunner : FileParseRunner
    {
        public override async Task<ParsedFile> ParseAsync(InputFile file, ExportOptions options, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(file);
            ArgumentNullException.ThrowIfNull(options);
            var work = Task.Run(() => ParsedFile.Parse(file, options, cancellationToken), cancellationToken);
            try
            {
                return await work.WaitAsync(options.TimeLimit, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                _ = work.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
                return ParsedFile.Failed(file, ReportStatus.Timeout, TimeLimitReason(options.TimeLimit));
            }
            catch (OutOfMemoryException)
            {
                return ParsedFile.Failed(file, ReportStatus.Crashed, "out of memory while parsing");
            }
        }
    }
}
