using System.ComponentModel;
using System.Diagnostics;
using ReportParser.Batch;
using static ReportParser.Tests.Cli.BatchFixture;

namespace ReportParser.Tests.Batch;

/// <summary>A temporary folder of hostile inputs, exported with the library; every test checks every input is listed exactly once.</summary>
public abstract class BatchInputTestBase : IDisposable
{
    protected BatchInputTestBase(string name) => Root = TempDir(name);

    protected string Root { get; }

    public void Dispose()
    {
        // rm copes with paths longer than the system limit, which Directory.Delete does not.
        if (OperatingSystem.IsLinux()) _ = TryShell("chmod -R u+rwx \"$1\" 2>/dev/null; rm -rf \"$1\" \"$1.out\"", Root);
        else try { Directory.Delete(Root, recursive: true); Directory.Delete(Root + ".out", recursive: true); } catch (IOException) { }
        GC.SuppressFinalize(this);
    }

    protected static byte[] ReportBytes(int i) => Utf8(Variant(Agency(i), 2021, i));

    protected string Write(string relative, byte[] bytes)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>One row of files.csv.</summary>
    protected sealed record Row(string File, string Status, string Reason, string Source);

    /// <summary>
    /// Exports <paramref name="inputs"/> (failing instead of hanging after a minute) and returns files.csv, after
    /// checking that no file is listed twice and that the count pass agrees with the rows.
    /// </summary>
    protected async Task<List<Row>> Export(params string[] inputs)
    {
        // Beside the inputs, not among them.
        var outDir = Path.Combine(Root + ".out", Guid.NewGuid().ToString("N")[..6]);
        var options = new ExportOptions { Inputs = inputs, OutputDirectory = outDir, Jobs = 2, TimeLimit = TimeSpan.FromSeconds(60) };
        await ReportExporter.ExportAsync(options).WaitAsync(TimeSpan.FromSeconds(120));
        var table = Read(outDir, "files");
        var rows = table.Skip(1).Select(r => new Row(Column(table, r, "file"), Column(table, r, "status"), Column(table, r, "reason"), Column(table, r, "source"))).ToList();
        rows.Select(r => r.File).Should().OnlyHaveUniqueItems();
        InputEnumerator.Count(inputs).Should().Be(rows.Count, "the count pass lists the same files");
        return rows;
    }

    protected static Row Only(List<Row> rows, string file) => rows.Should().ContainSingle(r => r.File == file, "listed once: " + string.Join(", ", rows.Select(r => r.File))).Subject;

    private static bool TryShell(string script, params string[] args)
    {
        try { return Shell(script, args); }
        catch (InvalidOperationException) { return false; }
    }

    /// <summary>Runs a POSIX shell command with arguments <c>$1</c>, <c>$2</c> …; false when there is no shell.</summary>
    protected static bool Shell(string script, params string[] args)
    {
        var psi = new ProcessStartInfo("/bin/sh") { RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(script);
        psi.ArgumentList.Add("sh");
        foreach (var a in args) psi.ArgumentList.Add(a);
        try
        {
            using var p = Process.Start(psi)!;
            var err = p.StandardError.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0) throw new InvalidOperationException($"sh -c '{script}' failed ({p.ExitCode}): {err}");
            return true;
        }
        catch (Win32Exception)
        {
            return false;
        }
    }
}
