using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ChainMap.Api.Chains;
using ChainMap.Api.Imports;
using ChainMap.Export;
using ChainMap.Tests.Support;
using MiniExcelLibs;

namespace ChainMap.Tests.Api;

/// <summary>
/// Formula-looking values (CSV injection) in a chain: the workbook meant for a spreadsheet neutralises
/// every one, the chain definition zip keeps them verbatim so that it still round-trips, and says so.
/// </summary>
public sealed class SpreadsheetExportTests
{
    private static readonly string[] Formulas = ["=HYPERLINK(\"http://x\",\"点我\")", "+1+1", "-2+3", "@SUM(A1)", "=cmd|' /C calc'!A0"];

    [Test]
    public async Task Formulas_are_neutralised_in_the_workbook_and_verbatim_in_the_round_trip_zip()
    {
        using var factory = new ChainMapApiFactory(seed: false);
        using var client = factory.CreateClient();
        var chain = new ChainRequest(
            "FX",
            "公式链",
            "other",
            Formulas[4],
            [.. Formulas.Select((f, i) => new SegmentRequest($"FX-{i}", f, i % 2 == 0 ? "upstream" : "downstream", Aliases: [f], Keywords: [f]))],
            [new FlowRequest("FX-0", "FX-1", Formulas[1]), new FlowRequest("FX-2", "FX-3", Formulas[3])]);
        Assert.That((await client.PostAsJsonAsync("/api/chains", chain)).StatusCode, Is.EqualTo(HttpStatusCode.Created));

        using var xlsx = new MemoryStream(await client.GetByteArrayAsync("/api/chains/FX/export?format=xlsx"));
        var cells = MiniExcel.GetSheetNames(xlsx)
            .SelectMany(sheet => MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>())
            .SelectMany(row => row.Values.OfType<string>())
            .ToList();
        Assert.That(cells, Has.Some.EqualTo("'" + Formulas[0]), "the workbook holds the names");
        Assert.That(cells.Where(c => c.Length > 0 && c[0] is '=' or '+' or '-' or '@'), Is.Empty, "no cell of the workbook starts a formula");

        var zip = await client.GetByteArrayAsync("/api/chains/FX/export?format=csv");
        using (var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read))
        {
            using var reader = new StreamReader(archive.GetEntry("segments.csv")!.Open());
            var text = await reader.ReadToEndAsync();
            Assert.That(text, Does.Contain("\n" + "FX,FX-1,+1+1,").And.Contain("@SUM(A1)"), "verbatim");
        }

        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(zip);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        form.Add(file, "file", "fx.zip");
        using var imported = await client.PostAsync("/api/imports/chains", form);
        var job = await WaitAsync(client, (await imported.Content.ReadFromJsonAsync<ImportJobResponse>())!.Id);
        Assert.That((job.State, job.Unchanged, job.Updated), Is.EqualTo(("succeeded", 1L, 0L)), job.Message);

        Assert.That(ChainMapFormats.Csv.Description, Does.Contain("verbatim").And.Contain("not formula-safe").And.Contain("xlsx"));
        var openApi = await client.GetStringAsync("/openapi/v1.json");
        Assert.That(openApi, Does.Contain("not formula-safe"), "the API document says so too");
    }

    private static async Task<ImportJobResponse> WaitAsync(HttpClient client, string id)
    {
        return await ImportJobWait.UntilAsync(client, id);
    }
}
