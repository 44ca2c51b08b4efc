using System.Diagnostics;
using System.Text;
using ReportParser.Diagnostics;

namespace ReportParser.Input.Office;

/// <summary>The outcome of one conversion: the converted bytes, or an error for a diagnostic.</summary>
internal sealed record ConversionResult(byte[]? Output, DiagnosticCode ErrorCode, string? Error)
{
    public static ConversionResult Ok(byte[] output) => new(output, default, null);

    public static ConversionResult Fail(DiagnosticCode code, string error) => new(null, code, error);
}

/// <summary>Converts a document from one office format to another (DOC → DOCX, ODS → XLSX …).</summary>
internal interface IDocumentConverter
{
    /// <summary>Converts <paramref name="input"/> (a file with <paramref name="inputExtension"/>, e.g. ".doc") to <paramref name="target"/> ("docx" or "xlsx").</summary>
    ConversionResult Convert(byte[] input, string inputExtension, string target, ReportParserOptions options);
}

/// <summary>
/// LibreOffice headless: <c>soffice -env:UserInstallation=file:///tmp/… --headless --convert-to docx
/// --outdir tmp file</c>. Every conversion runs in its own temporary folder (removed afterwards) with a
/// user profile of this process that no other conversion uses at the same time (<see cref="ProfilePool"/>:
/// conversions run side by side and never touch a user's profile), under
/// <see cref="ReportParserOptions.ConversionTimeout"/>: on timeout the whole process tree is killed and
/// its profile is discarded.
/// </summary>
internal sealed class LibreOfficeConverter : IDocumentConverter
{
    /// <summary>What to install when LibreOffice is missing.</summary>
    public const string InstallHint = "apt-get install libreoffice-writer-nogui libreoffice-calc-nogui";

    public static LibreOfficeConverter Instance { get; } = new();

    /// <summary>The soffice program to run: the configured path, else the first found on PATH or in the usual folders; null when absent.</summary>
    public static string? Locate(string? configured)
    {
        if (configured is not null) return File.Exists(configured) ? configured : null;
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in new[] { "soffice", "libreoffice", "soffice.exe" })
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate)) return candidate;
            }
        }
        foreach (var candidate in new[] { "/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice", "/Applications/LibreOffice.app/Contents/MacOS/soffice" })
        {
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    public ConversionResult Convert(byte[] input, string inputExtension, string target, ReportParserOptions options)
    {
        var soffice = Locate(options.ConverterPath);
        if (soffice is null)
        {
            var where = options.ConverterPath is null ? "soffice was not found on PATH" : $"{options.ConverterPath} does not exist";
            return ConversionResult.Fail(DiagnosticCode.UnsupportedFormat,
                $"reading this format needs LibreOffice to convert it to {target.ToUpperInvariant()}, and {where}: install it ({InstallHint}) or save the file as {target.ToUpperInvariant()}");
        }
        var work = Path.Combine(Path.GetTempPath(), "reportparser-convert-" + Guid.NewGuid().ToString("N"));
        string? profile = null;
        bool profileUsable = false;
        try
        {
            var inDir = Directory.CreateDirectory(Path.Combine(work, "in")).FullName;
            var outDir = Directory.CreateDirectory(Path.Combine(work, "out")).FullName;
            profile = ProfilePool.Rent();
            var file = Path.Combine(inDir, "document" + inputExtension);
            File.WriteAllBytes(file, input);
            var psi = new ProcessStartInfo(soffice)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
                CreateNoWindow = true,
                WorkingDirectory = work,
            };
            psi.ArgumentList.Add("-env:UserInstallation=" + new Uri(profile).AbsoluteUri);
            psi.ArgumentList.Add("--headless");
            psi.ArgumentList.Add("--norestore");
            psi.ArgumentList.Add("--nolockcheck");
            psi.ArgumentList.Add("--convert-to");
            psi.ArgumentList.Add(target);
            psi.ArgumentList.Add("--outdir");
            psi.ArgumentList.Add(outDir);
            psi.ArgumentList.Add(file);
            var output = new StringBuilder();
            using var process = new Process { StartInfo = psi };
            process.OutputDataReceived += (_, e) => { lock (output) if (e.Data is not null && output.Length < 4000) output.AppendLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { lock (output) if (e.Data is not null && output.Length < 4000) output.AppendLine(e.Data); };
            process.Start();
            process.StandardInput.Close();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit(options.ConversionTimeout))
            {
                try { process.Kill(entireProcessTree: true); }
                catch (InvalidOperationException) { }
                catch (System.ComponentModel.Win32Exception) { }
                process.WaitForExit(5000);
                return ConversionResult.Fail(DiagnosticCode.LimitExceeded,
                    $"the conversion to {target.ToUpperInvariant()} by LibreOffice took longer than {options.ConversionTimeout.TotalSeconds:0.#} s and was stopped");
            }
            process.WaitForExit(); // drain the output readers
            var converted = Path.Combine(outDir, "document." + target);
            if (!File.Exists(converted))
            {
                string log;
                lock (output) log = output.ToString().Trim();
                return ConversionResult.Fail(DiagnosticCode.Unreadable,
                    $"LibreOffice could not convert the file to {target.ToUpperInvariant()} (exit code {process.ExitCode}){(log.Length > 0 ? ": " + log.ReplaceLineEndings(" ") : "")}");
            }
            profileUsable = process.ExitCode == 0;
            var length = new FileInfo(converted).Length;
            if (length > options.MaxInputBytes)
            {
                return ConversionResult.Fail(DiagnosticCode.LimitExceeded, $"the converted {target.ToUpperInvariant()} is {length:N0} bytes, over the limit of {options.MaxInputBytes:N0}");
            }
            return ConversionResult.Ok(File.ReadAllBytes(converted));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return ConversionResult.Fail(DiagnosticCode.Unreadable, $"LibreOffice could not be run ({ex.GetType().Name}: {ex.Message})");
        }
        finally
        {
            if (profile is not null) ProfilePool.Return(profile, profileUsable);
            try
            {
                if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A leftover temporary folder is not worth failing the parse for.
            }
        }
    }
}

/// <summary>
/// LibreOffice user profiles of this process, each used by one conversion at a time. Starting soffice on
/// a new profile first creates it, about a fifth of a conversion's CPU time (1.24 against 1.0 CPU-s for
/// the DOC fixture); a profile is therefore kept for the next conversion, unless its soffice was killed,
/// failed or wrote no output. The profiles live in one temporary folder named after the process, removed when
/// the process exits (and, should it be killed, by the next process that converts).
/// </summary>
internal static class ProfilePool
{
    private static readonly System.Collections.Concurrent.ConcurrentBag<string> Free = new();
    private static readonly string Root = Path.Combine(Path.GetTempPath(), $"reportparser-lo-profiles-{Environment.ProcessId}");
    private static int _created;
    private static int _cleanupRegistered;

    /// <summary>A profile folder no other conversion is using (created on first use).</summary>
    public static string Rent()
    {
        if (Free.TryTake(out var profile) && Directory.Exists(profile)) return profile;
        if (Interlocked.Exchange(ref _cleanupRegistered, 1) == 0)
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteAll();
            DeleteOrphans();
        }
        return Directory.CreateDirectory(Path.Combine(Root, Interlocked.Increment(ref _created).ToString(System.Globalization.CultureInfo.InvariantCulture))).FullName;
    }

    /// <summary>Gives a profile back: kept for the next conversion when its soffice finished normally, else deleted.</summary>
    public static void Return(string profile, bool usable)
    {
        if (usable)
        {
            Free.Add(profile);
            return;
        }
        TryDelete(profile);
    }

    private static void DeleteAll() => TryDelete(Root);

    /// <summary>Removes the profile folders of processes that no longer run (killed before they could clean up).</summary>
    internal static void DeleteOrphans()
    {
        const string prefix = "reportparser-lo-profiles-";
        try
        {
            foreach (var dir in Directory.EnumerateDirectories(Path.GetTempPath(), prefix + "*"))
            {
                if (!int.TryParse(Path.GetFileName(dir).AsSpan(prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid)) continue;
                if (pid != Environment.ProcessId && !IsRunning(pid)) TryDelete(dir);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Orphans are only disk space.
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover profile in the temporary folder is not worth failing for.
        }
    }
}
