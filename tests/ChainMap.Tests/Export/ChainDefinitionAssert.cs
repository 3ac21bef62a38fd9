using ChainMap.Domain;

namespace ChainMap.Tests.Export;

internal static class ChainDefinitionAssert
{
    /// <summary>Same chain, same segments (every field, in order) and same flows.</summary>
    public static void Same(ChainDefinition actual, ChainDefinition expected)
    {
        Assert.That(actual.Chain, Is.EqualTo(expected.Chain));
        Assert.That(actual.Segments.Select(Describe), Is.EqualTo(expected.Segments.Select(Describe)));
        Assert.That(actual.Flows, Is.EqualTo(expected.Flows));
    }

    private static string Describe(Segment s) =>
        string.Join(" | ", s.ChainCode, s.Code, s.Name, s.Tier, s.ParentCode ?? "-", string.Join(",", s.Aliases), string.Join(",", s.Products), string.Join(",", s.Keywords), string.Join(",", s.IndustryCodes));
}
