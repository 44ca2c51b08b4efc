using System.Runtime.InteropServices;

namespace ReportParser.Cli.Commands;

/// <summary>
/// While <c>export</c> or <c>merge</c> runs, SIGTERM (a cluster preempting the job, <c>docker stop</c>, Slurm's
/// <c>--signal</c>) and SIGINT (Ctrl+C) cancel <see cref="Token"/> instead of ending the process, so the run stops
/// between files with its journal consistent and exits 3. System.CommandLine's own handling did not see SIGTERM (the
/// process ended at once with 143, its tables cut wherever the kill fell).
/// </summary>
internal sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly PosixSignalRegistration? _term;
    private readonly PosixSignalRegistration? _interrupt;

    public StopSignals(CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _term = Register(PosixSignal.SIGTERM);
        _interrupt = Register(PosixSignal.SIGINT);
    }

    /// <summary>Cancelled by the verb's own token or by a stop signal.</summary>
    public CancellationToken Token => _stop.Token;

    private PosixSignalRegistration? Register(PosixSignal signal)
    {
        try
        {
            return PosixSignalRegistration.Create(signal, c =>
            {
                c.Cancel = true;
                _stop.Cancel();
            });
        }
        catch (PlatformNotSupportedException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        _term?.Dispose();
        _interrupt?.Dispose();
        _stop.Dispose();
    }
}
