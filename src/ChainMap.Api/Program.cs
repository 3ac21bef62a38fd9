using ChainMap.Api;
using ChainMap.Api.Access;
using ChainMap.Api.Chains;
using ChainMap.Api.Channels;
using ChainMap.Api.Companies;
using ChainMap.Api.Exports;
using ChainMap.Api.Health;
using ChainMap.Api.Operations;
using ChainMap.Api.Projects;
using ChainMap.Api.Regions;
using ChainMap.Api.Targets;
using ChainMap.Api.Teams;
using ChainMap.Api.Imports;
using ChainMap.Access;
using ChainMap.Chains;
using ChainMap.Curation;
using ChainMap.Channels;
using ChainMap.Discovery;
using ChainMap.Export;
using ChainMap.Import;
using ChainMap.Projects;
using ChainMap.Regions;
using ChainMap.Seeding;
using ChainMap.Storage;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddChainMapStore();
builder.Services.AddRegions();
builder.Services.AddChains();
builder.Services.AddCompanyEditing();
builder.Services.AddDiscovery();
builder.Services.AddChannels();
builder.Services.AddImport();
builder.Services.AddExport();
builder.Services.AddProjects();
builder.Services.AddAccess();
builder.Services.AddDefaultData();
builder.Services.AddChainMapApi();
builder.Services.AddImportJobs();

var app = builder.Build();

app.UseChainMapApi();

app.MapHealth();
app.MapAccess();
app.MapOperations();
app.MapChains();
app.MapRegions();
app.MapCompanies();
app.MapCompanyEdits();
app.MapMembershipReview();
app.MapCompanyMerge();
app.MapExports();
app.MapProjects();
app.MapActivities();
app.MapResults();
app.MapTargets();
app.MapTeams();
app.MapChannels();
app.MapImports();
app.MapImportUndo();
app.MapDemo();

app.Run();

/// <summary>The HTTP host; public so that tests can start it with WebApplicationFactory.</summary>
public partial class Program;
