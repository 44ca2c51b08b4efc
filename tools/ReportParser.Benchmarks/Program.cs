using BenchmarkDotNet.Running;

namespace ReportParser.Benchmarks;

/// <summary>
/// Benchmarks; not run in CI. <c>dotnet run -c Release --project tools/ReportParser.Benchmarks -- --filter '*' --job short</c>;
/// <c>-- --stages FILE|DIR...</c> times the parse step by step (<see cref="StageProfile"/>); <c>-- --cpu</c> compares each
/// format with its bare library in CPU time (<see cref="FormatCpuRatio"/>); <c>-- --doc</c> a .doc through LibreOffice beside
/// soffice's own conversion at 1 and 2 at a time (<see cref="DocConversionRatio"/>).
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Contains("--stages")) StageProfile.Run(args);
        else if (args.Contains("--cpu")) FormatCpuRatio.Run(args);
        else if (args.Contains("--doc")) DocConversionRatio.Run(args);
        else BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
