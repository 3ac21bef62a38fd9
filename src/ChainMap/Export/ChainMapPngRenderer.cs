using SkiaSharp;

namespace ChainMap.Export;

/// <summary>
/// The chain map as a PNG, drawn with SkiaSharp from the same layout as the SVG. Chinese needs a
/// CJK font on the server (fonts-wqy-microhei on Debian); the font is found through fontconfig by
/// asking for a face that has the character 中.
/// </summary>
internal static class ChainMapPngRenderer
{
    private const float Scale = 1.5f;
    private static readonly Lazy<SKTypeface?> CjkTypeface = new(FindCjkTypeface);

    /// <summary>The family of the CJK font the renderer uses; null when the server has none.</summary>
    public static string? FontFamily => CjkTypeface.Value?.FamilyName;

    /// <summary>Skia's raster limit on either side of a picture.</summary>
    public const int MaxSide = 32_767;

    /// <summary>Renders the map; false (nothing written) when no CJK font is installed.</summary>
    public static async Task<bool> TryWriteAsync(ChainMapExport map, Stream output, long maxPixels, CancellationToken cancellationToken)
    {
        if (CjkTypeface.Value is not { } typeface)
        {
            return false;
        }

        var layout = ChainMapLayout.Compute(map);
        if (TooLarge(layout, maxPixels) is { } reason)
        {
            throw new PictureTooLargeException(reason);
        }

        using var data = Render(layout, typeface, cancellationToken);
        await using var png = data.AsStream();
        await png.CopyToAsync(output, cancellationToken);
        return true;
    }

    /// <summary>Pixel size of the PNG for a layout.</summary>
    public static (int Width, int Height) SizeOf(ChainMapLayout layout) =>
        ((int)Math.Min(int.MaxValue, Math.Ceiling(layout.Width * Scale)), (int)Math.Min(int.MaxValue, Math.Ceiling(layout.Height * Scale)));

    /// <summary>Why the PNG of <paramref name="layout"/> may not be drawn (over the pixel cap or Skia's side limit); null when it may.</summary>
    public static string? TooLarge(ChainMapLayout layout, long maxPixels)
    {
        var (width, height) = SizeOf(layout);
        var pixels = (long)width * height;
        if (pixels > maxPixels)
        {
            return $"the PNG of this chain map would be {width} × {height} = {pixels} pixels; at most {maxPixels} allowed (setting {Domain.ChainLimits.Setting(nameof(Domain.ChainLimits.MaxPngPixels))}); use format=svg, which has no such limit";
        }

        return width > MaxSide || height > MaxSide
            ? $"the PNG of this chain map would be {width} × {height} pixels; a side may be at most {MaxSide} pixels; use format=svg, which has no such limit"
            : null;
    }

    private static SKTypeface? FindCjkTypeface()
    {
        foreach (var family in new[] { "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "Source Han Sans SC" })
        {
            var face = SKTypeface.FromFamilyName(family);
            if (face is not null && HasChinese(face))
            {
                return face;
            }
        }

        var match = SKFontManager.Default.MatchCharacter('中');
        return match is not null && HasChinese(match) ? match : null;
    }

    private static bool HasChinese(SKTypeface face)
    {
        using var font = new SKFont(face);
        return font.GetGlyph('中') != 0;
    }

    private static SKPath Path(params Point[] points)
    {
        using var builder = new SKPathBuilder();
        builder.MoveTo((float)points[0].X, (float)points[0].Y);
        foreach (var p in points.Skip(1))
        {
            builder.LineTo((float)p.X, (float)p.Y);
        }

        return builder.Detach();
    }

    private static SKData Render(ChainMapLayout layout, SKTypeface typeface, CancellationToken cancellationToken)
    {
        var (width, height) = SizeOf(layout);
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Scale(Scale);
        canvas.Clear(SKColors.White);

        using var bold = SKTypeface.FromFamilyName(typeface.FamilyName, SKFontStyle.Bold) ?? typeface;
        using var fill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
        using var stroke = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke };

        DrawText(canvas, layout.Title, 24, 36, bold, ChainMapLayout.TitleSize, "#212121");
        DrawText(canvas, layout.Subtitle, 24, 62, typeface, ChainMapLayout.DetailSize + 1, "#616161");

        foreach (var column in layout.Columns)
        {
            var rect = SKRect.Create((float)column.X, (float)column.Y, (float)column.Width, (float)column.Height);
            fill.Color = SKColor.Parse(ChainMapLayout.ColumnFill);
            canvas.DrawRoundRect(rect, 8, 8, fill);
            stroke.Color = SKColor.Parse("#e0e0e0");
            stroke.StrokeWidth = 1;
            canvas.DrawRoundRect(rect, 8, 8, stroke);
            DrawText(canvas, column.Label, column.X + (column.Width / 2), column.Y + 27, bold, ChainMapLayout.HeaderSize, "#37474f", SKTextAlign.Center);
        }

        stroke.Color = SKColor.Parse(ChainMapLayout.HierarchyColour);
        stroke.StrokeWidth = 1.5f;
        foreach (var c in layout.Connectors)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var path = Path(c.From, c.Corner, c.To);
            canvas.DrawPath(path, stroke);
        }

        var flowColour = SKColor.Parse(ChainMapLayout.FlowColour).WithAlpha(190);
        stroke.Color = flowColour;
        stroke.StrokeWidth = 1.2f;
        fill.Color = flowColour;
        foreach (var a in layout.Arrows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using (var builder = new SKPathBuilder())
            {
                builder.MoveTo((float)a.Start.X, (float)a.Start.Y);
                builder.CubicTo((float)a.Control1.X, (float)a.Control1.Y, (float)a.Control2.X, (float)a.Control2.Y, (float)a.End.X, (float)a.End.Y);
                using var path = builder.Detach();
                canvas.DrawPath(path, stroke);
            }

            DrawArrowHead(canvas, a.Control2, a.End, fill);
        }

        foreach (var box in layout.Boxes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rect = SKRect.Create((float)box.X, (float)box.Y, (float)box.Width, (float)box.Height);
            fill.Color = SKColor.Parse(box.Segment.Rating.FillColour());
            canvas.DrawRoundRect(rect, 6, 6, fill);
            stroke.Color = SKColors.White;
            stroke.StrokeWidth = 1;
            canvas.DrawRoundRect(rect, 6, 6, stroke);
            DrawText(canvas, box.Segment.Name, box.X + 10, box.Y + 19, bold, ChainMapLayout.NameSize, "#ffffff");
            DrawText(canvas, box.Detail, box.X + 10, box.Y + 36, typeface, ChainMapLayout.DetailSize, "#ffffff");
        }

        foreach (var item in layout.Legend)
        {
            fill.Color = SKColor.Parse(item.Colour);
            canvas.DrawRoundRect(SKRect.Create((float)item.X, (float)item.Y, 16, 16), 3, 3, fill);
            DrawText(canvas, item.Label, item.X + 22, item.Y + 13, typeface, ChainMapLayout.LegendSize, "#424242");
        }

        var y = layout.LegendY + 34;
        stroke.Color = flowColour;
        stroke.StrokeWidth = 1.5f;
        canvas.DrawLine(24, (float)y, 64, (float)y, stroke);
        fill.Color = flowColour;
        DrawArrowHead(canvas, new Point(24, y), new Point(64, y), fill);
        DrawText(canvas, "供应关系（上游 → 下游）", 72, y + 4, typeface, ChainMapLayout.LegendSize, "#424242");
        stroke.Color = SKColor.Parse(ChainMapLayout.HierarchyColour);
        using (var elbow = Path(new Point(250, y - 8), new Point(250, y), new Point(280, y)))
        {
            canvas.DrawPath(elbow, stroke);
        }

        DrawText(canvas, "缩进 = 子环节", 288, y + 4, typeface, ChainMapLayout.LegendSize, "#424242");

        cancellationToken.ThrowIfCancellationRequested();
        using var image = surface.Snapshot();
        return image.Encode(SKEncodedImageFormat.Png, 100);
    }

    private static void DrawText(SKCanvas canvas, string text, double x, double y, SKTypeface typeface, double size, string colour, SKTextAlign align = SKTextAlign.Left)
    {
        using var font = new SKFont(typeface, (float)size) { Subpixel = true };
        using var paint = new SKPaint { IsAntialias = true, Color = SKColor.Parse(colour) };
        canvas.DrawText(text, (float)x, (float)y, align, font, paint);
    }

    /// <summary>A filled triangle at <paramref name="tip"/>, pointing along the curve's last tangent.</summary>
    private static void DrawArrowHead(SKCanvas canvas, Point from, Point tip, SKPaint paint)
    {
        var angle = Math.Atan2(tip.Y - from.Y, tip.X - from.X);
        const double length = 8;
        const double spread = 0.45;
        using var head = Path(
            tip,
            new Point(tip.X - (length * Math.Cos(angle - spread)), tip.Y - (length * Math.Sin(angle - spread))),
            new Point(tip.X - (length * Math.Cos(angle + spread)), tip.Y - (length * Math.Sin(angle + spread))));
        canvas.DrawPath(head, paint);
    }
}

/// <summary>A picture that would break the pixel cap; the message says by how much and what to use instead.</summary>
internal sealed class PictureTooLargeException(string message) : Exception(message);
