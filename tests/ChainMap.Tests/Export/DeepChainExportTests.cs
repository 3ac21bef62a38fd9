using ChainMap.Domain;
using ChainMap.Export;

namespace ChainMap.Tests.Export;

/// <summary>
/// The export model and the picture layout of a chain far deeper than the caps allow (stored before the
/// caps, or with them raised): depths and tree order are computed in one iterative pass, so no stack
/// overflow and no walk per segment.
/// </summary>
public sealed class DeepChainExportTests
{
    private const int Deep = 100_000;

    private static ChainMapExport Nested(int depth) => new(
        new Chain("DEEP", "深链", ChainCategory.Other, ""),
        [.. Enumerable.Range(0, depth).Select(i => new ExportSegment($"D{i}", $"环节{i}", Tier.Midstream, i == 0 ? null : $"D{i - 1}", 0, null, null, []))],
        [],
        null);

    [Test]
    public void Depths_of_a_100000_deep_nesting_are_its_levels()
    {
        var map = Nested(Deep);

        Assert.That(map.DepthOf(map.Segments[^1]), Is.EqualTo(Deep - 1));
        Assert.That(map.DepthOf(map.Segments[0]), Is.Zero);
        Assert.That(map.Segments.Select(map.DepthOf), Is.EqualTo(Enumerable.Range(0, Deep)));
        Assert.That(map.FindSegment("D500")!.ParentCode, Is.EqualTo("D499"));
    }

    [Test]
    public void The_layout_of_a_100000_deep_nesting_places_every_box_in_tree_order_and_its_png_is_refused()
    {
        var layout = ChainMapLayout.Compute(Nested(Deep));

        Assert.That(layout.Boxes.Select(b => b.Depth), Is.EqualTo(Enumerable.Range(0, Deep)));
        Assert.That(layout.FindBox("D99999")!.Depth, Is.EqualTo(Deep - 1));
        Assert.That(ChainMapPngRenderer.TooLarge(layout, ChainLimits.Default.MaxPngPixels), Does.Contain("Chains:MaxPngPixels").And.Contain("format=svg"));
    }

    [Test]
    public void A_picture_over_the_pixel_cap_is_refused_by_the_writer_before_anything_is_drawn()
    {
        if (!ChainMapWriter.CanRenderPng)
        {
            Assert.Ignore("no CJK font here (Debian: fonts-wqy-microhei)");
        }

        var output = new MemoryStream();

        Assert.That(
            async () => await ChainMapWriter.WriteAsync(ChainMapFormats.Png, Nested(2_000), ExportSamples.Definition(), output, ChainLimits.Default.MaxPngPixels, CancellationToken.None),
            Throws.TypeOf<PictureTooLargeException>().With.Message.Contain("pixels"));
        Assert.That(output.Length, Is.Zero);
    }
}
