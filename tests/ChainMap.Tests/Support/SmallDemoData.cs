namespace ChainMap.Tests.Support;

/// <summary>
/// A data folder like data/ (its regions, groups, home and chains, linked) with a small demo set of its own in demo/:
/// four companies (a Suizhou 专汽 after-sales company, a Suqian 专汽 operator, two Shanghai companies), one relation,
/// one channel with two links. Tests that remove the demo load this instead of the full demo, which another session
/// regenerates and which takes long to load on Neo4j. Dispose deletes the folder.
/// </summary>
internal sealed class SmallDemoData : IDisposable
{
    public const string HomeCompany = "随州市众鑫罐体检测维修制造有限公司(示例)";
    public const string HomeSegment = "ZQ-AFTER";
    public const string TargetCompany = "宿迁正和市政养护服务集团有限公司(示例)";
    public const string TargetUscc = "91321324H9E23WLK34";
    public const string HomeUscc = "914213031U79MLN71X";
    public const string TargetSegment = "ZQ-OPER";

    public SmallDemoData()
    {
        Path = Directory.CreateTempSubdirectory("chainmap-demo-data-").FullName;
        foreach (var entry in Directory.EnumerateFileSystemEntries(TestData.DataPath))
        {
            var name = System.IO.Path.GetFileName(entry);
            if (name != "demo")
            {
                var link = System.IO.Path.Combine(Path, name);
                if (Directory.Exists(entry))
                {
                    Directory.CreateSymbolicLink(link, entry);
                }
                else
                {
                    File.CreateSymbolicLink(link, entry);
                }
            }
        }

        var demo = Directory.CreateDirectory(System.IO.Path.Combine(Path, "demo")).FullName;
        File.WriteAllText(System.IO.Path.Combine(demo, "companies.csv"), $"""
            企业名称,统一社会信用代码,行政区划代码,环节代码,主营产品,注册资本(万元),成立日期,员工人数,营业收入(万元),股票代码,标签
            {HomeCompany},{HomeUscc},421303,{HomeSegment},上装维修、机动车维修,48692,2020-11-30,4874,134121,,
            {TargetCompany},{TargetUscc},321324,{TargetSegment},市政养护服务、环卫保洁,8375,2002-02-15,842,4015,,高新技术企业
            上海卓越应用软件有限公司(示例),91310113JG74Q8H15K,310113,FW-INFO,应用软件、数字化转型,67260,2005-11-10,6730,38627,,
            上海众鑫水溶肥科技有限公司(示例),91310112AK9Y8WHT8P,310112,HG-FINE-AGRO,农药中间体、微生物肥料,49073,2005-11-25,4912,139529,,

            """);
        File.WriteAllText(System.IO.Path.Combine(demo, "relations.csv"), $"""
            from_uscc,to_uscc,kind,note
            {TargetUscc},{HomeUscc},supplies,供应商（示例）

            """);
        File.WriteAllText(System.IO.Path.Combine(demo, "channels.csv"), """
            code,name,kind,region,tied_regions,contact,note
            AMB-310000,张某（随州驻上海招商大使）(示例),ambassador,310000,421300,,随州市聘任的招商大使

            """);
        File.WriteAllText(System.IO.Path.Combine(demo, "channel-links.csv"), """
            channel,company_uscc,member_channel,role,note
            AMB-310000,91310113JG74Q8H15K,,executive,招商大使的关系企业
            AMB-310000,91310112AK9Y8WHT8P,,executive,招商大使的关系企业

            """);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a late background task; the OS temp cleaner removes it.
        }
    }
}
