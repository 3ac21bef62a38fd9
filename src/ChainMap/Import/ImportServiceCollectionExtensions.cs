using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChainMap.Import;

public static class ImportServiceCollectionExtensions
{
    /// <summary>The importers (companies, relations, chains) and their options (section <c>Import</c>); the company importer itself comes with the core.</summary>
    public static IServiceCollection AddChainMapImport(this IServiceCollection services)
    {
        services.AddOptions<ImportServiceOptions>().BindConfiguration(ImportServiceOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<RelationImporter>();
        services.TryAddSingleton<ChainImporter>();
        return services;
    }

    /// <summary>The background job queue and runner (the HTTP host only: a command-line import runs in the foreground).</summary>
    public static IServiceCollection AddImportJobs(this IServiceCollection services)
    {
        services.AddChainMapImport();
        services.AddSingleton<ImportJobs>();
        services.AddHostedService<ImportJobRunner>();
        return services;
    }
}
