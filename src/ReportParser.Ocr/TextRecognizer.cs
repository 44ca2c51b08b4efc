using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace ReportParser.Ocr;

/// <summary>
/// CTC text recognition (PP-OCRv4 rec, SVTR): each box is cropped, resized to height 48 (its aspect kept),
/// normalised to −1…1 and run in batches of similar widths; the output (time steps × 6,625 classes: blank,
/// the 6,623 dictionary keys, space) is decoded greedily: the most probable class per step, repeats and
/// blanks dropped. Each character keeps its probability (the highest over its steps), its horizontal extent
/// and the next most probable classes at its best step.
/// </summary>
internal sealed class TextRecognizer : IDisposable
{
    public const int Height = 48;
    private const int MaxWidth = 1600;
    private const int Batch = 8;
    private const int Alternatives = 3;

    private readonly InferenceSession _session;
    private readonly string _input;
    private readonly string[] _classes;

    public TextRecognizer(byte[] model, string[] keys, SessionOptions options)
    {
        _session = new InferenceSession(model, options);
        _input = _session.InputMetadata.Keys.First();
        _classes = new string[keys.Length + 2];
        _classes[0] = "";
        keys.CopyTo(_classes, 1);
        _classes[^1] = " ";
    }

    public List<OcrWord> Recognize(GreyImage image, List<TextBox> boxes, CancellationToken cancellation)
    {
        var order = Enumerable.Range(0, boxes.Count).OrderBy(i => (double)boxes[i].Width / Math.Max(1, boxes[i].Height)).ToList();
        var lines = new List<(int Index, List<OcrCharacter> Chars)>();
        for (int from = 0; from < order.Count; from += Batch)
        {
            if (cancellation.IsCancellationRequested) break;
            var batch = order.Skip(from).Take(Batch).ToList();
            lines.AddRange(RunBatch(image, boxes, batch));
        }
        lines.Sort(static (a, b) => a.Index.CompareTo(b.Index));
        var words = new List<OcrWord>();
        foreach (var (index, chars) in lines) WordSplitter.Split(chars, boxes[index], words);
        return words;
    }

    private List<(int, List<OcrCharacter>)> RunBatch(GreyImage image, List<TextBox> boxes, List<int> batch)
    {
        var widths = batch.Select(i => Math.Clamp((int)Math.Ceiling(Height * (double)boxes[i].Width / Math.Max(1, boxes[i].Height)), 16, MaxWidth)).ToList();
        int width = widths.Max();
        var tensor = new DenseTensor<float>(new[] { batch.Count, 3, Height, width });
        var buffer = tensor.Buffer.Span;
        int plane = Height * width;
        for (int k = 0; k < batch.Count; k++)
        {
            var b = boxes[batch[k]];
            var crop = image.ResizeRegion(b.Left, b.Top, b.Width, b.Height, widths[k], Height);
            int offset = k * 3 * plane;
            for (int y = 0; y < Height; y++)
            {
                for (int x = 0; x < width; x++)
                {
                    float v = x < widths[k] ? crop[y * widths[k] + x] / 127.5f - 1f : 0f;
                    buffer[offset + y * width + x] = v;
                    buffer[offset + plane + y * width + x] = v;
                    buffer[offset + 2 * plane + y * width + x] = v;
                }
            }
        }
        using var results = _session.Run(new[] { NamedOnnxValue.CreateFromTensor(_input, tensor) });
        var output = results[0].AsTensor<float>();
        var dims = output.Dimensions;
        int steps = dims[1], classes = dims[2];
        var data = output is DenseTensor<float> d ? d.Buffer.Span.ToArray() : output.ToArray();
        var lines = new List<(int, List<OcrCharacter>)>(batch.Count);
        for (int k = 0; k < batch.Count; k++)
        {
            var b = boxes[batch[k]];
            // Steps beyond the crop's own width saw only padding.
            int used = Math.Min(steps, (int)Math.Ceiling(steps * (double)widths[k] / width));
            double pixelsPerStep = b.Width / (double)used;
            lines.Add((batch[k], Decode(data.AsSpan(k * steps * classes, steps * classes), used, classes, b.Left, pixelsPerStep, _classes)));
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
            int best = 0;
            for (int c = 1; c < classes; c++) if (row[c] > row[best]) best = c;
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
            int at = top.FindIndex(a => a.Probability < p);
            top.Insert(at < 0 ? top.Count : at, new OcrAlternative(names[c][0], p));
            if (top.Count > Alternatives) top.RemoveAt(top.Count - 1);
        }
        return top;
    }

    public void Dispose() => _session.Dispose();
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
