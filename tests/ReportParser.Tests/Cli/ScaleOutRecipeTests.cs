using System.Diagnostics;

namespace ReportParser.Tests.Cli;

/// <summary>
/// The cluster recipes of docs/scale-out.md, run with a stand-in for reportparser that exits with a given code: a shard
/// that finished (0, or 1 = some file unreadable) succeeds, a shard that did not finish (2, 3, a signal) fails its task.
/// </summary>
public sealed class ScaleOutRecipeTests : IDisposable
{
    private readonly string _root = BatchFixture.TempDir("recipes");

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    private static string[] Doc() => File.ReadAllLines(Path.Combine(Paths.RepoRoot, "docs", "scale-out.md"));

    /// <summary>The Slurm array script, from its shebang to the end of its code block.</summary>
    private static string SlurmScript()
    {
        var lines = Doc();
        int start = Array.FindIndex(lines, l => l == "#SBATCH --job-name=reportparser") - 1;
        start.Should().BeGreaterThan(0, "docs/scale-out.md holds the Slurm array script");
        int end = Array.FindIndex(lines, start, l => l == "```");
        return string.Join('\n', lines[start..end]);
    }

    /// <summary>The shell script of the Kubernetes Job's container (the block under <c>args: - |</c>), dedented.</summary>
    private static string KubernetesScript()
    {
        var lines = Doc();
        int start = Array.FindIndex(lines, l => l.Trim() == "- |") + 1;
        start.Should().BePositive("docs/scale-out.md holds the Kubernetes Job");
        int indent = lines[start].Length - lines[start].TrimStart().Length;
        var body = lines.Skip(start).TakeWhile(l => l.Length > indent && l[..indent].Trim().Length == 0).Select(l => l[indent..]);
        return string.Join('\n', body);
    }

    private int RunWithStub(string script, int stubExit)
    {
        Skip.If(OperatingSystem.IsWindows() || !File.Exists("/bin/bash"), "the recipes are bash scripts");
        var stub = Path.Combine(_root, "reportparser");
        File.WriteAllText(stub, $"#!/bin/sh\nexit {stubExit}\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(stub, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        // The image wrapper (apptainer) is replaced by the stub; `reportparser` is found on PATH first.
        script = string.Join('\n', script.Split('\n').Select(l => l.StartsWith("RP=", StringComparison.Ordinal) ? $"RP={stub}" : l));
        var file = Path.Combine(_root, "job.sh");
        File.WriteAllText(file, script + "\n");
        var info = new ProcessStartInfo("/bin/bash", [file]) { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = _root };
        info.Environment["PATH"] = _root + ":" + Environment.GetEnvironmentVariable("PATH");
        info.Environment["SLURM_ARRAY_TASK_COUNT"] = "16";
        info.Environment["SLURM_ARRAY_TASK_ID"] = "3";
        info.Environment["SLURM_CPUS_PER_TASK"] = "8";
        info.Environment["JOB_COMPLETION_INDEX"] = "2";
        using var p = Process.Start(info)!;
        p.StandardOutput.ReadToEnd();
        p.StandardError.ReadToEnd();
        p.WaitForExit();
        return p.ExitCode;
    }

    [SkippableTheory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(2, 2)]
    [InlineData(3, 3)]
    [InlineData(137, 137)]
    public void The_slurm_array_task_fails_only_when_the_shard_did_not_finish(int exportExit, int taskExit)
        => RunWithStub(SlurmScript(), exportExit).Should().Be(taskExit);

    [SkippableTheory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(2, 2)]
    [InlineData(3, 3)]
    [InlineData(143, 143)]
    public void The_kubernetes_pod_fails_only_when_the_shard_did_not_finish(int exportExit, int podExit)
        => RunWithStub(KubernetesScript(), exportExit).Should().Be(podExit);
}
