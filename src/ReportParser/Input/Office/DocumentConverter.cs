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
/// --outdir tmp file</c>. Every conversion runs in its own temporary folder with its own user
/// profile (so conversions can run side by side and never touch a user's profile), under
/// <see cref="ReportParserOptions.ConversionTimeout"/>: on timeout the whole process tree is killed.
/// The folder is removed afterwards.
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
        try
        {
            var inDir = Directory.CreateDirectory(Path.Combine(work, "in")).FullName;
            var outDir = Directory.CreateDirectory(Path.Combine(work, "out")).FullName;
            var profile = Directory.CreateDirectory(Path.Combine(work, "profile")).FullName;
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
