using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using ChainMap.Api.Channels;
using ChainMap.Api.Targets;
using ChainMap.Tests.Support;
using Microsoft.AspNetCore.Mvc;

namespace ChainMap.Tests.Api;

/// <summary>Channel import (with row errors), channel reads, and their effect on targets.</summary>
public sealed class ChannelApiTests
{
    private static MultipartFormDataContent Form(string? channels, string? links)
    {
        var form = new MultipartFormDataContent();
        if (channels is not null)
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(channels));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(file, "channels", "channels.csv");
        }

        if (links is not null)
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(links));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(file, "links", "links.csv");
        }

        return form;
    }

    [Test]
    public async Task Import_saves_good_rows_and_reports_each_bad_row_with_line_column_and_reason()
    {
        using var factory = new ChainMapApiFactory(seed: false);
        var graph = await TargetApiTests.BuildAsync(factory);
        using var client = factory.CreateClient();
        var channels = """
            编码,名称,类型,所在地区,关联地区,联系人,备注
            HZ-SZ,杭州随州商会,商会,杭州,随州,刘会长,
            BAD-KIND,某联盟,俱乐部,杭州,,,
            HZ-SZ,重复的商会,商会,杭州,,,
            NO-REGION,火星商会,商会,火星,,,
            ZJ-PER,赵某,亲友,330100,421300|420000,,
            """;
        var links = $"""
            channel,company_uscc,member_channel,role,note
            HZ-SZ,{graph.Usccs["F"]},,会员,
            HZ-SZ,,ZJ-PER,会长,
            HZ-SZ,91330106XXXXXXXXX1,,member,
            HZ-SZ,{graph.Usccs["F"][..17]}{(graph.Usccs["F"][17] == '0' ? '1' : '0')},,member,
            NOPE,{graph.Usccs["A"]},,member,
            ZJ-PER,{graph.Usccs["A"]},,舞伴,
            ZJ-PER,{graph.Usccs["A"]},HZ-SZ,relative,
            ZJ-PER,{graph.Usccs["C"]},,亲友,老同学
            HZ-SZ,{DiscoveryGraphUscc("330106")},,member,
            """;

        var response = await client.PostAsync(new Uri("/api/channels/import", UriKind.Relative), Form(channels, links));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var summary = (await response.Content.ReadFromJsonAsync<ChannelImportResponse>())!;

        Assert.That((summary.ChannelsRead, summary.ChannelsSaved), Is.EqualTo((5, 2)));
        Assert.That((summary.LinksRead, summary.LinksAdded), Is.EqualTo((9, 3)));
        Assert.That(summary.Rejected, Is.EqualTo(3 + 6));
        var problems = summary.Problems.Select(p => (p.File, p.Line, p.Column)).ToList();
        Assert.That(problems, Is.SupersetOf(new[]
        {
            ("channels.csv", 3, (string?)"kind"), ("channels.csv", 4, "code"), ("channels.csv", 5, "region"),
            ("links.csv", 4, "company_uscc"), ("links.csv", 5, "company_uscc"), ("links.csv", 6, "channel"),
            ("links.csv", 7, "role"), ("links.csv", 8, "company_uscc"), ("links.csv", 10, "company_uscc"),
        }));
        Assert.That(summary.Problems.Single(p => p.Line == 5 && p.File == "links.csv").Reason, Does.Contain("check character"));
        Assert.That(summary.Problems.Single(p => p.Line == 10).Reason, Does.Contain("no company has this USCC"));

        var list = await client.GetFromJsonAsync<ChannelPageResponse>("/api/channels?region=浙江&pageSize=50");
        Assert.That(list!.Items.Select(c => c.Code), Is.EquivalentTo(new[] { "HZ-SZ", "ZJ-PER" }));
        var chamber = list.Items.Single(c => c.Code == "HZ-SZ");
        Assert.That((chamber.Kind, chamber.TiedToHome, chamber.Contact), Is.EqualTo(("chamber", true, (string?)"刘会长")));
        var detail = await client.GetFromJsonAsync<ChannelDetailResponse>($"/api/channels/{chamber.Id}");
        Assert.That(detail!.Links.Select(l => l.CompanyName ?? l.ChannelName), Is.EquivalentTo(new[] { "杭州整车公司", "赵某" }));
        Assert.That(detail.Links.Single(l => l.ChannelName == "赵某").Role, Is.EqualTo("officer"));
    }

    [Test]
    public async Task An_imported_link_to_a_home_tied_channel_raises_the_target_at_once()
    {
        using var factory = new ChainMapApiFactory(seed: false);
        var graph = await TargetApiTests.BuildAsync(factory);
        using var client = factory.CreateClient();
        var before = await client.GetFromJsonAsync<TargetPageResponse>("/api/targets?chain=T1&segment=T1-VEH&region=浙江");

        var response = await client.PostAsync(new Uri("/api/channels/import", UriKind.Relative), Form(null, $"channel,company_uscc,role\nSH-SZ,{graph.Usccs["F"]},officer\n"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var after = await client.GetFromJsonAsync<TargetPageResponse>("/api/targets?chain=T1&segment=T1-VEH&region=浙江");

        Assert.That(before!.Items.Single().ScoreParts.Channels, Is.Zero);
        Assert.That(after!.Items.Single().ScoreParts.Channels, Is.EqualTo(10));
        Assert.That(after.Items.Single().Paths.Single().Steps.Single().Label, Is.EqualTo("杭州整车公司 是 上海随州商会 的会长/理事单位"));
    }

    [Test]
    public async Task Import_without_files_or_with_a_headerless_file_is_rejected_whole()
    {
        using var factory = new ChainMapApiFactory(seed: false);
        await TargetApiTests.BuildAsync(factory);
        using var client = factory.CreateClient();

        var empty = await client.PostAsync(new Uri("/api/channels/import", UriKind.Relative), new MultipartFormDataContent { { new StringContent("x"), "other" } });
        var noColumns = await client.PostAsync(new Uri("/api/channels/import", UriKind.Relative), Form("foo,bar\n1,2\n", null));
        var list = await client.GetFromJsonAsync<ChannelPageResponse>("/api/channels");

        Assert.That(empty.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(noColumns.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await noColumns.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail, Does.Contain("missing column(s) code, name, kind"));
        Assert.That(list!.Total, Is.EqualTo(5), "nothing was written");
    }

    [Test]
    public async Task Unknown_channel_is_404_and_bad_kind_is_400()
    {
        using var factory = new ChainMapApiFactory(seed: false);
        using var client = factory.CreateClient();

        var missing = await client.GetAsync(new Uri("/api/channels/4242", UriKind.Relative));
        var badKind = await client.GetAsync(new Uri("/api/channels?kind=俱乐部", UriKind.Relative));

        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await missing.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail, Does.Contain("4242"));
        Assert.That(badKind.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    private static string DiscoveryGraphUscc(string region) => ChainMap.Domain.Uscc.FromBody($"91{region}UNKNWN000").Value;
}
