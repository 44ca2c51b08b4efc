using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;

namespace ReportParser.Cli.Workers;

/// <summary>How to start a worker: the program and the arguments before nothing else.</summary>
/// <param name="FileName">The program.</param>
/// <param name="Arguments">Its arguments, ending with the worker verb.</param>
internal sealed record WorkerCommand(string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>
    /// The running tool, started again through the same host: the single-file executable or the apphost (<c>dotnet
    /// run</c>, the dotnet tool's shim) as itself; under the <c>dotnet</c> host, <c>dotnet ReportParser.Cli.dll</c>; and
    /// when another program hosts the tool's assembly (a test host), <c>dotnet ReportParser.Cli.dll</c> with the dotnet
    /// host of the running runtime.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("SingleFile", "IL3000:Avoid accessing Assembly file path when publishing as a single file",
        Justification = "The empty location is how the single-file executable is recognised.")]
    public static WorkerCommand Current()
    {
        var exe = Environment.ProcessPath ?? throw new WorkerPoolException("the path of the running program is unknown, so no worker can be started; use --no-isolation");
        var dll = typeof(WorkerCommand).Assembly.Location;
        if (dll.Length == 0) return new(exe, [WorkerMain.Verb]);
        if (IsDotnetHost(exe)) return new(exe, [dll, WorkerMain.Verb]);
        if (Assembly.GetEntryAssembly() == typeof(WorkerCommand).Assembly) return new(exe, [WorkerMain.Verb]);
        return new(DotnetHost(), [dll, WorkerMain.Verb]);
    }

    private static bool IsDotnetHost(string path) => string.Equals(Path.GetFileNameWithoutExtension(path), "dotnet", StringComparison.OrdinalIgnoreCase);

    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)) return host;
        // The runtime lives in <root>/shared/Microsoft.NETCore.App/<version>/; the host is <root>/dotnet.
        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var candidate = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return File.Exists(candidate) ? candidate : "dotnet";
    }
}

/// <summary>One worker process: its pipes, the tail of its standard error, and how it ended.</summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task _drain;
    private volatile bool _sawOutOfMemory;
    private volatile bool _sawStackOverflow;

    private WorkerProcess(Process process)
    {
        _process = process;
        _drain = Task.Run(DrainAsync);
    }

    /// <summary>The worker's process id.</summary>
    public int Id => _process.Id;

    public bool HasExited
    {
        get
        {
            try
            {
                return _process.HasExited;
            }
            catch (InvalidOperationException)
            {
                return true;
            }
        }
    }

    /// <summary>Starts a worker and completes its handshake.</summary>
    /// <exception cref="WorkerPoolException">The program cannot be started, or it did not answer the handshake within <paramref name="timeout"/>.</exception>
    public static async Task<WorkerProcess> StartAsync(WorkerCommand command, long heapLimit, byte[] handshake, TimeSpan timeout, CancellationToken cancel)
    {
        var info = new ProcessStartInfo(command.FileName)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, CreateNoWindow = true,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in command.Arguments) info.ArgumentList.Add(a);
        info.Environment["DOTNET_GCHeapHardLimit"] = "0x" + heapLimit.ToString("X", CultureInfo.InvariantCulture);
        info.Environment.Remove("DOTNET_GCHeapHardLimitPercent");
        info.Environment["DOTNET_gcServer"] = "0";
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new WorkerPoolException("the worker process did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new WorkerPoolException($"the worker process cannot be started ({Path.GetFileName(command.FileName)}): {ex.Message}", ex);
        }
        var worker = new WorkerProcess(process);
        try
        {
            await worker.SendAsync(handshake, cancel).ConfigureAwait(false);
            var ready = await worker.ReceiveAsync(timeout, cancel).ConfigureAwait(false);
            if (ready is not [WorkerProtocol.Ready]) throw new WorkerPoolException($"the worker process did not start: {await worker.DescribeEndAsync().ConfigureAwait(false)}");
            return worker;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or TimeoutException)
        {
            worker.Kill();
            worker.Dispose();
            throw ex as WorkerPoolException ?? new WorkerPoolException($"the worker process did not start: {ex.Message}", ex);
        }
    }

    /// <summary>Sends one frame; false when the worker has gone.</summary>
    public async Task<bool> SendAsync(byte[] frame, CancellationToken cancel)
    {
        try
        {
            var stdin = _process.StandardInput.BaseStream;
            await stdin.WriteAsync(frame, cancel).ConfigureAwait(false);
            await stdin.FlushAsync(cancel).ConfigureAwait(false);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }

    /// <summary>The next frame's payload; null when the worker has gone.</summary>
    /// <exception cref="TimeoutException">No frame came within <paramref name="timeout"/> (the worker is still running).</exception>
    public async Task<byte[]?> ReceiveAsync(TimeSpan timeout, CancellationToken cancel)
    {
        var read = WorkerProtocol.ReadFrameAsync(_process.StandardOutput.BaseStream, CancellationToken.None);
        try
        {
            return await read.WaitAsync(timeout, cancel).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            Kill();
            _ = read.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or ObjectDisposedException)
        {
            return null;
        }
    }

    /// <summary>Stops the worker and every process it started.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
        }
    }

    /// <summary>Closes the worker's input, so it ends by itself; kills it when it has not within <paramref name="wait"/>.</summary>
    public async Task StopAsync(TimeSpan wait)
    {
        try
        {
            _process.StandardInput.Close();
            await _process.WaitForExitAsync(new CancellationTokenSource(wait).Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or InvalidOperationException)
        {
            Kill();
        }
    }

    /// <summary>Why a worker that has gone ended, in words without paths: out of memory, stack overflow, a signal, or its exit code.</summary>
    public async Task<string> DescribeEndAsync()
    {
        try
        {
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
            await _drain.WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException or InvalidOperationException)
        {
            Kill();
        }
        return Describe(_sawOutOfMemory, _sawStackOverflow, HasExited ? SafeExitCode() : null);
    }

    internal static string Describe(bool outOfMemory, bool stackOverflow, int? exitCode)
    {
        if (outOfMemory) return "out of memory: the worker process ran past its heap limit (--max-memory)";
        if (stackOverflow) return "stack overflow: the worker process crashed";
        return exitCode switch
        {
            null => "the worker process stopped answering",
            137 => "the worker process was killed (signal 9; the system's out-of-memory killer, or a kill -9)",
            > 128 and < 160 => string.Create(CultureInfo.InvariantCulture, $"the worker process was killed by signal {exitCode - 128}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"the worker process exited with code {exitCode}"),
        };
    }

    private int? SafeExitCode()
    {
        try
        {
            return _process.ExitCode;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Reads the worker's standard error to its end (so the worker never blocks on it), noting the runtime's crash messages.</summary>
    private async Task DrainAsync()
    {
        try
        {
            var err = _process.StandardError;
            while (await err.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                if (line.Contains("OutOfMemoryException", StringComparison.Ordinal) || line.StartsWith("Out of memory", StringComparison.OrdinalIgnoreCase))
                    _sawOutOfMemory = true;
                if (line.StartsWith("Stack overflow", StringComparison.OrdinalIgnoreCase)) _sawStackOverflow = true;
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
        {
        }
    }

    public void Dispose()
    {
        if (!HasExited) Kill();
        _process.Dispose();
    }
}
