namespace ChainMap.Domain;

/// <summary>
/// How much one hop of an introduction path can be relied on (0–1); a path's strength is the
/// product of its hops, so every further hop weakens it. Documented in docs/discovery.md.
/// </summary>
internal static class IntroductionWeights
{
    public static double Of(CompanyRelationKind kind) => kind switch
    {
        CompanyRelationKind.Controls => 0.95,
        CompanyRelationKind.Supplies => 0.9,
        _ => 0.8,
    };

    public static double Of(ChannelRole role) => role.Weight();
}
