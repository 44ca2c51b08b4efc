using System.Numerics.Tensors;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace ReportParser.Ocr;

/// <summary>
/// CTC text recognition (PP-OCRv4 rec, SVTR): each box is cropped, resized to height 48 (its aspect kept),
/// normalised to −1…1 and run one line at a time (or in batches of similar widths); the output (time steps × 6,625 classes: blank,
/// the 6,623 dictionary keys, space) is decoded greedily: the most probable class per step, repeats and
/// blanks dropped. Each character keeps its probability (the highest over its steps), its horizontal extent
/// and the next most probable classes at its best step.
/// </summary>
internal sealed class TextRecognizer : IDisposable
{
    public const int Height = 48;
    private const int MaxWidth = 1600;
    private const int Alternatives = 3;

    /// <summary>
    /// Lines per run. One line per run measured fastest on one core: 1.73–2.0 CPU-s for the 225 lines of a
    /// 200-dpi table page, against 1.83–2.66 s in batches of 8 and 3.1–3.3 s in batches of 16 (the padding and the
    /// larger activations cost more than the per-run overhead saves).
    /// </summary>
    public const int DefaultBatch = 1;

    private readonly InferenceSession _session;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;
    private readonly RunOptions _runOptions = new();
    private readonly string[] _classes;
    private readonly int _batch;

    public TextRecognizer(byte[] model, string[] keys, SessionOptions options, int batch = DefaultBatch)
    {
        _session = new InferenceSession(model, options);
        _inputNames = new[] { _session.InputMetadata.Keys.First() };
        _outputNames = new[] { _session.OutputMetadata.Keys.First() };
        _classes = new string[keys.Length + 2];
        _classes[0] = "";
        keys.CopyTo(_classes, 1);
        _classes[^1] = " ";
        _batch = Math.Max(1, batch);
    }

    public List<OcrWord> Recognize(GreyImage image, List<TextBox> boxes, CancellationToken cancellation)
    {
        var order = Enumerable.Range(0, boxes.Count).OrderBy(i => (double)boxes[i].Width / Math.Max(1, boxes[i].Height)).ToList();
        var lines = new List<(int Index, List<OcrCharacter> Chars)>(boxes.Count);
        for (int from = 0; from < order.Count; from += _batch)
        {
            if (cancellation.IsCancellationRequested) break;
            lines.AddRange(RunBatch(image, boxes, order.GetRange(from, Math.Min(_batch, order.Count - from))));
        }
        lines.Sort(static (a, b) => a.Index.CompareTo(b.Index));
        var words = new List<OcrWord>();
        foreach (var (index, chars) in lines) WordSplitter.Split(chars, boxes[index], words);
        return words;
    }

    /// <summary>The width a box is resized to at height <see cref="Height"/>, its aspect kept.</summary>
    internal static int InputWidth(TextBox b) => Math.Clamp((int)Math.Ceiling(Height * (double)b.Width / Math.Max(1, b.Height)), 16, MaxWidth);

    private List<(int, List<OcrCharacter>)> RunBatch(GreyImage image, List<TextBox> boxes, List<int> batch)
    {
        var widths = batch.Select(i => InputWidth(boxes[i])).ToList();
        int width = widths.Max();
        int plane = Height * width;
        // Written in place in native memory; padding (right of a shorter line) is 0, mid-grey after normalisation.
        using var input = OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, TensorElementType.Float, new long[] { batch.Count, 3, Height, width });
        var buffer = input.GetTensorMutableDataAsSpan<float>();
        buffer.Clear();
        for (int k = 0; k < batch.Count; k++)
        {
            var b = boxes[batch[k]];
            var red = buffer.Slice(k * 3 * plane, plane);
            image.ResizeRegion(b.Left, b.Top, b.Width, b.Height, widths[k], Height, red, width, 1 / 127.5f, -1f);
            red.CopyTo(buffer.Slice(k * 3 * plane + plane, plane));
            red.CopyTo(buffer.Slice(k * 3 * plane + 2 * plane, plane));
        }
        using var results = _session.Run(_runOptions, _inputNames, new[] { input }, _outputNames);
        var output = results[0];
        var shape = output.GetTensorTypeAndShape().Shape;
        int steps = (int)shape[1], classes = (int)shape[2];
        var data = output.GetTensorDataAsSpan<float>();
        var lines = new List<(int, List<OcrCharacter>)>(batch.Count);
        for (int k = 0; k < batch.Count; k++)
        {
            var b = boxes[batch[k]];
            // Steps beyond the crop's own width saw only padding.
            int used = Math.Min(steps, (int)Math.Ceiling(steps * (double)widths[k] / width));
            double pixelsPerStep = b.Width / (double)used;
            lines.Add((batch[k], Decode(data.Slice(k * steps * classes, steps * classes), used, classes, b.Left, pixelsPerStep, _classes)));
        }
        return lines;
    }

    /// <summary>Greedy CTC decoding of one line.</summary>
    internal static List<OcrCharacter> Decode(ReadOnlySpan<float> probs, int steps, int classes, double left, double pixelsPerStep, string[] names)
    {
        var chars = new List<OcrCharacter>();
        int previous = 0;
        for (int t = 0; t < steps; t++)
        {
            var row = probs.Slice(t * classes, classes);
            int best = TensorPrimitives.IndexOfMax(row);
            if (best != 0 && best < names.Length && names[best].Length == 1)
            {
                float x0 = (float)(left + t * pixelsPerStep), x1 = (float)(left + (t + 1) * pixelsPerStep);
                if (best == previous && chars.Count > 0)
                {
                    var last = chars[^1];
                    chars[^1] = row[best] > last.Confidence ? new OcrCharacter(last.Value, row[best], last.Left, x1, Top(row, best, names)) : last with { Right = x1 };
                }
                else
                {
                    chars.Add(new OcrCharacter(names[best][0], row[best], x0, x1, Top(row, best, names)));
                }
            }
            previous = best;
        }
        return chars;
    }

    /// <summary>The most probable characters other than <paramref name="best"/> and the blank.</summary>
    private static List<OcrAlternative> Top(ReadOnlySpan<float> row, int best, string[] names)
    {
        var top = new List<OcrAlternative>(Alternatives + 1);
        for (int c = 1; c < row.Length && c < names.Length; c++)
        {
            if (c == best || names[c].Length != 1) continue;
            float p = row[c];
            if (top.Count == Alternatives && p <= top[^1].Probability) continue;
            // A plain loop: a lambda capturing p allocated a closure for each of the 6,625 classes (159 MB a page).
            int at = 0;
            while (at < top.Count && top[at].Probability >= p) at++;
            top.Insert(at, new OcrAlternative(names[c][0], p));
            if (top.Count > Alternatives) top.RemoveAt(top.Count - 1);
        }
        return top;
    }

    public void Dispose()
    {
        _session.Dispose();
        _runOptions.Dispose();
    }
}

/// <summary>Splits a recognised line into words at spaces and at gaps wider than the line height.</summary>
internal static class WordSplitter
{
    public static void Split(List<OcrCharacter> chars, TextBox box, List<OcrWord> words)
    {
        var current = new List<OcrCharacter>();
        double gap = box.Height * 0.9;
        foreach (var c in chars)
        {
            bool space = c.Value == ' ' || c.Value == '\u3000';
            if (current.Count > 0 && (space || c.Left - current[^1].Right > gap)) Flush();
            if (!space) current.Add(c);
        }
        Flush();

        void Flush()
        {
            if (current.Count == 0) return;
            words.Add(new OcrWord(new OcrBox(Math.Max(box.Left, current[0].Left - 2), box.Top, Math.Min(box.Right, current[^1].Right + 2), box.Bottom), current.ToArray()));
            current = new List<OcrCharacter>();
        }
    }
}
