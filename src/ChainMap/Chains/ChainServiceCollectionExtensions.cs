using ChainMap.Domain;
using Microsoft.Extensions.DependencyInjection;

namespace ChainMap.Chains;

internal static class ChainServiceCollectionExtensions
{
    /// <summary>Chain definitions (limits from section <c>Chains</c>), their editing, re-classification and membership curation.</summary>
    public static IServiceCollection AddChains(this IServiceCollection services)
    {
        services.AddOptions<ChainLimits>().BindConfiguration(ChainLimits.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ChainDirectory>();
        services.AddSingleton<ChainService>();
        services.AddSingleton<Reclassifier>();
        services.AddSingleton<MembershipCuration>();
        services.AddSingleton<Curation.MembershipReviewService>();
        return services;
    }
}
