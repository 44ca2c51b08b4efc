using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace ReportParser.Ocr;

/// <summary>A text region found by detection, in image pixels.</summary>
internal readonly record struct TextBox(int Left, int Top, int Right, int Bottom)
{
    public int Width => Right - Left;

    public int Height => Bottom - Top;
}

/// <summary>
/// DB text detection (PP-OCRv4 det): the image, scaled so its longer side is at most
/// <see cref="MaxSide"/> (a multiple of 32), gives a probability map of text; the map is thresholded, its
/// connected components become boxes, each kept when its mean probability is high enough, and grown back
/// by the unclip distance (area × ratio / perimeter), as DB's shrunk training targets require.
/// </summary>
internal sealed class TextDetector : IDisposable
{
    private const int MaxSide = 1600;
    private const float Threshold = 0.3f;
    private const float BoxThreshold = 0.5f;
    private const double UnclipRatio = 1.6;
    private static readonly float[] Mean = { 0.485f, 0.456f, 0.406f };
    private static readonly float[] Std = { 0.229f, 0.224f, 0.225f };

    private readonly InferenceSession _session;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;
    private readonly RunOptions _runOptions = new();

    public TextDetector(byte[] model, SessionOptions options)
    {
        _session = new InferenceSession(model, options);
        _inputNames = new[] { _session.InputMetadata.Keys.First() };
        _outputNames = new[] { _session.OutputMetadata.Keys.First() };
    }

    /// <summary>
    /// The text boxes of the image. A tall image (pages stacked, a long web image) is read in overlapping
    /// page-shaped strips, each box kept by the strip that holds its centre away from the overlap.
    /// </summary>
    public List<TextBox> Detect(GreyImage image)
    {
        int strip = (int)(image.Width * 1.42);
        if (image.Height <= strip * 1.15) return DetectRegion(image, 0, image.Height);
        const int overlap = 160;
        var result = new List<TextBox>();
        for (int top = 0; top < image.Height; top += strip - overlap)
        {
            int height = Math.Min(strip, image.Height - top);
            bool first = top == 0, last = top + height >= image.Height;
            int keepFrom = first ? 0 : top + overlap / 2, keepTo = last ? image.Height : top + height - overlap / 2;
            foreach (var b in DetectRegion(image, top, height))
            {
                int cy = (b.Top + b.Bottom) / 2;
                if (cy >= keepFrom && cy < keepTo) result.Add(b);
            }
            if (last) break;
        }
        return result;
    }

    private List<TextBox> DetectRegion(GreyImage image, int top, int height)
    {
        double scale = Math.Min(1.0, (double)MaxSide / Math.Max(image.Width, height));
        int w = Math.Max(32, (int)Math.Round(image.Width * scale / 32) * 32);
        int h = Math.Max(32, (int)Math.Round(height * scale / 32) * 32);
        int plane = w * h;
        // The input is written in place in native memory: no managed copy of the page as floats.
        using var input = OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, TensorElementType.Float, new long[] { 1, 3, h, w });
        var buffer = input.GetTensorMutableDataAsSpan<float>();
        // Plane 0 gets grey / 255; planes 2 and 1 are normalised from it, plane 0 last, in place.
        image.ResizeRegion(0, top, image.Width, height, w, h, buffer, w, 1 / 255f, 0);
        var grey = buffer[..plane];
        for (int c = 2; c >= 0; c--)
        {
            float m = Mean[c], s = Std[c];
            var target = buffer.Slice(c * plane, plane);
            for (int i = 0; i < plane; i++) target[i] = (grey[i] - m) / s;
        }
        using var results = _session.Run(_runOptions, _inputNames, new[] { input }, _outputNames);
        var boxes = Boxes(results[0].GetTensorDataAsSpan<float>(), w, h, image.Width / (double)w, height / (double)h, image.Width, height);
        return top == 0 ? boxes : boxes.Select(b => b with { Top = b.Top + top, Bottom = b.Bottom + top }).ToList();
    }

    /// <summary>Boxes of the connected components of the thresholded map, in image pixels.</summary>
    internal static List<TextBox> Boxes(ReadOnlySpan<float> probs, int w, int h, double sx, double sy, int imageWidth, int imageHeight)
    {
        var label = new int[w * h];
        var result = new List<TextBox>();
        var stack = new Stack<int>();
        int next = 0;
        probs = probs[..(w * h)];
        for (int start = 0; start < probs.Length; start++)
        {
            if (probs[start] < Threshold || label[start] != 0) continue;
            next++;
            int minX = int.MaxValue, minY = int.MaxValue, maxX = -1, maxY = -1, count = 0;
            double sum = 0;
            label[start] = next;
            stack.Push(start);
            while (stack.Count > 0)
            {
                int p = stack.Pop();
                int x = p % w, y = p / w;
                count++;
                sum += probs[p];
                minX = Math.Min(minX, x);
                maxX = Math.Max(maxX, x);
                minY = Math.Min(minY, y);
                maxY = Math.Max(maxY, y);
                if (x > 0) Visit(p - 1, probs, label, stack, next);
                if (x < w - 1) Visit(p + 1, probs, label, stack, next);
                if (y > 0) Visit(p - w, probs, label, stack, next);
                if (y < h - 1) Visit(p + w, probs, label, stack, next);
            }
            if (count < 6 || sum / count < BoxThreshold) continue;
            double bw = maxX - minX + 1, bh = maxY - minY + 1;
            if (Math.Min(bw, bh) < 2) continue;
            double grow = bw * bh * UnclipRatio / (2 * (bw + bh));
            int left = Math.Clamp((int)Math.Floor((minX - grow) * sx), 0, imageWidth - 1);
            int right = Math.Clamp((int)Math.Ceiling((maxX + 1 + grow) * sx), 1, imageWidth);
            int top = Math.Clamp((int)Math.Floor((minY - grow) * sy), 0, imageHeight - 1);
            int bottom = Math.Clamp((int)Math.Ceiling((maxY + 1 + grow) * sy), 1, imageHeight);
            if (right - left >= 4 && bottom - top >= 4) result.Add(new TextBox(left, top, right, bottom));
        }
        return result;

        static void Visit(int q, ReadOnlySpan<float> probs, int[] label, Stack<int> stack, int next)
        {
            if (label[q] != 0 || probs[q] < Threshold) return;
            label[q] = next;
            stack.Push(q);
        }
    }

    public void Dispose()
    {
        _session.Dispose();
        _runOptions.Dispose();
    }
}
