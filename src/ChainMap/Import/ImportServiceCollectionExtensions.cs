using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChainMap.Import;

internal static class ImportServiceCollectionExtensions
{
    /// <summary>The importers (companies, relations, chains) and their options (section <c>Import</c>).</summary>
    public static IServiceCollection AddImport(this IServiceCollection services)
    {
        services.AddOptions<ImportServiceOptions>().BindConfiguration(ImportServiceOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<CompanyImporter>();
        services.TryAddSingleton<RelationImporter>();
        services.TryAddSingleton<ChainImporter>();
        services.TryAddSingleton<Curation.CompanyMerging>();
        services.TryAddSingleton<ImportUndoing>();
        return services;
    }

    /// <summary>The background job queue and runner over <see cref="AddImport"/> (the HTTP host only: a command-line import runs in the foreground).</summary>
    public static IServiceCollection AddImportJobs(this IServiceCollection services)
    {
        services.AddSingleton<ImportJobs>();
        services.AddSingleton<ImportThreads>();
        services.AddHostedService<ImportJobRunner>();
        return services;
    }
}
