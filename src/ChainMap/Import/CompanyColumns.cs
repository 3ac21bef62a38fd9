using System.Text;
using System.Text.Json;
using ChainMap.Text;

namespace ChainMap.Import;

/// <summary>
/// The fields a company file can carry, and the header names (Chinese or English) that mean each.
/// Headers match after folding (script, width, case), ignoring spaces, '_', '-', '*' and the
/// bracket style, so "Company Name", "company_name", "企业名称*" and "企業名稱" all mean name.
/// </summary>
internal static class CompanyColumns
{
    public const string Name = "name";
    public const string Uscc = "uscc";
    public const string RegionCode = "region_code";
    public const string Province = "province";
    public const string City = "city";
    public const string County = "county";
    public const string Region = "region";
    public const string Address = "address";
    public const string Industry = "industry";
    public const string Products = "products";
    public const string Scope = "scope";
    public const string Segment = "segment";
    public const string Role = "role";
    public const string RegisteredCapital = "registered_capital";
    public const string Founded = "founded";
    public const string Employees = "employees";
    public const string Revenue = "revenue";
    public const string ListedCode = "listed_code";

    /// <summary>A bare 代码 column (a Wind export's 000001.SZ): read as the listed code where its value is a stock code (ADR 0690).</summary>
    public const string Code = "code";
    public const string Tags = "tags";
    public const string Controller = "controller";
    public const string Status = "status";

    // Order matters twice: it is the field order of the documentation, and when two columns of a
    // file mean the same field, the one whose header comes earlier in its list wins (主营产品 over 经营范围),
    // and the others, in the same order, fill the field on the rows where it is empty (行业小类, else 行业大类).
    private static readonly (string Field, string[] Aliases)[] Table =
    [
        (Name, ["name", "company", "company name", "enterprise name", "企业名称", "公司名称", "公司全称", "企业全称", "单位名称", "机构名称", "企业名", "公司名", "公司名字", "企业名字", "单位名字", "名称", "企业", "公司",
            "公司中文名称", "中文名称", "企业中文名称", "公司中文全称", "证券简称", "股票简称", "公司简称", "简称"]),
        (Uscc, ["uscc", "unified social credit code", "credit code", "social credit code", "统一社会信用代码", "社会信用代码", "统一信用代码", "信用代码", "统一代码", "纳税人识别号"]),
        (RegionCode, ["region code", "division code", "行政区划代码", "区划代码", "地区代码", "区县代码", "行政区划编码"]),
        (Province, ["province", "省份", "省", "所属省份", "所在省份", "省份名称", "省级"]),
        (City, ["city", "城市", "市", "所属城市", "所在城市", "地市", "地级市", "城市名称"]),
        (County, ["county", "district", "区县", "县区", "县", "区", "所属区县", "所在区县", "区县名称"]),
        (Region, ["region", "area", "地区", "所在地区", "所属地区", "所在地", "注册地", "所属区域", "区域"]),
        (Address, ["address", "registered address", "注册地址", "地址", "企业地址", "公司地址", "通信地址", "办公地址", "经营地址", "详细地址"]),
        (Industry, ["industry", "行业", "所属行业", "国标行业", "行业分类", "行业代码", "国标行业代码", "国民经济行业", "国民经济行业分类", "国民经济行业代码", "所属国标行业",
            "行业小类", "国标行业小类", "行业中类", "国标行业中类", "行业大类", "国标行业大类", "证监会行业", "证监会行业分类", "所属证监会行业",
            "申万行业", "所属申万行业", "申万三级行业", "申万二级行业", "申万一级行业", "细分行业", "所属细分行业", "行业名称", "行业类别", "industry code", "csrc industry",
            "Wind行业", "所属Wind行业", "Wind行业名称", "所属Wind行业名称", "Wind四级行业", "Wind三级行业", "Wind二级行业", "Wind一级行业", "GICS行业", "GICS", "所属GICS行业",
            "中信行业", "所属中信行业", "中信三级行业", "中信二级行业", "中信一级行业", "同花顺行业", "所属同花顺行业", "东财行业", "所属东财行业",
            "行业门类", "国标行业门类"]),
        (Products, ["products", "main products", "business", "主营产品", "主要产品", "主营业务", "产品", "主导产品", "主营产品名称", "产品名称"]),
        (Scope, ["scope", "business scope", "经营范围", "营业范围", "经营业务范围"]),
        (Segment, ["segment", "segment code", "chain segment", "环节", "环节代码", "产业链环节", "所属环节", "链条环节"]),
        (Role, ["role", "角色", "链上角色", "企业角色"]),
        (RegisteredCapital, ["registered capital", "capital", "注册资本(万元)", "注册资本", "注册资金(万元)", "注册资金", "认缴资本"]),
        (Founded, ["founded", "established", "date of establishment", "founding date", "成立日期", "成立时间", "注册日期", "成立年份日期"]),
        (Employees, ["employees", "staff", "number of employees", "员工人数", "从业人数", "职工人数", "参保人数", "员工数", "人员规模", "员工规模"]),
        (Revenue, ["revenue", "operating revenue", "营业收入(万元)", "营业收入", "营收(万元)", "营收", "年营业额", "主营业务收入"]),
        (ListedCode, ["listed code", "stock code", "ticker", "股票代码", "证券代码", "上市代码", "A股代码", "公司代码"]),
        (Code, ["code", "代码"]),
        (Tags, ["tags", "labels", "标签", "企业标签", "资质", "荣誉资质", "企业资质"]),
        (Controller, ["controller", "controller type", "ownership", "企业性质", "公司性质", "实际控制人性质", "控股类型", "所有制", "所有制性质", "企业类型", "企业(机构)类型", "公司类型", "经济类型"]),
        (Status, ["status", "registration status", "登记状态", "经营状态", "企业状态", "公司状态", "存续状态", "状态"]),
    ];

    /// <summary>Every field, in documentation order.</summary>
    public static IReadOnlyList<string> Fields { get; } = Table.Select(t => t.Field).ToArray();

    private static readonly Dictionary<string, (string Field, int Rank)> ByHeader = BuildIndex();

    /// <summary>Every known field with its accepted header names, for documentation and error messages.</summary>
    public static IReadOnlyDictionary<string, string[]> Known { get; } = Table.ToDictionary(t => t.Field, t => t.Aliases);

    /// <summary>
    /// Codes that identify on their own (USCC, region code) are read from their best column only: a second column such
    /// as 纳税人识别号 may hold an older 15-digit tax number, which would reject a row that imports well without it.
    /// </summary>
    public static bool IdentifiesAlone(string field) => field is Uscc or RegionCode;

    /// <summary>The position of a field in <see cref="Fields"/>, or -1.</summary>
    public static int Ordinal(string field) => Array.IndexOf((string[])Fields, field);

    /// <summary>The field a header names, or null when unknown.</summary>
    public static string? FieldOf(string header) => ByHeader.TryGetValue(FoldHeader(header), out var hit) ? hit.Field : null;

    internal static int RankOf(string header) => ByHeader.TryGetValue(FoldHeader(header), out var hit) ? hit.Rank : int.MaxValue;

    /// <summary>
    /// Whether <paramref name="row"/>, the row under the header, is a second header row: a spreadsheet whose header cells
    /// are merged over two rows (所在地区 over 省 | 市 | 区县; 基本信息 over 企业名称 | 统一社会信用代码) saves the group's
    /// title in the first row and the columns' own names in the second. It is one when every cell it has names a field
    /// (省, 市, 区县, 企业名称 …) and one of them names a field the first row does not give that column; a company's row
    /// has a name, a place, words, numbers — values, not headers.
    /// </summary>
    public static bool IsSecondHeaderRow(IReadOnlyList<string> header, IReadOnlyList<string> row)
    {
        var refines = false;
        for (var column = 0; column < row.Count; column++)
        {
            var cell = row[column].Trim();
            if (cell.Length == 0)
            {
                continue;
            }

            if (FieldOf(cell) is not { } field)
            {
                return false;
            }

            refines |= column >= header.Count || FieldOf(header[column]) != field;
        }

        return refines;
    }

    /// <summary>Whether one of the cells names the company (企业名称, 公司名称 …).</summary>
    public static bool NamesCompany(IEnumerable<string> cells) => cells.Any(cell => FieldOf(cell) == Name);

    /// <summary>
    /// Where the header is among the first rows of a file, found as an import finds it (for a preview that has only those
    /// rows): a title of one cell is skipped (the first of the next 10 rows with two or more cells; TableReader), export
    /// notes that name no company column are skipped (the first of the next 10 rows that names one; CompanyImporter), and
    /// a second header row under it is told (<see cref="IsSecondHeaderRow"/>).
    /// </summary>
    /// <remarks>With a column mapping (<paramref name="mapped"/>) the import takes the header as the title rule finds it.</remarks>
    public static (int HeaderRow, bool SecondHeaderRow) LocateHeader(IReadOnlyList<IReadOnlyList<string>> rows, bool mapped = false)
    {
        static int Filled(IReadOnlyList<string> row) => row.Count(cell => cell.Trim().Length > 0);

        var rowsWithCells = Enumerable.Range(0, rows.Count).Where(i => Filled(rows[i]) > 0).ToList();
        if (rowsWithCells.Count == 0)
        {
            return (0, false);
        }

        var at = 0;
        if (Filled(rows[rowsWithCells[0]]) <= 1)
        {
            var titled = rowsWithCells.Skip(1).Take(10).FirstOrDefault(i => Filled(rows[i]) >= 2, -1);
            at = titled >= 0 ? rowsWithCells.IndexOf(titled) : 0;
        }

        if (mapped)
        {
            return (rowsWithCells[at], false);
        }

        if (!NamesCompany(rows[rowsWithCells[at]]))
        {
            var named = rowsWithCells.Skip(at + 1).Take(10).FirstOrDefault(i => NamesCompany(rows[i]), -1);
            at = named >= 0 ? rowsWithCells.IndexOf(named) : at;
        }

        var second = at + 1 < rowsWithCells.Count && IsSecondHeaderRow(rows[rowsWithCells[at]], rows[rowsWithCells[at + 1]]);
        return (rowsWithCells[at], second);
    }

    /// <summary>The header of two header rows: the second row's cell where it has one, else the first row's.</summary>
    public static IReadOnlyList<string> MergeHeaderRows(IReadOnlyList<string> header, IReadOnlyList<string> row) =>
        Enumerable.Range(0, Math.Max(header.Count, row.Count))
            .Select(column => column < row.Count && row[column].Trim().Length > 0 ? row[column].Trim() : column < header.Count ? header[column] : string.Empty)
            .ToList();

    /// <summary>The comparison form of a header: folded, without spaces, '_', '-', '*', and with ASCII brackets.</summary>
    public static string FoldHeader(string header)
    {
        var folded = ChineseText.Fold(header);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            switch (c)
            {
                case ' ' or '_' or '-' or '*' or '＊' or '.' or ':' or '：':
                    break;
                case '（' or '【' or '[':
                    builder.Append('(');
                    break;
                case '）' or '】' or ']':
                    builder.Append(')');
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    private static Dictionary<string, (string, int)> BuildIndex()
    {
        var index = new Dictionary<string, (string, int)>(StringComparer.Ordinal);
        foreach (var (field, aliases) in Table)
        {
            index.TryAdd(FoldHeader(field), (field, 0));
            for (var i = 0; i < aliases.Length; i++)
            {
                index.TryAdd(FoldHeader(aliases[i]), (field, i));
            }
        }

        return index;
    }
}

/// <summary>How one column of the file was understood: the field it fills, or null when ignored.</summary>
/// <remarks><see cref="WhenEmpty"/>: the header of the field's first column when this one only fills the field on the rows where that one is empty.</remarks>
internal sealed record ColumnUse(int Index, string Header, string? Field)
{
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? WhenEmpty { get; init; }
}

/// <summary>
/// Which column fills which field, from the header (aliases) and an optional explicit mapping
/// (header text or <c>#N</c> column number → field name or alias; empty, "-" or "ignore" skips a
/// column). The explicit mapping wins over aliases.
/// </summary>
internal sealed class CompanyColumnMap
{
    private readonly int[] columnOfField;
    private readonly int[]?[] fallbacksOfField;

    private CompanyColumnMap(int[] columnOfField, int[]?[] fallbacksOfField, IReadOnlyList<string> header, IReadOnlyList<ColumnUse> columns)
    {
        this.columnOfField = columnOfField;
        this.fallbacksOfField = fallbacksOfField;
        Columns = columns;
        HeaderOfField = CompanyColumns.Fields.Select((f, i) => columnOfField[i] >= 0 ? header[columnOfField[i]] : f).ToArray();
    }

    public IReadOnlyList<ColumnUse> Columns { get; }

    /// <summary>Per field ordinal: the header text of its column (what reports name), or the field name.</summary>
    public IReadOnlyList<string> HeaderOfField { get; }

    /// <summary>Per field ordinal: the column index, or -1.</summary>
    public int ColumnOf(int fieldOrdinal) => columnOfField[fieldOrdinal];

    /// <summary>Per field ordinal: the other columns that fill it, in order, on a row where its column is empty; or null.</summary>
    public IReadOnlyList<int>? FallbacksOf(int fieldOrdinal) => fallbacksOfField[fieldOrdinal];

    public bool Has(string field) => columnOfField[CompanyColumns.Ordinal(field)] >= 0;

    /// <summary>Parses a mapping given as a JSON object of strings; the error says what is wrong.</summary>
    public static IReadOnlyDictionary<string, string>? ParseMapping(string? json, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            var mapping = JsonSerializer.Deserialize<Dictionary<string, string?>>(json);
            if (mapping is null)
            {
                error = "mapping must be a JSON object such as {\"列A\":\"name\",\"列B\":\"uscc\"}";
                return null;
            }

            // Targets do not depend on the file: an unknown one is refused with the upload, not in the job.
            foreach (var (source, target) in mapping)
            {
                var trimmed = target?.Trim() ?? string.Empty;
                if (trimmed.Length > 0 && trimmed != "-" && !trimmed.Equals("ignore", StringComparison.OrdinalIgnoreCase)
                    && !CompanyColumns.Fields.Contains(trimmed) && CompanyColumns.FieldOf(trimmed) is null)
                {
                    error = $"the mapping sends column '{source}' to '{target}', which is not a field; fields are {string.Join(", ", CompanyColumns.Fields)}";
                    return null;
                }
            }

            return mapping.ToDictionary(p => p.Key, p => p.Value ?? string.Empty, StringComparer.Ordinal);
        }
        catch (JsonException ex)
        {
            error = $"mapping is not a JSON object of strings such as {{\"列A\":\"name\"}}: {ex.Message}";
            return null;
        }
    }

    /// <summary>Builds the map; <paramref name="error"/> explains a mapping that names unknown columns or fields.</summary>
    public static CompanyColumnMap? Build(IReadOnlyList<string> header, IReadOnlyDictionary<string, string>? mapping, out string? error)
    {
        error = null;
        var fieldOfColumn = new string?[header.Count];
        var explicitColumns = new bool[header.Count];
        foreach (var (source, target) in mapping ?? new Dictionary<string, string>())
        {
            var column = FindColumn(header, source);
            if (column < 0)
            {
                error = $"the mapping names the column '{source}', which is not in the header ({string.Join(", ", header)})";
                return null;
            }

            var trimmed = target.Trim();
            string? field = null;
            if (trimmed.Length > 0 && trimmed != "-" && !trimmed.Equals("ignore", StringComparison.OrdinalIgnoreCase))
            {
                field = CompanyColumns.Fields.Contains(trimmed) ? trimmed : CompanyColumns.FieldOf(trimmed);
                if (field is null)
                {
                    error = $"the mapping sends column '{source}' to '{target}', which is not a field; fields are {string.Join(", ", CompanyColumns.Fields)}";
                    return null;
                }
            }

            if (field is not null && explicitColumns.Select((e, i) => e && fieldOfColumn[i] == field).Any(x => x))
            {
                error = $"the mapping sends two columns to the field '{field}'";
                return null;
            }

            fieldOfColumn[column] = field;
            explicitColumns[column] = true;
        }

        var columnOfField = Enumerable.Repeat(-1, CompanyColumns.Fields.Count).ToArray();
        for (var column = 0; column < header.Count; column++)
        {
            if (explicitColumns[column] && fieldOfColumn[column] is { } field)
            {
                columnOfField[CompanyColumns.Ordinal(field)] = column;
            }
        }

        var rank = new int[CompanyColumns.Fields.Count];
        for (var column = 0; column < header.Count; column++)
        {
            if (explicitColumns[column] || CompanyColumns.FieldOf(header[column]) is not { } field)
            {
                continue;
            }

            var ordinal = CompanyColumns.Ordinal(field);
            var current = columnOfField[ordinal];
            var headerRank = CompanyColumns.RankOf(header[column]);
            if (current < 0 || (!explicitColumns[current] && headerRank < rank[ordinal]))
            {
                columnOfField[ordinal] = column;
                rank[ordinal] = headerRank;
            }
        }

        // The other columns that name a field without an explicit mapping fill it where its column is empty,
        // best header first (a register export's 行业小类, 行业中类, 行业大类: the most specific one given).
        var fallbacks = new List<(int Column, int Rank)>[CompanyColumns.Fields.Count];
        for (var column = 0; column < header.Count; column++)
        {
            if (explicitColumns[column] || CompanyColumns.FieldOf(header[column]) is not { } field)
            {
                continue;
            }

            var ordinal = CompanyColumns.Ordinal(field);
            if (columnOfField[ordinal] != column && !explicitColumns[columnOfField[ordinal]] && !CompanyColumns.IdentifiesAlone(field))
            {
                (fallbacks[ordinal] ??= []).Add((column, CompanyColumns.RankOf(header[column])));
            }
        }

        var fallbacksOfField = fallbacks.Select(f => f?.OrderBy(c => c.Rank).ThenBy(c => c.Column).Select(c => c.Column).ToArray()).ToArray();
        var uses = header.Select((h, i) => new ColumnUse(i, h, null)).ToArray();
        for (var ordinal = 0; ordinal < columnOfField.Length; ordinal++)
        {
            if (columnOfField[ordinal] >= 0)
            {
                uses[columnOfField[ordinal]] = uses[columnOfField[ordinal]] with { Field = CompanyColumns.Fields[ordinal] };
            }

            foreach (var column in fallbacksOfField[ordinal] ?? [])
            {
                uses[column] = uses[column] with { Field = CompanyColumns.Fields[ordinal], WhenEmpty = header[columnOfField[ordinal]] };
            }
        }

        return new CompanyColumnMap(columnOfField, fallbacksOfField, header, uses);
    }

    private static int FindColumn(IReadOnlyList<string> header, string source)
    {
        if (source.StartsWith('#') && int.TryParse(source.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            && number >= 1 && number <= header.Count)
        {
            return number - 1;
        }

        var exact = header.ToList().IndexOf(source);
        if (exact >= 0)
        {
            return exact;
        }

        var folded = CompanyColumns.FoldHeader(source);
        return header.Select(CompanyColumns.FoldHeader).ToList().IndexOf(folded);
    }
}
