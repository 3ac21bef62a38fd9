using ChainMap.Api;
using ChainMap.Api.Chains;
using ChainMap.Api.Companies;
using ChainMap.Api.Health;
using ChainMap.Api.Imports;
using ChainMap.Api.Regions;
using ChainMap.Import;
using ChainMap.Storage;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddChainMapCore();
builder.Services.AddChainMapApi();
builder.Services.AddImportJobs();

var app = builder.Build();

app.UseChainMapApi();

app.MapHealth();
app.MapChains();
app.MapRegions();
app.MapCompanies();
app.MapImports();

app.Run();

/// <summary>The HTTP host; public so that tests can start it with WebApplicationFactory.</summary>
public partial class Program;
