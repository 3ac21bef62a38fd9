using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using ChainMap.Export;
using ChainMap.Import;
using MiniExcelLibs;
using SkiaSharp;

namespace ChainMap.Tests.Export;

/// <summary>Every chain-map format written to an async-only stream and read back with a real parser.</summary>
public sealed class ChainMapFormatTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly XNamespace GraphMl = "http://graphml.graphdrawing.org/xmlns";

    [Test]
    public async Task Json_has_a_node_per_segment_and_hierarchy_and_flow_as_separate_edge_kinds()
    {
        var map = ExportSamples.RatedMap();
        using var json = JsonDocument.Parse(await ExportSamples.WriteAsync(ChainMapFormats.Json));
        var root = json.RootElement;

        var nodes = root.GetProperty("nodes").EnumerateArray().ToList();
        var edges = root.GetProperty("edges").EnumerateArray().ToList();
        Assert.That(root.GetProperty("chain").GetProperty("name").GetString(), Is.EqualTo("测试专汽"));
        Assert.That(root.GetProperty("homeRegion").GetString(), Is.EqualTo("随州市"));
        Assert.That(nodes.Select(n => n.GetProperty("name").GetString()), Is.EqualTo(map.Segments.Select(s => s.Name)));
        Assert.That(edges.Count(e => e.GetProperty("kind").GetString() == "hierarchy"), Is.EqualTo(2));
        Assert.That(edges.Count(e => e.GetProperty("kind").GetString() == "flow"), Is.EqualTo(map.Flows.Count));
        var axle = nodes.Single(n => n.GetProperty("id").GetString() == "EXQ-CH-AXLE");
        Assert.That(axle.GetProperty("parent").GetString(), Is.EqualTo("EXQ-CH"));
        Assert.That(axle.GetProperty("depth").GetInt32(), Is.EqualTo(1));
        Assert.That(axle.GetProperty("ratingLabel").GetString(), Is.EqualTo("空白"));
        Assert.That(axle.GetProperty("actionLabel").GetString(), Is.EqualTo("补链"));
        Assert.That(nodes.Single(n => n.GetProperty("id").GetString() == "EXQ-MAT").GetProperty("topTargets")[0].GetProperty("name").GetString(), Is.EqualTo("宝钢示例有限公司"));
        Assert.That(nodes.Single(n => n.GetProperty("id").GetString() == "EXQ-Q").GetProperty("rating").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task GraphMl_is_valid_xml_in_the_graphml_namespace_with_declared_keys_labels_and_edge_kinds()
    {
        var map = ExportSamples.RatedMap();
        var document = XDocument.Load(new MemoryStream(await ExportSamples.WriteAsync(ChainMapFormats.GraphMl)));

        Assert.That(document.Root!.Name, Is.EqualTo(GraphMl + "graphml"));
        var declared = document.Root.Elements(GraphMl + "key").Select(k => (string)k.Attribute("id")!).ToHashSet();
        var used = document.Descendants(GraphMl + "data").Select(d => (string)d.Attribute("key")!).ToHashSet();
        Assert.That(used, Is.SubsetOf(declared), "every data key is declared");
        var labelKey = document.Root.Elements(GraphMl + "key").Single(k => (string?)k.Attribute("attr.name") == "label");
        Assert.That((string?)labelKey.Attribute("for"), Is.EqualTo("node"));

        var graph = document.Root.Element(GraphMl + "graph")!;
        Assert.That((string?)graph.Attribute("edgedefault"), Is.EqualTo("directed"));
        var nodes = graph.Elements(GraphMl + "node").ToList();
        Assert.That(nodes, Has.Count.EqualTo(map.Segments.Count));
        string Label(XElement node) => node.Elements(GraphMl + "data").Single(d => (string?)d.Attribute("key") == "label").Value;
        Assert.That(nodes.Select(Label), Is.EqualTo(map.Segments.Select(s => s.Name)), "labels survive escaping, quotes and & included");
        XNamespace y = ChainMapGraphMlWriter.YNamespace;
        Assert.That(nodes.Select(n => n.Descendants(y + "NodeLabel").Single().Value), Is.EqualTo(map.Segments.Select(s => s.Name)), "yEd labels");

        var edges = graph.Elements(GraphMl + "edge").ToList();
        string Kind(XElement edge) => edge.Elements(GraphMl + "data").Single(d => (string?)d.Attribute("key") == "kind").Value;
        Assert.That(edges.Count(e => Kind(e) == "flow"), Is.EqualTo(map.Flows.Count));
        Assert.That(edges.Where(e => Kind(e) == "hierarchy").Select(e => ((string?)e.Attribute("source"), (string?)e.Attribute("target"))),
            Is.EquivalentTo(new[] { ("EXQ-CH", "EXQ-CH-AXLE"), ("EXQ-BODY", "EXQ-Q") }));
        var ids = nodes.Select(n => (string)n.Attribute("id")!).ToHashSet();
        Assert.That(edges.All(e => ids.Contains((string)e.Attribute("source")!) && ids.Contains((string)e.Attribute("target")!)), Is.True);
    }

    [Test]
    public async Task Cypher_script_merges_every_node_and_relationship_on_codes()
    {
        var map = ExportSamples.RatedMap();
        var script = Encoding.UTF8.GetString(await ExportSamples.WriteAsync(ChainMapFormats.Cypher));
        var statements = CypherScript.Split(script);

        Assert.That(statements, Has.Count.EqualTo(1 + (2 * map.Segments.Count) + 2 + map.Flows.Count));
        Assert.That(statements.All(s => s.Contains("MERGE", StringComparison.Ordinal)), Is.True, "every statement is an idempotent MERGE");
        Assert.That(statements.Count(s => s.StartsWith("MERGE (s:Segment", StringComparison.Ordinal)), Is.EqualTo(map.Segments.Count));
        Assert.That(statements.Count(s => s.Contains(":SUPPLIES]", StringComparison.Ordinal)), Is.EqualTo(map.Flows.Count));
        Assert.That(statements.Count(s => s.Contains(":SUB_SEGMENT_OF]", StringComparison.Ordinal)), Is.EqualTo(2));
        Assert.That(script, Does.Not.Contain("$").And.Not.Contain("IF NOT EXISTS"), "no parameters or 4.x+ only syntax");
        Assert.That(script, Does.Contain(@"s.name = '\""引号\""与\'单引号\'\\反斜杠<&>'"));
    }

    [TestCase("plain 中文", "'plain 中文'")]
    [TestCase("it's", @"'it\'s'")]
    [TestCase("say \"hi\"", "'say \\\"hi\\\"'")]
    [TestCase(@"C:\path\", @"'C:\\path\\'")]
    [TestCase("line1\nline2\r\ttab", @"'line1\nline2\r\ttab'")]
    [TestCase("\\'; MATCH (n) DETACH DELETE n; //", @"'\\\'; MATCH (n) DETACH DELETE n; //'")]
    [TestCase("bell\u0007", @"'bell\u0007'")]
    public void Cypher_literals_escape_quotes_backslashes_and_control_characters(string value, string expected)
    {
        var literal = ChainMapCypherWriter.Literal(value);

        Assert.That(literal, Is.EqualTo(expected));
        Assert.That(CypherScript.Split($"RETURN {literal};"), Has.Count.EqualTo(1), "the literal does not end the statement early");
    }

    [Test]
    public async Task Mermaid_flowchart_has_a_subgraph_per_tier_a_node_per_segment_and_an_arrow_per_flow()
    {
        var map = ExportSamples.RatedMap();
        var lines = Encoding.UTF8.GetString(await ExportSamples.WriteAsync(ChainMapFormats.Mermaid)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()).ToList();

        Assert.That(lines[0], Is.EqualTo("flowchart LR"));
        Assert.That(lines.Where(l => l.StartsWith("subgraph ", StringComparison.Ordinal)), Is.EqualTo(new[] { "subgraph upstream[\"上游\"]", "subgraph midstream[\"中游\"]", "subgraph downstream[\"下游\"]" }));
        Assert.That(lines.Count(l => l == "end"), Is.EqualTo(3));
        var nodeLines = lines.Where(l => l.StartsWith("s_", StringComparison.Ordinal) && l.Contains("[\"", StringComparison.Ordinal)).ToList();
        Assert.That(nodeLines, Has.Count.EqualTo(map.Segments.Count));
        Assert.That(lines.Count(l => l.Contains(" --> ", StringComparison.Ordinal)), Is.EqualTo(map.Flows.Count));
        Assert.That(lines.Count(l => l.Contains(" -.- ", StringComparison.Ordinal)), Is.EqualTo(2));
        Assert.That(nodeLines.Single(l => l.StartsWith("s_EXQ_MAT[", StringComparison.Ordinal)), Does.Contain("原材料"));
        var tricky = nodeLines.Single(l => l.StartsWith("s_EXQ_Q[", StringComparison.Ordinal));
        var label = tricky[(tricky.IndexOf("[\"", StringComparison.Ordinal) + 2)..tricky.LastIndexOf("\"]", StringComparison.Ordinal)];
        Assert.That(label, Does.StartWith("#quot;引号#quot;与'单引号'\\反斜杠#lt;#amp;#gt;"));
        Assert.That(label, Does.Not.Contain("\""), "no raw quote ends the label early");
        Assert.That(lines, Does.Contain("class s_EXQ_MAT,s_EXQ_SVC advantage"));
    }

    [Test]
    public async Task Svg_shows_each_segment_name_coloured_by_rating_with_an_arrow_per_flow_and_a_legend()
    {
        var map = ExportSamples.RatedMap();
        var document = XDocument.Load(new MemoryStream(await ExportSamples.WriteAsync(ChainMapFormats.Svg)));
        var root = document.Root!;

        Assert.That(root.Name, Is.EqualTo(Svg + "svg"));
        Assert.That((string?)root.Attribute("font-family"), Does.Contain("\"Noto Sans CJK SC\"").And.Contain("\"WenQuanYi Micro Hei\"").And.Contain("\"Microsoft YaHei\"").And.EndsWith("sans-serif"));
        Assert.That(root.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "tier-label").Select(t => t.Value), Is.EqualTo(new[] { "上游", "中游", "下游" }));

        var groups = root.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "segment").ToList();
        Assert.That(groups.Select(g => g.Elements(Svg + "text").First().Value), Is.EqualTo(map.Segments.Select(s => s.Name)), "a text per segment with its Chinese name, escaped and read back intact");
        string Fill(string code) => (string)groups.Single(g => (string?)g.Attribute("data-code") == code).Element(Svg + "rect")!.Attribute("fill")!;
        Assert.That(Fill("EXQ-MAT"), Is.EqualTo(((ExportRating?)ExportRating.Advantage).FillColour()));
        Assert.That(Fill("EXQ-CH-AXLE"), Is.EqualTo(((ExportRating?)ExportRating.Blank).FillColour()));
        Assert.That(Fill("EXQ-Q"), Is.EqualTo(((ExportRating?)null).FillColour()), "unrated is grey");
        Assert.That(groups.Single(g => (string?)g.Attribute("data-code") == "EXQ-CH-AXLE").Elements(Svg + "text").ElementAt(1).Value, Does.Contain("空白").And.Contain("补链").And.Contain("本地 0 家"));

        double X(string code) => double.Parse((string)groups.Single(g => (string?)g.Attribute("data-code") == code).Element(Svg + "rect")!.Attribute("x")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(X("EXQ-CH-AXLE"), Is.GreaterThan(X("EXQ-CH")), "sub-segment indented under its parent");
        Assert.That(root.Descendants(Svg + "path").Count(p => (string?)p.Attribute("class") == "sub-segment"), Is.EqualTo(2));

        var arrows = root.Descendants(Svg + "path").Where(p => (string?)p.Attribute("class") == "flow").ToList();
        Assert.That(arrows, Has.Count.EqualTo(map.Flows.Count));
        Assert.That(arrows.All(a => (string?)a.Attribute("marker-end") == "url(#arrow)"), Is.True);
        Assert.That(root.Descendants(Svg + "marker").Single().Attribute("id")!.Value, Is.EqualTo("arrow"));
        Assert.That(arrows.Select(a => ((string?)a.Attribute("data-from"), (string?)a.Attribute("data-to"))), Is.EqualTo(map.Flows.Select(f => ((string?)f.From, (string?)f.To))));

        var legend = root.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "legend");
        Assert.That(legend.Elements(Svg + "text").Select(t => t.Value), Is.SupersetOf(new[] { "优势", "潜力", "薄弱", "空白", "未评级" }));
    }

    [Test]
    public async Task Png_is_a_png_of_the_layout_size_with_boxes_in_their_rating_colour()
    {
        Assert.That(ChainMapWriter.CanRenderPng, Is.True, "a CJK font is installed (scripts/test-infra/install-deps.sh installs fonts-wqy-microhei)");
        var map = ExportSamples.RatedMap();
        var bytes = await ExportSamples.WriteAsync(ChainMapFormats.Png);

        Assert.That(bytes.Take(8), Is.EqualTo(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }));
        var layout = ChainMapLayout.Compute(map);
        var (width, height) = ChainMapPngRenderer.SizeOf(layout);
        Assert.That(BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), Is.EqualTo(width));
        Assert.That(BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)), Is.EqualTo(height));

        using var bitmap = SKBitmap.Decode(bytes);
        var scale = width / layout.Width;
        SKColor At(string code)
        {
            var box = layout.FindBox(code)!;
            return bitmap.GetPixel((int)((box.X + 4) * scale), (int)((box.Y + box.Height - 4) * scale));
        }

        Assert.That(At("EXQ-MAT"), Is.EqualTo(SKColor.Parse(((ExportRating?)ExportRating.Advantage).FillColour())));
        Assert.That(At("EXQ-BODY"), Is.EqualTo(SKColor.Parse(((ExportRating?)ExportRating.Potential).FillColour())));
        Assert.That(At("EXQ-Q"), Is.EqualTo(SKColor.Parse(((ExportRating?)null).FillColour())));
    }

    [Test]
    public async Task Xlsx_has_a_segment_sheet_with_ratings_and_a_target_sheet_with_top_targets()
    {
        var map = ExportSamples.RatedMap();
        using var xlsx = new MemoryStream(await ExportSamples.WriteAsync(ChainMapFormats.Xlsx));

        Assert.That(MiniExcel.GetSheetNames(xlsx), Is.EqualTo(new[] { "环节", "目标企业", "供应关系" }));
        var segments = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "环节").Cast<IDictionary<string, object?>>().ToList();
        Assert.That(segments, Has.Count.EqualTo(map.Segments.Count));
        Assert.That(segments[0].Keys, Is.SupersetOf(new[] { "环节编码", "环节", "层级", "上级环节", "本地企业数", "评级", "行动" }));
        var axle = segments.Single(r => (string?)r["环节编码"] == "EXQ-CH-AXLE");
        Assert.That(axle["环节"], Is.EqualTo("车桥与悬架"));
        Assert.That(axle["层级"], Is.EqualTo("上游"));
        Assert.That(axle["上级环节"], Is.EqualTo("专用车底盘"));
        Assert.That(axle["评级"], Is.EqualTo("空白"));
        Assert.That(axle["行动"], Is.EqualTo("补链"));
        Assert.That(Convert.ToInt32(segments.Single(r => (string?)r["环节编码"] == "EXQ-SVC")["本地企业数"], System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(13));
        Assert.That(segments.Single(r => (string?)r["环节编码"] == "EXQ-Q")["评级"], Is.EqualTo("未评级"));
        Assert.That(segments.Single(r => (string?)r["环节编码"] == "EXQ-F")["环节"], Is.EqualTo("'" + ExportSamples.FormulaName), "formula neutralised");

        var targets = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "目标企业").Cast<IDictionary<string, object?>>().ToList();
        Assert.That(targets.Select(t => (t["环节"], t["企业"])), Is.EqualTo(new (object?, object?)[]
        {
            ("原材料", "宝钢示例有限公司"), ("原材料", "鞍钢示例有限公司"), ("专用车底盘", "底盘示例公司"), ("车桥与悬架", "车桥示例公司"),
        }));
        Assert.That(Convert.ToDouble(targets[0]["得分"], System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(88.5));
        Assert.That(targets[1]["排名"], Is.EqualTo(2d).Or.EqualTo(2));
    }

    [Test]
    public async Task Unrated_map_gets_an_xlsx_target_sheet_with_headers_and_no_rows()
    {
        var map = ExportSamples.RatedMap() is var m ? m with { Segments = m.Segments.Select(s => s with { Rating = null, Action = null, TopTargets = [] }).ToList() } : null;
        using var xlsx = new MemoryStream(await ExportSamples.WriteAsync(ChainMapFormats.Xlsx, map));

        var rows = MiniExcel.Query(xlsx, useHeaderRow: false, sheetName: "目标企业").Cast<IDictionary<string, object?>>().ToList();
        Assert.That(rows, Has.Count.EqualTo(1), "header row only");
        Assert.That(rows[0].Values, Does.Contain("企业").And.Contain("得分"));
    }

    [Test]
    public async Task Csv_format_is_a_zip_of_the_three_import_files_that_reads_back_as_the_same_definition()
    {
        var definition = ExportSamples.Definition();
        using var zip = new ZipArchive(new MemoryStream(await ExportSamples.WriteAsync(ChainMapFormats.Csv)), ZipArchiveMode.Read);

        Assert.That(zip.Entries.Select(e => e.FullName), Is.EqualTo(new[] { "chains.csv", "segments.csv", "flows.csv" }));
        await using var chains = await Entry(zip, "chains.csv");
        await using var segments = await Entry(zip, "segments.csv");
        await using var flows = await Entry(zip, "flows.csv");
        Assert.That(segments.ToArray().Take(3), Is.EqualTo(Encoding.UTF8.Preamble.ToArray()), "UTF-8 BOM so Excel shows Chinese");
        var read = await ChainCsv.ReadAsync(chains, segments, flows, CancellationToken.None);

        Assert.That(read.Problems, Is.Empty);
        ChainDefinitionAssert.Same(read.Chains.Single(), definition);
    }

    private static async Task<MemoryStream> Entry(ZipArchive zip, string name)
    {
        var copy = new MemoryStream();
        await using (var stream = zip.GetEntry(name)!.Open())
        {
            await stream.CopyToAsync(copy);
        }

        copy.Position = 0;
        return copy;
    }
}
