using SkiaSharp;

namespace ReportParser.Ocr;

/// <summary>An 8-bit grey image, row-major, 0 = black.</summary>
internal sealed class GreyImage
{
    public GreyImage(int width, int height, byte[] pixels)
    {
        Width = width;
        Height = height;
        Pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    public byte[] Pixels { get; }

    public byte this[int x, int y] => Pixels[y * Width + x];

    /// <summary>Pixels darker than this are ink (for rulings and deskew).</summary>
    public const byte Ink = 128;

    /// <summary>
    /// Decodes an image and makes it grey: strongly red pixels (the seal) become white, then the grey levels
    /// are stretched so that the 1st percentile is black and the 99th white. Null when the bytes are no image.
    /// </summary>
    public static GreyImage? Decode(byte[] bytes, int maxPixels)
    {
        using var codec = SKCodec.Create(new SKMemoryStream(bytes));
        if (codec is null) return null;
        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0 || (long)info.Width * info.Height > maxPixels) return null;
        using var bitmap = new SKBitmap(new SKImageInfo(info.Width, info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        var result = codec.GetPixels(bitmap.Info, bitmap.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput)) return null;
        return FromRgba(bitmap.GetPixelSpan(), info.Width, info.Height);
    }

    private static GreyImage FromRgba(ReadOnlySpan<byte> rgba, int width, int height)
    {
        var grey = new byte[width * height];
        var histogram = new int[256];
        for (int i = 0; i < grey.Length; i++)
        {
            int r = rgba[i * 4], g = rgba[i * 4 + 1], b = rgba[i * 4 + 2], a = rgba[i * 4 + 3];
            int v;
            if (a < 128) v = 255;
            else if (IsSealRed(r, g, b)) v = 255;
            else v = (r * 299 + g * 587 + b * 114) / 1000;
            grey[i] = (byte)v;
            histogram[v]++;
        }
        Stretch(grey, histogram);
        return new GreyImage(width, height, grey);
    }

    /// <summary>Red of a seal: red well above green and blue (black and grey ink have them equal).</summary>
    internal static bool IsSealRed(int r, int g, int b) => r > 120 && r - Math.Max(g, b) > 50;

    private static void Stretch(byte[] grey, int[] histogram)
    {
        int n = grey.Length, low = 0, high = 255, acc = 0;
        for (int v = 0; v < 256; v++)
        {
            acc += histogram[v];
            if (acc >= n / 100)
            {
                low = v;
                break;
            }
        }
        acc = 0;
        for (int v = 255; v >= 0; v--)
        {
            acc += histogram[v];
            if (acc >= n / 100)
            {
                high = v;
                break;
            }
        }
        if (high - low < 32) return;
        var map = new byte[256];
        for (int v = 0; v < 256; v++) map[v] = (byte)Math.Clamp((v - low) * 255 / (high - low), 0, 255);
        for (int i = 0; i < n; i++) grey[i] = map[grey[i]];
    }

    /// <summary>This image scaled by <paramref name="scale"/> and rotated by <paramref name="degrees"/> about its centre (white fill), with SkiaSharp.</summary>
    public GreyImage Transform(double scale, double degrees)
    {
        int w = Math.Max(1, (int)Math.Round(Width * scale)), h = Math.Max(1, (int)Math.Round(Height * scale));
        using var src = ToBitmap();
        using var dst = new SKBitmap(new SKImageInfo(w, h, SKColorType.Gray8, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(dst))
        {
            canvas.Clear(SKColors.White);
            canvas.Translate(w / 2f, h / 2f);
            canvas.RotateDegrees((float)degrees);
            canvas.Scale((float)scale);
            canvas.Translate(-Width / 2f, -Height / 2f);
            using var image = SKImage.FromBitmap(src);
            canvas.DrawImage(image, new SKRect(0, 0, Width, Height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None));
        }
        return new GreyImage(w, h, dst.GetPixelSpan().ToArray());
    }

    /// <summary>The region <paramref name="x"/>…, resized to <paramref name="width"/> × <paramref name="height"/> (bilinear).</summary>
    public float[] ResizeRegion(int x, int y, int w, int h, int width, int height)
    {
        var result = new float[width * height];
        double sx = (double)w / width, sy = (double)h / height;
        for (int j = 0; j < height; j++)
        {
            double fy = y + (j + 0.5) * sy - 0.5;
            int y0 = (int)Math.Floor(fy);
            double dy = fy - y0;
            int ya = Math.Clamp(y0, 0, Height - 1), yb = Math.Clamp(y0 + 1, 0, Height - 1);
            for (int i = 0; i < width; i++)
            {
                double fx = x + (i + 0.5) * sx - 0.5;
                int x0 = (int)Math.Floor(fx);
                double dx = fx - x0;
                int xa = Math.Clamp(x0, 0, Width - 1), xb = Math.Clamp(x0 + 1, 0, Width - 1);
                double top = Pixels[ya * Width + xa] * (1 - dx) + Pixels[ya * Width + xb] * dx;
                double bottom = Pixels[yb * Width + xa] * (1 - dx) + Pixels[yb * Width + xb] * dx;
                result[j * width + i] = (float)(top * (1 - dy) + bottom * dy);
            }
        }
        return result;
    }

    private SKBitmap ToBitmap()
    {
        var bitmap = new SKBitmap(new SKImageInfo(Width, Height, SKColorType.Gray8, SKAlphaType.Opaque));
        Pixels.CopyTo(bitmap.GetPixelSpan());
        return bitmap;
    }
}
