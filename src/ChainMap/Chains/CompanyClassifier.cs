using System.Text;
using System.Text.RegularExpressions;
using ChainMap.Domain;
using ChainMap.Text;
using ChainMap.Regions;

namespace ChainMap.Chains;

/// <summary>What a company row says about the company's business; any part may be missing.</summary>
/// <param name="Name">The company name (药业, 专用汽车 in a name are strong).</param>
/// <param name="Industry">Industry cell(s): GB/T 4754 code or name at any level, CSRC industry, securities label.</param>
/// <param name="Products">Main products or main business (strong).</param>
/// <param name="Scope">经营范围, business scope (long and noisy: weak, never enough alone).</param>
internal sealed record CompanyText(string? Name, string? Industry, string? Products, string? Scope);

/// <summary>The rules' constants (documented in docs/discovery.md, "Classifier").</summary>
internal static class ClassifierRules
{
    /// <summary>A membership whose confidence is below this is 待确认 (unconfirmed): kept, but a person should check it.</summary>
    public const double ConfirmThreshold = 0.6;

    /// <summary>
    /// The segment a special-vehicle maker goes into when it does not say which vehicles it builds (ADR 0245): 上装制造,
    /// the midstream work every modified vehicle shares (a body or equipment mounted on a bought chassis).
    /// </summary>
    public const string GenericSpecialVehicleSegment = "ZQ-BODY";

    /// <summary>GB/T 4754-2017 改装汽车制造: names every complete-vehicle segment of 专汽 alike.</summary>
    public const string GenericSpecialVehicleCode = "3630";

    /// <summary>The generic special-vehicle membership is never confirmed by rule: it is a guess of the segment.</summary>
    public const double GenericConfidenceCap = 0.59;

    /// <summary>
    /// The vehicles of a special-vehicle making clause of a register row's licence (session 48, ADR 0810), with the segment each
    /// names: a clause (between ；, ;, 。, ，) that holds one of them and a word of <see cref="SpecialVehicleLicenceMaking"/>
    /// (`改装汽车制造`, `专用车改装`, `专用货车的改装、生产、销售`, `汽车车身、挂车制造`, `液化气体汽车罐车设计、制造`) makes special vehicles,
    /// wherever it stands in the licence. 专用车间 and 储罐车间 (a workshop) are no vehicle, nor is 车厢内 (a car's cabin: 车厢内滤清器).
    /// </summary>
    public static readonly (string Vehicle, string Segment)[] SpecialVehicleLicenceVehicles =
    [
        ("改装汽车", GenericSpecialVehicleSegment), ("专用汽车", GenericSpecialVehicleSegment), ("专用车", GenericSpecialVehicleSegment),
        ("专用货车", GenericSpecialVehicleSegment), ("挂车", "ZQ-TRAILER"), ("罐车", "ZQ-TANKER"), ("车厢", GenericSpecialVehicleSegment),
    ];

    /// <summary>The making words of a special-vehicle making clause (<see cref="SpecialVehicleLicenceVehicles"/>, ADR 0810).</summary>
    public static readonly string[] SpecialVehicleLicenceMaking = ["制造", "生产", "改装"];

    /// <summary>
    /// A clause holding one of these makes other vehicles (ADR 0810): a railway's 专用货车 or 专用车辆 (rail wagons), a farm trailer
    /// (农用自卸挂车, with the tractors), a natural-gas conversion (压缩天然气汽车的改装).
    /// </summary>
    public static readonly string[] SpecialVehicleLicenceOtherVehicles = ["铁路", "农用", "拖拉机", "天然气", "燃气", "液化石油气"];

    /// <summary>
    /// Only a licence's first this many clauses are read for a special-vehicle making clause (ADR 0810): a trader's catch-all licence
    /// lists 生产专用车辆制造 as its nineteenth line.
    /// </summary>
    public const int SpecialVehicleLicenceClauses = 10;

    /// <summary>
    /// Only the business scope's first this many items are read for segment words: later ones are a listed group's side
    /// lines (issue #19 round 7, ADR 0285; measured at 10, 12, 15 and 20 items in docs/benchmarks.md).
    /// </summary>
    public const int LastScopeItem = 20;

    /// <summary>
    /// GB/T 4754-2017's own wholesale and retail classes of manufactured goods (issue #19 round 8): a company whose licence only
    /// trades the goods its name names (药业, 化工) goes to the downstream segment of the chain that holds one of these classes.
    /// Goods: the name word's code prefix; wholesale and retail: class prefixes separated by '|'. Farming words (种业 05) and farm
    /// inputs (饲料 132) are not here: a seed, feed or fertiliser company's licence is to sell, and its segment counts that trade.
    /// </summary>
    public static readonly (string Goods, string Wholesale, string Retail)[] TradeOfGoods =
    [
        // 农副食品加工 (13) without 132 饲料加工: a feed dealer is NC-INPUT-FEED's, whose farm inputs include their trade.
        ("131", "511|512", "522"),
        ("133", "512", "522"),
        ("134", "512", "522"),
        ("135", "512", "522"),
        ("136", "512", "522"),
        ("137", "512", "522"),
        ("139", "512", "522"),
        ("14", "512", "522"), // 食品制造
        ("15", "512", "522"), // 酒、饮料和精制茶
        ("26", "516", ""), // 化学原料和化学制品: 化工产品批发
        ("27", "515", "525"), // 医药制造: 医药及医疗器材批发 / 专门零售
        ("358", "5154", "5254"), // 医疗仪器设备及器械: 医疗用品及器材批发 / 零售
        ("367", "5172", "5263"), // 汽车零部件及配件: 汽车及零配件批发 / 汽车零配件零售
        ("357", "5171", ""), // 农林牧渔专用机械: 农业机械批发, which no segment holds: a farm-machinery dealer is in no making segment (round 9b)
    ];

    /// <summary>
    /// Goods as a trading licence lists them (issue #19 round 9b, ADR 0325): the classes of the drug-trading licence (中成药,
    /// 化学药制剂, 抗生素, 生化药品, 生物制品, 中药饮片), of the medical-device trading licence (医疗器械, 三类：注射穿刺器械) and farm
    /// machinery (农业机械, 农机配件). A
    /// business scope without any verb that names one of them, of a company whose name makes nothing (<see cref="MakerNameWords"/>),
    /// is a trade licence. A maker's licence lists dosage forms (片剂、胶囊剂、注射剂) or says 生产.
    /// </summary>
    public static readonly string[] LicenceGoods = ["中成药", "化学药制剂", "抗生素", "生化药品", "生物制品", "中药饮片", "医疗器械", "器械", "农业机械", "农机"];

    /// <summary>
    /// The classes of the drug-trading licence (药品经营许可证: 中成药, 化学药制剂, 抗生素, 生化药品, 生物制品, 中药饮片; the first six
    /// of <see cref="LicenceGoods"/>). A licence that makes nothing and lists <see cref="DrugLicenceClassesNamed"/> of them is a drug
    /// trader's: beside a name word of the trade segment (医药 → SW-DIST) it names that segment, not only the chain (ADR 0675).
    /// </summary>
    public static readonly string[] DrugLicenceClasses = LicenceGoods[..6];

    /// <summary>
    /// Words of a shop's name (门市部, 商店, 药房, a chain's 分店, 零售连锁): a drug-trading licence of such a name is a counter's, not a
    /// wholesaler's (ADR 0675); so is a name that ends in 店 (`…医药有限责任公司十字街店`, a chain's branch store; the lead, session 44).
    /// </summary>
    public static readonly string[] ShopNameWords = ["门市", "商店", "药房", "药店", "分店", "零售", "连锁"];

    /// <summary>How many drug-licence classes a scope lists to be a drug-trading licence (ADR 0675): two, as every such licence does.</summary>
    public const int DrugLicenceClassesNamed = 2;

    /// <summary>
    /// Goods (GB/T code prefixes) whose trade the labelling rules count in the segment that makes them (round 11, ADR 0360): farm
    /// inputs, as <see cref="TradeOfGoods"/> leaves them out: 化肥 262, 农药 263, 饲料 132, 兽药 275. A seller of them stays in
    /// their segment; a seller of other manufactured goods is in no making segment.
    /// </summary>
    public static readonly string[] GoodsWhoseTradeCounts = ["262", "263", "132", "275"];

    /// <summary>
    /// GB/T 4754-2017 classes of seeds and breeding stock (0511 种子种苗培育活动, 0531 畜牧良种繁殖活动): a seed company's licence is to
    /// sell them, and the labelling rules count that trade in 种业与种苗 (session 42, ADR 0590), as <see cref="GoodsWhoseTradeCounts"/>'s.
    /// </summary>
    public static readonly string[] SeedCodes = ["0511", "0531"];

    /// <summary>
    /// Chains whose equipment dealers the labelling rules count in the equipment's segment (round 11, ADR 0360): 应急装备 has no
    /// trade segment, and a fire-equipment, PPE or generator dealer is what a bureau lists as the chain's (codes and fresh sets).
    /// </summary>
    public static readonly string[] ChainsWhoseTradeCounts = ["YJ"];

    /// <summary>
    /// Chains whose making words, on a row without an industry cell, count only where a licence clause makes, lists or names the
    /// goods without dealing in them (session 43, ADR 0630): electronics dealers and systems contractors (某某电子工程, 某某电子)
    /// list 网络设备、通信设备 among the goods they sell and install, and the name's 电子 (division 39) alone then placed them in 通信与网络设备.
    /// </summary>
    public static readonly string[] DealtGoodsChains = ["DZ"];

    /// <summary>Words of a company name that say it trades (贸易, 商贸, 经销): with a licence that only trades, the company is a seller (ADR 0360).</summary>
    public static readonly string[] TraderNameWords = ["贸易", "商贸", "经贸", "经销", "销售", "商行"];

    /// <summary>
    /// The goods of a general store (百货, 五金交电, 建材, 日用杂品): a licence that makes nothing and lists them is a trader's, whether or
    /// not a trade verb or the name says so (盐业批发零售百货化妆品…; 化妆品、日用百货、装饰材料、建材…), and a good of it that the name does
    /// not name is one of many it sells, not its product (session 44, ADR 0645).
    /// </summary>
    public static readonly string[] GeneralGoodsWords = ["百货", "五金交电", "日用杂品", "日杂", "建材", "建筑材料"];

    /// <summary>Words of a company name that say it makes things (制药, 制造, 厂): such a company's verbless licence list is no trade licence.</summary>
    public static readonly string[] MakerNameWords = ["制造", "制药", "生产", "加工", "厂"];

    /// <summary>The ends of a sales unit's name (某某厂批发零售部, 某某厂门市部): the unit trades whatever its parent makes (ADR 0710).</summary>
    public static readonly string[] SalesUnitNameEnds = ["门市部", "门市", "经营部", "批发部", "零售部", "商店", "商场"];

    /// <summary>
    /// Verbs of a licence clause that make goods (ADR 0720): a trade segment's word in such a clause (汽车配件制造) names the maker's
    /// own goods. Repair and fitting (维修, 改装) are services a parts dealer also offers and are not here.
    /// </summary>
    public static readonly string[] GoodsMakingVerbs = ["生产", "制造", "加工", "自产", "组装", "装配"];

    /// <summary>农业生产资料 (farm supplies a co-op sells): its 生产 makes nothing (ADR 0720).</summary>
    public const string MeansOfProduction = "生产资料";

    /// <summary>Words of a name that say the company makes or sells car parts (ADR 0720): the licence's parts are the car's.</summary>
    public static readonly string[] CarPartsNameWords = ["汽车配件", "汽车零部件", "汽车部件", "汽车零配件", "汽配"];

    /// <summary>The vehicle word a car-parts name puts before the licence's parts word (汽车 + 电器 = 汽车电器, ADR 0720).</summary>
    public const string CarWord = "汽车";

    /// <summary>
    /// Machines of a construction-machinery or handling maker's products that are no road vehicle (ADR 0725): excavators, piling rigs,
    /// loaders, forklifts and warehouse trucks, self-propelled aerial platforms, tunnel borers. Beside them a 专汽 guess of the industry
    /// cell alone (工程机械整机 → 工程作业专用车) yields, unless the products also name a truck-mounted kind (<see cref="TruckMountedMachineWords"/>).
    /// </summary>
    public static readonly string[] OffRoadMachineWords = ["挖掘机", "桩工", "装载机", "叉车", "搬运车", "仓储车辆", "高空作业平台", "盾构", "凿岩", "推土机"];

    /// <summary>
    /// The special-vehicle chain (专汽): its cell guesses yield to off-road machines (ADR 0725), and its words are the ones a car-parts
    /// name's vehicle word completes (ADR 0720).
    /// </summary>
    public const string SpecialVehicleChain = "ZQ";

    /// <summary>
    /// The chain named by use, not by a maker's class (session 47, ADR 0770): 应急装备's segments list the industry codes of batteries
    /// (3841), motors and generators (381), hydraulics (3441, 3444) because some of their goods are emergency gear, but a battery,
    /// motor or packaging-machinery maker whose name, products and cell hold no word of the chain is not in it.
    /// </summary>
    public const string UseNamedChain = "YJ";

    /// <summary>
    /// The car-electronics segment a car-parts cell's 专汽 guess yields to (session 49, ADR 0830): a navigation or infotainment maker under
    /// 汽车电子电气系统 (路畅's 车载导航) whose own words place 汽车电子 is no special-vehicle parts maker by the cell alone.
    /// </summary>
    public const string CarElectronicsSegmentOfZq = "DZ-AUTO";

    /// <summary>汽车电子's in-car infotainment words (session 49, ADR 0830): read on a listed row's products, name or cell, not on a register licence.</summary>
    public static readonly string[] CarInfotainmentWords = ["车载导航", "车载信息", "车载娱乐", "车载多媒体"];

    /// <summary>The segment whose words after a waste prefix name a recycler's material (废旧轮胎; session 49, ADR 0830).</summary>
    public const string WasteReadTyreSegment = "ZQ-TIRE";

    /// <summary>Prefixes that make a good a waste one (废旧轮胎, 废轮胎; ADR 0830).</summary>
    public static readonly string[] WastePrefixes = ["废旧", "废"];

    /// <summary>Words after a good that make it a waste one recovered (轮胎回收; ADR 0830).</summary>
    public static readonly string[] WasteSuffixes = ["回收"];

    /// <summary>Products words of machines that are mostly built on a truck chassis (混凝土泵车, 汽车起重机, 环卫车; ADR 0725).</summary>
    public static readonly string[] TruckMountedMachineWords = ["混凝土", "起重", "泵车", "搅拌", "环卫", "消防", "专用车", "改装车", "汽车", "高空作业车", "底盘", "清障", "养护车"];

    /// <summary>The segment of a road-freight company (round 12, ADR 0375): 现代物流, as the fresh set's labelling rules place hauliers.</summary>
    public const string HaulageSegment = "FW-LOGI";

    /// <summary>
    /// Words of a company name that say it carries (汽车运输, 货物运输): passengers or goods, the licence says which. 搬家 (a removal
    /// company) is GB/T 4754-2017 5438 搬家运输, a class of 543 道路货物运输 (ADR 0525). 运业 is the older 运输业 (某某汽车运业有限公司);
    /// 快运 a freight line's name (佳吉快运), a courier's when its licence carries parcels (<see cref="CourierWords"/>; ADR 0630).
    /// </summary>
    public static readonly string[] HaulageNameWords = ["运输", "搬家", "储运", "运业", "快运"];

    /// <summary>
    /// Words of a company name that say it carries by water (船务, 航运, 海运): a shipping company whose licence carries goods is a
    /// haulier as a road carrier is (现代物流), and a ship that carries passengers and goods on one hull (海上客货滚装运输) is no bus
    /// line: passengers named first do not exclude it (session 45, ADR 0695). 水运 (a county's 水运公司) is one too (session 47, ADR 0755).
    /// </summary>
    public static readonly string[] ShippingNameWords = ["船务", "航运", "海运", "水运"];

    /// <summary>Words of a licence that carries parcels (国内快递): a 快运 or 运输 firm so licensed is a courier (快递与城市配送), no haulier.</summary>
    public static readonly string[] CourierWords = ["快递"];

    /// <summary>
    /// Words of a licence that carries goods (普通货运, 道路普通货物运输, 货运经营, 危险货物运输), and the water-freight licence's 货船运输
    /// (长江干线及支流省际普通货船运输; session 47, ADR 0755).
    /// </summary>
    public static readonly string[] FreightWords = ["货运", "货物运输", "普通运输", "货船运输"];

    /// <summary>
    /// Words of a licence that carries passengers (班车客运, 包车客运, 汽车客货运输): a bus company is no haulier, even with a freight
    /// line; a licence that names freight first (普通货运、道路客运服务) is a haulier's that also carries passengers (ADR 0630).
    /// </summary>
    public static readonly string[] PassengerWords = ["客运", "客货", "客/货"];

    /// <summary>Words of a licence that carries dangerous goods: such a haulier is in 化工贸易与物流 too, as the labelling rules place it.</summary>
    public static readonly string[] DangerousGoodsWords = ["危险货物运输", "危险品运输", "危货运输"];

    /// <summary>The segment of a haulier of dangerous goods besides <see cref="HaulageSegment"/>: 化工贸易与物流 (危险货物运输 is its product).</summary>
    public const string DangerousGoodsSegment = "HG-LOGI";

    /// <summary>
    /// The segment of a post office (session 40, ADR 0540): GB/T 4754-2017 6010 邮政基本服务 (letters, parcels, remittances), which
    /// the labelling rules of the register sets place in 快递与城市配送.
    /// </summary>
    public const string PostOfficeSegment = "FW-LOGI-EXP";

    /// <summary>Words of a name that say the company belongs to the postal enterprise (中国邮政集团公司…, …邮电局).</summary>
    public static readonly string[] PostalNameWords = ["邮政", "邮电"];

    /// <summary>
    /// The ends of a postal enterprise's name that say the unit is a post office: a county branch (…县分公司), a sub-office
    /// (…支局, …邮政所, …营业所) or the old 邮电局. Its bookshops, kiosks, advertising centres and IT centres end otherwise.
    /// </summary>
    public static readonly string[] PostOfficeUnits =
        ["分公司", "邮政局", "邮电局", "分局", "支局", "邮政所", "邮电所", "营业所", "营业厅", "营业室", "营业部", "代办所"];

    /// <summary>
    /// The segment of a farm-supply counter (session 41, ADR 0560): 农资投入品, whose definition includes the trade in fertiliser and
    /// pesticide, as the labelling rules place supply co-ops' counters that sell them.
    /// </summary>
    public const string FarmSupplySegment = "NC-INPUT";

    /// <summary>
    /// The makers' segment of medical devices (医疗器械) and the trade segment a register row that makes nothing and deals in them is in
    /// (医药流通, ADR 0750): the register sets label a 医疗器械销售 licence there.
    /// </summary>
    public const string MedicalDeviceSegment = "SW-DEV";

    /// <inheritdoc cref="MedicalDeviceSegment"/>
    public const string MedicalDeviceTradeSegment = "SW-DIST";

    /// <summary>
    /// Words of a name that say the company supplies the countryside: a supply and marketing co-operative (供销社, 供销合作社, 供销有限
    /// 责任公司) and its counters, or a 生产资料 company (农业生产资料, 某某惠农生产资料). Such a counter sells farm inputs beside
    /// groceries and hardware, and its licence lists them in no fixed order.
    /// </summary>
    public static readonly string[] FarmSupplyNameWords = ["供销", "生产资料"];

    /// <summary>
    /// Words of a name that say the counter is a chain store's (好邻居连锁店, 超市, 便利店): a co-op's franchised shop sells groceries,
    /// and the fertiliser its licence lists among them does not make it a farm-supply counter (the register labels place it in
    /// none). Only such a name keeps to the first <see cref="FarmSupplyItems"/> items (session 45, ADR 0695).
    /// </summary>
    public static readonly string[] ChainStoreNameWords = ["连锁", "超市", "便利店"];

    /// <summary>How many of a chain store's licence items (those that name a thing) are read for a word of <see cref="FarmSupplySegment"/>.</summary>
    public const int FarmSupplyItems = 4;

    /// <summary>
    /// Fertiliser as a co-op's licence names it, besides NC-INPUT's own words (化肥, 农药, 农资): 化学肥料 (which holds no 化肥) and
    /// 肥料 (session 45, ADR 0695); read only in a farm-supply counter's licence. Farm film and tools (农膜, 农用薄膜, 中小农具, 农械) are
    /// not among them: a co-op shop that lists only them beside its groceries reads as a general store (or a repair shop: 农具、
    /// 自行车修理), as the unlabelled rows read for the ADR showed. <see cref="FarmGoodsClass"/> is one too (session 47, ADR 0755).
    /// </summary>
    public static readonly string[] FarmSupplyGoodsWords = ["化学肥料", "肥料", FarmGoodsClass];

    /// <summary>
    /// 农业生产资料, the co-op licence's own class of its farm goods (百货、针纺织品、五金交电、农业生产资料): 农资 written out (session 47,
    /// ADR 0755). Read for goods only in a farm-supply counter's licence, and not as the tail of 工农业生产资料; a 生产资料 name stays the
    /// counter's category, not its goods.
    /// </summary>
    public const string FarmGoodsClass = "农业生产资料";

    /// <summary>
    /// The trade segment of a co-op store whose licence sells a general store's goods (session 49, ADR 0815: a store is labelled by
    /// what it sells, whoever owns it).
    /// </summary>
    public const string CoopStoreSegment = "FW-TRADE";

    /// <summary>
    /// Words of a name that say a supply and marketing co-operative or its store (供销社, 供销合作社 …; session 49, ADR 0815): narrower
    /// than <see cref="FarmSupplyNameWords"/>, whose 供销 also names industrial supply companies (物资供销公司, 机械供销有限公司). A 供销 name
    /// that ends in a sales unit (<see cref="SalesUnitNameEnds"/>: 某某供销有限责任公司第十一门市部) is a co-op's store too.
    /// </summary>
    public static readonly string[] CoopStoreNameWords = ["供销社", "供销合作社", "供销股份合作社", "供销合作总社", "供销合作总公司", "供销联社"];

    /// <summary>
    /// Words of a co-op's name that say a trade other than a store's (session 49, ADR 0815): a scrap or produce buying station, a
    /// petrol station, a motor fleet (汽车队: repairs and parts), a guest house, a materials or trading centre.
    /// </summary>
    public static readonly string[] CoopNotStoreNameWords = ["废品", "回收", "收购", "加油", "车队", "招待所", "旅社", "饭店", "物资", "贸易中心", "药"];

    /// <summary>
    /// The goods of a general store as a co-op store's licence lists them (session 49, ADR 0815): 百货, textiles, household sundries,
    /// groceries, tobacco and liquor, household appliances. Not 五金 or 建材 alone (a hardware or building-materials dealer's goods).
    /// </summary>
    public static readonly string[] CoopStoreGoodsWords =
    [
        "百货", "针纺织品", "针织品", "纺织品", "针棉织品", "五金交电", "日用杂品", "日杂", "日用杂货", "副食", "烟酒", "卷烟", "预包装食品", "定型包装食品",
        "家用电器", "日用品", "日用工业品",
    ];

    /// <summary>
    /// GB/T 4754-2017 classes of the farm chemicals a counter sells (262 肥料制造, 263 农药制造): a row that makes nothing and is in
    /// <see cref="FarmSupplySegment"/> sells them, and is in no other chain's segment of these classes (绿色农药与新型肥料 makes them;
    /// session 43, ADR 0625).
    /// </summary>
    public static readonly string[] FarmChemicalCodes = ["262", "263"];

    /// <summary>
    /// The segments of a produce buyer (session 43, ADR 0625): GB/T 511's note counts 以批发为目的的农副产品收购 as farm-produce
    /// wholesale (农产品批发市场); a buyer that also processes or stores what it buys (果品收购、储藏; 农副产品收购、加工) does the
    /// producing area's first processing and storage (0514 农产品初加工, 595 农产品仓储: 初加工与产地仓储).
    /// </summary>
    public const string ProduceWholesaleSegment = "NC-WHOLESALE";

    /// <inheritdoc cref="ProduceWholesaleSegment"/>
    public const string ProducePrimarySegment = "NC-PRIM";

    /// <summary>The verb of buying from farmers: in the licence's first clause, or in a name (收购站, 收购门市).</summary>
    public const string BuyingVerb = "收购";

    /// <summary>
    /// The register's other verb of a produce buyer (session 48, ADR 0800): 购销, buying and selling, as supply co-ops' purchasing
    /// departments and produce companies write it (农副产品购销; 购销农副产品), read as <see cref="BuyingVerb"/> is.
    /// </summary>
    public const string ProduceDealingVerb = "购销";

    /// <summary>
    /// Farm produce as registers name what they buy (GB/T 511 and 512's goods: grain, cotton and bast fibres, livestock, fruit,
    /// vegetables, eggs, and the register's collective 农副产品, 土畜产品).
    /// </summary>
    public static readonly string[] ProduceWords =
        ["农副产品", "农产品", "土特产", "土畜产品", "畜产品", "粮食", "粮油", "谷物", "杂粮", "油料", "棉花", "棉麻", "籽棉", "皮棉", "果品", "水果", "干鲜果", "蔬菜", "禽蛋", "鲜蛋", "生猪", "牲畜", "蚕茧"];

    /// <summary>Words of the buyer's first clause that say it processes or stores what it buys (初加工与产地仓储).</summary>
    public static readonly string[] ProduceProcessingWords = ["加工", "储藏", "储存", "仓储", "冷藏", "保鲜", "烘干"];

    /// <summary>
    /// The segment of a nursery (session 43, ADR 0625): 种业与种苗 (GB/T 0511 种子种苗培育活动), as the labelling rules place growers
    /// of 苗木 and 种苗 (难判); a landscaping firm whose licence opens with its works is in none.
    /// </summary>
    public const string NurserySegment = "NC-SEED";

    /// <summary>Words of nursery stock (苗木, 种苗, 树苗) among the first <see cref="NurseryItems"/> goods of a clause that grows them.</summary>
    public static readonly string[] NurseryWords = ["苗木", "种苗", "树苗"];

    /// <summary>Verbs that grow nursery stock: 种植, 培育, 繁育, and 生产 as registers write it (花卉、林木、种苗生产).</summary>
    public static readonly string[] GrowingVerbs = ["种植", "培育", "繁育", "生产"];

    /// <summary>How many goods of the licence's first clause are read for a word of <see cref="NurseryWords"/> (花草、苗木、果蔬种植; 花卉、林木、种苗生产).</summary>
    public const int NurseryItems = 3;

    /// <summary>
    /// The segment of a chemicals trader (session 43, ADR 0625): 化工贸易与物流 (GB/T 5162 化肥批发 aside, 516 矿产品、建材及化工产品批发),
    /// as the labelling rules place a company whose licence only trades chemicals (难判).
    /// </summary>
    public const string ChemicalTradeSegment = "HG-LOGI";

    /// <summary>The licence's words for chemicals in general (化工产品, 化工原料, 化学品): a trade category, not a made good.</summary>
    public static readonly string[] ChemicalGoodsWords = ["化工产品", "化工原料", "化学品", "化学原料", "化学试剂"];

    /// <summary>Words of waste buyers (废旧物资收购, 废品收购): they buy no produce.</summary>
    public static readonly string[] WasteWords = ["废旧", "废品", "回收"];

    /// <summary>
    /// The segment of a packaging printer (session 41, ADR 0560): 包装材料, whose aliases include 包装印刷, as the labelling rules place
    /// printers of packaging (包装装潢印刷 NC-PACK, 难判).
    /// </summary>
    public const string PackagingPrintSegment = "NC-PACK";

    /// <summary>
    /// The printing licence's category of packaging (包装装潢印刷品印刷, 包装装潢及其他印刷; 装璜 is the older spelling): the first item of
    /// a packaging printer's licence, and a later item of many a general printer's or decorator's.
    /// </summary>
    public static readonly string[] PackagingPrintWords = ["包装装潢", "包装装璜"];

    /// <summary>Words of a name that say the printer prints packaging (某某包装有限公司, 某某彩印厂): with the licence's first item, its two sources.</summary>
    public static readonly string[] PackagingPrinterNameWords = ["包装", "彩印", "纸品", "印务"];

    /// <summary>
    /// The printing licence's categories of publications (出版物印刷; GB/T 2311 书、报刊印刷): a printer licensed for them is a
    /// publication printer whose packaging is one category beside, not its trade.
    /// </summary>
    public static readonly string[] PublicationPrintWords = ["出版物", "书刊", "报刊", "书报"];

    /// <summary>
    /// The segment of an advertiser (session 43, ADR 0640): 商务服务, whose words hold 广告设计, 国内广告 and whose code 7259 is GB/T
    /// 725 广告业.
    /// </summary>
    public const string AdvertisingSegment = "FW-BIZ";

    /// <summary>
    /// The advertising operations as the Advertising Law names them (广告设计、制作、代理服务; 广告发布, 广告法 第二条) and as an
    /// advertiser's licence opens (设计、制作、代理、发布国内各类广告): 发布 with 设计 or 制作 before the media (路牌、灯箱, GB/T 725's note).
    /// </summary>
    public const string PublishingVerb = "发布";

    /// <summary>The operations that stand with <see cref="PublishingVerb"/> at the opening of an advertiser's licence.</summary>
    public static readonly string[] AdvertisingMakingVerbs = ["设计", "制作"];

    /// <summary>Words of a bank's or credit co-op's name (ADR 0710).</summary>
    public static readonly string[] BankNameWords = ["银行", "信用社", "信用合作"];

    /// <summary>The offices a bank's name ends in (支行, 分理处 …): the words before them name the place it serves (ADR 0710).</summary>
    public static readonly string[] BankOfficeUnits = ["支行", "分行", "分理处", "营业所", "储蓄所", "营业部", "信用社", "信用分社"];

    /// <summary>The segment of banks, credit co-ops and insurers.</summary>
    public const string BankSegment = "FW-FIN";

    /// <summary>Words of a name that say a postal unit is a savings office or bank (邮政储蓄银行, 储蓄所): 金融服务, not the post.</summary>
    public static readonly string[] SavingsNameWords = ["储蓄", "银行"];

    /// <summary>
    /// Words of a licence's first item that say it is about computers (计算机及配件, 电子计算机系统, 系统集成, 信息系统规划): a
    /// computer shop's or an IT firm's licence, which opens with the machines and says a few items later whether the firm
    /// sells them or builds systems, software and networks with them (session 40, ADR 0540).
    /// </summary>
    public static readonly string[] ComputerOpeners = ["计算机", "电脑", "微机", "软件", "信息系统", "系统集成"];

    /// <summary>The segments an IT firm's licence names (软件与信息技术服务, both chains' segments: the labelling rules give both).</summary>
    public static readonly string[] ComputerServiceSegments = ["DZ-SVC", "FW-INFO"];

    /// <summary>The segment of goods made of plastic (塑料与橡胶制品, GB/T 292).</summary>
    public const string PlasticsSegment = "HG-PLAS";

    /// <summary>
    /// The licensed class of personal protective equipment (特种劳动防护用品, made under a safety-mark certificate) whose name in a
    /// register row's first made list, at any place in it, says the firm makes protective equipment (session 48, ADR 0805).
    /// </summary>
    public static readonly string[] LicensedProtectiveGoodsWords = ["特种劳动防护"];

    /// <summary>The segment of <see cref="LicensedProtectiveGoodsWords"/>: 个体防护装备.</summary>
    public const string LicensedProtectiveGoodsSegment = "YJ-PROT-PPE";

    /// <summary>The material words of GB/T 292 塑料制品业 in a licence's made goods (塑料管, 塑胶玩具).</summary>
    public static readonly string[] PlasticsWords = ["塑料", "塑胶"];

    /// <summary>What a plastics word names that is no goods of plastic: the machines and moulds for it, the raw resin, its fillers and additives (GB/T 2661 助剂), the waste, and doors and windows (a builder's, none by the labelling rules).</summary>
    public static readonly string[] NotPlasticGoods = ["机械", "设备", "机", "模具", "原料", "颗粒", "粒子", "树脂", "填充", "添加剂", "助剂", "回收", "废", "门窗"];

    /// <summary>What ends a word that names works (计算机网络工程): built or installed, a contractor's (session 44, ADR 0660).</summary>
    public const string WorksSuffix = "工程";

    /// <summary>The activities of a contractor's clause after the works it names (计算机网络工程的安装、技术服务; 设计、安装施工).</summary>
    public static readonly string[] InstallingVerbs = ["安装", "施工", "布线"];

    /// <summary>Words of a clause that develops what it installs (开发, 集成): an IT firm's, not a contractor's.</summary>
    public static readonly string[] DevelopingWords = ["开发", "集成", "软件"];

    /// <summary>How many items after a computer first item are read for the words of <see cref="ComputerServiceSegments"/>.</summary>
    public const int ComputerLicenceItems = 6;

    /// <summary>
    /// Dosage forms (ADR 0500): the forms of finished drugs that 中国药典 lists for chemical drugs and 中成药 alike (片剂, 胶囊剂,
    /// 注射剂, 口服液, 口服溶液). They are words of <see cref="ChemicalDrugSegment"/> because a form names a finished drug; they
    /// do not say which kind. On a row with an industry cell that names traditional Chinese medicine, they name <see cref="TcmSegment"/>.
    /// </summary>
    public static readonly string[] DosageForms = ["片剂", "胶囊剂", "注射剂", "口服液", "口服溶液"];

    /// <summary>
    /// Dosage forms that only 中成药 take (ADR 0745): 丸剂 (浓缩丸, 水蜜丸, 滴丸剂 hold it), 煎膏剂 and 酒剂 — 中国药典 一部's forms of
    /// patent medicines. A maker's licence that lists one (`滴丸剂、颗粒剂、硬胶囊剂、软胶囊剂、片剂、丸剂的生产`) names traditional
    /// Chinese medicine as a TCM word does, so its <see cref="DosageForms"/> are its patent medicines.
    /// </summary>
    public static readonly string[] TcmDosageForms = ["丸剂", "煎膏剂", "酒剂"];

    /// <summary>
    /// What stands after a made thing's word to name the machines that make it (锂电池生产设备, 锂电池专用设备, 塑料管生产线):
    /// a products or licence item so worded is a machine maker's, not a maker of the thing (ADR 0570).
    /// </summary>
    public static readonly string[] MachinesFor = ["生产设备", "专用设备", "制造设备", "加工设备", "生产线",
        // ---- A line's machines by their other names (session 47, ADR 0740) ----
        "生产装备", "智能装备", "智能化装备", "自动化设备", "自动化装备", "自动化生产线", "自动化成套设备"];

    /// <summary>系列 between goods and <see cref="MachinesFor"/> (子午线轮胎系列生产设备): still machines for the goods (ADR 0770).</summary>
    public const string SeriesWord = "系列";

    /// <summary>
    /// 装备 alone after a made thing's word of these chains (锂电池装备, 光伏组件装备, 半导体装备) names the machines of its production line,
    /// as <see cref="MachinesFor"/> does (session 47, ADR 0740). Elsewhere 装备 is the thing's own kind (消防装备, 应急平台装备, 农业机械装备).
    /// </summary>
    public static readonly string[] LineMadeGoodsChains = ["XNY", "DZ"];

    /// <summary>The word that names a production line's machines after a made thing's word of <see cref="LineMadeGoodsChains"/> (ADR 0740).</summary>
    public const string LineMachineWord = "装备";

    /// <summary>
    /// The segment of finished devices (智能终端: 手机, 平板电脑, 消费电子, 智能家居) whose word, directly before a part's word
    /// (<see cref="DevicePartWords"/>: 手机天线, 消费电子零部件及组装, 智能终端结构件, 手机游戏), names what the part is for, not the device
    /// (session 47, ADR 0740).
    /// </summary>
    public const string TerminalSegment = "DZ-TERM";

    /// <summary>Words of a part, a component or a content made for a device (ADR 0740): after a device word they name the part's maker.</summary>
    public static readonly string[] DevicePartWords =
        ["零部件", "零配件", "零件", "部件", "部品", "配件", "结构件", "外观件", "功能件", "功能性器件", "器件", "内部件", "外部件", "天线", "主天线",
         "屏蔽罩", "连接器", "精密", "金属", "散热", "摄像头", "控制器", "智能控制器", "游戏"];

    /// <summary>
    /// The chip-design segment (session 47, ADR 0740): a 申万 cell that names the design (数字芯片设计, 模拟芯片设计) says a fabless company;
    /// the name's word of the whole chip trade (<see cref="ChipTradeWords"/>) does not make it a fab or a packager.
    /// </summary>
    public const string ChipDesignSegment = "DZ-DESIGN";

    /// <summary>The chip-making segment (晶圆制造, 封装测试) that the chip trade's word names by default (ADR 0740).</summary>
    public const string ChipMakingSegment = "DZ-SEMI";

    /// <summary>Words of the whole chip trade, design and making alike (ADR 0740).</summary>
    public static readonly string[] ChipTradeWords = ["集成电路", "半导体", "微电子", "芯片"];

    /// <summary>Chains whose segment a name's word alone does not give beside an industry cell that does not back it (ADR 0775).</summary>
    public static readonly string[] NameAloneChains = ["DZ"];

    /// <summary>Words of biologics for people and animals alike (疫苗, 生物制品): under 动物保健 they are the animals' (ADR 0740).</summary>
    public static readonly string[] BiologicsWords = ["疫苗", "生物制品"];

    /// <summary>
    /// A 申万 cell's segment and the segment of the same chain that a trade's general words name by default (ADR 0740): under a cell of the
    /// first (数字芯片设计 → DZ-DESIGN; 动物保健Ⅲ → SW-VET), a membership of the second that the cell does not back and that only those words
    /// name (集成电路 of a fabless designer's name; 疫苗、生物制品 of a veterinary-vaccine maker) is the cell's segment. ADR 0775 adds the cells of
    /// four other 电子信息 segments (电子化学品Ⅲ, 半导体材料 → DZ-MAT; 被动元件; 印制电路板; 面板, LED, 光学元件 → DZ-OPTO): 微电子 in an inductor
    /// maker's name, 半导体 in a plating-chemicals maker's, make no fab.
    /// </summary>
    public static readonly (string Cell, string Yields, string[] Words)[] CellSegmentOverTradeWords =
        [(ChipDesignSegment, ChipMakingSegment, ChipTradeWords), ("SW-VET", "SW-BIO", BiologicsWords),
         ("DZ-MAT", ChipMakingSegment, ChipTradeWords), ("DZ-COMP-PASSIVE", ChipMakingSegment, ChipTradeWords),
         ("DZ-COMP-PCB", ChipMakingSegment, ChipTradeWords), ("DZ-OPTO", ChipMakingSegment, ChipTradeWords)];

    /// <summary>
    /// What stands after a making verb to make it a machine's name (粮油加工机械, 农副产品加工设备, 食品生产机具): such a verb after a goods
    /// word names the machine, not an act of making (session 46, ADR 0710: a farm-machinery dealer's 农副产品加工机械).
    /// </summary>
    public static readonly string[] MachineWords = ["机械", "设备", "机具"];

    /// <summary>
    /// The licence's word of manufactured food (预包装食品, 散装食品, 食品销售): first in a licence that only trades, of a food or drinks
    /// name (<see cref="FoodGoodsCodes"/>), it names a grocer's or food wholesaler's trade, which no segment holds (session 45, ADR 0685).
    /// </summary>
    public const string FoodGoodsWord = "食品";

    /// <summary>
    /// The classes of the food-trading licence (食品经营许可证) that open a verbless food trader's licence: such a licence is a trade
    /// licence as a drug trader's list of <see cref="LicenceGoods"/> is (session 46, ADR 0710).
    /// </summary>
    public static readonly string[] FoodLicenceClasses = ["预包装食品", "散装食品"];

    /// <summary>The verb of food made on the premises (食品、饮料制作: a bakery's or café's), which <c>MakingVerbs</c> lacks: such a licence is a maker's.</summary>
    public const string FoodMadeOnThePremises = "制作";

    /// <summary>GB/T 4754-2017 divisions of manufactured food and drink (14 食品制造, 15 酒、饮料和精制茶制造).</summary>
    public static readonly string[] FoodGoodsCodes = ["14", "15"];

    /// <summary>
    /// Lubricants as licences name them (润滑油, 润滑脂, 机油: GB/T 7631's oils and greases): a part's word directly before one, with at
    /// most a grade between (<see cref="LubricantGrades"/>: 发动机高级润滑油, 柴油机油), names what the oil is for, not the part
    /// (session 45, ADR 0685).
    /// </summary>
    public static readonly string[] LubricantWords = ["润滑油", "润滑脂", "机油"];

    /// <summary>What stands between a part's word and a lubricant's (发动机高级润滑油, 发动机专用润滑油, 汽车用润滑油).</summary>
    public static readonly string[] LubricantGrades = ["高级", "专用", "用"];

    /// <summary>
    /// A medicine's word directly before 材 (藏药材, 中藏药材, 蒙药材) names the medicinal materials, the raw herbs a grower, buyer or
    /// trader deals in, not the medicine a maker makes (session 45, ADR 0685).
    /// </summary>
    public const string MaterialsSuffix = "材";

    /// <summary>
    /// Words of a name that say the company runs lodging or property (酒店, 宾馆, 饭店, 度假村, 物业, 房地产): its meeting rooms are a
    /// side of the lodging or the building, and a first licence item of meeting services (<see cref="MeetingWords"/>) does not decide
    /// its trade (session 45, ADR 0685).
    /// </summary>
    public static readonly string[] LodgingNameWords = ["酒店", "宾馆", "饭店", "度假村", "物业", "房地产"];

    /// <summary>
    /// Words of a register row's name that place it only when its licence holds a word of the same segment (ADR 0735): 信息服务 names an
    /// agency, an internet café or a consultancy as often as an IT firm.
    /// </summary>
    public static readonly string[] LicenceBorneNameWords = ["信息服务"];

    /// <summary>
    /// The 专汽 segment whose every word other trades write as often as a vehicle maker (ADR 0750): 原材料, 玻璃钢, 铝型材, 铝合金型材,
    /// 冷轧板 name water tanks, window frames and steel traders on register rows. With <see cref="VehicleBorneWords"/>, a register row's
    /// word of it counts only when the row names a vehicle (<see cref="VehicleWords"/>).
    /// </summary>
    public const string VehicleBorneSegment = "ZQ-MAT";

    /// <summary>
    /// Words of other 专汽 segments that name another trade's goods as often (ADR 0750): 传动 (reducers, chain and belt drives, electric
    /// drives), 夹芯板 (building sandwich panels), 工业设计 (a product or corporate-image design studio's). As <see cref="VehicleBorneSegment"/>'s words, they count on a register row only beside a
    /// vehicle word. 真空泵 (an industrial vacuum-pump works') and 冷板 (cold-rolled sheet, a steel roller's) join them (ADR 0765).
    /// </summary>
    public static readonly string[] VehicleBorneWords = ["传动", "夹芯板", "工业设计", "真空泵", "冷板"];

    /// <summary>
    /// The 专汽 segment whose words a two-wheeler's maker or dealer writes as often (ADR 0765): 车轮, 轮胎, 轮毂, 钢圈 of motorcycles and
    /// bicycles. On a register row whose name or licence names a two-wheeler (<see cref="TwoWheelerWords"/>) and no road vehicle
    /// (<see cref="VehicleWords"/>) they count nowhere: the labelling rules place parts of trucks and cars alike, not of motorcycles.
    /// </summary>
    public const string TwoWheelerBorneSegment = "ZQ-TIRE";

    /// <inheritdoc cref="TwoWheelerBorneSegment"/>
    public static readonly string[] TwoWheelerWords = ["摩托车", "自行车", "非机动车", "电动车", "助力车"];

    /// <summary>Words that name road vehicles in a register row's name or licence (汽车配件, 客车配件, 车辆零部件, 专用车厢体; ADR 0750;
    /// 冷藏车, 罐车 and 吸污车, whose machines and pumps 冷板 and 真空泵 name, ADR 0765).</summary>
    public static readonly string[] VehicleWords = ["汽车", "车辆", "专用车", "改装车", "客车", "货车", "卡车", "挂车", "车厢", "底盘", "汽配", "机动车", "冷藏车", "罐车", "吸污车"];

    /// <summary>
    /// Name words of a firm that sells, runs, repairs or services vehicles (ADR 0765): 汽车服务, 汽车贸易, 公共汽车, 汽车运输, 汽车修理厂. The
    /// name's 汽车 gives the industry code 36 (汽车制造业) all the same; on a register row it supports no segment that only a later licence
    /// item names (新能源汽车、发动机维修、轮胎 in a dealer's or repair shop's list: what it sells or repairs, not what it makes).
    /// </summary>
    public static readonly string[] VehicleServiceNameWords = ["汽车服务", "汽车贸易", "汽车商贸", "汽车销售", "汽车运输", "公共汽车", "汽车修理", "汽车大修", "汽车维修", "汽车俱乐部", "汽车装俱", "汽贸"];

    /// <summary>
    /// The 专汽 words a listed company other than a vehicle supplier writes in its products, cell or licence (session 47, ADR 0770): a
    /// copper-tube maker's 原材料, a glass-machinery maker's 玻璃钢, an aluminium-profile maker's 铝型材, a washing-machine clutch maker's
    /// 传动. On a row with an industry cell or products they count only beside a vehicle word, as on a register row; ZQ-MAT's narrower
    /// words (高强钢, 铝合金板, 冷轧板) are a steel or aluminium maker's that the labelling rules place (ADR 0705).
    /// </summary>
    public static readonly string[] ListedVehicleBorneWords = ["原材料", "玻璃钢", "铝型材", "铝合金型材", .. VehicleBorneWords];

    /// <summary>Words of the meeting and exhibition services (会议服务, 会展服务, 会议会展服务, 会务服务; GB/T 728).</summary>
    public static readonly string[] MeetingWords = ["会议", "会展", "会务"];

    /// <summary>
    /// The word of both farming segments (种养: 种植 and 养殖 in one, ADR 0675): it yields to a word of one of the two that the row
    /// also holds (蔬菜种植, 生猪养殖), which says what the farm grows or raises (session 45, ADR 0685).
    /// </summary>
    public const string FarmingBothWord = "种养";

    /// <summary>The two farming segments <see cref="FarmingBothWord"/> names (种植基地, 畜禽养殖), each with its children.</summary>
    public static readonly string[] FarmingSegments = ["NC-PLANT", "NC-LIVE"];

    /// <summary>
    /// The segment of veterinary drugs (兽药与动物保健, GB/T 2750) and the farm-input segment whose words include 兽药 (农资投入品): a
    /// row that makes veterinary drugs is in the first only, as the labelling rules place such makers (session 45, ADR 0685).
    /// </summary>
    public const string VetDrugSegment = "SW-VET";

    /// <inheritdoc cref="VetDrugSegment"/>
    public const string VetDrugInputSegment = "NC-INPUT";

    /// <summary>
    /// A pesticide maker (ADR 0745): on a row whose industry cell names only chemicals makers (GB/T division 26: C26化学原料和化学制品制造业,
    /// 农药化肥), a 农资投入品 membership that only pesticide words support (<see cref="PesticideWords"/>) is the maker's 绿色农药与新型肥料
    /// (<see cref="PesticideSegment"/>), as the labelling rules place listed pesticide makers (红太阳, 利尔化学, 新安化工); a fertiliser
    /// maker's 化肥 keeps 农资投入品 beside it, as the labels do.
    /// </summary>
    public const string PesticideSegment = "HG-FINE-AGRO";

    /// <inheritdoc cref="PesticideSegment"/>
    public const string PesticideInputSegment = "NC-INPUT";

    /// <inheritdoc cref="PesticideSegment"/>
    public const string ChemicalsDivision = "26";

    /// <summary>
    /// Words of civil explosives (GB/T 2671 炸药及火工产品制造, which 申万's 民爆制品 marks outside the eight chains; the labelling rules put
    /// civil explosives in none): a row with an industry cell whose name, first licence clause or first products item holds one is in
    /// no chain by its cell's division alone (ADR 0745: C26化学原料和化学制品制造业 of a 民用爆破器材 maker is no 化工 company).
    /// </summary>
    public static readonly string[] ExplosivesWords = ["民用爆破", "民爆", "爆破器材", "炸药"];

    /// <summary>
    /// A fine-chemicals maker's kind (session 48, ADR 0795): 精细化学品 is the parent of 助剂与专用化学品, 磷化工与氟硅化工, 绿色农药与新型肥料
    /// and 涂料与胶黏剂. Its own words (精细化工, 精细化学品) and the cells it is read from (纺织化学制品, 其他化学制品 → 2661) say a company
    /// makes fine chemicals, not which; a word of a child in the row (纺织助剂, 表面活性剂、催化剂、助剂, 农药中间体) says which, and the
    /// labels use the child (武汉德宝精细化工: HG-FINE-ADD; 苏利精细化工: HG-FINE-AGRO).
    /// </summary>
    /// <remarks>现代物流's parent (FW-LOGI) was tried too and left out: products-zq's 万林物流, labelled the parent, became 多式联运.</remarks>
    public static readonly string[] ParentsYieldingToANamedChild = ["HG-FINE"];

    /// <summary>
    /// A medical-device maker's kind (session 49, ADR 0825): 医疗器械 in a name or products is the parent's word (SW-DEV, 医疗器械); a
    /// word of a child in the row's name, industry cell or first products items (申万 医疗设备, 医用设备 in a name) says which devices,
    /// and the labels use the child (万东, 戴维 under 医疗设备: SW-DEV-EQP). Read as <see cref="ParentsYieldingToANamedChild"/>, but a
    /// licence's clause does not name the kind here (医疗设备租赁, 医疗设备维修 in a trader's scope).
    /// </summary>
    /// <remarks>电子元器件's parent (DZ-COMP) was tried too and left out: on the pools only licence clauses named its children, and a
    /// workshop's 线路板连接线 is no circuit-board maker.</remarks>
    public static readonly string[] DeviceParentsYieldingToANamedChild = ["SW-DEV"];

    /// <summary>
    /// A municipal-waste cell (session 49, ADR 0825): 申万's 固废治理 holds waste-to-energy plants, waste collection and industrial energy
    /// saving (旺能, 绿色动力, 伟明, 中材节能); its code (7724) guesses 化工环保与资源循环 (HG-ENV), which the labelling rules keep for chemical-industry
    /// waste and resource recycling. Under this cell HG-ENV stays only when a word of the segment is in the name or the products (中再资源's
    /// 资源综合利用).
    /// </summary>
    public static readonly string[] WasteCellsNeedingASegmentWord = ["固废治理"];

    /// <summary>The segment <see cref="WasteCellsNeedingASegmentWord"/> guesses.</summary>
    public const string WasteCellSegment = "HG-ENV";

    /// <summary>
    /// A games company's service side line (session 48, ADR 0795): under an industry cell naming games (申万 游戏Ⅲ), a service
    /// membership (现代服务业's 旅行社, 广告; 电子信息's 软件服务) that only a products word supports, standing after the first products item
    /// that names a game, is a side line of the games group (巨人网络's 旅行社业务 after 电脑端网络游戏; 电魂网络's 国内广告发布): games are in
    /// none of the eight chains, and the labels give such groups nothing for the line. A service named before any game (众应互联's
    /// 电子商务), a games-cell group whose products name no game (神州泰岳's ICT运营服务) and a maker's segment keep their memberships.
    /// </summary>
    public const string GamesWord = "游戏";

    /// <summary>The words of 农资投入品 that name pesticides (<see cref="PesticideSegment"/>).</summary>
    public static readonly string[] PesticideWords = ["农药", "杀虫剂", "杀菌剂", "除草剂"];

    /// <summary>The forms a veterinary-drug maker's licence lists (粉剂, 散剂, 预混剂, 注射液 …; 兽药 GMP's lines), beside the dosage forms.</summary>
    public static readonly string[] VetDrugForms = ["粉剂", "散剂", "预混剂", "注射液", "片剂", "口服液", "颗粒剂", "消毒剂"];

    /// <summary>The segment of chemical finished drugs (化学制剂), whose words include the dosage forms.</summary>
    public const string ChemicalDrugSegment = "SW-CHEM";

    /// <summary>The segment of TCM pieces and patent medicines (中药饮片与中成药): where a TCM maker's dosage forms go.</summary>
    public const string TcmSegment = "SW-TCM";

    /// <summary>
    /// How many of a business scope's first items (up to ';', '；', ',', '，' or '。') are read for a GB/T making class's name
    /// (ADR 0585): a licence in the standard wording lists the company's own making classes first and its trades after them.
    /// </summary>
    public const int LicenceClassItems = 2;

    /// <summary>
    /// What a licence item that is a GB/T class name counts for, as a code (ADR 0585): less than the industry cell's 1.0, as much as
    /// the cell's written name (0.8); on a row with an industry cell it is not read at all (the cell names the company's industry).
    /// </summary>
    public const double LicenceClassWeight = 0.8;

    /// <summary>
    /// What a word of GB/T 4754-2017 itself (data/industry/gbt-class-words.csv: a service class's name) counts for in a register row's
    /// licence (ADR 0650): as a segment's name or alias, less than its keywords (1.0) and products (0.9).
    /// </summary>
    public const double StandardWordStrength = 0.8;

    /// <summary>
    /// The kinds of data/industry/gbt-class-words.csv the classifier reads (ADR 0650): the service classes' names. The goods of the
    /// making classes' notes (note-list, note-head) are in the table but not read: measured, they placed companies by a segment's
    /// secondary class (齿轮 3453 of 风电零部件, 道路照明 3872 of 应急电源与照明) and gained no row of any set.
    /// </summary>
    public static readonly string[] StandardWordKinds = ["service-name"];

    /// <summary>A company goes into at most this many segments (its best few).</summary>
    public const int MaxSegments = 3;

    /// <summary>A segment is kept only when its score reaches this share of the company's best segment's score.</summary>
    public const double KeepShareOfBest = 0.5;

    /// <summary>Below this score a segment is not proposed at all.</summary>
    public const double MinimumScore = 0.4;

    /// <summary>
    /// A product code of another class of an outside cell's own GB/T group (风电 4415 beside 火力发电 4411) backs a segment only when one of
    /// the first this many product items names it (session 48, ADR 0790): a generator's lead lines are its business, a later one a minority.
    /// </summary>
    public const int SiblingClassLeadItems = 2;

    /// <summary>
    /// What a main product item counts for by its place in the list, which vendors write in revenue order (ADR 0202):
    /// first and second 1, third and fourth 0.8, fifth and sixth 0.6, later 0.5. The ranking's fit weighs items alike (ADR 0225).
    /// </summary>
    public static readonly IReadOnlyList<double> ProductPositionFactors = [1, 1, 0.8, 0.8, 0.6, 0.6, 0.5];

    /// <summary>The factor of the item at 0-based <paramref name="index"/> in the main products list.</summary>
    public static double ProductPositionFactor(int index) => ProductPositionFactors[Math.Min(index, ProductPositionFactors.Count - 1)];
}

/// <summary>
/// Scores every segment for one company from all the signals a real list carries and keeps the best
/// few: words of the segment (keywords, products, name, aliases) found in the company's name and
/// products (strong), industry cell (medium) and business scope (weak, never enough alone); the
/// GB/T 4754 codes read from the industry cell or the name, compared with the segment's
/// industry_codes (agreement adds, a known industry that disagrees halves); excluding words
/// (<see cref="Segment.ExcludeKeywords"/>) rule a segment out. Script-insensitive (專汽 = 专汽).
/// </summary>
internal sealed partial class CompanyClassifier
{
    private const double NameWeight = 0.9;
    private const double ProductsWeight = 1.0;
    private const double IndustryTextWeight = 0.8;
    private const double ScopeWeight = 0.35;
    private const double NameCodeWeight = 0.7;
    private const double DisagreeFactor = 0.5;

    /// <summary>No single source is more than this sure alone (several words of the products reach it).</summary>
    private const double SourceCap = 0.8;

    /// <summary>The business scope alone never reaches the threshold: it may propose, never confirm.</summary>
    private const double ScopeSourceCap = 0.5;

    /// <summary>
    /// How often a source of strength 1 is right on its own, per source (name, products, industry cell, scope), set from
    /// the share right of the memberships each source alone proposed on dev and products-dev (docs/benchmarks.md, round 4):
    /// main products alone are a group's revenue lines and right far less often than the name or the industry.
    /// </summary>
    private static readonly double[] SourceFactor = [0.62, 0.5, 0.55, 0.55];

    /// <summary>The scope's words as corroboration: weighted more than in the score, where they must not place a company.</summary>
    private const double ScopeSourceWeight = 0.6;

    /// <summary>The strength of a guess (a securities label's or an industry word's usual segment) in its source.</summary>
    private const double GuessStrength = 0.8;
    private const double LabelGuess = 0.45;
    private const double WithoutTextCap = 1.0;
    private const double MainBusinessWeight = 0.8;
    private const double MainBusinessCap = 1.0;
    private static readonly char[] MainBusinessEnd = [';', '；', '。', '、', ',', '，'];

    private readonly IndustryTable industries;
    private readonly List<Segment> segments = [];
    private readonly List<(string Term, int Segment, double Strength)> terms = [];

    /// <summary>The standard's own words of a segment (ADR 0650): read only in a register row's licence, like a segment's word there.</summary>
    private readonly Dictionary<string, int> standardWords;

    /// <summary><see cref="terms"/> and <see cref="standardWords"/>, longest first: what the fields are read for.</summary>
    private readonly List<(string Term, int Segment, double Strength)> fieldTerms;

    /// <summary>Finds which of <see cref="fieldTerms"/> a text holds in one pass (ADR 0780).</summary>
    private readonly TermScanner fieldTermScanner;

    /// <summary>Finds which of <see cref="downstreamTerms"/> a clause holds in one pass (ADR 0780).</summary>
    private readonly TermScanner downstreamTermScanner;

    /// <summary>The words of the downstream (trade and service) segments: what a scope's trade clause is read for.</summary>
    private readonly List<(string Term, string Chain)> downstreamTerms = [];
    private readonly List<(int Segment, string Word)> excludes = [];

    /// <summary>The words of making segments whose goods no segment trades (农业机械 of NC-EQUIP 3572: 5171 is no segment's; round 9b).</summary>
    private readonly List<(string Term, int Segment)> untradedGoodsTerms = [];
    private readonly string[][] segmentCodes;
    private readonly int[] parentIndex;
    private readonly Dictionary<string, int> segmentIndex;

    /// <summary>The segments of <see cref="ClassifierRules.ComputerServiceSegments"/> (ADR 0540).</summary>
    private readonly HashSet<int> computerServices;

    /// <summary>The chemical-drug and TCM segments of ADR 0500 (−1 when the chains have none).</summary>
    private readonly int chemicalDrugs;
    private readonly int tcmDrugs;

    /// <summary>The TCM segment's words, each with the longer words of other segments that hold it (中药 in 中药材).</summary>
    private readonly List<(string Term, string[] Longer)> tcmTerms = [];

    public CompanyClassifier(IEnumerable<ChainDefinition> chains, IndustryTable? industries = null)
    {
        ArgumentNullException.ThrowIfNull(chains);
        this.industries = industries ?? IndustryTable.Default;
        foreach (var segment in chains.SelectMany(c => c.Segments))
        {
            var index = segments.Count;
            segments.Add(segment);
            foreach (var keyword in segment.IncludeKeywords)
            {
                AddTerm(keyword, index, 1.0);
            }

            foreach (var product in segment.Products)
            {
                AddTerm(product, index, 0.9);
            }

            AddTerm(segment.Name, index, 0.8);
            foreach (var alias in segment.Aliases)
            {
                AddTerm(alias, index, 0.8);
            }

            foreach (var word in segment.ExcludeKeywords)
            {
                var folded = ChineseText.Fold(word);
                if (folded.Length > 0)
                {
                    excludes.Add((index, folded));
                }
            }
        }

        segmentCodes = segments.Select(s => s.IndustryCodes.Select(c => c.Trim().TrimStart('C', 'c')).Where(c => c.Length >= 2).ToArray()).ToArray();
        var byCode = segments.Select((s, i) => (s.Code, i)).GroupBy(p => p.Code).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        parentIndex = segments.Select(s => s.ParentCode is { } p && byCode.TryGetValue(p, out var i) ? i : -1).ToArray();
        segmentIndex = byCode;
        computerServices = [.. ClassifierRules.ComputerServiceSegments.Where(byCode.ContainsKey).Select(c => byCode[c])];
        chemicalDrugs = byCode.GetValueOrDefault(ClassifierRules.ChemicalDrugSegment, -1);
        tcmDrugs = byCode.GetValueOrDefault(ClassifierRules.TcmSegment, -1);

        // For each segment keep only its strongest entry per term (a word may be both keyword and product).
        var best = new Dictionary<(string, int), double>();
        foreach (var (term, segment, strength) in terms)
        {
            best[(term, segment)] = Math.Max(best.GetValueOrDefault((term, segment)), strength);
        }

        terms.Clear();
        terms.AddRange(best.Select(p => (p.Key.Item1, p.Key.Item2, p.Value)));
        terms.Sort((a, b) => b.Term.Length != a.Term.Length ? b.Term.Length.CompareTo(a.Term.Length) : string.CompareOrdinal(a.Term, b.Term));
        tcmTerms.AddRange(terms.Where(t => t.Segment == tcmDrugs && tcmDrugs >= 0)
            .Select(t => (t.Term, terms.Where(o => o.Segment != tcmDrugs && o.Term.Length > t.Term.Length && o.Term.Contains(t.Term, StringComparison.Ordinal)).Select(o => o.Term).Distinct().ToArray())));
        downstreamTerms.AddRange(terms.Where(t => segments[t.Segment].Tier == Tier.Downstream).Select(t => (t.Term, segments[t.Segment].ChainCode)));
        untradedGoodsTerms.AddRange(terms.Where(t => segments[t.Segment].Tier != Tier.Downstream && Array.Exists(segmentCodes[t.Segment], WithoutTradeSegment)).Select(t => (t.Term, t.Segment)));

        // ---- The standard's own words (ADR 0650) ----
        // Read with the segments' own words in a register row's licence only (no products, no industry cell: a listed company's
        // cell and products name its trade); the other rules keep reading the segments' words.
        standardWords = StandardWords(ClassWordTable.Value);
        fieldTerms = [.. terms, .. standardWords.Select(p => (p.Key, p.Value, ClassifierRules.StandardWordStrength * Math.Min(1.0, p.Key.Length / 4.0)))];
        fieldTerms.Sort((a, b) => b.Term.Length != a.Term.Length ? b.Term.Length.CompareTo(a.Term.Length) : string.CompareOrdinal(a.Term, b.Term));

        // ---- end of the standard's own words ----
        // The word lists a text is read for, each scanned in one pass (ADR 0780).
        fieldTermScanner = new TermScanner([.. fieldTerms.Select(t => t.Term)]);
        downstreamTermScanner = new TermScanner([.. downstreamTerms.Select(t => t.Term)]);
    }

    /// <summary>The company's best few segments, best first, each with its confidence (0–1) and the evidence for it.</summary>
    public IReadOnlyList<SegmentMatch> Classify(CompanyText company)
    {
        ArgumentNullException.ThrowIfNull(company);
        var name = WithoutZoneNames(ChineseText.Fold(company.Name));
        var products = ChineseText.Fold(company.Products);
        var industryText = ChineseText.Fold(company.Industry);
        var scope = InCatalogueOrder(WithoutExclusionNotes(WithoutLicenceHeadings(ChineseText.Fold(company.Scope))));
        var catalogueHeadings = HasCatalogueHeadings(ChineseText.Fold(company.Scope));
        if (name.Length + products.Length + industryText.Length + scope.Length == 0)
        {
            return [];
        }

        // A division (C15酒、饮料和精制茶制造业, 化学原料和化学制品制造业) names several trades at once: its words are not the
        // company's own (精制茶 does not make a distiller a tea maker), and only its code counts.
        var divisionAlone = industries.NamesOnlyADivision(company.Industry);
        string[] fields = [name, products, divisionAlone ? string.Empty : industryText, scope];
        var registerRow = products.Length + industryText.Length == 0;

        // What the scope only sells (中成药、化学药制剂、抗生素制剂零售; 汽车配件、五金交电销售) goes to the chain's trade segment
        // when the clause names one (药品零售, 汽车配件 of ZQ-PARTSALE), not to the segments that make it.
        var tradeClauses = TradeClauses(scope);

        // A company whose licence only trades (销售, 批发, 零售 and no 生产, 制造, 加工 …) and whose name says what goods (药业, 化工)
        // is a trader of them (session 28): the name's goods go to the chain's trade segment, not to the segment that makes them.
        var (ownNameCodes, nameSegments) = industries.ReadName(name);
        var industryCodes = industries.Read(company.Industry);
        var traded = TradedChains(name, scope, nameSegments, ownNameCodes, industryCodes);
        // A division of one chain whose segments none dominates (C39) spans its segments as a 申万 industry does (ADR 0760); so does a
        // 申万 equipment cell of that division that names no segment (其他计算机设备, ADR 0785).
        var divisionChainGuess = industries.ChainLevelGuess(company.Industry);
        var chainGuessOfCell = divisionChainGuess ?? industries.SwChainLevelGuess(company.Industry);
        var cell = new CellLabel(company.Industry?.Trim() ?? string.Empty,
            industries.SpansSegments(company.Industry) || chainGuessOfCell is not null, DivisionWords(ownNameCodes),
            industryCodes.Count > 0 && industryCodes.All(c => c.Code.Length == 2), industryCodes.Count > 0 && industryCodes.All(c => IsManufactured(c.Code)));
        var scores = new Dictionary<int, Candidate>();
        var counted = new List<(string Word, int Segment)>();
        var hasCell = company.Industry is { Length: > 0 } && industryText.Length > 0;
        var labelSegments = industries.LabelSegments(company.Industry);

        // ---- A dosage form names a finished drug, chemical or TCM alike (ADR 0500): read only when a form is found ----
        bool? tcmForms = hasCell ? null : false;

        // ---- end of a dosage form ----
        for (var f = 0; f < fields.Length; f++)
        {
            var text = fields[f];
            if (text.Length == 0)
            {
                continue;
            }

            // A business scope's items past the LastScopeItem-th are a group's catch-all list (issue #19 round 7): only its head is read.
            if (f == 3)
            {
                text = ScopeHead(text);
            }

            counted.Clear();
            foreach (var (term, segment, strength) in FieldTermsIn(text))
            {
                if (term.Length > text.Length || !HoldsTerm(text, term) || ((f != 3 || !registerRow) && standardWords.ContainsKey(term))
                    || (f == 3 && tradeClauses.Count > 0 && OnlySold(term, segment, scope, tradeClauses))
                    || (f == 3 && traded.ContainsKey(segments[segment].ChainCode) && segments[segment].Tier != Tier.Downstream)
                    || (f == 0 && segments[segment].Tier != Tier.Downstream && TradedGoodsWord(traded, segments[segment].ChainCode, term)))
                {
                    continue;
                }

                // ---- A name's word the licence must bear out (session 46, ADR 0735) ----
                // 信息服务 in a register row's name is as often an agency's, an internet café's or a consultancy's as an IT firm's
                // (…信息服务有限公司: 家政中介, 互联网上网服务, 专利信息咨询): it counts only when the licence holds a word of the segment.
                if (f == 0 && registerRow && Array.IndexOf(ClassifierRules.LicenceBorneNameWords, term) >= 0 && !LicenceHoldsWordOf(scope, segment))
                {
                    continue;
                }

                // ---- end of a name's word the licence must bear out ----
                // ---- A 专汽 word other trades write, beside no vehicle (session 47, ADR 0750) ----
                // On a register row 玻璃钢, 铝型材, 原材料 (ZQ-MAT), 传动 (ZQ-POWER-PTO), 夹芯板 (ZQ-BODY-BOX) and 工业设计 (ZQ-RD) are a
                // water-tank maker's, a window-frame works', a reducer maker's, a builder's or a design studio's as often as a vehicle
                // supplier's: they count only when the row's name or licence names a vehicle (汽车, 客车, 车辆 …).
                // A listed row's 申万 cell and products stand for its licence (session 47, ADR 0770): 原材料 of a copper-tube maker, 玻璃钢 of
                // a glass-machinery maker, 铝型材 of a profiles maker for phones name no vehicle part unless the row names a vehicle. A steel
                // maker's 高强钢 (ZQ-MAT's narrower words) still counts: only the words other trades write are read so on a listed row.
                if (registerRow ? BesideNoVehicle(segment, term, name, scope)
                    : Array.IndexOf(ClassifierRules.ListedVehicleBorneWords, term) >= 0 && BesideNoVehicle(segment, term, name, string.Concat(products, industryText, scope)))
                {
                    continue;
                }

                // ---- end of a 专汽 word other trades write ----
                // ---- In-car infotainment words are a listed row's (session 49, ADR 0830) ----
                // 车载导航, 车载信息, 车载娱乐, 车载多媒体 (汽车电子) name a listed navigation or infotainment maker's goods (路畅, 索菱); on a
                // register licence they stand among a set-top-box or keyboard maker's many goods (车载导航仪 beside DVD players): not read there.
                if (registerRow && Array.IndexOf(ClassifierRules.CarInfotainmentWords, term) >= 0)
                {
                    continue;
                }

                // ---- end of in-car infotainment words ----
                // A word that stands only inside a longer word of an unrelated segment already counted in this field (轮毂 of
                // ZQ-TIRE in 轮毂单元 of ZQ-CHASSIS-AXLE, 汽车电子 of DZ-AUTO in 汽车电子电器 of ZQ-ELEC) names nothing of its own: the
                // longer word names the thing (ADR 0365). A longer word of the segment's parent or child (传动 of ZQ-POWER-PTO in
                // 传动系统 of ZQ-POWER) does not compete: the best few keep the more specific of the two.
                if (counted.Count > 0 && OnlyInsideCounted(text, term, segment, counted, parentIndex))
                {
                    continue;
                }

                // ---- The machines for a thing name no maker of it (ADR 0570) ----
                // 锂电池专用设备、锂电池生产设备 among a machine maker's products: the battery is what its machines make, not its
                // business. A word that ends in a machine word itself (储能设备, 食品加工设备) is read as it stands.
                if ((f == 1 || f == 3) && OnlyBeforeMachines(text, term, Array.IndexOf(ClassifierRules.LineMadeGoodsChains, segments[segment].ChainCode) >= 0))
                {
                    continue;
                }

                // ---- A device's word before its part's (session 47, ADR 0740) ----
                // 手机天线, 智能终端结构件, 消费电子零部件及组装 (a 申万 industry), 手机游戏: a listed row's products or cell name the part or
                // the content made for the device, not the device.
                if ((f == 1 || f == 2) && segments[segment].Code == ClassifierRules.TerminalSegment && OnlyBeforeAPart(text, term))
                {
                    continue;
                }

                // ---- end of a device's word before its part's ----

                // ---- A word before what it is for (session 45, ADR 0685) ----
                // 发动机高级润滑油 is an oil, 中藏药材 the herbs: the part's or the medicine's word names what they are for.
                if (OnlyBeforeItsUse(text, term))
                {
                    continue;
                }

                // ---- end of a word before what it is for ----
                // ---- Waste tyres are a recycler's (session 49, ADR 0830) ----
                // 废旧轮胎 (…处理及综合利用, 回收, 粉碎) is a recycler's or a reclaimed-rubber maker's material, not a tyre made: 轮胎 that stands only
                // after 废 or 废旧, or before 回收 (a name's 轮胎回收), names no ZQ-TIRE. A retreader's 轮胎、翻新轮胎 beside 废旧轮胎收购 still counts.
                if (segments[segment].Code == ClassifierRules.WasteReadTyreSegment && OnlyAsWaste(text, term))
                {
                    continue;
                }

                // ---- end of waste tyres ----

                // ---- end of the machines for a thing ----

                // ---- A word that is only part of a mapped label's name (ADR 0390) ----
                if (f == 2 && labelSegments.Count > 0 && !InLabelFamily(segment, labelSegments) && !SegmentWordsCover(text, segment))
                {
                    continue;
                }

                // ---- end of a word that is only part of a mapped label's name ----

                // ---- A licence clause that makes nothing names no maker (ADR 0485) ----
                // On a row with an industry cell, a scope word of makers that stands only in clauses that deal in it (trade, invest,
                // advise) says nothing where the cell names another trade (no division of the segment's codes), and no more than the
                // chain where the cell is a whole division of them (C39 beside 通信设备的技术咨询).
                var dealt = f == 3 && hasCell && HoldsMakers(segment) && OnlyWhereNothingIsMade(term, scope);
                if (dealt && Disagrees(segmentCodes[segment], industryCodes))
                {
                    continue;
                }

                // ---- end of a licence clause that makes nothing ----
                // ---- A register row's maker word that is only dealt in (ADR 0630) ----
                // Without a cell, an electronics word that stands only in clauses that sell, install or service the goods
                // (网络设备、通信设备的销售; 计算机网络设备销售及网络工程服务) is a dealer's or a systems contractor's, not a maker's.
                if (f == 3 && !hasCell && Array.IndexOf(ClassifierRules.DealtGoodsChains, segments[segment].ChainCode) >= 0
                    && HoldsMakers(segment) && OnlyWhereNothingIsMade(term, scope))
                {
                    continue;
                }

                // ---- end of a register row's maker word that is only dealt in ----
                // ---- A dosage form names a finished drug, chemical or TCM alike (ADR 0500) ----
                // A TCM maker's 片剂、胶囊剂、注射剂 are its patent medicines: beside a TCM word they count for 中成药, not 化学制剂.
                var into = segment == chemicalDrugs && Array.IndexOf(ClassifierRules.DosageForms, term) >= 0
                    && (tcmForms ??= NamesTcm(fields, scope, industryCodes)) ? tcmDrugs : segment;

                // ---- end of a dosage form ----
                counted.Add((term, into));

                if (!scores.TryGetValue(into, out var candidate))
                {
                    scores[into] = candidate = new Candidate();
                }

                candidate.Add(f, term, f == 1 ? strength * ProductPositionFactor(text, term) : strength);
                if (dealt && cell.NamesDivisionsOnly)
                {
                    candidate.NoteChainOnlyScopeTerm(term);
                }
            }
        }

        var (productCodes, productSegments) = industries.ReadName(products);
        var outsideCell = industries.NamesAnIndustryOutsideTheChains(company.Industry);

        // ---- Another kind of the cell's own trade is a minority line (session 48, ADR 0790) ----
        // A listed generator whose 申万 industry is 火力发电 or 水力发电 (outside the chains) lists its wind and PV plants among its
        // revenue lines (电力-风电, 风电分部): the product's class (风电 → 4415) is a sibling of the cell's own (4411) under one GB/T group
        // (441), and 申万 put the company in the other kind. Such a product code backs no segment when no item before the third names it
        // (火电、风电, wind as the second line, still places XNY-PLANT: ClassifierRules.SiblingClassLeadItems).
        if (outsideCell && productCodes.Count > 0)
        {
            productCodes = [.. productCodes.Where(p => !IsSiblingOfOutsideCell(p.Code, industryCodes)
                || ItemIndex(products, p.Source) < ClassifierRules.SiblingClassLeadItems)];
        }

        // ---- end of another kind of the cell's own trade ----
        var nameCodes = productCodes.Count > 0 ? [.. ownNameCodes, .. productCodes] : ownNameCodes;

        // ---- A licence item that is a GB/T making class (ADR 0585) ----
        // 塑料零件制造；其他塑料制品制造 in the standard licence wording names class 2929 as an industry cell would; only on a row
        // without a cell, and only among the licence's first items.
        var licenceCodes = hasCell ? [] : LicenceClasses(scope);

        // ---- end of a licence item that is a GB/T making class ----
        // ---- An industry outside the eight chains backs no segment (ADR 0705) ----
        // A 申万 industry that sw2021.csv marks outside the chains (其他纺织 → 17, 工程咨询服务Ⅲ → 748, 钢铁 → 31) keeps its codes for
        // what they say against a segment, but its code agreeing with a segment's (17 with 功能性面料's 1751, 748 with 化工工程设计's
        // 7484) is no support: the label itself says the company is in none.
        IReadOnlyList<IndustryCode> backingCodes = outsideCell ? [] : industryCodes;

        // ---- end of an industry outside the eight chains ----
        if (industryCodes.Count + nameCodes.Count + licenceCodes.Count > 0)
        {
            for (var s = 0; s < segments.Count; s++)
            {
                var (agreement, code) = Agreement(segmentCodes[s], backingCodes, 1.0);
                var cellAgreement = agreement;
                var (nameAgreement, nameCode) = Agreement(segmentCodes[s], nameCodes, NameCodeWeight);
                if (nameAgreement > agreement)
                {
                    (agreement, code) = (nameAgreement, nameCode);
                }

                // The class counts only for a segment that a word of the row names too (塑料制品 in 其他塑料制品制造): alone it is a
                // segment's code, and a class's code in a segment (风机、风扇制造 3462 of 专用泵阀) is no word of the segment's trade.
                var (licenceAgreement, licenceCode) = licenceCodes.Count > 0 && scores.TryGetValue(s, out var worded) && worded.HasAnyText
                    ? Agreement(segmentCodes[s], licenceCodes, ClassifierRules.LicenceClassWeight)
                    : (0, null);
                if (agreement > 0 || licenceAgreement > 0)
                {
                    if (!scores.TryGetValue(s, out var candidate))
                    {
                        scores[s] = candidate = new Candidate();
                    }

                    candidate.Code = Math.Max(agreement, licenceAgreement);
                    candidate.CodeEvidence = code;
                    candidate.SourceCode[2] = cellAgreement;
                    (candidate.SourceCode[0], candidate.SourceCodeEvidence[0]) = Agreement(segmentCodes[s], ownNameCodes, NameCodeWeight);
                    (candidate.SourceCode[1], candidate.SourceCodeEvidence[1]) = Agreement(segmentCodes[s], productCodes, NameCodeWeight);
                    (candidate.SourceCode[3], candidate.SourceCodeEvidence[3]) = (licenceAgreement, licenceCode);
                }
            }
        }

        // An industry word inside a longer segment word found in the same field says nothing of its own
        // (制药 in 制药机械 is not a drug maker), as a shorter segment word inside a longer one adds nothing.
        var strongWords = nameSegments.Where(w => !InsideLongerTerm(w.Word, scores.Values, 0))
            .Concat(productSegments.Where(w => !InsideLongerTerm(w.Word, scores.Values, 1)))
            .ToList();
        var cellGuessChains = labelSegments.Where(l => segmentIndex.ContainsKey(l.Segment)).Select(l => (Chain: segments[segmentIndex[l.Segment]].ChainCode, l.Segment)).ToList();
        foreach (var (label, guessedCode) in labelSegments.Concat(strongWords))
        {
            var code = guessedCode;
            // A name or products word that says no more than the industry cell (化工 26 over 橡胶助剂 2661, C26) proposes no segment
            // of a chain where the cell guesses one: the cell's guess is the more specific (issue #19 round 7).
            if (!labelSegments.Contains((label, code)) && segmentIndex.TryGetValue(code, out var guessed)
                && SaysNoMore(nameCodes.Where(c => c.Source == label).ToList(), industryCodes)
                && cellGuessChains.Exists(g => g.Chain == segments[guessed].ChainCode && g.Segment != code))
            {
                continue;
            }

            var from = labelSegments.Contains((label, code)) ? 2 : nameSegments.Contains((label, code)) ? 0 : 1;
            var tradedBy = string.Empty;
            if (from == 0 && segmentIndex.TryGetValue(code, out var made) && traded.TryGetValue(segments[made].ChainCode, out var trade)
                && (segments[made].Tier != Tier.Downstream || (trade.Segment >= 0 && trade.Segment != made && trade.Verb == RetailVerb)))
            {
                if (trade.Segment < 0)
                {
                    continue;
                }

                (code, tradedBy) = (segments[trade.Segment].Code, trade.Verb);
            }

            // ---- A drug counter's licence names the retail segment (session 46, ADR 0710) ----
            // 某某供销社医药商店, 某某医药零售部 whose licence makes nothing and lists the drug-licence classes: the shop's name says the
            // retail of the trade its name word names (医药 → SW-DIST → SW-RETAIL), as a wholesaler's says the wholesale (ADR 0675).
            var counter = false;
            if (from == 0 && tradedBy.Length == 0 && segmentIndex.TryGetValue(code, out var wholesale) && segments[wholesale].Tier == Tier.Downstream
                && TradesDrugLicenceClasses(scope) && ShopName(name, wholesale) && RetailOfWholesale(wholesale) is var shop and >= 0)
            {
                (code, counter) = (segments[shop].Code, true);
            }

            // ---- end of a drug counter's licence ----
            if (segmentIndex.TryGetValue(code, out var s))
            {
                if (!scores.TryGetValue(s, out var candidate))
                {
                    scores[s] = candidate = new Candidate();
                }

                candidate.LabelGuess ??= tradedBy.Length > 0 ? $"{label}（经营范围只有{tradedBy}）" : label;

                // ---- A drug-trading licence names the trade segment of the name's word (ADR 0675) ----
                // 某某医药有限公司 whose licence makes nothing and lists the drug-licence classes (中成药、化学药制剂、抗生素…批发):
                // the name's trade word (医药 → SW-DIST) is the segment, not only the chain its division (27) spans.
                if (from == 0 && segments[s].Tier == Tier.Downstream && tradedBy.Length == 0 && TradesDrugLicenceClasses(scope) && (counter || !ShopName(name, s)))
                {
                    candidate.LicenceTradesTheGoods = true;
                }

                // ---- end of a drug-trading licence ----

                // A division's guess (医药制造业 → SW-CHEM, ADR 0265) proposes its segment but is no source of its own: it
                // says which segment a division most often means, not what this company makes.
                if (from == 1 && !candidate.GuessFrom[1])
                {
                    candidate.ProductsGuessFactor = ProductPositionFactor(products, label);
                }
                else if (from == 1)
                {
                    candidate.ProductsGuessFactor = Math.Max(candidate.ProductsGuessFactor, ProductPositionFactor(products, label));
                }

                candidate.GuessFrom[from] |= from != 2 || !divisionAlone;
                if (strongWords.Contains((label, guessedCode)))
                {
                    candidate.NamedByWord = true;
                    candidate.NamedBySpecificWord |= Refines(nameCodes.Where(c => c.Source == label).ToList(), industryCodes);
                }
            }
        }

        // A name word of goods that proposes no segment itself (医疗器械 358) guesses the trade segment the goods lead to (round 9b).
        foreach (var (_, trade) in traded)
        {
            if (trade.Segmentless && trade.Segment >= 0)
            {
                if (!scores.TryGetValue(trade.Segment, out var candidate))
                {
                    scores[trade.Segment] = candidate = new Candidate();
                }

                candidate.LabelGuess ??= $"{trade.Word}（经营范围只有{trade.Verb}）";
                candidate.GuessFrom[0] = true;
                candidate.NamedByWord = true;
                candidate.NamedBySpecificWord |= Refines(ownNameCodes.Where(c => c.Source == trade.Word).ToList(), industryCodes);
            }
        }

        // A haulier (round 12, ADR 0375): 运输 in a name names passenger and freight carriers alike, and 普通货运 in a scope is a
        // builder's or a dealer's side licence as often as a haulier's (ADR 0360); together, with no 客运 in the licence, they
        // name a road-freight company, which the labelling rules place in 现代物流: the name's guess and the licence's freight
        // word are its two sources.
        if (IsHaulier(name, scope))
        {
            var word = ClassifierRules.HaulageNameWords.Concat(ClassifierRules.ShippingNameWords).First(w => name.Contains(w, StringComparison.Ordinal));
            GuessFromName(scores, ClassifierRules.HaulageSegment, $"{word}（经营范围有货运）", ClassifierRules.FreightWords.First(w => scope.Contains(w, StringComparison.Ordinal)));
            if (Array.Exists(ClassifierRules.DangerousGoodsWords, w => scope.Contains(w, StringComparison.Ordinal)))
            {
                GuessFromName(scores, ClassifierRules.DangerousGoodsSegment, $"{word}（经营范围有危险货物运输）", null);
            }
        }

        // A post office (session 40, ADR 0540): a unit of the postal enterprise whose name ends in a post office's unit (支局,
        // 邮政所, a county 分公司) is in the post's segment; its licence lists letters, parcels, remittances and a dozen agencies
        // (代办电信, 报刊发行, 预包装食品) in no fixed order, so only the name can say it.
        if (IsPostOffice(name))
        {
            GuessFromName(scores, ClassifierRules.PostOfficeSegment, $"{ClassifierRules.PostalNameWords.First(w => name.Contains(w, StringComparison.Ordinal))}（邮政局、所）", null);
        }

        // A bank's office (session 46, ADR 0710): its name's place words (百货大楼, 化工, 磷矿) may outweigh the bank's own guess; the
        // office's unit (支行, 分理处) says the trade.
        if (IsBankOffice(name))
        {
            GuessFromName(scores, ClassifierRules.BankSegment, $"{ClassifierRules.BankNameWords.First(w => name.Contains(w, StringComparison.Ordinal))}（支行、分理处）", null);
        }

        // ---- A farm-supply counter (session 41, ADR 0560) ----
        // A supply co-op's counter or a 生产资料 company whose licence names fertiliser or pesticide among its first few goods
        // (日用杂品、百货、针织品、化肥…) sells farm inputs: the name says the trade, the licence the goods, in no fixed order.
        if (FarmSupplyWord(name, scope) is { } farmInput)
        {
            GuessFromName(scores, ClassifierRules.FarmSupplySegment, $"{ClassifierRules.FarmSupplyNameWords.First(w => name.Contains(w, StringComparison.Ordinal))}（经营范围有{farmInput}）", farmInput);
        }

        // ---- end of a farm-supply counter ----
        // ---- A co-op store (session 49, ADR 0815) ----
        // A supply co-op's store, station or counter whose licence sells a general store's goods (百货、针纺织品、日用杂品…) is a store,
        // as a private 百货 store is, beside the farm inputs it may also sell.
        if (CoopStoreGoodsWord(name, scope) is { } storeGoods)
        {
            GuessFromName(scores, ClassifierRules.CoopStoreSegment, $"{ClassifierRules.CoopStoreNameWords.FirstOrDefault(w => name.Contains(w, StringComparison.Ordinal)) ?? "供销"}（经营范围有{storeGoods}）", storeGoods);
        }

        // ---- end of a co-op store ----
        // ---- A packaging printer (session 41, ADR 0560) ----
        // 包装装潢印刷 is the printing licence's category for packaging; first in the licence of a company whose name says 包装 or
        // 彩印, it is the company's trade. Neither alone says it: the category stands in general printers' and decorators'
        // licences, and a 包装 name is as often a dealer's in packaging materials or machinery.
        // A printer's licence may list its categories in one clause (内部资料印刷、包装装潢印刷品、其他印刷品): packaging among them
        // is the printer's trade as much as when it opens the list (session 43, ADR 0640).
        if ((PackagingPrintWord(name, FirstItem(scope)) ?? PrintingCategoryWord(name, scope)) is { } printWord)
        {
            GuessFromName(scores, ClassifierRules.PackagingPrintSegment, $"{ClassifierRules.PackagingPrinterNameWords.First(w => name.Contains(w, StringComparison.Ordinal))}（经营范围首项{printWord}印刷）", printWord);
        }

        // ---- end of a packaging printer ----
        var ranked = new List<(int Segment, double Score, Candidate Candidate)>(scores.Count);
        var firstItem = FirstItem(scope);
        // A register row whose licence only trades and whose name makes nothing is a seller: it is in no segment that makes
        // manufactured goods (a 制药机械 or 包装材料 dealer is not their maker), only in trade and service ones (ADR 0360).
        var seller = registerRow && IsSeller(name, scope);
        var generalStore = registerRow && !seller && IsGeneralStore(name, scope);
        foreach (var (s, candidate) in scores)
        {
            // A register row (no products, no industry cell): the name and the scope's first item (where a registration states
            // its main business) naming the same segment agree on the company's main business, and the scope then counts as
            // that, not as a list of side lines (ADR 0330).
            candidate.FirstItemAgrees = registerRow && firstItem.Length >= 2 && candidate.Sources()[0] > 0
                && candidate.Terms[3] is { } scopeTerms && scopeTerms.Exists(t => firstItem.Contains(t, StringComparison.Ordinal));
            // ---- One word of a listed company's licence under a division names the chain (ADR 0530) ----
            candidate.OneLicenceLine = OneLicenceWordUnderADivision(candidate, cell, firstItem);

            // ---- end of one word of a licence under a division ----
            var strong = (candidate.Field(0) * NameWeight) + (candidate.Field(1) * ProductsWeight) + (candidate.Field(2) * IndustryTextWeight);
            if (strong + candidate.Code == 0 && candidate.LabelGuess is null)
            {
                continue; // business scope alone never places a company
            }

            var score = strong + (candidate.Field(3) * ScopeWeight) + candidate.Code;
            if (!candidate.HasText)
            {
                // Codes and labels place a company in a chain; without a word of the segment they are a guess, never confirmed.
                score = Math.Min(WithoutTextCap, score + (candidate.LabelGuess is null ? 0
                    : LabelGuess * (candidate.GuessFrom[1] && !candidate.GuessFrom[0] && !candidate.GuessFrom[2] && candidate.SourceCode[2] == 0 ? candidate.ProductsGuessFactor : 1)));
            }
            // A guess from an industry word of the products alone (广告, 化工, 食品 among a group's revenue lines) that the
            // industry cell contradicts says nothing: the cell names the company's own industry (ADR 0202). The name's own
            // industry word (消防 under 专用机械) is the company speaking of itself and stays (ADR 0175).
            if (!candidate.HasAnyText && candidate.SourceCode[2] == 0 && candidate.SourceCode[0] == 0 && !candidate.GuessFrom[2] && !candidate.GuessFrom[0]
                && segmentCodes[s].Length > 0 && Disagrees(segmentCodes[s], industryCodes))
            {
                continue;
            }

            // ---- The cell's own segment (session 48, ADR 0785) ----
            // A 申万 cell that data/industry/sw2021.csv maps to the segment (金融控股 → FW-FIN, 保险Ⅲ → FW-FIN) stands for it; its GB/T code
            // (6920 控股公司服务, 68 保险) lying outside the segment's codes is no contradiction of a word of the row that names it (典当业务).
            if (candidate.HasText && candidate.Code == 0 && segmentCodes[s].Length > 0 && Disagrees(segmentCodes[s], industryCodes)
                && !labelSegments.Any(l => l.Segment == segments[s].Code))
            {
                score *= DisagreeFactor;
                candidate.Disagrees = true;
            }

            // Main products alone, every word of the segment past the third item (a group's side line: 融资租赁, 锂电池 after
            // seven other lines), place nothing when the industry cell is known and gives the segment nothing: the cell names
            // the company's own industry (ADR 0230).
            if (IsSideLineOnly(candidate, products) && (industryCodes.Count > 0 || labelSegments.Count > 0))
            {
                continue;
            }

            // An excluding word in the (noisy) scope does not overrule the name or products naming the segment.
            var namedStrongly = candidate.NamedByWord || candidate.Field(0) + candidate.Field(1) > 0;
            if (score < ClassifierRules.MinimumScore || IsExcluded(s, namedStrongly ? fields[..3] : fields))
            {
                continue;
            }

            ranked.Add((s, score, candidate));
        }

        // ---- A bank office's name is its place (session 46, ADR 0710) ----
        // 某某银行股份有限公司应城化工支行, …钟祥磷矿分理处, …百货大楼支行: the words between the bank and its office (支行, 分理处 …)
        // name the street, works or building it serves. A segment that only the name proposes, other than the bank's, is not ranked.
        if (IsBankOffice(name) && segmentIndex.TryGetValue(ClassifierRules.BankSegment, out var bank))
        {
            ranked.RemoveAll(r => r.Segment != bank && r.Candidate.Sources() is var from && from[0] > 0 && from[1] == 0 && from[2] == 0 && from[3] == 0);
        }

        // ---- end of a bank office's name ----
        var kept = Keep(ranked);
        // A seller is in no segment of makers, of any tier (a trader whose licence opens with 塑料制品 is no plastics maker,
        // session 41); what it trades does not make room for weaker guesses, and its scope's first item (the goods again)
        // proposes nothing in their place.
        var sold = seller ? kept.RemoveAll(k => HoldsMakers(k.Segment))
            // ---- A general store's licence (session 44, ADR 0645) ----
            // A licence that makes nothing and lists a general store's goods: a good the name does not name is sold, not made.
            : generalStore ? kept.RemoveAll(k => HoldsMakers(k.Segment) && k.Candidate.Sources()[0] == 0)
            // ---- end of a general store's licence ----
            : 0;

        // ---- Farm chemicals a counter sells (session 43, ADR 0625) ----
        // A register row that makes nothing (no making verb in its licence, no making word in its name) and is in 农资投入品 sells the
        // fertiliser or pesticide its name or licence names (桂平市大洋供销社化肥农药销售点: 化肥、农药): the labelling rules place the
        // seller there only, not also in the chemical segment that makes them, which the name's 化肥 (GB/T 262) proposes as well.
        if (registerRow && !Makes(scope) && !Array.Exists(ClassifierRules.MakerNameWords, w => name.Contains(w, StringComparison.Ordinal))
            && segmentIndex.TryGetValue(ClassifierRules.FarmSupplySegment, out var farmSupply) && kept.Exists(k => k.Segment == farmSupply))
        {
            kept.RemoveAll(k => segments[k.Segment].ChainCode != segments[farmSupply].ChainCode && IsFarmChemicalMaker(k.Segment));
        }

        // ---- end of farm chemicals a counter sells ----
        // ---- A maker's goods are no trade (session 46, ADRs 0710 and 0720) ----
        // A register row that makes the goods a trade segment's words name is their maker, not their dealer: the labelling rules place
        // a parts maker of an unnamed kind in no segment, and only a licence that sells the parts in the trade segment. Two readings
        // of "makes" (IsMakersTrade): every licence clause holding the candidate's words makes them (汽车配件制造; a 机械厂 whose licence
        // is only 汽车配件; a 汽车配件厂 that makes 仪表电器配件, ADR 0720), or the licence's first clause makes (汽车配件、摩托车配件、阀门
        // 制造加工; 生产、销售：汽车零部件), no clause only trades the chain's goods and the name is no trader's or shop's (ADR 0710: a segment
        // of manufactured goods' trade; farm produce and food, which depots that buy and mill are labelled with, left out). The first
        // reading is applied before the first-item fallback too (so that a first item may place what the name's trade word no longer
        // does); both after the rules that may add a segment (below). The second reading before the fallback let it place a wrong
        // segment of the right chain (codes-holdout: segment precision 79.7 → 78.8).
        var firstClauseMakes = registerRow && Array.Exists(MakingActivities, v => HoldsVerb(FirstClause(scope), v)) && !IsTradersName(name);
        if (registerRow)
        {
            kept.RemoveAll(k => IsMakersTrade(k.Segment, k.Candidate, name, scope, firstClauseMakes: false, tradeClauses));
        }

        if (kept.Count == 0 && sold == 0)
        {
            // Nothing stronger places the company (nothing at all, or only an industry code that names several segments
            // alike): the first item of its business scope, where a registration states its main business, may propose a
            // membership, always 待确认 (ADR 0201). The rest of the scope counts for nothing alone.
            kept = Keep(MainBusinessCandidates(scope, tradeClauses, fields, industryCodes, registerRow, catalogueHeadings)
                .Where(c => segments[c.Segment].Tier == Tier.Downstream || !traded.ContainsKey(segments[c.Segment].ChainCode)).ToList());
            if (seller || generalStore)
            {
                kept.RemoveAll(k => HoldsMakers(k.Segment));
            }
        }

        // ---- The catalogue's terms (ADR 0635) ----
        // A name's word of a whole trade (食品, 化工) guesses only the chain (环节待定, ADR 0450); the catalogue's term for the trade in
        // the licence's first items (食用农产品初加工) names the segment, and the chain-level guess then yields to it.
        if (kept.Count is > 0 and < ClassifierRules.MaxSegments && !seller && CatalogueTermOf(scope, catalogueHeadings) is { } named
            && !kept.Exists(k => segments[k.Segment].ChainCode == segments[named.Segment].ChainCode && NamesOnlyTheChain(k.Segment, k.Candidate, scores, cell) is null)
            && kept.Exists(k => segments[k.Segment].ChainCode == segments[named.Segment].ChainCode) && !IsExcluded(named.Segment, fields))
        {
            var termCandidate = new Candidate { MainBusiness = true };
            termCandidate.Add(3, named.Term, 1.0);
            kept.Add((named.Segment, Math.Min(MainBusinessCap, termCandidate.Field(3) * MainBusinessWeight), termCandidate));
        }

        // ---- end of the catalogue's terms ----
        // ---- A chain-level name yields to the first item's segment (session 43, ADR 0640) ----
        // A register row whose only memberships are a name's chain-level guesses (食品, 化工: 环节待定) reads its licence's first item
        // as a company placed by nothing would (ADR 0201): a segment of the same chain it names is added, and the guess yields to it.
        // A name's division word that the licence bore out (食品 → 14 with 米面制品 later in the licence) says the trade as much: the
        // first item's segment of the same chain is added beside it (session 45, ADR 0695: `生产肉制品、…米面制品`).
        if (registerRow && !seller && kept.Count > 0 && Makes(FirstClause(scope))
            && kept.TrueForAll(k => NamesOnlyTheChain(k.Segment, k.Candidate, scores, cell) is not null || GuessedByADivisionWord(k.Candidate)))
        {
            var chains = kept.ConvertAll(k => segments[k.Segment].ChainCode);
            foreach (var main in Keep(MainBusinessCandidates(scope, tradeClauses, fields, industryCodes, registerRow, catalogueHeadings)
                .Where(c => chains.Contains(segments[c.Segment].ChainCode) && !kept.Exists(k => k.Segment == c.Segment)).ToList()))
            {
                if (kept.Count < ClassifierRules.MaxSegments)
                {
                    kept.Add(main);
                }
            }
        }

        // ---- end of a chain-level name that yields ----
        // ---- A medical-device licence that makes nothing (session 47, ADR 0750) ----
        // A register row that makes nothing (no making verb in its licence, no maker's word in its name) and is in 医疗器械 by its
        // licence's device classes (医疗器械销售, 一类医疗器械经销, 二类医疗器械、三类医疗器械) deals in the devices: the register sets
        // label such dealers 医药流通 (北京嘉联诚业, 成都牙宝, 西安晨鑫), not the makers' segment. A trade segment of the chain kept already
        // (a pharmacy's SW-RETAIL) stays alone.
        // The kept segment is checked first: the licence's making verbs are read only for the few rows in the devices' segment.
        if (registerRow && segmentIndex.TryGetValue(ClassifierRules.MedicalDeviceSegment, out var devices)
            && segmentIndex.TryGetValue(ClassifierRules.MedicalDeviceTradeSegment, out var deviceTrade)
            && kept.FindIndex(k => k.Segment == devices) is var deviceAt and >= 0
            && !Makes(scope) && !Array.Exists(ClassifierRules.MakerNameWords, w => name.Contains(w, StringComparison.Ordinal)))
        {
            if (kept.Exists(k => segments[k.Segment].ChainCode == segments[devices].ChainCode && segments[k.Segment].Tier == Tier.Downstream))
            {
                kept.RemoveAt(deviceAt);
            }
            else
            {
                kept[deviceAt] = (deviceTrade, kept[deviceAt].Score, kept[deviceAt].Candidate);
            }
        }

        // ---- end of a medical-device licence that makes nothing ----
        // ---- A vehicle service's name (session 47, ADR 0765) ----
        // A register row whose name is a vehicle dealer's, carrier's or repair shop's (广发汽车服务, 汇伦汽车贸易, 樟木头镇公共汽车, …汽车大修厂)
        // gets the industry code 36 from its 汽车; a segment that this code and a licence item past the first alone support (新能源汽车
        // among a dealer's lines: XNY-NEV; 发动机维修: ZQ-POWER-ENGINE; 轮胎 a carrier buys) is what it sells, runs or repairs. The register
        // sets label such firms none (九江市赣浔汽车贸易, 长春市通洋汽车服务, 湘运集团炎陵公共汽车分公司); a first item (江西达壮汽车服务's 汽车配件:
        // ZQ-PARTSALE) or a word of the segment in the name still places.
        if (registerRow && Array.Exists(ClassifierRules.VehicleServiceNameWords, w => name.Contains(w, StringComparison.Ordinal)))
        {
            kept.RemoveAll(k => OnlyTheNamesCodeAndALaterItem(k.Candidate, firstItem));
        }

        // ---- end of a vehicle service's name ----

        // ---- 种养 yields to the crop or animal named (session 45, ADR 0685) ----
        FarmingBothYields(kept, name, scope);

        // ---- end of 种养 that yields ----
        // ---- A veterinary-drug maker (session 45, ADR 0685) ----
        // 兽药 is a word of 农资投入品 (whose trade the labelling rules count there) and of 兽药与动物保健: a row that makes the drugs
        // (a making verb, a maker's name, or the forms a maker's licence lists: 兽药粉剂、散剂、预混剂) is the second's only.
        if (!seller && MakesVetDrugs(name, scope) && segmentIndex.TryGetValue(ClassifierRules.VetDrugSegment, out var vetDrugs)
            && segmentIndex.TryGetValue(ClassifierRules.VetDrugInputSegment, out var vetInput) && kept.Exists(k => k.Segment == vetDrugs))
        {
            kept.RemoveAll(k => k.Segment == vetInput && OnlyWordsOf(k.Candidate, vetDrugs));
        }

        // ---- end of a veterinary-drug maker ----
        // ---- A pesticide maker (session 47, ADR 0745) ----
        // Under a cell of chemicals makers only, 农药 names what the company makes (绿色农药与新型肥料), not farm inputs it supplies.
        if (industryCodes.Count > 0 && industryCodes.All(c => c.Code.StartsWith(ClassifierRules.ChemicalsDivision, StringComparison.Ordinal))
            && segmentIndex.TryGetValue(ClassifierRules.PesticideSegment, out var pesticides)
            && segmentIndex.TryGetValue(ClassifierRules.PesticideInputSegment, out var farmInputs))
        {
            PesticideMakerYields(kept, pesticides, farmInputs);
        }

        // ---- end of a pesticide maker ----
        // ---- Two sources beat one within a chain (ADR 0390) ----
        if (company.Industry is { Length: > 0 } || products.Length > 0)
        {
            OneSourceYieldsToTwo(kept, scores, cell);
        }

        // ---- end of two sources beat one ----

        // ---- The products' side line in another chain (ADR 0470) ----
        if (company.Industry is { Length: > 0 } && products.Length > 0)
        {
            ProductsSideLineYields(kept, scores, cell);
        }

        // ---- end of the products' side line in another chain ----

        // ---- A side line of the products beside the cell (ADR 0665) ----
        if (company.Industry is { Length: > 0 } && products.Length > 0)
        {
            SideLineBesideTheCellYields(kept, scores, cell, products);
        }

        // ---- end of a side line of the products beside the cell ----

        // ---- A games company's service side line (session 48, ADR 0795) ----
        if (company.Industry is { Length: > 0 } industryCell && industryCell.Contains(ClassifierRules.GamesWord, StringComparison.Ordinal)
            && ItemIndex(products, ClassifierRules.GamesWord) is var firstGame and < 99)
        {
            kept.RemoveAll(k => IsService(k.Segment) && IsProductsOnly(k.Candidate.Sources()) && ProductsWordsAfter(k.Candidate, products, firstGame));
        }

        // ---- end of a games company's service side line ----
        // ---- A products item that is only a trade's word (session 48, ADR 0795) ----
        // 乳制品、食品、低温奶 under 乳品: the item 食品 is a whole division's word (→ 14), not which of its segments; beside a cell it
        // places nothing. A word of a narrower trade as an item (防护器材) still guesses its segment.
        if (company.Industry is { Length: > 0 } && products.Length > 0)
        {
            kept.RemoveAll(k => IsProductsOnly(k.Candidate.Sources()) && !k.Candidate.HasAnyText && k.Candidate.GuessFrom[1]
                && DivisionWordOfProducts(k.Candidate) is { } tradeWord && IsWholeItem(products, tradeWord));
        }

        // ---- end of a products item that is only a trade's word ----
        // ---- A division's guess yields to a word of the chain (ADR 0665) ----
        if (cell.Text.Length > 0)
        {
            DivisionGuessYields(kept, scores, cell);
        }

        // ---- end of a division's guess that yields ----

        // ---- The cell's vehicle guess yields to off-road machines (session 46, ADR 0725) ----
        if (cell.Text.Length > 0 && products.Length > 0)
        {
            OffRoadMachinesYield(kept, products);
        }

        // ---- end of the cell's vehicle guess that yields ----

        // ---- A fine-chemicals maker's kind (session 48, ADR 0795) ----
        // 精细化工 says the trade, a child's word of the row (助剂, 农药中间体) says which of its segments: the parent becomes that child.
        foreach (var parentCode in ClassifierRules.ParentsYieldingToANamedChild)
        {
            if (segmentIndex.TryGetValue(parentCode, out var parentSegment))
            {
                ParentYieldsToANamedChild(kept, ranked, parentSegment, products, scopeNamesTheKind: true);
            }
        }

        // A medical-device maker's kind (session 49, ADR 0825): 医疗器械 yields to the child the name, cell or first products name.
        foreach (var parentCode in ClassifierRules.DeviceParentsYieldingToANamedChild)
        {
            if (segmentIndex.TryGetValue(parentCode, out var parentSegment))
            {
                ParentYieldsToANamedChild(kept, ranked, parentSegment, products, scopeNamesTheKind: false);
            }
        }

        // ---- A municipal-waste cell's chemical environment (session 49, ADR 0825) ----
        // 固废治理 is a waste-to-energy plant's cell: its code guesses HG-ENV, which only a word of the segment in the name or products keeps.
        if (company.Industry is { Length: > 0 } wasteCell
            && ClassifierRules.WasteCellsNeedingASegmentWord.Contains(wasteCell.Trim(), StringComparer.Ordinal)
            && segmentIndex.TryGetValue(ClassifierRules.WasteCellSegment, out var wasteSegment))
        {
            kept.RemoveAll(k => k.Segment == wasteSegment
                && k.Candidate.Terms[0] is not { Count: > 0 } && k.Candidate.Terms[1] is not { Count: > 0 });
        }

        // ---- end of a municipal-waste cell's chemical environment ----

        // ---- end of a fine-chemicals maker's kind ----
        // ---- The cell's chip design beats the chip trade's word (session 47, ADR 0740) ----
        if (labelSegments.Count > 0)
        {
            ChipDesignCellWins(kept, ranked, labelSegments);
        }

        // ---- end of the cell's chip design ----

        // ---- A repairer makes nothing (session 46, ADR 0710) ----
        // A register row whose licence's only making verbs are repair (农机配件、农机维修; 修理农业机械) and whose name makes nothing
        // repairs and sells the goods: a segment that makes them (农业与食品加工装备) is not its business, as a dealer's is not.
        if (registerRow && !MakersName(name) && Makes(scope) && !Makes(WithoutRepair(scope)))
        {
            kept.RemoveAll(k => HoldsMakers(k.Segment));
        }

        // ---- end of a repairer ----

        // ---- A maker's goods are no trade, after the rules that may add a segment (ADRs 0710 and 0720; see above) ----
        if (registerRow)
        {
            kept.RemoveAll(k => IsMakersTrade(k.Segment, k.Candidate, name, scope, firstClauseMakes, tradeClauses));
        }

        // ---- end of a maker's goods ----

        // A special-vehicle maker that does not say which vehicles (GB/T 3630 改装汽车制造 or 专用汽车 in its name, products
        // or main business, and no word of a 专汽 segment) goes into the generic segment, 待确认 (ADR 0245).
        if (kept.Count < ClassifierRules.MaxSegments && segmentIndex.TryGetValue(ClassifierRules.GenericSpecialVehicleSegment, out var genericSegment)
            && !kept.Exists(k => segments[k.Segment].ChainCode == segments[genericSegment].ChainCode)
            && GenericSpecialVehicle(genericSegment, industryCodes, industryText, nameSegments, productSegments, products, scope) is { } generic)
        {
            kept.Add(generic);
        }

        // ---- An explosives maker is in no chain by its cell (session 47, ADR 0745) ----
        // Under a cell whose division also holds chemicals (C26), a 民用爆破器材 maker's only support is the division: no word of a
        // segment names its goods, so the division names no chain of it. A word of the row (助剂, 硝化棉) still places it.
        if (cell.Text.Length > 0 && NamesExplosives(name, products, scope))
        {
            kept.RemoveAll(k => Array.TrueForAll(k.Candidate.Terms, t => t is not { Count: > 0 }));
        }

        // ---- end of an explosives maker ----
        // ---- A division of one chain names the chain (session 47, ADR 0760) ----
        // A listed company's CSRC division whose trades all lie in one chain, none of its segments dominating (C39: components,
        // displays, terminals and network equipment are all 电子信息), names that chain (环节待定) when nothing else places the row in
        // it: a licence of general words (兴办实业；国内商业) or of trades no segment word covers (读卡机具, 柜员机) leaves the chain plain,
        // and a licence item of another chain (发电机组 first, ADR 0545: 航天工业发展, a communications-equipment maker) does not unsay it.
        // A 申万 cell of that division's trades that names no segment (其他计算机设备, 通信终端及配件, 安防设备) names the chain alike
        // (session 48, ADR 0785): ATMs, smart cards, IoT modules and video recorders are all 电子信息.
        if (kept.Count < ClassifierRules.MaxSegments && chainGuessOfCell is { } chainGuess
            && segmentIndex.TryGetValue(chainGuess, out var divisionGuess)
            && !kept.Exists(k => segments[k.Segment].ChainCode == segments[divisionGuess].ChainCode))
        {
            if (!scores.TryGetValue(divisionGuess, out var guessed) || guessed.HasAnyText || guessed.LabelGuess is not null)
            {
                guessed = new Candidate();
            }

            guessed.LabelGuess = cell.Text;
            // A 申万 cell's guess (ADR 0785) with no code of the row behind it (3911 agrees with no segment's codes) has the label as its
            // source, as a 申万 label's guess of a segment has (行业), not a confidence of nothing.
            if (divisionChainGuess is null && Array.TrueForAll(guessed.Sources(), v => v == 0))
            {
                guessed.GuessFrom[2] = true;
            }

            kept.Add((divisionGuess, LabelGuess, guessed));
        }

        // ---- end of a division of one chain ----

        var matches = kept.ConvertAll(k =>
        {
            var sources = k.Candidate.Sources();
            var confidence = k.Candidate.Generic ? Math.Min(Confidence(sources), ClassifierRules.GenericConfidenceCap) : Confidence(sources);
            var evidence = Evidence(k.Candidate, sources);
            var suggested = NamesOnlyTheChain(k.Segment, k.Candidate, scores, cell);
            return (Match: new SegmentMatch(segments[k.Segment], confidence, suggested is null ? evidence : ChainLevelEvidence(ChainLevelLabel(k.Candidate, cell), suggested, evidence),
                string.Join('+', Enumerable.Range(0, sources.Length).Where(i => sources[i] > 0).Select(i => SourceLabels[i])))
            {
                ChainLevel = suggested is not null,
                SuggestedSegments = suggested ?? [],
            }, ServiceOfAMaker: suggested is not null && ServiceBesideAMaker(k.Segment, k.Candidate, cell) && !CellBacksTheChain(segments[k.Segment].ChainCode, industryCodes),
                // ---- A name's trade word under a cell outside the chains (session 47, ADR 0740) ----
                NameAloneOutside: (suggested is not null && outsideCell && OnlyTheName(sources))
                    || NameAloneBesideACell(k.Segment, sources, suggested is not null, cell.Text),
                // ---- A chain named by use needs a word of it (session 47, ADR 0770) ----
                // 应急装备 is what goods are used for: an industry code alone (电池→384 of 东方精工's traction batteries, 电机Ⅲ→381 of 卧龙电气)
                // names a maker's class whose goods are mostly no emergency gear, so it says not even the chain; a word of the chain (消防,
                // 发电机组, 防爆) places the row.
                CodeAloneForAUse: suggested is not null && segments[k.Segment].ChainCode == ClassifierRules.UseNamedChain
                    && Array.TrueForAll(k.Candidate.Terms, t => t is not { Count: > 0 }),
                // ---- A car-parts cell's 专汽 guess yields to car electronics its words name (session 49, ADR 0830) ----
                CellGuessOfZqBesideCarElectronics: suggested is not null && segments[k.Segment].ChainCode == ClassifierRules.SpecialVehicleChain
                    && Array.TrueForAll(k.Candidate.Terms, t => t is not { Count: > 0 }),
                CarElectronicsByWord: suggested is null && segments[k.Segment].Code == ClassifierRules.CarElectronicsSegmentOfZq
                    && k.Candidate.Terms.Where((t, source) => source != 2).Any(t => t is { Count: > 0 }),
                YieldsToASegment: k.Candidate.GuessFrom[0] || k.Candidate.ScopeNamesOnlyTheChain || k.Candidate.OneLicenceLine
                || SideLineTheCellDoesNotBack(k.Segment, k.Candidate, cell));
        });

        // A chain-level membership says only the chain: one is enough; and a name's trade word (药业) adds nothing beside a segment of
        // the chain that the row names (原料药 in the scope) (ADR 0450), nor a licence's clause that deals in goods (ADR 0485), nor a line
        // the cell does not back (ADR 0545).
        // A maker's service line that only its products name, in a chain the cell's divisions hold no segment of, proposes nothing,
        // not even the chain (ADR 0610).
        // A chain-level membership that only the name's trade word (食品 of 三元食品, 海天调味食品) guesses, on a row whose 申万 cell sw2021.csv
        // marks outside the chains (乳品, 调味发酵品Ⅲ), is no membership: the cell names the company's own trade, the name's word only the
        // division it lies in (ADR 0740).
        // A 专汽 chain-level guess of a car-parts cell that no word of the row backs yields to 汽车电子 that the row's words place (车载导航
        // of 路畅 under 汽车电子电气系统): the cell names the car-parts trade, the words say which (ADR 0830).
        var carElectronicsByWord = matches.Exists(m => m.CarElectronicsByWord);
        return matches.Where(m => !m.ServiceOfAMaker && !m.NameAloneOutside && !m.CodeAloneForAUse && !(carElectronicsByWord && m.CellGuessOfZqBesideCarElectronics) && !(m.Match.ChainLevel && m.YieldsToASegment && matches.Exists(o => !o.Match.ChainLevel && o.Match.Segment.ChainCode == m.Match.Segment.ChainCode)))
            .Select(m => m.Match).DistinctBy(m => m.MembershipCode, StringComparer.Ordinal).ToList();
    }

    // ---- 种养 yields to the crop or animal named (session 45, ADR 0685) ----

    /// <summary>
    /// 种养 (种植 and 养殖 in one word, ADR 0675) proposes both farming segments (<see cref="ClassifierRules.FarmingSegments"/>); where
    /// the name or the licence's first clause names only crops (<see cref="CropWords"/>: 银川市天天鲜蔬菜果品 with 种养殖业) or only
    /// animals (<see cref="AnimalWords"/>), the segment of the other, which no word but 种养 (or 养殖 inside 种养殖) supports, is dropped.
    /// </summary>
    private void FarmingBothYields(List<(int Segment, double Score, Candidate Candidate)> kept, string name, string scope)
    {
        if (!kept.Exists(k => FarmingFamily(k.Segment) >= 0))
        {
            return;
        }

        var said = name + FirstClause(scope);
        var crops = Array.Exists(CropWords, w => said.Contains(w, StringComparison.Ordinal));
        var animals = Array.Exists(AnimalWords, w => said.Contains(w, StringComparison.Ordinal));
        if (crops == animals)
        {
            return;
        }

        var other = crops ? 1 : 0; // the family the row does not name: 畜禽养殖 when it names crops
        var yielding = kept.FindAll(k => FarmingFamily(k.Segment) == other && OnlyTheBothWord(k.Candidate, name, scope));
        if (yielding.Count == 0)
        {
            return;
        }

        kept.RemoveAll(yielding.Contains);
        // 种养 names the family the row names as well: where nothing else placed it there, its word does (种养殖业 of a vegetable company).
        if (!kept.Exists(k => FarmingFamily(k.Segment) == 1 - other) && segmentIndex.TryGetValue(ClassifierRules.FarmingSegments[1 - other], out var named))
        {
            var first = yielding[0];
            var candidate = new Candidate { MainBusiness = first.Candidate.MainBusiness };
            for (var f = 0; f < first.Candidate.Terms.Length; f++)
            {
                if (first.Candidate.Terms[f] is { Count: > 0 })
                {
                    candidate.Add(f, ClassifierRules.FarmingBothWord, terms.Find(t => t.Term == ClassifierRules.FarmingBothWord && t.Segment == named).Strength);
                }
            }

            kept.Add((named, first.Score, candidate));
        }
    }

    /// <summary>Which of <see cref="ClassifierRules.FarmingSegments"/> holds the segment (itself or an ancestor), or -1.</summary>
    private int FarmingFamily(int segment)
    {
        for (var s = segment; s >= 0; s = parentIndex[s])
        {
            var at = Array.IndexOf(ClassifierRules.FarmingSegments, segments[s].Code);
            if (at >= 0)
            {
                return at;
            }
        }

        return -1;
    }

    /// <summary>True when every word that supports the candidate is 种养 or stands only inside 种养 (养殖 of 种养殖), and no code or guess does.</summary>
    private static bool OnlyTheBothWord(Candidate candidate, string name, string scope)
    {
        if (candidate.Code > 0 || candidate.LabelGuess is not null && !candidate.GuessFrom[0])
        {
            return false;
        }

        const string both = ClassifierRules.FarmingBothWord;
        foreach (var terms in candidate.Terms)
        {
            foreach (var term in terms ?? [])
            {
                if (term != both && !(InsideBoth(name, term) && InsideBoth(scope, term)))
                {
                    return false;
                }
            }
        }

        return true;

        // Every occurrence of the term in the text begins inside an occurrence of 种养 (种养殖业: 养殖业 begins at its 养).
        static bool InsideBoth(string text, string term)
        {
            for (var at = text.IndexOf(term, StringComparison.Ordinal); at >= 0; at = text.IndexOf(term, at + 1, StringComparison.Ordinal))
            {
                if (at == 0 || string.CompareOrdinal(text, at - 1, both, 0, both.Length) != 0)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Words of crops a farm names (蔬菜, 果品, 粮食, 茶叶, 花卉, 苗木, 药材; whole words: a brand's 金果 is none): with no animal's, its 种养 is 种植.</summary>
    private static readonly string[] CropWords = ["蔬菜", "果品", "水果", "果树", "果蔬", "瓜果", "粮食", "粮油", "茶叶", "茶园", "花卉", "花草", "苗木", "药材", "食用菌", "香菇", "水稻", "小麦", "棉花", "烟叶", "林木"];

    /// <summary>Words of animals a farm names (畜禽, 生猪, 肉牛, 肉羊, 水产; whole words: a brand's 金鹿 is none): with no crop's, its 种养 is 养殖.</summary>
    private static readonly string[] AnimalWords = ["畜牧", "畜禽", "牲畜", "家禽", "禽类", "生猪", "种猪", "仔猪", "肉牛", "奶牛", "黄牛", "肉羊", "滩羊", "山羊", "绵羊", "肉鸡", "蛋鸡", "水产", "鱼类", "渔业", "养蜂"];

    // ---- end of 种养 that yields ----

    // ---- A veterinary-drug maker (session 45, ADR 0685) ----

    /// <summary>
    /// True when the row makes veterinary drugs: its name or licence holds 兽药, and the licence makes (<see cref="Makes"/>), the name
    /// is a maker's (<see cref="ClassifierRules.MakerNameWords"/>, 药业), or the licence lists the forms a maker's does
    /// (<see cref="ClassifierRules.VetDrugForms"/>).
    /// </summary>
    internal static bool MakesVetDrugs(string name, string scope)
    {
        const string vetDrug = "兽药";
        if (!name.Contains(vetDrug, StringComparison.Ordinal) && !scope.Contains(vetDrug, StringComparison.Ordinal))
        {
            return false;
        }

        return Makes(scope) || name.Contains("药业", StringComparison.Ordinal)
            || Array.Exists(ClassifierRules.MakerNameWords, w => name.Contains(w, StringComparison.Ordinal))
            || Array.Exists(ClassifierRules.VetDrugForms, w => scope.Contains(w, StringComparison.Ordinal));
    }

    /// <summary>True when every word that supports the candidate is also a word of segment <paramref name="other"/> (兽药 of both).</summary>
    private bool OnlyWordsOf(Candidate candidate, int other)
    {
        var words = terms.Where(t => t.Segment == other).Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
        return candidate.Terms.All(t => t is null || t.TrueForAll(words.Contains));
    }

    // ---- end of a veterinary-drug maker ----

    // ---- A civil-explosives maker (session 47, ADR 0745) ----

    /// <summary>
    /// True when the name, the licence's first clause (up to '；' or '。') or the first products item holds a word of civil
    /// explosives (<see cref="ClassifierRules.ExplosivesWords"/>).
    /// </summary>
    internal static bool NamesExplosives(string name, string products, string scope)
    {
        var clause = scope.IndexOfAny(ClauseEnds) is var end and >= 0 ? scope[..end] : scope;
        var item = products.IndexOfAny(ProductSeparators) is var stop and >= 0 ? products[..stop] : products;
        return Array.Exists(ClassifierRules.ExplosivesWords, w => name.Contains(w, StringComparison.Ordinal)
            || clause.Contains(w, StringComparison.Ordinal) || item.Contains(w, StringComparison.Ordinal));
    }

    // ---- end of a civil-explosives maker ----

    // ---- A pesticide maker (session 47, ADR 0745) ----

    /// <summary>
    /// A chemicals maker's 农资投入品 membership that only pesticide words support (<see cref="ClassifierRules.PesticideWords"/>) becomes
    /// its 绿色农药与新型肥料 membership, with the same evidence and confidence, or is dropped when that membership is kept already.
    /// </summary>
    private static void PesticideMakerYields(List<(int Segment, double Score, Candidate Candidate)> kept, int pesticides, int farmInputs)
    {
        var at = kept.FindIndex(k => k.Segment == farmInputs
            && k.Candidate.Terms.Any(t => t is { Count: > 0 })
            && k.Candidate.Terms.All(t => t is null || t.TrueForAll(w => Array.IndexOf(ClassifierRules.PesticideWords, w) >= 0)));
        if (at < 0)
        {
            return;
        }

        MoveOrDrop(kept, at, pesticides);
    }

    /// <summary>
    /// The kept membership at <paramref name="at"/> becomes one of <paramref name="segment"/>, with the same evidence and confidence,
    /// or is dropped when a membership of <paramref name="segment"/> is kept already.
    /// </summary>
    private static void MoveOrDrop(List<(int Segment, double Score, Candidate Candidate)> kept, int at, int segment)
    {
        if (kept.Exists(k => k.Segment == segment))
        {
            kept.RemoveAt(at);
        }
        else
        {
            kept[at] = (segment, kept[at].Score, kept[at].Candidate);
        }
    }

    // ---- end of a pesticide maker ----

    // ---- A fine-chemicals maker's kind (session 48, ADR 0795) ----

    /// <summary>
    /// A kept parent segment (<see cref="ClassifierRules.ParentsYieldingToANamedChild"/>) becomes the child that a word of the row names
    /// (the ranked child that <see cref="NamesTheKind"/>; the best-scored one when several do), with the
    /// parent's evidence and confidence, or is dropped when that child is kept already. A parent with no child named stays.
    /// </summary>
    /// <remarks>scopeNamesTheKind is false for <see cref="ClassifierRules.DeviceParentsYieldingToANamedChild"/>: a licence's clause
    /// (医疗设备租赁, 线路板连接线 in a trader's or a workshop's scope) names a service or a side line, not the device it makes.</remarks>
    private void ParentYieldsToANamedChild(List<(int Segment, double Score, Candidate Candidate)> kept,
        List<(int Segment, double Score, Candidate Candidate)> ranked, int parent, string products, bool scopeNamesTheKind)
    {
        var at = kept.FindIndex(k => k.Segment == parent);
        if (at < 0)
        {
            return;
        }

        var child = ranked.Where(r => parentIndex[r.Segment] == parent && NamesTheKind(r.Candidate, products, scopeNamesTheKind))
            .OrderByDescending(r => r.Score).ThenBy(r => segments[r.Segment].Code, StringComparer.Ordinal).Select(r => r.Segment).FirstOrDefault(-1);
        if (child < 0)
        {
            return;
        }

        MoveOrDrop(kept, at, child);
    }

    /// <summary>
    /// A word of the segment in the name, the industry cell, the products' first <see cref="SideLineItem"/> items, or, on a row with no
    /// products, the scope: the row naming its kind. A word only in a later products item is a side line and names no kind.
    /// </summary>
    private static bool NamesTheKind(Candidate c, string products, bool scopeNamesTheKind = true) =>
        c.Terms[0] is { Count: > 0 } || c.Terms[2] is { Count: > 0 }
        || (c.Terms[1] is { Count: > 0 } productWords && productWords.Exists(w => ItemIndex(products, w) < SideLineItem))
        || (scopeNamesTheKind && products.Length == 0 && c.Terms[3] is { Count: > 0 });

    // ---- end of a fine-chemicals maker's kind ----

    // ---- Two sources beat one within a chain (ADR 0390) ----

    /// <summary>
    /// On a row with an industry cell or main products: within one chain, a segment that a single source supports (the name
    /// alone, the products alone, the scope alone) gives way to a segment of the same chain that two or more independent sources
    /// support. Two sources that agree say which of the chain's segments the company is in; the lone word beside them is a side
    /// line or a coarse word (食品 in a 畜牧业 company's name beside 生猪养殖 in its scope). Other chains are never affected, and a
    /// chain-level membership (ADR 0370) stays: it names no segment to give way.
    /// </summary>
    private void OneSourceYieldsToTwo(List<(int Segment, double Score, Candidate Candidate)> kept, Dictionary<int, Candidate> scores, CellLabel cell)
    {
        if (kept.Count < 2)
        {
            return;
        }

        var counts = kept.ConvertAll(k => k.Candidate.Sources().Count(v => v > 0));
        var corroborated = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < kept.Count; i++)
        {
            if (counts[i] >= 2)
            {
                corroborated.Add(segments[kept[i].Segment].ChainCode);
            }
        }

        for (var i = kept.Count - 1; i >= 0; i--)
        {
            if (counts[i] == 1 && corroborated.Contains(segments[kept[i].Segment].ChainCode) && NamesOnlyTheChain(kept[i].Segment, kept[i].Candidate, scores, cell) is null)
            {
                kept.RemoveAt(i);
            }
        }
    }

    // ---- end of two sources beat one ----

    // ---- The products' side line in another chain (ADR 0470) ----

    /// <summary>
    /// On a row with an industry cell and main products: a membership that the products alone support (no word, code or guess of
    /// the name, the cell or the scope) is dropped when the cell places the company, with a segment, in another chain. The cell
    /// names the company's own industry; one product word of another chain beside it (光通信 of a plastics maker, 软件开发 of a
    /// diagnostics distributor, 农业机械 of a construction-machinery maker) is a side line, not a second chain. Within one chain
    /// ADR 0390 decides; a row whose cell places it in no chain, or only at chain level, keeps its product word.
    /// </summary>
    private void ProductsSideLineYields(List<(int Segment, double Score, Candidate Candidate)> kept, Dictionary<int, Candidate> scores, CellLabel cell)
    {
        if (kept.Count < 2)
        {
            return;
        }

        var cellChains = kept.Where(k => k.Candidate.Sources()[2] > 0 && NamesOnlyTheChain(k.Segment, k.Candidate, scores, cell) is null)
            .Select(k => segments[k.Segment].ChainCode).ToHashSet(StringComparer.Ordinal);
        kept.RemoveAll(k => IsProductsOnly(k.Candidate.Sources()) && cellChains.Count > 0 && !cellChains.Contains(segments[k.Segment].ChainCode));
    }

    // ---- A side line of the products beside the cell (ADR 0665) ----

    /// <summary>
    /// On a row with an industry cell and main products: a segment whose every product word stands past the
    /// <see cref="SideLineItem"/>th item (a group's later revenue line), that neither the name nor the scope supports and that the cell
    /// backs only through its GB/T division (no word of the cell, no guess of its label, a code no closer than the division) is a side
    /// line (ADR 0230 for a product word alone) when the name or the products' first items name another kept segment: it is dropped
    /// (动力电池 as a generator maker's fourth line, under 其他电源设备 → 38, beside the 发电机组 that opens its list). A side line with
    /// nothing named before it (a UPS maker whose 光伏逆变器 is its fourth line and whose first three name no segment) stays, and so
    /// does one the cell backs more closely (a die-caster's 转向、制动系统零件 under 底盘与发动机系统 → 3670: measured, ADR 0665).
    /// </summary>
    private void SideLineBesideTheCellYields(List<(int Segment, double Score, Candidate Candidate)> kept, Dictionary<int, Candidate> scores, CellLabel cell, string products)
    {
        bool SideLine(Candidate c)
        {
            var sources = c.Sources();
            if (c.Generic || c.MainBusiness || sources[0] > 0 || sources[3] > 0 || c.Field(1) == 0 || c.GuessFrom[1])
            {
                return false;
            }

            // The products' industry word agrees with the segment only through a division (汽车 → 36) or stands in the same late item
            // (电池 → 384 in 动力电池), or it is no side line.
            var codeWord = ProductsCodeEvidence(c) ?? default;
            return c.Terms[1] is { Count: > 0 } words && words.Min(w => ItemIndex(products, w)) >= SideLineItem
                && (c.SourceCode[1] == 0 || (codeWord.Word is not null && (codeWord.Code.Length == 2 || ItemIndex(products, codeWord.Word) >= SideLineItem)));
        }

        bool HeadNames(int s, Candidate c) =>
            NamesOnlyTheChain(s, c, scores, cell) is null
            && (c.Field(0) > 0 || (c.Terms[1] is { Count: > 0 } words && words.Min(w => ItemIndex(products, w)) < SideLineItem));

        // The cell's label guessing the segment (氟化工 → 磷化工与氟硅化工) is the cell choosing it: no side line.
        bool DivisionAtMost(Candidate c) => c.Field(2) == 0 && !c.GuessFrom[2] && c.SourceCode[2] <= DivisionAgreement;

        var sideLines = kept.Where(k => SideLine(k.Candidate) && NamesOnlyTheChain(k.Segment, k.Candidate, scores, cell) is null
            && DivisionAtMost(k.Candidate) && kept.Exists(o => o.Segment != k.Segment && HeadNames(o.Segment, o.Candidate))).Select(k => k.Segment).ToList();
        kept.RemoveAll(k => sideLines.Contains(k.Segment));
    }

    /// <summary>
    /// True when the candidate's products words (its segment words, or the industry word that gave its code or guess) all stand in items
    /// after <paramref name="item"/> (0-based); false when it has none (ADR 0795, a games company's service side line).
    /// </summary>
    private static bool ProductsWordsAfter(Candidate c, string products, int item)
    {
        var words = new List<string>(c.Terms[1] ?? []);
        if (ProductsCodeEvidence(c) is { } codeEvidence)
        {
            words.Add(codeEvidence.Word);
        }

        if (c.GuessFrom[1] && c.LabelGuess is { Length: > 0 } guess)
        {
            words.Add(guess);
        }

        return words.Count > 0 && words.TrueForAll(w => ItemIndex(products, w) is var at && at > item && at < 99);
    }

    /// <summary>The products' industry word that gave the candidate a whole GB/T division's code (食品 → 14, 化工 → 26), or null.</summary>
    private static string? DivisionWordOfProducts(Candidate c) => ProductsCodeEvidence(c) is { Code.Length: 2 } e ? e.Word : null;

    /// <summary>The products' industry word and the GB/T code it gave the candidate (`word→code` of its evidence), or null.</summary>
    private static (string Word, string Code)? ProductsCodeEvidence(Candidate c) =>
        c.SourceCodeEvidence[1] is { } e && e.IndexOf('→', StringComparison.Ordinal) is var arrow and > 0 ? (e[..arrow], e[(arrow + 1)..]) : null;

    /// <summary>True when one item of the products is exactly <paramref name="word"/> (ADR 0795: 食品, 化工 as a whole revenue line).</summary>
    private static bool IsWholeItem(string products, string word) =>
        Array.Exists(products.Split(ProductSeparators, StringSplitOptions.TrimEntries), item => item == word);

    /// <summary>A code agreement no closer than the company's GB/T division (<see cref="Agreement"/>: 0.35 of a source's weight).</summary>
    private const double DivisionAgreement = 0.35;

    // ---- end of a side line of the products beside the cell ----

    // ---- A division's guess yields to a word of the chain (ADR 0665) ----

    /// <summary>
    /// On a row with an industry cell: a segment that no word of the row names and that only whole GB/T divisions support — the cell's
    /// division and its usual segment (C27医药制造业 → 化学制剂, ADR 0265), a name's word of a whole trade (制药, 药业 → 27) — is dropped when
    /// a segment of the same chain is named by words of the row (the licence's 中药提取、注射剂、胶囊剂 → 中药饮片与中成药). A division names the
    /// trade, not which of its segments (ADR 0450); beside the segment the row's words name, its usual segment is a second guess, not a
    /// second business. Other chains are not touched, nor a guess with nothing of its chain named beside it.
    /// </summary>
    private void DivisionGuessYields(List<(int Segment, double Score, Candidate Candidate)> kept, Dictionary<int, Candidate> scores, CellLabel cell)
    {
        static bool DivisionCode(double agreement, string? evidence) =>
            agreement == 0 || (evidence is { } e && e.IndexOf('→', StringComparison.Ordinal) is var arrow and > 0 && e.Length - arrow - 1 == 2);

        bool DivisionsOnly(Candidate c) =>
            !c.HasAnyText && !c.Generic && !c.MainBusiness && !c.NamedBySpecificWord && !c.GuessFrom[1] && !c.GuessFrom[3]
            && c.SourceCode[2] <= DivisionAgreement && c.SourceCode[3] == 0
            && DivisionCode(c.SourceCode[0], c.SourceCodeEvidence[0]) && DivisionCode(c.SourceCode[1], c.SourceCodeEvidence[1])
            && (!c.GuessFrom[2] || cell.NamesDivisionsOnly) && (!c.GuessFrom[0] || cell.DivisionWords.Count > 0);

        if (kept.Count < 2)
        {
            return;
        }

        var guesses = kept.Where(k => DivisionsOnly(k.Candidate) && NamesOnlyTheChain(k.Segment, k.Candidate, scores, cell) is null
            && kept.Exists(o => o.Segment != k.Segment && segments[o.Segment].ChainCode == segments[k.Segment].ChainCode && o.Candidate.HasAnyText
                && NamesOnlyTheChain(o.Segment, o.Candidate, scores, cell) is null)).Select(k => k.Segment).ToList();
        kept.RemoveAll(k => guesses.Contains(k.Segment));
    }

    // ---- end of a division's guess that yields ----

    // ---- The cell's vehicle guess yields to off-road machines (session 46, ADR 0725) ----

    /// <summary>
    /// A listed maker whose industry cell guesses a 专汽 segment (工程机械整机 → 工程作业专用车, ADR 0420) and whose products name only
    /// machines that are no road vehicle (<see cref="ClassifierRules.OffRoadMachineWords"/>: 桩工机械、挖掘机械; 搬运车辆、仓储车辆) is no
    /// special-vehicle maker: its 专汽 memberships that no word of the name or products names (the cell's guess, its codes, 环节待定) are
    /// dropped. A product naming a truck-mounted kind (<see cref="ClassifierRules.TruckMountedMachineWords"/>: 混凝土机械、起重机械) keeps
    /// them (三一重工, 中联重科: their pump trucks and truck cranes).
    /// </summary>
    private void OffRoadMachinesYield(List<(int Segment, double Score, Candidate Candidate)> kept, string products)
    {
        if (!Array.Exists(ClassifierRules.OffRoadMachineWords, w => products.Contains(w, StringComparison.Ordinal))
            || Array.Exists(ClassifierRules.TruckMountedMachineWords, w => products.Contains(w, StringComparison.Ordinal)))
        {
            return;
        }

        kept.RemoveAll(k => segments[k.Segment].ChainCode == ClassifierRules.SpecialVehicleChain && k.Candidate.Field(0) == 0 && k.Candidate.Field(1) == 0
            && !k.Candidate.NamedBySpecificWord && !k.Candidate.GuessFrom[0] && !k.Candidate.GuessFrom[1] && !k.Candidate.Generic);
    }

    // ---- end of the cell's vehicle guess that yields ----

    /// <summary>
    /// A trade or service segment: it has industry codes and none of them in GB/T divisions 01–43 (farming, mining, making), or it has
    /// none and is downstream (农产品进出口贸易, 整车销售与出口, 金融与租赁: ADR 0570).
    /// </summary>
    private bool IsService(int s) =>
        segmentCodes[s].Length > 0
            ? Array.TrueForAll(segmentCodes[s], c => c.Length >= 2 && string.CompareOrdinal(c[..2], "44") >= 0)
            : segments[s].Tier == Tier.Downstream;

    private static bool IsProductsOnly(double[] sources) => sources[1] > 0 && sources[0] == 0 && sources[2] == 0 && sources[3] == 0;

    // ---- end of the products' side line in another chain ----

    // ---- A word that is only part of a mapped label's name (ADR 0390) ----

    /// <summary>
    /// True when the segment is one the industry cell's label stands for (industry tables' <c>segments</c> column), or its parent or
    /// child. A segment word found in the cell's text outside that family is read only when the segment's words make up the whole
    /// label (农药化肥: 农药 and 化肥); a word that is only part of the label's name (汽车电子 in 汽车电子电气系统 → ZQ-ELEC,
    /// 供应链服务 in 原材料供应链服务 → FW-TRADE) names nothing: the label is the longer word, and it names its own segment
    /// (the rule of ADR 0365 applied to the label).
    /// </summary>
    private bool InLabelFamily(int segment, IReadOnlyList<(string Label, string Segment)> labelSegments)
    {
        foreach (var (_, code) in labelSegments)
        {
            if (segmentIndex.TryGetValue(code, out var mapped) && !Unrelated(mapped, segment, parentIndex))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the segment's words found in the text cover every letter of it (separators aside).</summary>
    private bool SegmentWordsCover(string text, int segment)
    {
        Span<bool> covered = text.Length <= 256 ? stackalloc bool[text.Length] : new bool[text.Length];
        foreach (var (term, s, _) in terms)
        {
            if (s != segment)
            {
                continue;
            }

            for (var at = text.IndexOf(term, StringComparison.Ordinal); at >= 0; at = text.IndexOf(term, at + 1, StringComparison.Ordinal))
            {
                covered.Slice(at, term.Length).Fill(true);
            }
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (!covered[i] && char.IsLetterOrDigit(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    // ---- end of a word that is only part of a mapped label's name ----

    // ---- Chain-level memberships (ADR 0370) ----

    /// <summary>
    /// The segments a chain-level membership suggests, or null when the membership names its segment. It names only the chain
    /// when the segment rests on a label's usual segment alone (a securities label, 申万 industry or division: 汽车配件, 元器件,
    /// 医疗保健) and that label does not choose it: no word of the row (name, products, industry cell, scope) names a segment here,
    /// no industry word of the name or products guesses it, and the row's codes agree with another segment of the same chain (not
    /// its parent or child) at least as well (环节待定, ADR 0370). It also names only the chain when the row cannot name the segment
    /// (ADR 0450): the cell's code alone places it (IT设备 → 391); a name word of a whole division (食品, 化工, 药业) alone guesses it
    /// and the division holds another segment of the chain; or a 申万 industry whose sub-industries stand for several segments
    /// (半导体) alone guesses it. The suggestions (ADR 0405) are ranked by every signal of the row (<see cref="RankSuggestions"/>,
    /// ADR 0425).
    /// </summary>
    private List<string>? NamesOnlyTheChain(int s, Candidate candidate, Dictionary<int, Candidate> scores, CellLabel cell)
    {
        // ---- A licence clause that makes nothing names no maker (ADR 0485) ----
        // The scope's words stand only in clauses that deal in the goods, the cell names a whole division, and the name and the
        // products name no segment (at most a division's code, 药业 → 27): the row says the chain, not the segment.
        if (candidate.ScopeNamesOnlyTheChain && !candidate.Generic && !candidate.MainBusiness && cell.NamesDivisionsOnly
            && candidate.Field(0) + candidate.Field(1) + candidate.Field(2) == 0 && !candidate.NamedByWord && !candidate.GuessFrom[1]
            && (candidate.Sources()[0] == 0 || candidate.SourceCodeEvidence[0] is { } nameCode && nameCode[(nameCode.LastIndexOf('→') + 1)..].Length == 2
                || (candidate.GuessFrom[0] && candidate.LabelGuess is { } word && cell.DivisionWords.ContainsKey(word))))
        {
            return RankSuggestions(s, candidate, scores);
        }

        // ---- end of a licence clause that makes nothing ----
        // ---- One word of a listed company's licence under a division names the chain (ADR 0530) ----
        if (candidate.OneLicenceLine)
        {
            return RankSuggestions(s, candidate, scores);
        }

        // ---- end of one word of a licence under a division ----
        // ---- A products or licence line that the cell does not back names the chain (ADR 0545) ----
        if (SideLineTheCellDoesNotBack(s, candidate, cell))
        {
            return RankSuggestions(s, candidate, scores);
        }

        // ---- end of a line the cell does not back ----
        if (candidate.Generic || candidate.MainBusiness || candidate.Field(0) + candidate.Field(1) + candidate.Field(3) > 0
            || (candidate.Field(2) > 0 && !cell.SpansSegments))
        {
            return null;
        }

        // ---- A segment only when the row can name it (ADR 0450) ----
        var sources = candidate.Sources();

        // A source that agrees with the segment only through a whole GB/T division (a cell 食品 → 14 or C26化学原料和化学制品制造业,
        // a name word 电子 → 39) names a trade, not one of its segments: beside a guess it does not choose the segment.
        bool DivisionAtMost(int f) => sources[f] == 0 || (!candidate.GuessFrom[f] && candidate.Field(f) == 0
            && (f == 2 ? cell.NamesDivisionsOnly : candidate.SourceCodeEvidence[f] is { } e && e[(e.LastIndexOf('→') + 1)..].Length == 2));

        if (candidate.LabelGuess is null)
        {
            // The cell's code alone: its label names no segment (IT设备 → 391, 调味发酵品Ⅲ → 146), only its code points at one.
            return cell.Text.Length > 0 && candidate.SourceCode[2] > 0 && sources[0] + sources[1] + sources[3] == 0 ? RankSuggestions(s, candidate, scores) : null;
        }

        // An industry word of the name that names a whole division (食品 14, 化工 26, 药业 27) guesses the segment, nothing else names
        // it, and the division holds another segment of the chain (not the guessed one's parent or child): the word names the trade.
        if (candidate.GuessFrom[0] && !candidate.GuessFrom[1] && sources[3] == 0 && DivisionAtMost(1) && DivisionAtMost(2) && !candidate.LicenceTradesTheGoods
            && cell.DivisionWords.TryGetValue(candidate.LabelGuess, out var divisions) && SharesDivision(s, divisions))
        {
            return RankSuggestions(s, candidate, scores);
        }

        // ---- A division's usual segment beside a name word of the same division names the chain (ADR 0705) ----
        // The cell names only a GB/T division (C27医药制造业) whose usual segment (SW-CHEM, ADR 0265) is the guess, and the name's
        // industry words name that whole division too (药业 → 27): the rule above, whose guess is then the cell's label and not the
        // name's word. Two guesses of one division say the trade twice, not the segment.
        if (candidate.GuessFrom[0] && !candidate.GuessFrom[1] && sources[3] == 0 && DivisionAtMost(1) && DivisionAtMost(2) && !candidate.LicenceTradesTheGoods
            && cell.NamesDivisionsOnly && candidate.LabelGuess == cell.Text && cell.DivisionWords.Count > 0
            && candidate.SourceCodeEvidence[0] is { } nameDivision && nameDivision[(nameDivision.LastIndexOf('→') + 1)..].Length == 2
            && cell.DivisionWords.Values.All(d => SharesDivision(s, d)))
        {
            return RankSuggestions(s, candidate, scores);
        }

        // ---- end of a division's usual segment beside a name word of the same division ----
        if (candidate.NamedByWord || candidate.GuessFrom[0] || candidate.GuessFrom[1])
        {
            return null;
        }

        // A 申万 industry whose sub-industries stand for two or more segments (半导体) guesses the segment, nothing else names it.
        if (cell.SpansSegments && sources[3] == 0 && DivisionAtMost(0) && DivisionAtMost(1))
        {
            return RankSuggestions(s, candidate, scores);
        }

        if (candidate.Field(2) > 0)
        {
            return null;
        }

        // ---- end of a segment only when the row can name it ----
        var chain = segments[s].ChainCode;
        var others = scores.Where(p => p.Key != s && segments[p.Key].ChainCode == chain && Unrelated(p.Key, s, parentIndex)).ToList();
        var tied = others.Where(p => p.Value.Code > 0 && p.Value.Code >= candidate.Code).ToList();
        if (tied.Count == 0)
        {
            return null;
        }

        return RankSuggestions(s, candidate, scores);
    }

    // ---- A products or licence line that the cell does not back names the chain (ADR 0545) ----

    /// <summary>
    /// True when, on a row with an industry cell, the one line that names the segment is a side line the cell does not back, so the
    /// membership names only the chain (环节待定): the licence's first item (ADR 0201) names a segment whose codes lie in no division of
    /// the cell's (发电机组 under C39); a trade or service segment (<see cref="IsService"/>) rests on the products alone beside a cell whose
    /// codes are all making ones (融资租赁 of a jeweller); or an industry word among the products whose code is a GB/T group or division
    /// (半导体 → 397, 计算机 → 391), with no word of the segment anywhere and nothing from the name or the scope, is all that places it. A
    /// class of its own (风电 → 4415) names the segment as closely as the code table can and still places it. Such a chain-level
    /// membership adds nothing beside a segment of the same chain that the row names.
    /// </summary>
    private bool SideLineTheCellDoesNotBack(int s, Candidate candidate, CellLabel cell)
    {
        if (candidate.Generic || cell.Text.Length == 0)
        {
            return false;
        }

        if (candidate.MainBusiness)
        {
            return candidate.Disagrees;
        }

        var sources = candidate.Sources();
        if (ServiceBesideAMaker(s, candidate, cell))
        {
            return true;
        }

        return candidate.LabelGuess is null && candidate.Field(0) + candidate.Field(1) + candidate.Field(2) + candidate.Field(3) == 0
            && candidate.SourceCode[1] is > 0 and < NameCodeWeight && sources[0] + sources[3] == 0;
    }

    /// <summary>
    /// True when the products alone name a trade or service segment (<see cref="IsService"/>) beside an industry cell whose codes are
    /// all making ones (融资租赁 among a jeweller's products): a maker's service line, not a business of the chain (ADR 0545, ADR 0610).
    /// </summary>
    private bool ServiceBesideAMaker(int s, Candidate candidate, CellLabel cell) =>
        !candidate.Generic && !candidate.MainBusiness && cell.Text.Length > 0 && cell.NamesMaker && IsProductsOnly(candidate.Sources()) && IsService(s);

    /// <summary>True when a code of the industry cell lies in a GB/T division of some segment of the chain (其他计算机设备 → 39 for 电子信息).</summary>
    private bool CellBacksTheChain(string chain, IReadOnlyList<IndustryCode> cellCodes) =>
        cellCodes.Any(c => Enumerable.Range(0, segments.Count).Any(i => segments[i].ChainCode == chain && segmentCodes[i].Any(x => x[..2] == c.Code[..2])));

    // ---- end of a line the cell does not back ----

    // ---- One word of a listed company's licence under a division names the chain (ADR 0530) ----

    /// <summary>
    /// True when the segment rests on one word of the business scope and the cell names only a GB/T division (a listed company's
    /// CSRC industry, C39计算机、通信和其他电子设备制造业): the name, the products and the cell name no segment (the name at most a
    /// division's code, 药业 → 27), and one distinct word of the segment stands in the licence's head. A licence lists a group's
    /// trades one after another; one of its items beside a division is one line among many and confirms the chain the division
    /// names, not which of its segments the company is in (通信设备 in a camera maker's licence, 集成电路 in a set-top-box maker's).
    /// Two or more words of one segment (中药提取、注射剂、胶囊剂; 微生物肥料、复混肥) say what the licence is about and keep it, and so does
    /// the word in the licence's first item, where a registration states its main business (印刷电路板及相关产品的生产, ADR 0201), or
    /// beside the division's own usual segment (白酒 under C15 → 饮料与酒, ADR 0265): two signals that agree.
    /// </summary>
    private static bool OneLicenceWordUnderADivision(Candidate candidate, CellLabel cell, string firstItem) =>
        cell.NamesDivisionsOnly && !candidate.Generic && !candidate.MainBusiness && candidate.Terms[3] is [var word]
        && !firstItem.Contains(word, StringComparison.Ordinal)
        && candidate.Field(0) + candidate.Field(1) + candidate.Field(2) == 0 && !candidate.GuessFrom[1] && !candidate.NamedBySpecificWord
        && candidate.SourceCode[1] == 0 && (candidate.LabelGuess is null || cell.DivisionWords.ContainsKey(candidate.LabelGuess))
        && (candidate.Sources()[0] == 0 || (candidate.SourceCodeEvidence[0] is { } nameCode && nameCode[(nameCode.LastIndexOf('→') + 1)..].Length == 2));

    // ---- end of one word of a licence under a division ----

    /// <summary>The name's industry words whose codes are whole GB/T divisions (食品 → 14, 化工 → 26): each names a trade, not a segment.</summary>
    private static Dictionary<string, string[]> DivisionWords(IReadOnlyList<IndustryCode> nameCodes) =>
        nameCodes.GroupBy(c => c.Source, StringComparer.Ordinal).Where(g => g.All(c => c.Code.Length == 2))
            .ToDictionary(g => g.Key, g => g.Select(c => c.Code).ToArray(), StringComparer.Ordinal);

    /// <summary>True when a segment of the same chain, not the segment's parent or child, has a code inside one of the divisions.</summary>
    private bool SharesDivision(int s, string[] divisions)
    {
        for (var other = 0; other < segments.Count; other++)
        {
            if (segments[other].ChainCode == segments[s].ChainCode && Unrelated(other, s, parentIndex)
                && Array.Exists(segmentCodes[other], c => Array.Exists(divisions, d => c.StartsWith(d, StringComparison.Ordinal))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The row's industry cell as written, whether the classification says it spans several segments, and the name's division words.</summary>
    private readonly record struct CellLabel(string Text, bool SpansSegments, Dictionary<string, string[]> DivisionWords, bool NamesDivisionsOnly, bool NamesMaker);

    /// <summary>What a chain-level membership rests on: the guess's label or word, else (a code alone) the industry cell.</summary>
    private static string ChainLevelLabel(Candidate candidate, CellLabel cell) => candidate.LabelGuess ?? cell.Text;

    /// <summary>The evidence of a chain-level membership: "链级: " and the label, the suggested segments, then the rest as for a segment.</summary>
    private static string ChainLevelEvidence(string label, IReadOnlyList<string> suggested, string evidence) =>
        $"{ChainLevelMemberships.EvidencePrefix}{label}; {ChainLevelMemberships.SuggestionsPart(suggested)}; {evidence}";

    // ---- end of chain-level memberships ----

    /// <summary>The best few of the scored segments (see docs/discovery.md, "Best few" and "Most specific evidence").</summary>
    private List<(int Segment, double Score, Candidate Candidate)> Keep(List<(int Segment, double Score, Candidate Candidate)> ranked)
    {
        var kept = new List<(int Segment, double Score, Candidate Candidate)>(ClassifierRules.MaxSegments);
        if (ranked.Count == 0)
        {
            return kept;
        }

        // The most specific evidence decides within a chain: a segment named by the company's own name or products
        // (a word of the segment, or an industry word that says more than the industry cell: 硅业 under 化工原料)
        // drops the segments of the same chain that only the industry cell, its code or the scope propose.
        // A scope that names a single segment of that chain is specific (某某专用汽车有限公司: 洒水车、垃圾车的生产), and
        // the segment it names stays; a scope that names several is a catch-all list (药品批发: 中成药、生物制品、原料药…).
        // Only a named segment that can itself be kept (score and confidence near the best's) drops the others of its chain:
        // a side word too weak to stay (皮革功能助剂 third among a chemical maker's products) must not leave the chain empty.
        var scopeSegments = ranked.Where(r => r.Candidate.HasScopeText).GroupBy(r => segments[r.Segment].ChainCode).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        ranked.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(segments[a.Segment].Code, segments[b.Segment].Code));
        // The bars are the row's strongest evidence, also when the rules below then skip that segment (unnamed beside a named one,
        // or a code of several segments alike): it still says how strongly the row speaks of its main business, and a word under
        // half of it is a side line. Bars from the best keepable entry were measured and lost precision (ADR 0595).
        var bestScore = ranked[0].Score;
        var bestConfidence = ranked.Max(r => Confidence(r.Candidate.Sources()));
        var named = ranked.Where(r => r.Candidate.IsNamed && r.Score >= bestScore * ClassifierRules.KeepShareOfBest
                && Confidence(r.Candidate.Sources()) >= bestConfidence * KeepConfidenceShare)
            .Select(r => r.Segment).ToList();
        var namedChains = named.Select(s => segments[s].ChainCode).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in ranked)
        {
            if (entry.Score < bestScore * ClassifierRules.KeepShareOfBest || kept.Count == ClassifierRules.MaxSegments)
            {
                break;
            }

            if (Confidence(entry.Candidate.Sources()) < bestConfidence * KeepConfidenceShare)
            {
                continue;
            }

            // An industry code alone does not say which of its segments: it places a company only in its best one.
            if (!entry.Candidate.HasAnyText && entry.Candidate.LabelGuess is null
                && (kept.Count > 0 || ranked.Count(r => !r.Candidate.HasAnyText && Math.Abs(r.Score - entry.Score) < 1e-9) > 1))
            {
                continue;
            }

            var chain = segments[entry.Segment].ChainCode;
            if (!entry.Candidate.IsNamed && namedChains.Contains(chain) && !(entry.Candidate.HasScopeText && scopeSegments[chain] == 1)
                && !UnderTheNamedSegment(entry.Segment, named))
            {
                continue;
            }

            // A sub-segment says more than its parent: keep the more specific one.
            if (kept.Exists(k => parentIndex[k.Segment] == entry.Segment || parentIndex[entry.Segment] == k.Segment))
            {
                continue;
            }

            kept.Add(entry);
        }

        return kept;
    }

    // ---- A sub-segment of the named segment is no other segment (ADR 0595) ----

    /// <summary>
    /// True when every named segment of the segment's chain is its parent: the name or the products name the parent (化工 in 一江化工's
    /// name guesses 精细化学品), and the segment says which of its parts (the licence's 涂料制造 → 涂料). A more specific segment of what
    /// the company's own words name agrees with them; "Most specific evidence" drops the chain's other segments, not the named one's
    /// parts. Whether the part or the parent stays is then the best few's rule for a segment and its sub-segment (the one ranked higher).
    /// </summary>
    private bool UnderTheNamedSegment(int s, List<int> named) =>
        parentIndex[s] >= 0 && named.TrueForAll(n => segments[n].ChainCode != segments[s].ChainCode || n == parentIndex[s]);

    // ---- end of a sub-segment of the named segment ----

    /// <summary>
    /// The generic special-vehicle membership (ADR 0245): the industry cell names GB/T 3630 改装汽车制造 (by code or name), or a
    /// name word of the generic segment (专用汽车, 专用车, 改装车, 特种汽车: name-words.csv) stands in the name, the main
    /// products or the first item of the business scope. Such a row says it builds special vehicles but not which, and 3630
    /// names every complete-vehicle segment of 专汽 alike; it goes into <see cref="ClassifierRules.GenericSpecialVehicleSegment"/>
    /// (上装制造: a maker that mounts bodies and equipment on bought chassis), never confirmed. Null when there is no such evidence.
    /// </summary>
    private (int Segment, double Score, Candidate Candidate)? GenericSpecialVehicle(
        int s,
        IReadOnlyList<IndustryCode> industryCodes,
        string industryText,
        IReadOnlyList<(string Word, string Segment)> nameSegments,
        IReadOnlyList<(string Word, string Segment)> productSegments,
        string products,
        string scope)
    {
        static string? GenericWord(IReadOnlyList<(string Word, string Segment)> words) =>
            words.FirstOrDefault(w => w.Segment == ClassifierRules.GenericSpecialVehicleSegment).Word;

        var cell = industryCodes.FirstOrDefault(c => c.Code == ClassifierRules.GenericSpecialVehicleCode || c.Code == ClassifierRules.GenericSpecialVehicleCode[..3]);
        var cellWord = cell is null && industryText.Length >= 2 ? GenericWord(industries.ReadName(industryText).Segments) : null;
        var nameWord = GenericWord(nameSegments);
        // The main products and the scope speak only when the industry cell is unknown or lies in the same division (a
        // products-only guess the cell contradicts says nothing, ADR 0202), and in the products only the first items count:
        // a group's side line (改装车 as its fifth line) is not its trade (ADR 0230). The name is the company speaking of itself.
        var cellAllows = !Disagrees([ClassifierRules.GenericSpecialVehicleCode], industryCodes);
        var productWord = cellAllows && GenericWord(productSegments) is { } word && ItemIndex(products, word) < SideLineItem ? word : null;
        var first = cellAllows ? FirstItem(scope) : string.Empty;
        var scopeWord = first.Length >= 2 ? GenericWord(industries.ReadName(first).Segments) : null;
        // A register row's licence that makes special vehicles in any clause, not only its first item (ADR 0810): the clause's
        // vehicle names the segment (挂车 → ZQ-TRAILER, 罐车 → ZQ-TANKER, else the generic one).
        var licence = cell is null && cellWord is null && nameWord is null && productWord is null && scopeWord is null
            && industryText.Length + products.Length == 0 ? SpecialVehicleMakingClause(scope) : null;
        if (licence is { } made && segmentIndex.TryGetValue(made.Segment, out var madeSegment))
        {
            var madeCandidate = new Candidate { Generic = true };
            madeCandidate.Add(3, made.Vehicle, 1.0);
            madeCandidate.LabelGuess = $"{made.Vehicle}（经营范围制造条目）";
            return (madeSegment, 0, madeCandidate);
        }

        if (cell is null && cellWord is null && nameWord is null && productWord is null && scopeWord is null)
        {
            return null;
        }

        var candidate = new Candidate { MainBusiness = scopeWord is not null, Generic = true };
        if (cell is not null)
        {
            candidate.SourceCode[2] = 1.0;
            candidate.CodeEvidence = cell.Source == cell.Code ? cell.Code : $"{cell.Source}→{cell.Code}";
        }

        candidate.GuessFrom[2] = cellWord is not null;
        candidate.GuessFrom[0] = nameWord is not null;
        candidate.GuessFrom[1] = productWord is not null;
        if (scopeWord is not null)
        {
            candidate.Add(3, scopeWord, 1.0);
        }

        candidate.LabelGuess = $"{nameWord ?? productWord ?? cellWord ?? scopeWord ?? industries.NameOf(ClassifierRules.GenericSpecialVehicleCode)}（车型未写明）";
        return (s, 0, candidate);
    }

    /// <summary>
    /// The first clause of a licence (between ；, ;, 。, ，, ,) that names a special vehicle of
    /// <see cref="ClassifierRules.SpecialVehicleLicenceVehicles"/> (not a 车间, not 车厢内) and a making word of
    /// <see cref="ClassifierRules.SpecialVehicleLicenceMaking"/>, as (vehicle word, segment), or null (ADR 0810).
    /// </summary>
    private static (string Vehicle, string Segment)? SpecialVehicleMakingClause(string scope)
    {
        foreach (var clause in scope.Split(LicenceItemEnds, StringSplitOptions.RemoveEmptyEntries).Take(ClassifierRules.SpecialVehicleLicenceClauses))
        {
            if (!Array.Exists(ClassifierRules.SpecialVehicleLicenceMaking, m => clause.Contains(m, StringComparison.Ordinal))
                || Array.Exists(ClassifierRules.SpecialVehicleLicenceOtherVehicles, w => clause.Contains(w, StringComparison.Ordinal)))
            {
                continue;
            }

            foreach (var (vehicle, segment) in ClassifierRules.SpecialVehicleLicenceVehicles)
            {
                for (var at = clause.IndexOf(vehicle, StringComparison.Ordinal); at >= 0; at = clause.IndexOf(vehicle, at + 1, StringComparison.Ordinal))
                {
                    var after = at + vehicle.Length;
                    if ((after >= clause.Length || (clause[after] != '间' && clause[after] != '内')) && !clause[..at].EndsWith("残疾人", StringComparison.Ordinal))
                    {
                        return (vehicle, segment);
                    }
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The segments named by the first item of the business scope (up to the first '、', ',', ';' or '。'), where a
    /// registration states its main business; scored <see cref="MainBusinessWeight"/> × the field score. Excluding words
    /// count in every field and a known industry that disagrees halves the score. Its confidence stays below the
    /// threshold (one source, the scope, at most <see cref="ScopeSourceCap"/>), so such a membership is always 待确认.
    /// </summary>
    private List<(int Segment, double Score, Candidate Candidate)> MainBusinessCandidates(string scope, List<(string Clause, HashSet<string> Chains)> tradeClauses, string[] fields, IReadOnlyList<IndustryCode> industryCodes, bool registerRow, bool catalogueHeadings)
    {
        var result = new List<(int Segment, double Score, Candidate Candidate)>();
        // The first item that names a thing: leading items that are only activities (研发、生产、销售锂电池) are skipped.
        var first = FirstItem(scope);
        if (first.Length < 2)
        {
            return result;
        }

        // An IT firm's licence opens with the computers it builds systems with (计算机及网络系统集成, 计算机、电子通讯器材的销售…；
        // 计算机系统集成): after a first item about computers, the next few items are read for the words of software and IT
        // services, and only for them (ADR 0540). A computer shop's licence names no such service and stays as it was.
        var computerHead = Array.Exists(ClassifierRules.ComputerOpeners, w => first.Contains(w, StringComparison.Ordinal))
            ? ItemsAfter(scope, first, ClassifierRules.ComputerLicenceItems)
            : string.Empty;
        // A making verb that governs a list (生产、销售：A、B、C; A、B、C加工、销售) makes every item of it: the goods after the
        // first are made as much as the first, and count for the segments of makers (ADR 0540).
        var made = registerRow ? MadeList(scope) : string.Empty;
        var found = new Dictionary<int, Candidate>();
        var madeTerms = new List<(string Term, int Segment, double Strength)>();
        var firstBest = 0.0;
        var inFirstCounted = new List<(string Word, int Segment)>();
        // ---- A lodging or property name's meeting rooms (session 45, ADR 0685) ----
        // 会议会展服务 first in a hotel's or a property manager's licence is its rooms let for meetings, not an exhibition business.
        var lodging = Array.Exists(ClassifierRules.LodgingNameWords, w => fields[0].Contains(w, StringComparison.Ordinal));
        // ---- end of a lodging or property name's meeting rooms ----
        // ---- A car-parts name says whose parts the licence makes (session 46, ADR 0720) ----
        // 浙江省三门县第一汽车配件厂, `仪表电器配件制造`: the name's vehicle word (汽车) stands before the licence's parts word, which
        // reads as the car part (汽车电器, 汽车仪表) a segment of the vehicle's chain names.
        var vehicle = registerRow && Array.Exists(ClassifierRules.CarPartsNameWords, w => fields[0].Contains(w, StringComparison.Ordinal))
            && !first.Contains(ClassifierRules.CarWord, StringComparison.Ordinal);
        // ---- end of a car-parts name ----
        bool? otherService = null;
        foreach (var (term, segment, strength) in vehicle ? fieldTerms : FieldTermsIn(first, computerHead, made))
        {
            if ((!registerRow && standardWords.ContainsKey(term)) || (registerRow && BesideNoVehicle(segment, term, fields[0], scope)))
            {
                continue;
            }

            var inFirst = term.Length <= first.Length && HoldsTerm(first, term) && !OnlyBeforeItsUse(first, term) && !OnlyBeforeMachines(first, term)
                && !(segments[segment].Code == ClassifierRules.WasteReadTyreSegment && OnlyAsWaste(first, term))
                && !(lodging && Array.Exists(ClassifierRules.MeetingWords, w => term.Contains(w, StringComparison.Ordinal)));
            inFirst = inFirst || (vehicle && term.Length >= ClassifierRules.CarWord.Length + 2 && term.StartsWith(ClassifierRules.CarWord, StringComparison.Ordinal)
                && segments[segment].ChainCode == ClassifierRules.SpecialVehicleChain && HoldsTerm(first, term[ClassifierRules.CarWord.Length..]));
            // ---- A word inside a longer word of the first item (session 44, ADR 0660) ----
            // As in the fields (ADR 0365): 水产品 (a farm's product, 畜禽养殖) inside 水产品冷冻 or 水产品加工 (初加工) names the
            // processor's goods, not a farm; terms are read longest first.
            if (inFirst && inFirstCounted.Count > 0 && OnlyInsideCounted(first, term, segment, inFirstCounted, parentIndex))
            {
                continue;
            }

            if (inFirst)
            {
                inFirstCounted.Add((term, segment));
            }

            // ---- end of a word inside a longer word of the first item ----
            // ---- A network contractor (session 44, ADR 0660) ----
            // 计算机网络工程的安装、技术服务: works an IT word names, installed or built (GB/T 4999 其他建筑安装: 智能化安装), are a
            // contractor's, not an IT firm's, unless the licence also names the firm's own software or systems work elsewhere.
            if (inFirst && computerServices.Contains(segment) && InstalledWorks(scope, term) && !(otherService ??= OtherServiceWord(scope)))
            {
                continue;
            }

            // ---- end of a network contractor ----
            var inComputerHead = !inFirst && computerHead.Length > 0 && computerServices.Contains(segment) && HoldsTerm(computerHead, term);
            if (!inFirst && !inComputerHead && made.Length > 0 && term.Length >= MadeListWordLength && HoldsMakers(segment) && HoldsTerm(made, term))
            {
                madeTerms.Add((term, segment, strength * MadeListFactor));
            }
            else if ((inFirst || inComputerHead) && !(tradeClauses.Count > 0 && OnlySold(inFirst ? first : computerHead, segment, scope, tradeClauses)))
            {
                MainBusinessCandidate(found, segment).Add(3, term, strength);
                firstBest = Math.Max(firstBest, strength);
            }
        }

        // ---- The catalogue's terms (ADR 0635) ----
        // 工业自动控制系统装置制造, 电池制造: the catalogue's term for the trade, which no segment word holds, names its segment.
        if (CatalogueTermOf(scope, catalogueHeadings) is { } catalogue && !(tradeClauses.Count > 0 && OnlySold(catalogue.Term, catalogue.Segment, scope, tradeClauses)))
        {
            MainBusinessCandidate(found, catalogue.Segment).Add(3, catalogue.Term, 1.0);
            firstBest = Math.Max(firstBest, 1.0);

            // The term says which part (电池制造: cells and modules); the parent a word of it names (电池 → 锂电池制造) yields.
            for (var p = parentIndex[catalogue.Segment]; p >= 0; p = parentIndex[p])
            {
                found.Remove(p);
            }
        }

        // ---- end of the catalogue's terms ----

        // The second good of a made list weighs no more than the first item's word: it adds a segment beside the first good's,
        // never pushes it out (生产、销售包装纸箱、塑料制品 stays in 包装材料 and adds 塑料与橡胶制品).
        foreach (var (term, segment, strength) in madeTerms)
        {
            MainBusinessCandidate(found, segment).Add(3, term, firstBest > 0 ? Math.Min(strength, firstBest) : strength);
        }

        // ---- A produce buyer (session 43, ADR 0625) ----
        // A first item of farm produce that the licence's first clause (or the name: 收购门市) buys (棉花、棉短绒…收购与销售; 果品收购、
        // 储藏) names a buyer from farmers, whose segment no word of the item holds: GB/T 511 counts the buying as farm-produce
        // wholesale, and a buyer that processes or stores it does the producing area's first processing and storage.
        if (registerRow && found.Count == 0 && ProduceBought(fields[0], scope, first) is { } bought && segmentIndex.TryGetValue(bought.Segment, out var buyer))
        {
            MainBusinessCandidate(found, buyer).Add(3, bought.Word, 1.0);
        }

        // ---- end of a produce buyer ----
        // ---- A licence that only trades chemicals (session 43, ADR 0625) ----
        // 销售：化工产品; 零售化工产品（不含易燃易爆、有毒物品）: a licence of one item that trades chemicals in general is a chemicals
        // trader's. A longer licence that lists 化工产品 among other goods is a general trader's (none), and stays unread.
        if (registerRow && found.Count == 0 && ChemicalsOnlyTraded(scope) is { } chemicals && segmentIndex.TryGetValue(ClassifierRules.ChemicalTradeSegment, out var chemicalTrade))
        {
            MainBusinessCandidate(found, chemicalTrade).Add(3, chemicals, 1.0);
        }

        // ---- end of a licence that only trades chemicals ----
        // ---- A nursery (session 43, ADR 0625) ----
        // A licence whose first clause grows a list of plants (花草、苗木、果蔬种植销售; 花卉、林木、种苗生产、销售) with nursery stock
        // among its first goods names a nursery: the first item (花草, 花卉) names no segment, the stock does.
        if (registerRow && found.Count == 0 && NurseryWord(scope) is { } nursery && segmentIndex.TryGetValue(ClassifierRules.NurserySegment, out var nurserySegment))
        {
            MainBusinessCandidate(found, nurserySegment).Add(3, nursery, 1.0);
        }

        // ---- end of a nursery ----
        // ---- Plastics made (session 44, ADR 0660) ----
        // A first item of goods of plastic (民用塑料管、矿用塑料管生产加工销售) that the first clause makes is GB/T 292's (塑料制品业: goods
        // formed from synthetic resin), though the goods' own word (塑料管) is no word of the segment: read only on a register row.
        if (registerRow && found.Count == 0 && PlasticsMade(scope) is { } plastics && segmentIndex.TryGetValue(ClassifierRules.PlasticsSegment, out var plasticsSegment))
        {
            MainBusinessCandidate(found, plasticsSegment).Add(3, plastics, 1.0);
        }

        // ---- end of plastics made ----
        // ---- Licensed protective equipment made (session 48, ADR 0805) ----
        // 设计、生产、加工、销售：西服、衬衫、…、劳保服装、口罩、皮鞋、特种劳动防护用品; 鞋靴、鞋材、特种劳动防护鞋靴、…的研发、生产、销售: a
        // register row whose first clause makes a list of goods that holds the licensed class 特种劳动防护 (made under a safety-mark
        // certificate) makes personal protective equipment, wherever in the list it stands; a later clause (服装及特种劳动防护用品生产) or
        // a trading clause does not say it.
        if (registerRow && found.Count == 0 && LicensedProtectiveGoodMade(scope) is { } protective
            && segmentIndex.TryGetValue(ClassifierRules.LicensedProtectiveGoodsSegment, out var protectiveSegment))
        {
            MainBusinessCandidate(found, protectiveSegment).Add(3, protective, 1.0);
        }

        // ---- end of licensed protective equipment made ----
        // ---- An advertiser (session 43, ADR 0640) ----
        // A licence that opens with the advertising operations (设计、制作、代理、发布 …) before its media (招牌、字牌、灯箱) is an
        // advertiser's (GB/T 725 广告业: publicity made for clients on 路牌、灯箱 …), though no word of the items is 广告.
        if (registerRow && found.Count == 0 && AdvertisingOpening(scope) is { } advertising && segmentIndex.TryGetValue(ClassifierRules.AdvertisingSegment, out var advertiser))
        {
            MainBusinessCandidate(found, advertiser).Add(3, advertising, 1.0);
        }

        // ---- end of an advertiser ----

        foreach (var (s, candidate) in found)
        {
            var score = Math.Min(MainBusinessCap, candidate.Field(3) * MainBusinessWeight);
            if (segmentCodes[s].Length > 0 && Disagrees(segmentCodes[s], industryCodes))
            {
                score *= DisagreeFactor;
                candidate.Disagrees = true;
            }

            if (score >= ClassifierRules.MinimumScore && !IsExcluded(s, fields))
            {
                result.Add((s, score, candidate));
            }
        }

        return result;
    }

    /// <summary>The verbs that may open a produce buyer's first item (收购农副产品; 购销农副产品, ADR 0800).</summary>
    private static readonly string[] ProduceBuyingVerbs = [ClassifierRules.BuyingVerb, ClassifierRules.ProduceDealingVerb];

    /// <summary>
    /// The segment and evidence of a produce buyer (session 43, ADR 0625), or null: the licence's first item opens with farm produce
    /// (<see cref="ClassifierRules.ProduceWords"/>, no waste), and its first clause or the name holds <see cref="ClassifierRules.BuyingVerb"/>
    /// (the clause also <see cref="ClassifierRules.ProduceDealingVerb"/>, ADR 0800);
    /// and no later clause makes goods; <see cref="ClassifierRules.ProducePrimarySegment"/> when the first clause also processes or stores
    /// (<see cref="ClassifierRules.ProduceProcessingWords"/>), else <see cref="ClassifierRules.ProduceWholesaleSegment"/>.
    /// </summary>
    internal static (string Segment, string Word)? ProduceBought(string name, string scope, string firstItem)
    {
        // The item opens with the produce (收购 or 购销 may stand before it): a shop's run-together list (糖烟酒副食品…农副产品收购) is no buyer's.
        var verb = Array.Find(ProduceBuyingVerbs, v => firstItem.StartsWith(v, StringComparison.Ordinal));
        var goods = verb is null ? firstItem : firstItem[verb.Length..];
        var produce = Array.Find(ClassifierRules.ProduceWords, w => goods.StartsWith(w, StringComparison.Ordinal));
        if (produce is null || Array.Exists(ClassifierRules.WasteWords, w => firstItem.Contains(w, StringComparison.Ordinal)))
        {
            return null;
        }

        // A licence whose later clauses make goods (粮油收购；挂面、小麦粉…加工、销售) is a maker's that buys its raw produce: its
        // goods are not the first item's.
        var end = scope.IndexOfAny(ClauseEnds);
        var clause = end < 0 ? scope : scope[..end];
        // 购销 buys only in a clause of produce: beside a general store's goods (粮油、蔬菜、针纺织品、日用百货…购销) it is a trader's.
        var buys = clause.Contains(ClassifierRules.BuyingVerb, StringComparison.Ordinal) || name.Contains(ClassifierRules.BuyingVerb, StringComparison.Ordinal);
        var deals = clause.Contains(ClassifierRules.ProduceDealingVerb, StringComparison.Ordinal)
            && !Array.Exists(ClassifierRules.GeneralGoodsWords, w => clause.Contains(w, StringComparison.Ordinal));
        if ((!buys && !deals) || (end >= 0 && Makes(scope[end..])))
        {
            return null;
        }

        var processes = Array.Exists(ClassifierRules.ProduceProcessingWords, w => clause.Contains(w, StringComparison.Ordinal));
        return (processes ? ClassifierRules.ProducePrimarySegment : ClassifierRules.ProduceWholesaleSegment, produce + ClassifierRules.BuyingVerb);
    }

    /// <summary>
    /// The nursery word (<see cref="ClassifierRules.NurseryWords"/>) of the licence's first clause when the clause grows
    /// (<see cref="ClassifierRules.GrowingVerbs"/>) and the word stands in one of its first <see cref="ClassifierRules.NurseryItems"/>
    /// items; else null.
    /// </summary>
    internal static string? NurseryWord(string scope)
    {
        var clause = FirstClause(scope);
        if (!Array.Exists(ClassifierRules.GrowingVerbs, v => clause.Contains(v, StringComparison.Ordinal)))
        {
            return null;
        }

        foreach (var item in clause.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(i => !IsActivity(i)).Take(ClassifierRules.NurseryItems))
        {
            if (Array.Find(ClassifierRules.NurseryWords, w => item.Contains(w, StringComparison.Ordinal)) is { } word)
            {
                return word;
            }
        }

        return null;
    }

    /// <summary>
    /// True when <paramref name="term"/> names works (ends in <see cref="ClassifierRules.WorksSuffix"/>) and every clause of the
    /// licence that holds it installs or builds them (<see cref="ClassifierRules.InstallingVerbs"/> after the term) and develops
    /// nothing (<see cref="ClassifierRules.DevelopingWords"/>): a contractor's item (session 44, ADR 0660).
    /// </summary>
    internal static bool InstalledWorks(string scope, string term)
    {
        if (!term.EndsWith(ClassifierRules.WorksSuffix, StringComparison.Ordinal))
        {
            return false;
        }

        var any = false;
        foreach (var clause in scope.Split(ClauseEnds, StringSplitOptions.RemoveEmptyEntries))
        {
            var at = clause.IndexOf(term, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var after = clause[(at + term.Length)..];
            if (!Array.Exists(ClassifierRules.InstallingVerbs, v => after.Contains(v, StringComparison.Ordinal))
                || Array.Exists(ClassifierRules.DevelopingWords, w => clause.Contains(w, StringComparison.Ordinal)))
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    /// <summary>True when the licence holds a word of the IT-service segments that names no works (软件开发, 系统集成 …).</summary>
    private bool OtherServiceWord(string scope) =>
        terms.Exists(t => computerServices.Contains(t.Segment) && !t.Term.EndsWith(ClassifierRules.WorksSuffix, StringComparison.Ordinal) && HoldsTerm(scope, t.Term));

    /// <summary>
    /// The plastics word (<see cref="ClassifierRules.PlasticsWords"/>) of the licence's first item when its first clause makes
    /// (<see cref="Makes"/>) and the word names goods of plastic, not the machines, moulds or raw plastic before which it stands
    /// (<see cref="ClassifierRules.NotPlasticGoods"/>); else null (session 44, ADR 0660).
    /// </summary>
    internal static string? PlasticsMade(string scope)
    {
        var item = FirstItem(scope);
        var word = Array.Find(ClassifierRules.PlasticsWords, w => item.Contains(w, StringComparison.Ordinal));
        if (word is null || !Makes(FirstClause(scope)))
        {
            return null;
        }

        var after = item[(item.IndexOf(word, StringComparison.Ordinal) + word.Length)..];
        return after.Length > 0 && !Array.Exists(ClassifierRules.NotPlasticGoods, w => after.StartsWith(w, StringComparison.Ordinal) || item.Contains(w, StringComparison.Ordinal))
            ? word
            : null;
    }

    /// <summary>
    /// The chemicals word (<see cref="ClassifierRules.ChemicalGoodsWords"/>) of a licence of one item that trades it (a trade verb, no
    /// making verb), or of a licence with no verb at all whose first item opens with it (`化工产品`; `化工产品（不含…）、建筑材料、机械设备…`:
    /// a trading licence's list, as a drug or food trader's verbless list is; session 47, ADR 0755), or null.
    /// </summary>
    internal static string? ChemicalsOnlyTraded(string scope)
    {
        var items = Items(scope).Take(2).ToList();
        if (items.Count == 0 || Makes(scope))
        {
            return null;
        }

        var traded = Array.Exists(TradeVerbs, v => scope.Contains(v, StringComparison.Ordinal));
        if (items.Count == 1 && traded)
        {
            return Array.Find(ClassifierRules.ChemicalGoodsWords, w => items[0].Contains(w, StringComparison.Ordinal));
        }

        return traded ? null : Array.Find(ClassifierRules.ChemicalGoodsWords, w => items[0].StartsWith(w, StringComparison.Ordinal));
    }

    private static Candidate MainBusinessCandidate(Dictionary<int, Candidate> found, int segment)
    {
        if (!found.TryGetValue(segment, out var candidate))
        {
            found[segment] = candidate = new Candidate { MainBusiness = true };
        }

        return candidate;
    }

    private static readonly string[] ExclusionOpeners = ["不含", "不包括", "不包含", "除", "不得", "不从事"];

    /// <summary>Words that open with 除 and name a thing or a service (除尘设备, 除湿机), not an exclusion.</summary>
    private static readonly string[] RemovalWords = ["除尘", "除湿", "除臭", "除草", "除锈", "除垢", "除霜", "除雪", "除冰", "除虫", "除味", "除油", "除蜡", "除甲醛", "除盐", "除氧", "除砂", "除渣"];

    /// <summary>
    /// Whether a candidate rests only on the name's industry code and licence words none of which is in the first item (ADR 0765): no word
    /// of the segment in the name, products or industry cell, no first-item agreement.
    /// </summary>
    private static bool OnlyTheNamesCodeAndALaterItem(Candidate candidate, string firstItem) =>
        candidate.SourceCode[0] > 0 && candidate.Field(0) + candidate.Field(1) + candidate.Field(2) == 0 && !candidate.GuessFrom[0]
        && !candidate.MainBusiness && !candidate.FirstItemAgrees
        && candidate.Terms[3] is { Count: > 0 } licence && !licence.Exists(t => firstItem.Contains(t, StringComparison.Ordinal));

    /// <summary>Whether a register row's name or licence names a road vehicle (<see cref="ClassifierRules.VehicleWords"/>, ADR 0750).</summary>
    internal static bool NamesAVehicle(string name, string scope) =>
        Array.Exists(ClassifierRules.VehicleWords, w => name.Contains(w, StringComparison.Ordinal) || scope.Contains(w, StringComparison.Ordinal));

    /// <summary>
    /// Whether <paramref name="term"/> is a 专汽 word other trades write (<see cref="ClassifierRules.VehicleBorneSegment"/>'s, or one of
    /// <see cref="ClassifierRules.VehicleBorneWords"/>) on a row whose name and licence name no vehicle (ADR 0750). On a listed row the field loop
    /// passes the products, cell and licence as <paramref name="scope"/> and reads only <see cref="ClassifierRules.ListedVehicleBorneWords"/> (ADR 0770).
    /// </summary>
    private bool BesideNoVehicle(int segment, string term, string name, string scope) =>
        segments[segment].ChainCode == ClassifierRules.SpecialVehicleChain
        && (((segments[segment].Code == ClassifierRules.VehicleBorneSegment || Array.IndexOf(ClassifierRules.VehicleBorneWords, term) >= 0)
                && !NamesAVehicle(name, scope))
            || (segments[segment].Code == ClassifierRules.TwoWheelerBorneSegment && NamesOnlyTwoWheelers(name, scope)));

    /// <summary>
    /// Whether a register row's name or licence names a two-wheeler (<see cref="ClassifierRules.TwoWheelerWords"/>) and no road vehicle
    /// (非机动车 read as no 机动车): its wheels and tyres are a motorcycle's or bicycle's (ADR 0765).
    /// </summary>
    internal static bool NamesOnlyTwoWheelers(string name, string scope) =>
        Array.Exists(ClassifierRules.TwoWheelerWords, w => name.Contains(w, StringComparison.Ordinal) || scope.Contains(w, StringComparison.Ordinal))
        && !NamesAVehicle(name.Replace("非机动车", string.Empty, StringComparison.Ordinal), scope.Replace("非机动车", string.Empty, StringComparison.Ordinal));

    /// <summary>
    /// The (folded) business scope without the register's headings that hide its first item (session 42): an opening
    /// `许可经营项目:无` (no permitted items) with the `一般经营项目:` heading after it (`许可经营项目:无;一般经营项目:电线电缆的生产、销售`,
    /// common in Inner Mongolia's register; a 许可经营项目 that names items is kept as written), and the preamble of the 2014 register reform that opens whole provinces'
    /// licences (`法律、法规、国务院决定规定禁止的不得经营;…市场主体自主选择经营。(汽车、摩托车零部件制造销售。)`), the licence in the
    /// bracket after it read as the licence; and an opening `一般经营项目:` heading alone (session 46, ADR 0720: `一般经营项目:设计、制作、
    /// 代理、发布国内各类广告`; Shenzhen's `一般经营项目是:` is the catalogue format's, ADR 0620). Without them the first item is the
    /// business itself, not a heading.
    /// </summary>
    /// <summary>True when the (folded) licence holds a word of segment <paramref name="segment"/> (its keywords, products, aliases or GB/T class names).</summary>
    private bool LicenceHoldsWordOf(string scope, int segment) =>
        scope.Length > 0 && fieldTerms.Exists(t => t.Segment == segment && t.Term.Length <= scope.Length && HoldsTerm(scope, t.Term));

    /// <summary>Endings of resorts and scenic areas: a company that runs one (…景区管理有限公司) is in tourism by the resort's name.</summary>
    private static readonly string[] ResortEndings = ["旅游度假区", "度假区", "风景名胜区", "风景区", "景区"];

    /// <summary>Endings of the zones a company's name may carry: the development zones' (RegionNameResolver) and resorts'.</summary>
    private static readonly string[] NameZoneEndings =
        [.. RegionNameResolver.ZoneSuffixes, "化学工业区", "工业区", .. ResortEndings];

    /// <summary>What follows a resort's name in the name of the company that runs it.</summary>
    private static readonly string[] ResortOperatorWords = ["管理", "开发", "发展", "建设", "服务", "经营", "旅游", "投资"];

    /// <summary>The legal forms a name ends in: a name that is a zone and one of these is the zone's own company.</summary>
    private static readonly string[] LegalForms = ["有限责任公司", "股份有限公司", "有限公司", "公司"];

    /// <summary>
    /// A (folded) company name without the zone it is seated in (ADR 0715): `宁波东钱湖旅游度假区金盛针轴塑料厂` is a plastics works,
    /// `XX化工工业区经济发展有限公司` no chemical maker, whatever the zone's name says. The zone is the text from the name's start, or
    /// from just after a company's 公司 (a branch: `…股份有限公司平湖开发区支行`), to the end of a zone ending, when at least two
    /// characters name the place before the ending and at least two follow it (in a branch's name only the ending goes); a zone in
    /// brackets (`东马油脂(张家港保税区)有限公司`) is the bracket. The zone's own company keeps its name: one whose name is the zone and a legal form (`XX物流园区有限责任公司`), and
    /// one that runs a resort (`XX景区管理有限公司`, `XX旅游风景区开发有限公司`).
    /// </summary>
    internal static string WithoutZoneNames(string folded)
    {
        for (var round = 0; round < 3; round++)
        {
            var (at, ending) = (-1, string.Empty);
            foreach (var candidate in NameZoneEndings)
            {
                var i = folded.IndexOf(candidate, StringComparison.Ordinal);
                if (i >= 0 && (at < 0 || i + candidate.Length < at + ending.Length
                    || (i + candidate.Length == at + ending.Length && candidate.Length > ending.Length)))
                {
                    (at, ending) = (i, candidate);
                }
            }

            if (at < 0)
            {
                return folded;
            }

            // A branch's name (…股份有限公司平湖开发区支行) names its zone after the company's 公司; its place may be the branch's own
            // word (…公司超市新区连锁店), so there only the ending goes.
            var company = folded.LastIndexOf("公司", at, StringComparison.Ordinal);
            var start = company >= 0 ? company + 2 : 0;
            var end = at + ending.Length;
            var open = folded.LastIndexOf('(', at);
            if (open >= start && folded.IndexOf(')', end) is var close and >= 0)
            {
                folded = folded[..open] + folded[(close + 1)..];
                continue;
            }

            var cut = company >= 0 ? at : start;
            var rest = folded[end..];
            if (at - start < 2 || rest.Length < 2 || Array.IndexOf(LegalForms, rest) >= 0
                || (Array.IndexOf(ResortEndings, ending) >= 0 && Array.Exists(ResortOperatorWords, w => rest.StartsWith(w, StringComparison.Ordinal))))
            {
                return folded;
            }

            folded = folded[..cut] + rest;
        }

        return folded;
    }

    internal static string WithoutLicenceHeadings(string folded)
    {
        if (!folded.Contains("经营项目", StringComparison.Ordinal) && !folded.Contains("自主选择经营", StringComparison.Ordinal))
        {
            return folded;
        }

        var text = ReformPreamble().Replace(folded, string.Empty);
        if (text.Length != folded.Length && text.StartsWith('('))
        {
            text = OutOfItsBracket(text.TrimEnd('。', '.'));
        }

        return LicenceHeading().Replace(text, string.Empty);
    }

    /// <summary>
    /// The licence that stands in one bracket after the reform's preamble, out of it: `(汽车(不含小轿车)销售。)` → `汽车(不含小轿车)销售。`
    /// (brackets inside it counted), and a bracket the register cut off before it closed (`(磷矿粉`) loses its opening. A bracket that
    /// closes before the end is a note of the licence's first item and stays.
    /// </summary>
    private static string OutOfItsBracket(string text)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (depth == 0)
            {
                return i == text.Length - 1 ? text[1..^1] : text;
            }
        }

        return text[1..];
    }

    [GeneratedRegex("法律、法规、国务院决定规定禁止的不得经营.{0,160}?市场主体自主选择经营[。.;]?")]
    private static partial Regex ReformPreamble();

    [GeneratedRegex("^许可经营项目:?无(?=[;。,、]|一般经营项目|$)[;。,、]?(?:一般经营项目:?)?|^一般经营项目:")]
    private static partial Regex LicenceHeading();

    /// <summary>
    /// The (folded) business scope without its exclusion notes (issue #19 round 9): a bracket that opens with 不含, 不包括, 除,
    /// 不得 … or closes with 除外 lists what the licence does not cover (建辅建材（不含油漆）, 化工产品（不含危险品）, 汽车（不含九座以下乘用车）,
    /// 机电设备（小轿车除外）, 农业种植（苗木除外）), so its words are neither evidence for a segment nor excluding words.
    /// </summary>
    internal static string WithoutExclusionNotes(string folded)
    {
        if (!folded.Contains('(', StringComparison.Ordinal))
        {
            return folded;
        }

        var builder = new StringBuilder(folded.Length);
        for (var i = 0; i < folded.Length; i++)
        {
            if (folded[i] == '(')
            {
                var close = folded.IndexOf(')', i + 1);
                if (close > 0 && (IsExclusionOpening(folded, i + 1) || folded.AsSpan(i + 1, close - i - 1).EndsWith("除外", StringComparison.Ordinal)))
                {
                    i = close;
                    continue;
                }
            }

            builder.Append(folded[i]);
        }

        return builder.ToString();
    }

    /// <summary>True when the bracket's text at <paramref name="start"/> opens with an exclusion (不含, 除 …) and not with a removal word (除尘).</summary>
    private static bool IsExclusionOpening(string folded, int start)
    {
        // 均不含, 但不包括: a qualifying adverb before the opener (`汽车零部件及摩托车零部件(均不含发动机制造、加工)`, session 44).
        var at = start < folded.Length && Array.IndexOf(ExclusionAdverbs, folded[start]) >= 0 ? start + 1 : start;
        return Array.Exists(ExclusionOpeners, o => string.CompareOrdinal(folded, at, o, 0, o.Length) == 0)
            && !Array.Exists(RemovalWords, w => string.CompareOrdinal(folded, at, w, 0, w.Length) == 0);
    }

    private static readonly char[] ExclusionAdverbs = ['均', '但', '并', '且'];

    private static readonly char[] ClauseEnds = ['；', ';', '。'];

    private static string FirstClause(string scope) => scope.IndexOfAny(ClauseEnds) is var end and >= 0 ? scope[..end] : scope;

    private static readonly string[] TradeVerbs = ["零售", "批发", "批零兼营", "销售", "经销", "购销", "经营"];

    /// <summary>The sentence of the licence (between '；', ';' or '。') that holds the first <paramref name="word"/> (its first item), or "".</summary>
    private static string SentenceOf(string scope, string word)
    {
        var at = scope.IndexOf(word, StringComparison.Ordinal);
        if (at < 0)
        {
            return string.Empty;
        }

        var start = scope.LastIndexOfAny(SentenceEnds, at) + 1;
        var end = scope.IndexOfAny(SentenceEnds, at);
        return scope[start..(end < 0 ? scope.Length : end)];
    }

    private static readonly char[] SentenceEnds = ['；', ';', '。'];

    /// <summary>
    /// True when the scope makes something: one of <see cref="MakingVerbs"/> outside 技术开发, the boilerplate of every 科技 or
    /// 商贸 licence (技术开发、技术转让、技术咨询), which makes no goods (round 12, ADR 0375).
    /// </summary>
    private static bool Makes(string scope)
    {
        var text = scope.Contains(TechnologyDevelopment, StringComparison.Ordinal) ? scope.Replace(TechnologyDevelopment, string.Empty, StringComparison.Ordinal) : scope;
        // Goods for production use (工业生产用…液体批发, ADR 0720) are what a dealer sells to makers: 生产用 makes nothing.
        text = text.Contains(ForProductionUse, StringComparison.Ordinal) ? text.Replace(ForProductionUse, string.Empty, StringComparison.Ordinal) : text;
        return Array.Exists(MakingVerbs, v => HoldsVerb(text, v));
    }

    /// <summary>
    /// True when <paramref name="verb"/> stands in <paramref name="text"/> as a verb, not inside a machine's name: a making verb
    /// after a goods word and before <see cref="ClassifierRules.MachineWords"/> (粮油加工机械, 农副产品加工设备, 食品生产设备) names the
    /// machine a dealer sells, not what the company does (session 46, ADR 0710). After a separator or a joiner (、加工机械配件,
    /// 及加工机械配件) a verb that can make a machine is still a verb; one that cannot (种植机械, 屠宰设备) never is.
    /// </summary>
    internal static bool HoldsVerb(string text, string verb)
    {
        for (var at = text.IndexOf(verb, StringComparison.Ordinal); at >= 0; at = text.IndexOf(verb, at + 1, StringComparison.Ordinal))
        {
            var end = at + verb.Length;
            if (!Array.Exists(ClassifierRules.MachineWords, m => string.CompareOrdinal(text, end, m, 0, m.Length) == 0)
                || (Array.IndexOf(MachineMakingVerbs, verb) >= 0 && (at == 0 || !char.IsLetter(text[at - 1]) || Array.IndexOf(VerbJoiners, text[at - 1]) >= 0)))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly char[] VerbJoiners = ['及', '和', '与', '并', '兼', '或'];

    /// <summary>The making verbs whose object can be a machine (生产机械配件, 维修农机具); 种植机械, 养殖设备, 屠宰设备 are machines wherever they stand.</summary>
    private static readonly string[] MachineMakingVerbs = ["生产", "制造", "加工", "自产", "研发", "研制", "开发", "组装", "装配", "改装", "维修", "修理"];

    /// <summary>The scope without its repair verbs (<see cref="RepairVerbs"/>): what is left says whether anything is made.</summary>
    private static string WithoutRepair(string scope) =>
        RepairVerbs.Aggregate(scope, (text, v) => text.Replace(v, string.Empty, StringComparison.Ordinal));

    private static readonly string[] RepairVerbs = ["维修", "修理"];

    private const string TechnologyDevelopment = "技术开发";

    private const string ForProductionUse = "生产用";

    private static readonly string[] MakingVerbs = ["生产", "制造", "加工", "自产", "研发", "研制", "开发", "种植", "养殖", "饲养", "组装", "装配", "改装", "维修", "修理", "屠宰", "酿造", "烘焙", "冶炼", "炼制", "灌装"];

    /// <summary>
    /// The clauses of the business scope (up to '；' or '。') that only trade (零售, 批发, 销售 … and no making verb: 生产, 制造,
    /// 加工, 研发, 种植, 养殖, 维修 …), each with the chains whose trade segment (a downstream one) it names.
    /// </summary>
    private List<(string Clause, HashSet<string> Chains)> TradeClauses(string scope)
    {
        var result = new List<(string Clause, HashSet<string> Chains)>();
        foreach (var clause in scope.Split(ClauseEnds, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!IsTradeClause(clause))
            {
                continue;
            }

            var chains = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (term, chain) in DownstreamTermsIn(clause))
            {
                if (term.Length <= clause.Length && HoldsTerm(clause, term))
                {
                    chains.Add(chain);
                }
            }

            if (chains.Count > 0)
            {
                result.Add((clause, chains));
            }
        }

        return result;
    }

    /// <summary>
    /// True when every clause of <paramref name="scope"/> that holds <paramref name="text"/> only sells it to a trade
    /// segment of the chain of <paramref name="segment"/>, a segment that makes or grows it (not downstream).
    /// </summary>
    private bool OnlySold(string text, int segment, string scope, List<(string Clause, HashSet<string> Chains)> tradeClauses)
    {
        // Seeds and farm inputs: the labelling rules count their trade in the segment that grows or makes them (a seed company's
        // 包装种子、蔬菜批发兼零售 is a seed company's; session 42, ADR 0590).
        if (segments[segment].Tier == Tier.Downstream || TradeCounts(segment))
        {
            return false;
        }

        var chain = segments[segment].ChainCode;
        var found = false;
        foreach (var clause in scope.Split(ClauseEnds, StringSplitOptions.RemoveEmptyEntries))
        {
            if (clause.Contains(text, StringComparison.Ordinal))
            {
                if (!tradeClauses.Exists(t => t.Chains.Contains(chain) && string.Equals(t.Clause, clause, StringComparison.Ordinal)))
                {
                    return false;
                }

                found = true;
            }
        }

        return found;
    }

    // ---- A licence clause that makes nothing names no maker (ADR 0485) ----

    /// <summary>
    /// Verbs of a scope clause that deals in goods without making them: trade (销售, 批发 …, as <see cref="TradeVerbs"/>), investment,
    /// agency, import and export, and the technology services every 科技 licence lists (技术咨询, 技术服务, 技术转让, 技术推广).
    /// </summary>
    private static readonly string[] DealingVerbs = [.. TradeVerbs, "展销", "投资", "代理", "进出口", "咨询", "技术服务", "技术转让", "技术推广", "租赁"];

    /// <summary>
    /// True when every clause of the business scope (up to '；' or '。') that holds <paramref name="term"/> deals in it without
    /// making it: a dealing verb (<see cref="DealingVerbs"/>) and no making verb (<see cref="Makes"/>). On a row with an industry
    /// cell (a listed company's registered licence) such a clause says what the group sells, invests in or advises on
    /// (电子及通信设备行业进行投资; 通信设备的技术开发、技术咨询、技术服务; 批发、零售中药材、中药饮片), not what it makes, so it names
    /// no segment that makes goods (ADR 0485). A clause that makes (…的生产、销售) or lists goods without a verb (a maker's licence:
    /// 片剂、硬胶囊剂、颗粒剂) still counts.
    /// </summary>
    private static bool OnlyWhereNothingIsMade(string term, string scope)
    {
        var found = false;
        foreach (var clause in scope.Split(ClauseEnds, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!clause.Contains(term, StringComparison.Ordinal))
            {
                continue;
            }

            if (Makes(clause) || !Array.Exists(DealingVerbs, v => clause.Contains(v, StringComparison.Ordinal)))
            {
                return false;
            }

            found = true;
        }

        return found;
    }

    // ---- end of a licence clause that makes nothing ----

    // ---- A dosage form names a finished drug, chemical or TCM alike (ADR 0500) ----

    /// <summary>
    /// True when the row names traditional Chinese medicine: the industry cell's codes lie in the TCM segment's classes (中药Ⅲ → 273),
    /// or a word of that segment (中药, 中成药, 中药饮片, 中药提取) stands in the name, the products, the cell or the scope's head, not only
    /// inside a longer word of another segment (中药材 is the herb grower's) and, in the scope, not only in clauses that deal in it
    /// (批发、零售中药饮片 at a chemical-drug maker). Such a row's dosage forms (<see cref="ClassifierRules.DosageForms"/>) are its
    /// patent medicines.
    /// </summary>
    private bool NamesTcm(string[] fields, string scope, IReadOnlyList<IndustryCode> industryCodes)
    {
        if (tcmDrugs < 0 || chemicalDrugs < 0)
        {
            return false;
        }

        if (industryCodes.Any(c => c.Code.Length >= 3 && Array.Exists(segmentCodes[tcmDrugs], t => t.StartsWith(c.Code, StringComparison.Ordinal) || c.Code.StartsWith(t, StringComparison.Ordinal))))
        {
            return true;
        }

        // A form that only patent medicines take (ADR 0745), in the products or in a making clause of the licence's head.
        foreach (var form in ClassifierRules.TcmDosageForms)
        {
            if (fields[1].Contains(form, StringComparison.Ordinal)
                || (ScopeHead(fields[3]).Contains(form, StringComparison.Ordinal) && !OnlyWhereNothingIsMade(form, scope)))
            {
                return true;
            }
        }

        foreach (var (term, longerWords) in tcmTerms)
        {
            for (var f = 0; f < fields.Length; f++)
            {
                var text = f == 3 ? ScopeHead(fields[f]) : fields[f];
                if (!text.Contains(term, StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (var longer in longerWords)
                {
                    text = text.Replace(longer, "|", StringComparison.Ordinal);
                }

                if (HoldsTerm(text, term) && (f != 3 || !OnlyWhereNothingIsMade(term, scope)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // ---- end of a dosage form ----

    /// <summary>
    /// The chains a trader deals in (issue #19 round 8): when no clause of the business scope makes anything (no 生产, 制造, 加工,
    /// 研发, 种植, 养殖, 屠宰, 维修 … anywhere) and one trades (销售, 批发, 零售 …), each chain of an upstream or midstream segment
    /// a name word of manufactured goods guesses (药业 → SW-CHEM, 化工 → HG-FINE), with the chain's trade segment for those goods:
    /// the downstream segment holding GB/T's own wholesale class of the goods (<see cref="ClassifierRules.TradeOfGoods"/>: 药 →
    /// 515 SW-DIST, 化工 → 516 HG-LOGI, 食品 → 511/512 NC-WHOLESALE, 汽车零部件 → 5172 ZQ-PARTSALE), or, when the scope only
    /// 零售, their retail class (525 SW-RETAIL, 5263 ZQ-PARTSALE). Goods without such a segment (液压 344, 计算机 391, 专用汽车
    /// 3630) change nothing. Empty for a scope that makes things or has no trade verb, and when the industry cell names a
    /// manufacturing industry (C27 医药制造业: the company makes what its scope lists). Round 9b (ADR 0325): a verbless licence list
    /// of goods counts as trade (<see cref="IsLicenceList"/>); a goods word without a segment (医疗器械) names its chain through
    /// the trade segment (Word set, Segmentless); a retail-only licence moves a wholesale name word (医药) to retail; goods no
    /// segment trades (农业机械) give segment −1: no making segment of the chain and no guess.
    /// </summary>
    private Dictionary<string, (int Segment, string Verb, string? Word, bool Segmentless)> TradedChains(string name, string scope, IReadOnlyList<(string Word, string Segment)> nameSegments, IReadOnlyList<IndustryCode> nameCodes, IReadOnlyList<IndustryCode> industryCodes)
    {
        var result = new Dictionary<string, (int Segment, string Verb, string? Word, bool Segmentless)>(StringComparer.Ordinal);
        if (scope.Length == 0 || (nameCodes.Count == 0 && !untradedGoodsTerms.Exists(t => name.Contains(t.Term, StringComparison.Ordinal)))
            || industryCodes.Any(c => IsManufactured(c.Code))
            || Makes(WithoutRepair(scope)))
        {
            return result;
        }

        // A scope without any verb that lists goods as a trading licence does (中成药、化学药制剂; 三类：注射穿刺器械), of a company
        // whose name makes nothing, is a trade licence too (round 9b): wholesale, as such a licence is.
        var verb = Array.Exists(TradeVerbs, v => scope.Contains(v, StringComparison.Ordinal)) ? "销售"
            : IsLicenceList(name, scope) || OpensWithTradedGoods(name, scope) ? LicenceListVerb
            : null;
        if (verb is null)
        {
            return result;
        }

        var retailOnly = scope.Contains("零售", StringComparison.Ordinal) && !scope.Contains("批发", StringComparison.Ordinal) && !scope.Contains("批零兼营", StringComparison.Ordinal);
        if (retailOnly)
        {
            verb = RetailVerb;
        }

        // ---- Packaged food traded (session 45, ADR 0685) ----
        // A food or drinks name (食品 14, 酒业 15) whose licence only trades and whose first item is manufactured food (预包装食品、散装食品批发兼零售, 批发、零售：预包装食品), not made on the premises (食品、饮料制作)
        // is a grocer's or a food wholesaler's: GB/T 5122/5126/5129 and 522, which no segment holds (农产品批发市场 trades farm produce,
        // 5121/5123). It is in no segment of the chain and no guess of it, as the labelling rules leave such traders; a trader whose
        // licence opens with produce (肉、禽、蛋…蔬菜购销) still goes to the produce wholesale segment.
        if (FirstItem(scope) is var firstGoods && firstGoods.Contains(ClassifierRules.FoodGoodsWord, StringComparison.Ordinal)
            && !SentenceOf(scope, firstGoods).Contains(ClassifierRules.FoodMadeOnThePremises, StringComparison.Ordinal))
        {
            foreach (var goods in nameCodes.Where(c => Array.Exists(ClassifierRules.FoodGoodsCodes, p => c.Code.StartsWith(p, StringComparison.Ordinal))))
            {
                if (GoodsTradeSegment(goods.Code, null, false, name) is var trade and >= 0 && !result.ContainsKey(segments[trade].ChainCode))
                {
                    result[segments[trade].ChainCode] = (-1, verb, goods.Source, true);
                }
            }
        }

        // ---- end of packaged food traded ----

        foreach (var (word, code) in nameSegments)
        {
            if (!segmentIndex.TryGetValue(code, out var made) || result.ContainsKey(segments[made].ChainCode))
            {
                continue;
            }

            var chain = segments[made].ChainCode;
            if (segments[made].Tier == Tier.Downstream)
            {
                // A wholesale word of the name (医药 → SW-DIST) in a licence that only 零售 is a pharmacy's parent company's
                // word: the branch trades at retail, so the guess goes to the chain's retail segment (round 9b).
                // So is a name that holds a word of the retail segment (某某医药有限公司某某药店: a shop's licence may say 销售).
                var retail = RetailOfWholesale(made) is var shop and >= 0 && (retailOnly || NameHolds(name, shop)) ? shop : -1;
                if (retail >= 0)
                {
                    result[chain] = (retail, verb, null, false);
                }

                // A service word (物流 54, 软件 65) or a trade word says what the company does, not what goods it sells.
                continue;
            }

            // A farming word (种业 05: the seed trade is NC-SEED's own) or a word without a code (消防) names no goods: only
            // goods in the table are traded.
            foreach (var goods in nameCodes.Where(c => c.Source == word))
            {
                var segment = GoodsTradeSegment(goods.Code, chain, retailOnly, name);
                if (segment >= 0)
                {
                    result[chain] = (segment, verb, null, false);
                    break;
                }
            }
        }

        // A name word of goods that proposes no segment of its own (医疗器械 358|277) names its chain through the trade segment
        // that holds GB/T's trade class of the goods (5154 → SW-DIST), when the name also holds a word of one of that chain's
        // making segments (医疗器械 of SW-DEV): the company is that trader, not the maker (round 9b). A word of the trade
        // segment itself (汽车配件 of ZQ-PARTSALE) places nothing new.
        foreach (var goods in nameCodes)
        {
            if (nameSegments.Any(w => w.Word == goods.Source))
            {
                continue;
            }

            var segment = GoodsTradeSegment(goods.Code, null, retailOnly, name);
            if (segment >= 0 && !result.ContainsKey(segments[segment].ChainCode)
                && terms.Exists(t => segments[t.Segment].ChainCode == segments[segment].ChainCode && segments[t.Segment].Tier != Tier.Downstream
                    && t.Term.Length <= name.Length && name.Contains(t.Term, StringComparison.Ordinal)))
            {
                result[segments[segment].ChainCode] = (segment, verb, goods.Source, true);
            }
        }

        // A word of the name of a making segment whose goods no segment trades (农业机械, 农机 of NC-EQUIP 3572: 农业机械批发 5171
        // is no segment's) names a dealer that is in none of the chain's making segments and in no trade segment (round 9b).
        foreach (var (term, s) in untradedGoodsTerms)
        {
            if (!result.ContainsKey(segments[s].ChainCode) && term.Length <= name.Length && name.Contains(term, StringComparison.Ordinal))
            {
                result[segments[s].ChainCode] = (-1, verb, term, true);
            }
        }

        return result;
    }

    /// <summary>
    /// True when a name is a shop's (ADR 0675): it holds a word of the retail segment of wholesale segment <paramref name="wholesale"/>
    /// (药店, 大药房) or a shop word (<see cref="ClassifierRules.ShopNameWords"/>: 门市部, 商店): a drug counter is no wholesaler.
    /// </summary>
    private bool ShopName(string name, int wholesale) =>
        (RetailOfWholesale(wholesale) is var shop and >= 0 && NameHolds(name, shop))
        || Array.Exists(ClassifierRules.ShopNameWords, w => name.Contains(w, StringComparison.Ordinal))
        || name.EndsWith('店');

    /// <summary>
    /// True when a business scope makes nothing (<see cref="Makes"/>) and lists at least <see cref="ClassifierRules.DrugLicenceClassesNamed"/>
    /// classes of the drug-trading licence (中成药、化学药制剂、抗生素…的销售 / 批发): a drug trader's licence (ADR 0675).
    /// </summary>
    private static bool TradesDrugLicenceClasses(string scope) =>
        scope.Length > 0 && !Makes(scope)
        && ClassifierRules.DrugLicenceClasses.Count(c => scope.Contains(c, StringComparison.Ordinal)) >= ClassifierRules.DrugLicenceClassesNamed;

    /// <summary>True when the goods of code <paramref name="goods"/> are in <see cref="ClassifierRules.TradeOfGoods"/> and no segment holds their wholesale class.</summary>
    private bool WithoutTradeSegment(string goods)
    {
        var trade = Array.Find(ClassifierRules.TradeOfGoods, t => goods.StartsWith(t.Goods, StringComparison.Ordinal));
        return trade.Goods is not null && TradeSegment(null, trade.Wholesale) < 0;
    }

    private static bool Overlaps(string term, string word) =>
        term.Contains(word, StringComparison.Ordinal) || word.Contains(term, StringComparison.Ordinal);

    /// <summary>The verb the evidence names for a verbless licence list of goods (round 9b): `推断: 医疗器械（经营范围只有商品类别）`.</summary>
    private const string LicenceListVerb = "商品类别";

    private const string RetailVerb = "零售";

    /// <summary>
    /// True when a business scope without any verb (no making verb, no trade verb: the caller checks) names goods as a trading
    /// licence lists them (<see cref="ClassifierRules.LicenceGoods"/>), and the company name has no word of making (制药, 厂).
    /// </summary>
    private static bool IsLicenceList(string name, string scope) =>
        Array.Exists(ClassifierRules.LicenceGoods, g => scope.Contains(g, StringComparison.Ordinal))
        && !Array.Exists(ClassifierRules.MakerNameWords, w => name.Contains(w, StringComparison.Ordinal));

    /// <summary>
    /// True when a business scope without any verb (the caller checks) opens with goods only traders list so (and the name has no
    /// word of making): the classes of the food-trading licence (<see cref="ClassifierRules.FoodLicenceClasses"/>: 预包装食品、散装食品、
    /// 乳制品…; session 46, ADR 0710: 湖南省食品总公司) or chemicals in general (<see cref="ClassifierRules.ChemicalGoodsWords"/>: `化工产品`;
    /// `化工原料、建筑材料`; ADR 0720): a food or chemicals dealer's licence, as a drug trader's verbless list is. A general store's list
    /// with 化工 among its goods (五金、交电、化工产品) is not one.
    /// </summary>
    private static bool OpensWithTradedGoods(string name, string scope) =>
        FirstItem(scope) is var first
        && (Array.Exists(ClassifierRules.FoodLicenceClasses, g => first.Contains(g, StringComparison.Ordinal))
            || Array.Exists(ClassifierRules.ChemicalGoodsWords, w => first.Contains(w, StringComparison.Ordinal)))
        && !Array.Exists(ClassifierRules.MakerNameWords, w => name.Contains(w, StringComparison.Ordinal));

    /// <summary>
    /// The downstream segment (of <paramref name="chain"/>, or of any chain when null) holding GB/T's wholesale class of the goods
    /// of code <paramref name="goods"/> (<see cref="ClassifierRules.TradeOfGoods"/>), or their retail class; −1 when none does.
    /// </summary>
    private int GoodsTradeSegment(string goods, string? chain, bool retailOnly, string name)
    {
        var trade = Array.Find(ClassifierRules.TradeOfGoods, t => goods.StartsWith(t.Goods, StringComparison.Ordinal));
        if (trade.Goods is null)
        {
            return -1;
        }

        // A shop trades at retail whatever verb its licence uses: a name holding a word of the retail segment (昆明某某药业有限公司
        // 某某国药店: 药店 of SW-RETAIL) names the shop, and the parent's goods word (药业) its wares (round 12, ADR 0375).
        var retail = TradeSegment(chain, trade.Retail);
        return retailOnly || (retail >= 0 && NameHolds(name, retail)) ? retail : TradeSegment(chain, trade.Wholesale);
    }

    /// <summary>
    /// True when the candidate is a name's guess whose word names a whole GB/T division (食品 → 14), not a segment's goods (session 45,
    /// ADR 0695).
    /// </summary>
    private static bool GuessedByADivisionWord(Candidate candidate) =>
        candidate.GuessFrom[0] && candidate.Field(0) == 0
        && candidate.SourceCodeEvidence[0] is { } nameCode && nameCode[(nameCode.LastIndexOf('→') + 1)..].Length == 2;

    /// <summary>True when <paramref name="name"/> holds a word of segment <paramref name="segment"/> (a keyword, product, name or alias).</summary>
    private bool NameHolds(string name, int segment) =>
        terms.Exists(t => t.Segment == segment && t.Term.Length <= name.Length && name.Contains(t.Term, StringComparison.Ordinal));

    /// <summary>The retail segment of the chain of a wholesale segment (SW-DIST 515 → SW-RETAIL 525), or −1.</summary>
    private int RetailOfWholesale(int wholesale)
    {
        foreach (var trade in ClassifierRules.TradeOfGoods)
        {
            var prefixes = trade.Wholesale.Split('|', StringSplitOptions.RemoveEmptyEntries);
            if (trade.Retail.Length > 0 && Array.Exists(segmentCodes[wholesale], c => Array.Exists(prefixes, p => c.StartsWith(p, StringComparison.Ordinal)))
                && TradeSegment(segments[wholesale].ChainCode, trade.Retail) is var retail and >= 0 && retail != wholesale)
            {
                return retail;
            }
        }

        return -1;
    }

    /// <summary>
    /// True when a word of the name names goods the company only trades (round 9b): the chain is traded through a name word of
    /// goods that proposes no segment itself (医疗器械), or the word overlaps a traded goods word (中药材 over 中药, 农机).
    /// </summary>
    private static bool TradedGoodsWord(Dictionary<string, (int Segment, string Verb, string? Word, bool Segmentless)> traded, string chain, string term)
    {
        foreach (var (tradedChain, trade) in traded)
        {
            if (trade.Segmentless && (string.Equals(tradedChain, chain, StringComparison.Ordinal) || (trade.Word is { } word && Overlaps(term, word))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for a GB/T code of manufacturing (divisions 13–43): an industry cell that says the company makes goods.</summary>
    private static bool IsManufactured(string code) =>
        code.Length >= 2 && int.TryParse(code.AsSpan(0, 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var division)
        && division is >= 13 and <= 43;

    /// <summary>
    /// True when the name is a maker's (<see cref="ClassifierRules.MakerNameWords"/>: 厂, 制造) and not a sales unit of one: a name that
    /// ends in <see cref="ClassifierRules.SalesUnitNameEnds"/> (某某四八厂批发零售部, 某某酒厂门市部) is the shop's, whatever its
    /// parent makes (session 46, ADR 0710).
    /// </summary>
    private static bool MakersName(string name) =>
        Array.Exists(ClassifierRules.MakerNameWords, w => name.Contains(w, StringComparison.Ordinal))
        && !Array.Exists(ClassifierRules.SalesUnitNameEnds, e => name.EndsWith(e, StringComparison.Ordinal));

    /// <summary>
    /// A licence that only trades: a trade verb (销售, 批发, 零售 …) and no making verb (生产, 制造, 加工, 维修 …) anywhere in the
    /// scope, of a company whose name makes nothing (<see cref="ClassifierRules.MakerNameWords"/>).
    /// </summary>
    private static bool IsSeller(string name, string scope) =>
        Array.Exists(TradeVerbs, v => scope.Contains(v, StringComparison.Ordinal))
        && !Makes(scope)
        && !MakersName(name)
        && (Array.Exists(ClassifierRules.TraderNameWords, w => name.Contains(w, StringComparison.Ordinal))
            || Array.Exists(TradeVerbs, v => scope.StartsWith(v, StringComparison.Ordinal)));

    /// <summary>
    /// A licence that makes nothing (no making verb, no maker's name) and lists a general store's goods
    /// (<see cref="ClassifierRules.GeneralGoodsWords"/>), with or without a trade verb (ADR 0645).
    /// </summary>
    private static bool IsGeneralStore(string name, string scope) =>
        !Makes(scope)
        && !MakersName(name)
        && Array.Exists(ClassifierRules.GeneralGoodsWords, w => scope.Contains(w, StringComparison.Ordinal));

    /// <summary>
    /// A guess of <paramref name="code"/> from the name that a licence word bears out: a haulier's (round 12, ADR 0375), a post
    /// office's (ADR 0540), a farm-supply counter's and a packaging printer's (ADR 0560); the licence's word, when given, is the
    /// scope's evidence.
    /// </summary>
    private void GuessFromName(Dictionary<int, Candidate> scores, string code, string guess, string? scopeWord)
    {
        if (!segmentIndex.TryGetValue(code, out var s))
        {
            return;
        }

        if (!scores.TryGetValue(s, out var candidate))
        {
            scores[s] = candidate = new Candidate();
        }

        candidate.LabelGuess ??= guess;
        candidate.GuessFrom[0] = true;
        candidate.NamedByWord = true;
        if (scopeWord is not null)
        {
            // The licence's word (a freight word for 现代物流, 化肥 for 农资投入品) is the scope's evidence.
            candidate.Add(3, scopeWord, 1.0);
        }
    }

    /// <summary>
    /// A haulier (round 12, ADR 0375): a name word of carriage (<see cref="ClassifierRules.HaulageNameWords"/>) and no word of
    /// making, and a licence that carries goods (<see cref="ClassifierRules.FreightWords"/>), no passengers before them and no parcels.
    /// A shipping company (<see cref="ClassifierRules.ShippingNameWords"/>) may carry passengers first (session 45, ADR 0695).
    /// </summary>
    private static bool IsHaulier(string name, string scope)
    {
        var road = Array.Exists(ClassifierRules.HaulageNameWords, w => name.Contains(w, StringComparison.Ordinal));
        var ship = Array.Exists(ClassifierRules.ShippingNameWords, w => name.Contains(w, StringComparison.Ordinal));
        return (road || ship)
            && !Array.Exists(ClassifierRules.MakerNameWords, w => name.Contains(w, StringComparison.Ordinal))
            && FirstAt(scope, ClassifierRules.FreightWords) is var freight && freight >= 0
            && (ship || !(FirstAt(scope, ClassifierRules.PassengerWords) is var passengers && passengers >= 0 && passengers <= freight))
            && !Array.Exists(ClassifierRules.CourierWords, w => scope.Contains(w, StringComparison.Ordinal));
    }

    /// <summary>Where the first of <paramref name="words"/> stands in <paramref name="text"/>, or -1.</summary>
    private static int FirstAt(string text, string[] words)
    {
        var first = -1;
        foreach (var word in words)
        {
            var at = text.IndexOf(word, StringComparison.Ordinal);
            if (at >= 0 && (first < 0 || at < first))
            {
                first = at;
            }
        }

        return first;
    }

    /// <summary>
    /// The general store's goods word (<see cref="ClassifierRules.CoopStoreGoodsWords"/>) a co-op store's licence names, or null: the
    /// name holds a word of <see cref="ClassifierRules.CoopStoreNameWords"/>, no word of making and none of
    /// <see cref="ClassifierRules.CoopNotStoreNameWords"/> (session 49, ADR 0815).
    /// </summary>
    internal static string? CoopStoreGoodsWord(string name, string scope)
    {
        var coop = Array.Exists(ClassifierRules.CoopStoreNameWords, w => name.Contains(w, StringComparison.Ordinal))
            || (name.Contains("供销", StringComparison.Ordinal) && Array.Exists(ClassifierRules.SalesUnitNameEnds, w => name.EndsWith(w, StringComparison.Ordinal)));
        if (!coop
            || Array.Exists(ClassifierRules.MakerNameWords, w => name.Contains(w, StringComparison.Ordinal))
            || Array.Exists(ClassifierRules.CoopNotStoreNameWords, w => name.Contains(w, StringComparison.Ordinal)))
        {
            return null;
        }

        return Array.Find(ClassifierRules.CoopStoreGoodsWords, w => scope.Contains(w, StringComparison.Ordinal));
    }

    /// <summary>
    /// The word of <see cref="ClassifierRules.FarmSupplySegment"/> (化肥, 农药, 农资 …) that one of the first
    /// <see cref="ClassifierRules.FarmSupplyItems"/> items of a farm-supply counter's licence names, or null: the name holds one of
    /// <see cref="ClassifierRules.FarmSupplyNameWords"/> and no word of making (a 供销社 废品收购站 or 加工厂 is another trade).
    /// </summary>
    internal string? FarmSupplyWord(string name, string scope)
    {
        var supplier = ClassifierRules.FarmSupplyNameWords.FirstOrDefault(w => name.Contains(w, StringComparison.Ordinal));
        // Every supplier's word is taken out before the name is read for making: 供销分社生产资料门市部 holds 生产 only in 生产资料 (ADR 0710).
        var rest = ClassifierRules.FarmSupplyNameWords.Aggregate(name, (text, w) => text.Replace(w, string.Empty, StringComparison.Ordinal));
        if (supplier is null
            || Array.Exists(ClassifierRules.MakerNameWords, w => rest.Contains(w, StringComparison.Ordinal))
            || !segmentIndex.TryGetValue(ClassifierRules.FarmSupplySegment, out var input))
        {
            return null;
        }

        // Goods only (keywords and products: 化肥, 农药, 农资), not the segment's names: 农业生产资料 is the counter's category too.
        // The words a co-op's licence uses for fertiliser (化学肥料, 肥料) count as well (session 45, ADR 0695).
        var goods = segments[input].IncludeKeywords.Concat(segments[input].Products).Concat(ClassifierRules.FarmSupplyGoodsWords).Select(ChineseText.Fold).ToList();
        // A counter's licence lists its goods in no fixed order (食品…百货…中小农具、化学肥料、农用薄膜): the whole licence is read,
        // but a chain store's only to its fourth item (session 45, ADR 0695).
        var items = Items(scope);
        if (Array.Exists(ClassifierRules.ChainStoreNameWords, w => name.Contains(w, StringComparison.Ordinal)))
        {
            items = items.Take(ClassifierRules.FarmSupplyItems);
        }

        foreach (var item in items)
        {
            var word = goods.FirstOrDefault(g => g.Length > 0 && item.Contains(g, StringComparison.Ordinal) && (g != ClassifierRules.FarmGoodsClass || NamesFarmGoodsClass(item)));
            if (word is not null)
            {
                return word;
            }
        }

        return null;
    }

    /// <summary>
    /// True when a licence item names <see cref="ClassifierRules.FarmGoodsClass"/> as the farm goods class (session 47, ADR 0755), not
    /// only as the tail of 工农业生产资料 (goods of industry and farming alike: a co-op federation's wholesale list).
    /// </summary>
    internal static bool NamesFarmGoodsClass(string item)
    {
        var word = ClassifierRules.FarmGoodsClass;
        for (var at = item.IndexOf(word, StringComparison.Ordinal); at >= 0; at = item.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            if (at == 0 || item[at - 1] != '工')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The packaging-printing word (<see cref="ClassifierRules.PackagingPrintWords"/>) of a licence's first item that prints
    /// (印刷, 印制), when the name holds a word of <see cref="ClassifierRules.PackagingPrinterNameWords"/>; else null.
    /// </summary>
    internal static string? PackagingPrintWord(string name, string firstItem) =>
        Array.Exists(ClassifierRules.PackagingPrinterNameWords, w => name.Contains(w, StringComparison.Ordinal))
        && (firstItem.Contains("印刷", StringComparison.Ordinal) || firstItem.Contains("印制", StringComparison.Ordinal))
            ? Array.Find(ClassifierRules.PackagingPrintWords, w => firstItem.Contains(w, StringComparison.Ordinal))
            : null;

    /// <summary>
    /// The packaging-printing word of a licence whose first clause lists only printing categories (each item prints: 印刷, 印制),
    /// one of them packaging (内部资料印刷、包装装潢印刷品、其他印刷品), when the name holds a word of
    /// <see cref="ClassifierRules.PackagingPrinterNameWords"/>; else null. A clause that also deals in other goods or work
    /// (包装装潢设计、其他印刷品印刷) is no list of printing categories, and one that prints publications
    /// (<see cref="ClassifierRules.PublicationPrintWords"/>) is a publication printer's.
    /// </summary>
    internal static string? PrintingCategoryWord(string name, string scope)
    {
        if (!Array.Exists(ClassifierRules.PackagingPrinterNameWords, w => name.Contains(w, StringComparison.Ordinal)))
        {
            return null;
        }

        var items = FirstClause(scope).Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (items.Length < 2
            || !Array.TrueForAll(items, i => i.Contains("印刷", StringComparison.Ordinal) || i.Contains("印制", StringComparison.Ordinal))
            || Array.Exists(items, i => Array.Exists(ClassifierRules.PublicationPrintWords, w => i.Contains(w, StringComparison.Ordinal))))
        {
            return null;
        }

        return items.Select(i => Array.Find(ClassifierRules.PackagingPrintWords, w => i.Contains(w, StringComparison.Ordinal))).FirstOrDefault(w => w is not null);
    }

    /// <summary>
    /// The advertising operations that open a licence (设计、制作、代理、发布招牌、字牌、灯箱…; 设计、制作、发布字牌、路牌、灯箱广告), or
    /// null: the licence's first item begins with activities only, written apart (、) up to the first that carries its object, and
    /// they hold <see cref="ClassifierRules.PublishingVerb"/> and one of <see cref="ClassifierRules.AdvertisingMakingVerbs"/>.
    /// </summary>
    internal static string? AdvertisingOpening(string scope)
    {
        var end = scope.IndexOfAny(LicenceItemEnds);
        var verbs = new List<string>();
        foreach (var token in (end < 0 ? scope : scope[..end]).Split('、', StringSplitOptions.TrimEntries))
        {
            if (IsActivity(token))
            {
                verbs.Add(token);
                continue;
            }

            // The last operation is written onto its object (发布招牌, 发布国内各类广告).
            if (Array.Find(Activities, a => token.StartsWith(a, StringComparison.Ordinal)) is { } glued)
            {
                verbs.Add(glued);
            }

            break;
        }

        var opening = string.Join("、", verbs);
        return opening.Contains(ClassifierRules.PublishingVerb, StringComparison.Ordinal)
            && Array.Exists(ClassifierRules.AdvertisingMakingVerbs, v => opening.Contains(v, StringComparison.Ordinal))
            ? opening
            : null;
    }

    // ---- A licence item that is a GB/T making class (ADR 0585) ----
    private static readonly char[] LicenceItemEnds = [';', '；', ',', '，', '。'];

    /// <summary>
    /// The GB/T making classes that the first <see cref="ClassifierRules.LicenceClassItems"/> items of a (folded) business scope name
    /// (<see cref="IndustryTable.ReadLicenceItem"/>): an item that is the class's name or a standard split form of it, with a closing
    /// parenthesised note (（不含…）, （限分支机构经营）) removed. A trade item (塑料制品销售) and a division (专用设备制造) name none.
    /// </summary>
    private List<IndustryCode> LicenceClasses(string scope)
    {
        var found = new List<IndustryCode>();
        if (scope.Length == 0)
        {
            return found;
        }

        // Only the head is cut into items: a register's licence runs to hundreds of letters, and this runs on every imported row.
        var items = 0;
        for (var start = 0; start < scope.Length && items < ClassifierRules.LicenceClassItems;)
        {
            var end = scope.IndexOfAny(LicenceItemEnds, start);
            var item = scope.AsSpan(start, (end < 0 ? scope.Length : end) - start).Trim();
            start = end < 0 ? scope.Length : end + 1;
            if (item.IsEmpty)
            {
                continue;
            }

            items++;
            if (item.EndsWith(")", StringComparison.Ordinal) && item.LastIndexOf('(') is var open and > 0)
            {
                item = item[..open].TrimEnd();
            }

            if (industries.ReadLicenceItem(item.ToString()) is { } code && !found.Exists(c => c.Code == code.Code))
            {
                found.Add(code);
            }
        }

        return found;
    }

    // ---- end of a licence item that is a GB/T making class ----

    /// <summary>The items of a business scope that name a thing (activities such as 销售 or 批发、零售 skipped), in order.</summary>
    private static IEnumerable<string> Items(string scope)
    {
        foreach (var item in scope.Split(MainBusinessEnd, StringSplitOptions.TrimEntries))
        {
            var colon = item.IndexOfAny([':', '：']);
            var thing = colon >= 0 && Array.TrueForAll(item[..colon].Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries), IsActivity) ? item[(colon + 1)..].Trim() : item;
            if (thing.Length > 0 && !IsActivity(thing))
            {
                yield return thing;
            }
        }
    }

    /// <summary>
    /// A post office (ADR 0540): a name of the postal enterprise (<see cref="ClassifierRules.PostalNameWords"/>) that ends in a post
    /// office's unit (<see cref="ClassifierRules.PostOfficeUnits"/>) and is no savings office or bank.
    /// </summary>
    internal static bool IsPostOffice(string name) =>
        Array.Exists(ClassifierRules.PostalNameWords, w => name.Contains(w, StringComparison.Ordinal))
        && Array.Exists(ClassifierRules.PostOfficeUnits, u => name.EndsWith(u, StringComparison.Ordinal))
        && !Array.Exists(ClassifierRules.SavingsNameWords, w => name.Contains(w, StringComparison.Ordinal));

    /// <summary>True when every industry code of segment <paramref name="s"/> is a class of farm chemicals (<see cref="ClassifierRules.FarmChemicalCodes"/>).</summary>
    private bool IsFarmChemicalMaker(int s) =>
        segmentCodes[s].Length > 0 && Array.TrueForAll(segmentCodes[s], c => Array.Exists(ClassifierRules.FarmChemicalCodes, f => c.StartsWith(f, StringComparison.Ordinal)));

    /// <summary>
    /// A segment of makers of manufactured goods, of any tier (电子信息's end products, 通信与网络设备 3921, are downstream and made):
    /// every industry code in GB/T divisions 13–43, and no goods whose trade counts (<see cref="ClassifierRules.GoodsWhoseTradeCounts"/>,
    /// <see cref="ClassifierRules.ChainsWhoseTradeCounts"/>). Trade and service segments (515, 65) and segments without codes are not.
    /// </summary>
    private bool HoldsMakers(int s) =>
        segmentCodes[s].Length > 0 && Array.TrueForAll(segmentCodes[s], IsManufactured)
        && !Array.Exists(ClassifierRules.ChainsWhoseTradeCounts, c => string.Equals(c, segments[s].ChainCode, StringComparison.Ordinal))
        && !TradeCounts(s);

    /// <summary>
    /// True when the segment's goods are seeds or farm inputs (<see cref="ClassifierRules.SeedCodes"/>, <see cref="ClassifierRules.GoodsWhoseTradeCounts"/>),
    /// whose trade the labelling rules count in the segment itself.
    /// </summary>
    private bool TradeCounts(int s) =>
        Array.Exists(segmentCodes[s], c => Array.Exists(ClassifierRules.GoodsWhoseTradeCounts, g => c.StartsWith(g, StringComparison.Ordinal))
            || Array.IndexOf(ClassifierRules.SeedCodes, c) >= 0);

    /// <summary>A downstream segment of dealers only: every industry code of it is a GB/T wholesale or retail class (51, 52).</summary>
    private bool IsTradeOnly(int s) =>
        segments[s].Tier == Tier.Downstream && segmentCodes[s].Length > 0
        && Array.TrueForAll(segmentCodes[s], c => c.StartsWith("51", StringComparison.Ordinal) || c.StartsWith("52", StringComparison.Ordinal));

    /// <summary>
    /// True when the company makes the goods that every word of the candidate names (ADR 0720): each licence clause holding a word
    /// makes (<see cref="ClassifierRules.GoodsMakingVerbs"/>: 汽车配件制造), or the licence trades nothing and the name is a maker's
    /// (<see cref="ClassifierRules.MakerNameWords"/>: a 机械厂 whose licence is only 汽车配件). A name's word counts as made when the
    /// name is a maker's and its licence's clauses make, or say no verb at all.
    /// </summary>
    private static bool MakesTheGoods(string name, string scope, Candidate candidate)
    {
        var makerName = Array.Exists(ClassifierRules.MakerNameWords, w => name.Contains(w, StringComparison.Ordinal));
        var clauses = scope.Split(ClauseEnds, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var licenceTrades = Array.Exists(clauses, c => Array.Exists(TradeVerbs, v => c.Contains(v, StringComparison.Ordinal)));
        bool Made(string clause) => Array.Exists(ClassifierRules.GoodsMakingVerbs, v => clause.Replace(ClassifierRules.MeansOfProduction, string.Empty, StringComparison.Ordinal).Contains(v, StringComparison.Ordinal));
        var words = 0;
        foreach (var term in candidate.Terms[3] ?? [])
        {
            words++;
            var holding = Array.FindAll(clauses, c => c.Contains(term, StringComparison.Ordinal));
            if (holding.Length == 0 && term.StartsWith(ClassifierRules.CarWord, StringComparison.Ordinal) && term.Length >= ClassifierRules.CarWord.Length + 2)
            {
                // A car-parts name's licence word read with the name's vehicle word (配件 as 汽车配件).
                holding = Array.FindAll(clauses, c => c.Contains(term[ClassifierRules.CarWord.Length..], StringComparison.Ordinal));
            }

            if (holding.Length == 0 || !Array.TrueForAll(holding, c => Made(c) || (makerName && !licenceTrades)))
            {
                return false;
            }
        }

        foreach (var _ in candidate.Terms[0] ?? [])
        {
            words++;
            if (!makerName || licenceTrades || clauses.Length == 0 || !Made(scope))
            {
                return false;
            }
        }

        return words > 0 && candidate.Terms[1] is null && candidate.Terms[2] is null;
    }

    /// <summary>The first downstream segment of <paramref name="chain"/> with an industry code in one of the GB/T classes <paramref name="classes"/> ("515|525"), or −1.</summary>
    private int TradeSegment(string? chain, string classes)
    {
        var prefixes = classes.Split('|', StringSplitOptions.RemoveEmptyEntries);
        for (var s = 0; s < segments.Count; s++)
        {
            if (prefixes.Length > 0 && (chain is null || segments[s].ChainCode == chain) && segments[s].Tier == Tier.Downstream
                && Array.Exists(segmentCodes[s], c => Array.Exists(prefixes, p => c.StartsWith(p, StringComparison.Ordinal))))
            {
                return s;
            }
        }

        return -1;
    }

    /// <summary>
    /// True when the name is a bank's or credit co-op's office: it holds <see cref="ClassifierRules.BankNameWords"/> and ends in
    /// <see cref="ClassifierRules.BankOfficeUnits"/> (支行, 分理处, 营业所, 信用社 …).
    /// </summary>
    internal static bool IsBankOffice(string name) =>
        Array.Exists(ClassifierRules.BankNameWords, w => name.Contains(w, StringComparison.Ordinal))
        && Array.Exists(ClassifierRules.BankOfficeUnits, u => name.EndsWith(u, StringComparison.Ordinal));

    /// <summary>True when the name says trade: a trader's word (<see cref="ClassifierRules.TraderNameWords"/>), a shop's (<see cref="ClassifierRules.ShopNameWords"/>) or 经营部.</summary>
    private static bool IsTradersName(string name) =>
        Array.Exists(ClassifierRules.TraderNameWords, w => name.Contains(w, StringComparison.Ordinal))
        || Array.Exists(ClassifierRules.ShopNameWords, w => name.Contains(w, StringComparison.Ordinal))
        || name.Contains(SalesUnit, StringComparison.Ordinal);

    private const string SalesUnit = "经营部";

    /// <summary>
    /// True for a downstream segment whose every GB/T class is the wholesale (51) or retail (52) of manufactured goods: their trade, not
    /// a service. Farm produce and food (511, 512, 522) are left out: a grain depot that buys, stores and mills is labelled a trader.
    /// </summary>
    private bool IsGoodsTradeSegment(int s) =>
        IsTradeOnly(s) && !Array.Exists(segmentCodes[s], c => Array.Exists(ProduceTradeClasses, p => c.StartsWith(p, StringComparison.Ordinal)));

    /// <summary>
    /// True when a register row's membership of a trade segment is a maker's goods (ADRs 0710, 0720; see Classify): the candidate's
    /// words are made where the licence holds them (<see cref="MakesTheGoods"/>), or the first clause makes (<paramref name="firstClauseMakes"/>)
    /// and no trade clause deals in the chain's goods, for a segment of manufactured goods' trade.
    /// </summary>
    private bool IsMakersTrade(int s, Candidate candidate, string name, string scope, bool firstClauseMakes, List<(string Clause, HashSet<string> Chains)> tradeClauses) =>
        IsTradeOnly(s) && (MakesTheGoods(name, scope, candidate)
            || (firstClauseMakes && IsGoodsTradeSegment(s) && !tradeClauses.Exists(t => t.Chains.Contains(segments[s].ChainCode))));

    private static readonly string[] ProduceTradeClasses = ["511", "512", "522"];

    private static bool IsTradeClause(string clause) =>
        Array.Exists(TradeVerbs, v => clause.Contains(v, StringComparison.Ordinal)) && !Array.Exists(MakingVerbs, v => clause.Contains(v, StringComparison.Ordinal));

    private static readonly string[] MakingActivities = ["生产", "制造", "加工", "生产加工"];
    private static readonly char[] ClauseEnd = [';', '；', '。'];
    private static readonly char[] ListSeparators = ['、', ',', '，'];

    /// <summary>How many items of a made list (<see cref="MadeList"/>) are read.</summary>
    internal const int MadeListItems = 2;

    /// <summary>A good of a made list after the scope's first item weighs this share of the first item's (main products' third and fourth items weigh 0.8).</summary>
    private const double MadeListFactor = 0.8;

    /// <summary>A word of a made list past its first item names a segment only with this many letters (塑料制品, 橡胶制品; not 罐体, 钢板).</summary>
    internal const int MadeListWordLength = 4;

    /// <summary>
    /// The list of goods that a making verb governs in the scope's first clause (ADR 0540): after a run of activities that holds
    /// one (生产、销售：A、B、C; 生产、销售A、B), or before one that ends the clause (A、B、C加工、销售; A、B的制造及销售); its first
    /// <see cref="MadeListItems"/> items, or "" when the clause is no such list of two items or more.
    /// </summary>
    internal static string MadeList(string scope)
    {
        // A numbered licence (1、生产、加工：橡胶制品…；2、经营…) opens its clauses with their number (session 42, ADR 0590).
        var end = scope.IndexOfAny(ClauseEnd);
        return MadeListOf(WithoutNumber((end < 0 ? scope : scope[..end]).Trim()));
    }

    /// <summary>
    /// A licence's clause or item without the number that opens it when the licence is a numbered list (1、生产、加工：…；2、…,
    /// （3）销售…, 1.销售…, ３．生产…; ADRs 0590, 0600): one or two digits followed by 、 . ． ) ）, or a bracketed number, (一) included.
    /// A number alone (the １ of １、为船舶… split at its 、) leaves nothing. A number that belongs to the thing stays (3D打印,
    /// 1.5吨叉车, 86系列开关), and so does an unbracketed Chinese numeral: 一、二类压力容器 names the classes one and two.
    /// </summary>
    internal static string WithoutNumber(string text)
    {
        var bracketed = text.Length > 0 && text[0] is '(' or '（';
        var at = bracketed ? 1 : 0;
        var digits = at;
        while (at < text.Length && at - digits < 2 && (char.IsAsciiDigit(text[at]) || text[at] is >= '０' and <= '９'
            || (bracketed && "一二三四五六七八九十".Contains(text[at], StringComparison.Ordinal))))
        {
            at++;
        }

        if (at == digits)
        {
            return text;
        }

        if (at == text.Length)
        {
            return bracketed ? text : string.Empty;
        }

        var mark = text[at];
        var marks = bracketed ? mark is ')' or '）'
            : mark is '、' or ')' or '）' || (mark is '.' or '．' && (at + 1 == text.Length || !(char.IsAsciiDigit(text[at + 1]) || text[at + 1] is >= '０' and <= '９')));
        return marks ? text[(at + 1)..].TrimStart() : text;
    }

    /// <summary>The made list of one clause (see <see cref="MadeList"/>), or "".</summary>
    private static string MadeListOf(string clause, int count = MadeListItems)
    {
        var list = string.Empty;
        var colon = clause.IndexOfAny([':', '：']);
        if (colon > 0)
        {
            var head = clause[..colon].Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (head.Length > 0 && Array.TrueForAll(head, IsActivity) && Array.Exists(head, h => Array.IndexOf(MakingActivities, h) >= 0))
            {
                list = clause[(colon + 1)..];
            }
        }
        else
        {
            var items = clause.Split(ListSeparators, StringSplitOptions.TrimEntries);
            var lead = 0;
            var making = false;
            while (lead < items.Length && IsActivity(items[lead]))
            {
                making |= Array.IndexOf(MakingActivities, items[lead]) >= 0;
                lead++;
            }

            if (lead > 0 && lead < items.Length)
            {
                // 生产、销售包装纸箱、塑料制品: the last activity is written onto the first good.
                var glued = Array.Find(Activities, a => items[lead].StartsWith(a, StringComparison.Ordinal) && items[lead].Length > a.Length);
                making |= glued is not null && Array.IndexOf(MakingActivities, glued) >= 0;
                list = making ? string.Join('、', [items[lead][(glued?.Length ?? 0)..], .. items[(lead + 1)..]]) : string.Empty;
            }
            else if (lead == 0)
            {
                list = WithoutTrailingMaking(clause);
            }
        }

        // The verb governs the list only when no other activity stands inside it (工程机械、农业机械、矿山机械销售、租赁…及其零配件
        // 销售、加工 is a dealer's clause whose last verb governs the spare parts alone).
        var goods = list.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return goods.Length >= 2 && !Array.Exists(Activities, a => list.Contains(a, StringComparison.Ordinal))
            ? string.Join('、', goods.Take(count))
            : string.Empty;
    }

    /// <summary>
    /// The word of <see cref="ClassifierRules.LicensedProtectiveGoodsWords"/> that an item of the scope's first made list holds (every
    /// item of it, not only the first <see cref="MadeListItems"/>), or null (session 48, ADR 0805).
    /// </summary>
    internal static string? LicensedProtectiveGoodMade(string scope)
    {
        var list = MadeListOf(WithoutNumber(FirstClause(scope).Trim()), int.MaxValue);
        return list.Length == 0 ? null : Array.Find(ClassifierRules.LicensedProtectiveGoodsWords, w => list.Contains(w, StringComparison.Ordinal));
    }

    /// <summary>A clause without the activities that end it (…加工、销售, …的制造及销售, …生产销售) when a making verb is among them, else "".</summary>
    private static string WithoutTrailingMaking(string clause)
    {
        var rest = clause;
        var making = false;
        while (true)
        {
            rest = rest.TrimEnd('、', ',', '，', '及', '和', '与', ' ');
            var verb = Activities.Where(a => rest.EndsWith(a, StringComparison.Ordinal) && rest.Length > a.Length).OrderByDescending(a => a.Length).FirstOrDefault();
            if (verb is null)
            {
                break;
            }

            making |= Array.IndexOf(MakingActivities, verb) >= 0 || verb == "制作";
            rest = rest[..^verb.Length];
        }

        return making ? rest.TrimEnd('的') : string.Empty;
    }

    /// <summary>The <paramref name="count"/> items of the business scope after its item <paramref name="first"/>, or "" when it is not found.</summary>
    private static string ItemsAfter(string scope, string first, int count)
    {
        var at = scope.IndexOf(first, StringComparison.Ordinal);
        if (at < 0)
        {
            return string.Empty;
        }

        var start = at + first.Length;
        var end = start;
        for (var items = 0; end < scope.Length && items <= count; end++)
        {
            items += Array.IndexOf(MainBusinessEnd, scope[end]) >= 0 ? 1 : 0;
        }

        return scope[start..end];
    }

    /// <summary>The first item of the business scope that names a thing (leading activities such as 研发、生产 skipped), or "".</summary>
    private static string FirstItem(string scope)
    {
        var start = 0;
        while (start < scope.Length)
        {
            var end = scope.IndexOfAny(MainBusinessEnd, start);
            var item = WithoutNumber(scope[start..(end < 0 ? scope.Length : end)].Trim());
            if (item.Length > 0 && !IsActivity(item))
            {
                return item;
            }

            if (end < 0)
            {
                break;
            }

            start = end + 1;
        }

        return string.Empty;
    }

    private static readonly char[] ProductSeparators = ['、', ',', '，', ';', '；', '|', '/', '。'];

    /// <summary>
    /// Main products are listed in revenue order: a word in one of the first two items counts whole, later items less
    /// (third and fourth 0.8, fifth and sixth 0.6, later 0.5), so a group's small revenue lines do not place it (ADR 0202).
    /// </summary>
    /// <summary>Main products past this many items are a group's side lines: alone, against a known industry cell, they place nothing.</summary>
    internal const int SideLineItem = 3;

    /// <summary>
    /// True when the main products are the segment's only source (no name, industry cell or scope words, codes or guesses)
    /// and every product word of it, or the industry word it was guessed from, stands past the <see cref="SideLineItem"/>th item.
    /// </summary>
    private static bool IsSideLineOnly(Candidate candidate, string products)
    {
        var sources = candidate.Sources();
        if (!IsProductsOnly(sources))
        {
            return false;
        }

        var words = (candidate.Terms[1] ?? []).Concat(candidate.GuessFrom[1] && candidate.LabelGuess is { } guess ? [guess] : []).ToList();
        return words.Count > 0 && words.Min(w => ItemIndex(products, w)) >= SideLineItem;
    }

    /// <summary>The index (0 = first) of the main-products item a word first stands in; a large number when it is absent.</summary>
    private static int ItemIndex(string products, string term)
    {
        var at = products.IndexOf(term, StringComparison.Ordinal);
        if (at < 0)
        {
            return 99;
        }

        var item = 0;
        for (var i = 0; i < at; i++)
        {
            item += Array.IndexOf(ProductSeparators, products[i]) >= 0 ? 1 : 0;
        }

        return item;
    }

    /// <summary>
    /// The business scope up to its <see cref="ClassifierRules.LastScopeItem"/>th item (items end at '、', ',', ';', '。' as main
    /// products do): a listed group's scope lists dozens of side lines, and a word past that item (锂电池, 应急电源 as an
    /// optical-cable maker's 47th and 52nd items) says nothing of its trade (issue #19 round 7, ADR 0285).
    /// </summary>
    internal static string ScopeHead(string scope)
    {
        var items = 0;
        for (var i = 0; i < scope.Length; i++)
        {
            if (Array.IndexOf(ProductSeparators, scope[i]) >= 0 && ++items == ClassifierRules.LastScopeItem)
            {
                return scope[..i];
            }
        }

        return scope;
    }

    private static double ProductPositionFactor(string products, string term) =>
        ClassifierRules.ProductPositionFactor(ItemIndex(products, term));

    /// <summary>A segment is kept only when its confidence reaches this share of the best segment's: corroborated segments push out single-source ones.</summary>
    private const double KeepConfidenceShare = 0.7;

    // A licence lists its activities before their object (设计、制作、发布、代理国内各类广告; 技术开发、技术转让、技术咨询、技术服务；计算机
    // 系统服务): such an item says nothing of what the company does, and the first item that names a thing is read instead (ADR 0495).
    private static readonly string[] Activities =
        ["研发", "研制", "开发", "技术开发", "设计", "生产", "加工", "制造", "生产加工", "销售", "批发", "零售", "批零兼营", "经营", "收购", "安装", "维修", "进出口",
         "制作", "发布", "代理", "策划", "技术转让", "技术咨询", "技术服务", "技术推广", "承办"];

    /// <summary>
    /// True when a scope item is only an activity (研发, 生产, 销售 …), saying nothing of what: one activity, or activities written
    /// together, joined or not by 及, 和, 与 or 并 (承办设计, 生产销售, 加工及销售; session 42, ADR 0590).
    /// </summary>
    private static bool IsActivity(string item) => Array.IndexOf(Activities, item) >= 0 || (item.Length >= 4 && OnlyActivities(item, 0));

    private static bool OnlyActivities(string item, int start)
    {
        if (start == item.Length)
        {
            return true;
        }

        if (start > 0 && Array.IndexOf(ActivityJoiners, item[start]) >= 0 && start + 1 < item.Length && OnlyActivities(item, start + 1))
        {
            return true;
        }

        foreach (var activity in Activities)
        {
            if (string.CompareOrdinal(item, start, activity, 0, activity.Length) == 0 && OnlyActivities(item, start + activity.Length))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly char[] ActivityJoiners = ['及', '和', '与', '并'];

    /// <summary>
    /// The confidence of a membership from its independent sources (name, products, industry cell, business scope):
    /// each source that supports the segment is a chance of being right on its own, p = its <see cref="SourceFactor"/> × its
    /// strength (0–1, capped per source), and they combine as independent evidence, 1 − Π(1 − p), at most 0.95. Two
    /// sources that agree say more than either, however strong one of them is alone (ADR 0202).
    /// </summary>
    internal static double Confidence(IReadOnlyList<double> sources)
    {
        var doubt = 1.0;
        for (var i = 0; i < sources.Count; i++)
        {
            doubt *= 1 - SourceChance(i, sources[i]);
        }

        return Math.Round(Math.Min(0.95, 1 - doubt), 2);
    }

    /// <summary>The chance that one source alone is right: its <see cref="SourceFactor"/> × its strength, the scope capped lower.</summary>
    internal static double SourceChance(int source, double strength) =>
        Math.Min(source == 3 ? ScopeSourceCap : SourceCap, SourceFactor[source] * Math.Max(0, strength));

    private static (double Agreement, string? Evidence) Agreement(string[] segmentCodes, IReadOnlyList<IndustryCode> companyCodes, double weight)
    {
        // Called for every segment several times a row (ADR 0835): indexed loops (a foreach over the interface allocates an
        // enumerator per call), and the evidence is built once, for the code that gave the best value, not at every improvement.
        var best = 0.0;
        IndustryCode? bestCode = null;
        for (var i = 0; i < companyCodes.Count; i++)
        {
            var company = companyCodes[i];
            foreach (var code in segmentCodes)
            {
                var value = DifferInFirstTwo(company.Code, code) ? 0
                    : company.Code == code ? 1.0
                    : company.Code.StartsWith(code, StringComparison.Ordinal) ? 0.9
                    : code.StartsWith(company.Code, StringComparison.Ordinal) ? (company.Code.Length >= 3 ? 0.6 : 0.35)
                    : 0;
                if (value * weight > best)
                {
                    best = value * weight;
                    bestCode = company;
                }
            }
        }

        var evidence = bestCode is null ? null
            : bestCode.Source == bestCode.Code ? bestCode.Code : $"{bestCode.Source}→{bestCode.Code}";
        return (best, evidence);
    }

    /// <summary>
    /// True when two codes of two or more characters differ in their first two: then neither equals nor starts with the other, and
    /// <see cref="Agreement"/> gives 0 without comparing them further (most pairs of a row's and a segment's codes, ADR 0835).
    /// </summary>
    private static bool DifferInFirstTwo(string a, string b) =>
        a.Length >= 2 && b.Length >= 2 && (a[0] != b[0] || a[1] != b[1]);

    /// <summary>
    /// True when <paramref name="text"/> holds <paramref name="term"/> as a word: a term that opens with 售 (售电, 售货车) read
    /// out of the verb 销售 or 零售 (制造、销售电缆桥架; 销售货车; 批发零售电缆及配件) is not there (round 12, ADR 0375; 零售 session 43,
    /// ADR 0625).
    /// </summary>
    internal static bool HoldsTerm(string text, string term)
    {
        var at = text.IndexOf(term, StringComparison.Ordinal);
        if (at < 0 || term[0] != '售')
        {
            return at >= 0;
        }

        for (; at >= 0; at = text.IndexOf(term, at + 1, StringComparison.Ordinal))
        {
            if (at == 0 || text[at - 1] is not ('销' or '零'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when every occurrence of <paramref name="term"/> (a word of <paramref name="segment"/>) in <paramref name="text"/>
    /// lies inside an occurrence of a longer word already counted in the same text for an unrelated segment (neither the same
    /// nor its parent or child, by <paramref name="parents"/>; terms are read longest first): 轮毂 in 轮毂单元、轮毂轴承 (ADR 0365).
    /// </summary>
    internal static bool OnlyInsideCounted(string text, string term, int segment, List<(string Word, int Segment)> counted, int[] parents)
    {
        var any = false;
        foreach (var (word, other) in counted)
        {
            if (word.Length > term.Length && Unrelated(other, segment, parents) && word.Contains(term, StringComparison.Ordinal))
            {
                any = true;
                break;
            }
        }

        if (!any)
        {
            return false;
        }

        for (var at = text.IndexOf(term, StringComparison.Ordinal); at >= 0; at = text.IndexOf(term, at + 1, StringComparison.Ordinal))
        {
            var covered = false;
            foreach (var (word, other) in counted)
            {
                if (Unrelated(other, segment, parents) && Covers(text, word, term, at))
                {
                    covered = true;
                    break;
                }
            }

            if (!covered)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// True when every occurrence of <paramref name="term"/> in <paramref name="text"/> stands directly before a word of
    /// <see cref="ClassifierRules.MachinesFor"/> (锂电池 in 锂电池专用设备、锂电池生产设备): the text names machines for the
    /// thing, not the thing (ADR 0570).
    /// </summary>
    internal static bool OnlyBeforeMachines(string text, string term, bool lineMadeGoods = false)
    {
        var any = false;
        for (var at = text.IndexOf(term, StringComparison.Ordinal); at >= 0; at = text.IndexOf(term, at + 1, StringComparison.Ordinal))
        {
            var end = at + term.Length;
            // 子午线轮胎系列生产设备: a 系列 between the goods and the machines still names machines for the goods (ADR 0770).
            if (string.CompareOrdinal(text, end, ClassifierRules.SeriesWord, 0, ClassifierRules.SeriesWord.Length) == 0)
            {
                end += ClassifierRules.SeriesWord.Length;
            }

            if (!Array.Exists(ClassifierRules.MachinesFor, m => string.CompareOrdinal(text, end, m, 0, m.Length) == 0)
                && !(lineMadeGoods && string.CompareOrdinal(text, end, ClassifierRules.LineMachineWord, 0, ClassifierRules.LineMachineWord.Length) == 0))
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    // ---- The cell's chip design beats the chip trade's word (session 47, ADR 0740) ----

    /// <summary>
    /// A 申万 cell that names the chip design (数字芯片设计, 模拟芯片设计 → <see cref="ClassifierRules.ChipDesignSegment"/>) says a fabless
    /// company. A chip-making membership (<see cref="ClassifierRules.ChipMakingSegment"/>) that the cell does not back (no word, no code of
    /// it) and that no word but the whole chip trade's names (<see cref="ClassifierRules.ChipTradeWords"/>: 北京君正集成电路, 富瀚微电子,
    /// the products' 芯片类 through its code) gives way to the design: the trade's word is the designer's as much as the fab's, and the
    /// cell says which. A maker's word (晶圆, 封装测试, 功率器件) keeps the making segment. The same for the other pairs of
    /// <see cref="ClassifierRules.CellSegmentOverTradeWords"/> (动物保健Ⅲ: a vaccine maker's 疫苗、生物制品 are veterinary biologics).
    /// </summary>
    private void ChipDesignCellWins(List<(int Segment, double Score, Candidate Candidate)> kept, List<(int Segment, double Score, Candidate Candidate)> ranked,
        IReadOnlyList<(string Label, string Segment)> labelSegments)
    {
        foreach (var (cellCode, yieldsCode, words) in ClassifierRules.CellSegmentOverTradeWords)
        {
            if (!labelSegments.Any(l => l.Segment == cellCode)
                || !segmentIndex.TryGetValue(cellCode, out var design)
                || !segmentIndex.TryGetValue(yieldsCode, out var making))
            {
                continue;
            }

            var at = kept.FindIndex(k => k.Segment == making);
            if (at < 0)
            {
                continue;
            }

            var general = kept[at].Candidate;
            if (general.Field(2) > 0 || general.SourceCode[2] > 0
                || Array.Exists(general.Terms, t => t is not null && !t.TrueForAll(w => Array.IndexOf(words, w) >= 0)))
            {
                continue;
            }

            kept.RemoveAt(at);
            if (!kept.Exists(k => k.Segment == design) && ranked.Find(r => r.Segment == design) is { Candidate: not null } entry)
            {
                kept.Insert(at, entry);
            }
        }
    }

    // ---- end of the cell's chip design ----

    // ---- A name's word alone beside a cell of another trade (session 47, ADR 0775) ----

    /// <summary>
    /// True for a segment membership of <see cref="ClassifierRules.NameAloneChains"/> that only the name supports (no products, cell or
    /// licence word or code) on a row whose industry cell names a trade: 光电子 inside 杭州微光电子 (电机Ⅲ), 激光 of a laser-machine maker
    /// (激光设备), 智能家居 of a wall-covering maker (C24). The cell says the company's trade; a name's word it does not back is a brand
    /// (ADR 0775).
    /// </summary>
    private bool NameAloneBesideACell(int segment, double[] sources, bool chainLevel, string cellText) =>
        !chainLevel && cellText.Length > 0 && Array.IndexOf(ClassifierRules.NameAloneChains, segments[segment].ChainCode) >= 0
        && OnlyTheName(sources);

    /// <summary>True when the name is a membership's only source (no products, cell or licence word or code).</summary>
    private static bool OnlyTheName(double[] sources) => sources[0] > 0 && sources[1] == 0 && sources[2] == 0 && sources[3] == 0;

    // ---- end of a name's word alone beside a cell of another trade ----

    // ---- A device's word before its part's (session 47, ADR 0740) ----

    /// <summary>
    /// True when every occurrence of <paramref name="term"/> in <paramref name="text"/> stands directly before a word of
    /// <see cref="ClassifierRules.DevicePartWords"/> (手机 in 手机天线、手机精密屏蔽罩; 消费电子 in 消费电子零部件及组装): the text names a part
    /// or a content made for the device, not the device (ADR 0740).
    /// </summary>
    internal static bool OnlyBeforeAPart(string text, string term)
    {
        var any = false;
        for (var at = text.IndexOf(term, StringComparison.Ordinal); at >= 0; at = text.IndexOf(term, at + 1, StringComparison.Ordinal))
        {
            var end = at + term.Length;
            if (!Array.Exists(ClassifierRules.DevicePartWords, p => string.CompareOrdinal(text, end, p, 0, p.Length) == 0))
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    // ---- end of a device's word before its part's ----

    // ---- Waste tyres are a recycler's (session 49, ADR 0830) ----

    /// <summary>
    /// True when every occurrence of <paramref name="term"/> in <paramref name="text"/> stands directly after a waste prefix
    /// (<see cref="ClassifierRules.WastePrefixes"/>: 废旧轮胎, 废轮胎) or before a recovery word (<see cref="ClassifierRules.WasteSuffixes"/>:
    /// 轮胎回收): the waste good, not the good made.
    /// </summary>
    internal static bool OnlyAsWaste(string text, string term)
    {
        var any = false;
        for (var at = text.IndexOf(term, StringComparison.Ordinal); at >= 0; at = text.IndexOf(term, at + 1, StringComparison.Ordinal))
        {
            var start = at;
            var end = at + term.Length;
            if (!Array.Exists(ClassifierRules.WastePrefixes, p => start >= p.Length && string.CompareOrdinal(text, start - p.Length, p, 0, p.Length) == 0)
                && !Array.Exists(ClassifierRules.WasteSuffixes, w => end + w.Length <= text.Length && string.CompareOrdinal(text, end, w, 0, w.Length) == 0))
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    // ---- end of waste tyres ----

    // ---- A word before what it is for (session 45, ADR 0685) ----

    /// <summary>
    /// True when every occurrence of <paramref name="term"/> in <paramref name="text"/> names what another thing is for or made of,
    /// not the thing itself: a part's word directly before a lubricant (<see cref="ClassifierRules.LubricantWords"/>, a grade of
    /// <see cref="ClassifierRules.LubricantGrades"/> between: 发动机高级润滑油; 柴油机油, where 机 is the oil's too), or a medicine's word
    /// before <see cref="ClassifierRules.MaterialsSuffix"/> (藏药 in 中藏药材: the herbs, not the medicine).
    /// </summary>
    internal static bool OnlyBeforeItsUse(string text, string term)
    {
        var any = false;
        for (var at = text.IndexOf(term, StringComparison.Ordinal); at >= 0; at = text.IndexOf(term, at + 1, StringComparison.Ordinal))
        {
            var end = at + term.Length;
            if (!BeforeALubricant(text, term, end) && !(term[^1] == '药' && string.CompareOrdinal(text, end, ClassifierRules.MaterialsSuffix, 0, ClassifierRules.MaterialsSuffix.Length) == 0))
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    private static bool BeforeALubricant(string text, string term, int end)
    {
        static bool StartsWith(string text, int at, string word) => string.CompareOrdinal(text, at, word, 0, word.Length) == 0 && at + word.Length <= text.Length;

        foreach (var lubricant in ClassifierRules.LubricantWords)
        {
            if (term.EndsWith(lubricant, StringComparison.Ordinal))
            {
                return false;
            }
        }

        // 柴油机油, 汽油机油: the term's last 机 begins the oil's word.
        if (term[^1] == '机' && end < text.Length && text[end] == '油')
        {
            return true;
        }

        // A lubricant right after the term, or after a grade (高级, 专用, 用) — no lambda or sequence per call: this runs for every
        // word a text holds.
        if (LubricantAt(text, end))
        {
            return true;
        }

        foreach (var grade in ClassifierRules.LubricantGrades)
        {
            if (StartsWith(text, end, grade) && LubricantAt(text, end + grade.Length))
            {
                return true;
            }
        }

        return false;

        static bool LubricantAt(string text, int at)
        {
            foreach (var lubricant in ClassifierRules.LubricantWords)
            {
                if (StartsWith(text, at, lubricant))
                {
                    return true;
                }
            }

            return false;
        }
    }

    // ---- end of a word before what it is for ----

    /// <summary>Neither the same segment nor one's parent or child.</summary>
    private static bool Unrelated(int a, int b, int[] parents) => a != b && parents[a] != b && parents[b] != a;

    /// <summary>True when <paramref name="word"/> (longer than <paramref name="term"/>) stands in <paramref name="text"/> over the occurrence of the term at <paramref name="at"/>.</summary>
    private static bool Covers(string text, string word, string term, int at)
    {
        if (word.Length <= term.Length)
        {
            return false;
        }

        for (var inWord = word.IndexOf(term, StringComparison.Ordinal); inWord >= 0; inWord = word.IndexOf(term, inWord + 1, StringComparison.Ordinal))
        {
            var start = at - inWord;
            if (start >= 0 && start + word.Length <= text.Length && string.CompareOrdinal(text, start, word, 0, word.Length) == 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool InsideLongerTerm(string word, IEnumerable<Candidate> candidates, int field) =>
        candidates.Any(c => c.Terms[field] is { } found && found.Exists(t => t.Length > word.Length && t.Contains(word, StringComparison.Ordinal)));

    /// <summary>
    /// True when a name word says more than the industry cell: it has no code (a chain word such as 消防), the cell
    /// has none, one of its codes refines one of the cell's (锂能 384 under 电气设备 38; not 食品 14 under 食品 14), or
    /// none of its codes is related to the cell's (液压 344 under 工程机械 343|351: the company names its own trade; round 7).
    /// </summary>
    private static bool Refines(IReadOnlyList<IndustryCode> wordCodes, IReadOnlyList<IndustryCode> industryCodes) =>
        wordCodes.Count == 0 || industryCodes.Count == 0
        || wordCodes.Any(w => industryCodes.Any(i => w.Code.Length > i.Code.Length && w.Code.StartsWith(i.Code, StringComparison.Ordinal)))
        || !wordCodes.Any(w => industryCodes.Any(i => i.Code.StartsWith(w.Code, StringComparison.Ordinal) || w.Code.StartsWith(i.Code, StringComparison.Ordinal)));

    /// <summary>
    /// True when every code of the industry cell lies inside one of a name word's codes (化工 26 over 橡胶助剂 2661): the word says no
    /// more than the cell. A word that picks one of the cell's codes (药房 525 under 医药商业 515|525) says more.
    /// </summary>
    private static bool SaysNoMore(IReadOnlyList<IndustryCode> wordCodes, IReadOnlyList<IndustryCode> industryCodes) =>
        wordCodes.Count > 0 && industryCodes.Count > 0
        && industryCodes.All(i => wordCodes.Any(w => i.Code.StartsWith(w.Code, StringComparison.Ordinal)));

    /// <summary>True when the company's industry is known from its industry cell and lies in no division of the segment's codes.</summary>
    private static bool Disagrees(string[] segmentCodes, IReadOnlyList<IndustryCode> companyCodes) =>
        companyCodes.Count > 0 && !companyCodes.Any(c => segmentCodes.Any(s => s[..2] == c.Code[..2]));

    /// <summary>
    /// True when a product's GB/T class is another class of the GB/T group (its first three digits) of a cell's class: 风电 4415 beside
    /// 火力发电 4411 (ADR 0790). Only for a cell outside the chains, whose codes are three or four digits.
    /// </summary>
    private static bool IsSiblingOfOutsideCell(string productCode, IReadOnlyList<IndustryCode> cellCodes) =>
        productCode.Length >= 3 && cellCodes.Any(c => c.Code.Length >= 3 && c.Code != productCode && productCode.StartsWith(c.Code[..3], StringComparison.Ordinal));

    private bool IsExcluded(int segment, string[] texts)
    {
        // Plain loops: a lambda over the texts captured each exclusion's word, one closure per exclusion per call (ADR 0835).
        foreach (var (s, word) in excludes)
        {
            if (s != segment)
            {
                continue;
            }

            foreach (var text in texts)
            {
                if (text.Contains(word, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static readonly string[] FieldLabels = ["名称", "产品", "行业", "经营范围"];

    private static string Evidence(Candidate candidate, IReadOnlyList<double> sources)
    {
        var labels = FieldLabels;
        var builder = new StringBuilder();
        for (var f = 0; f < labels.Length; f++)
        {
            if (candidate.Terms[f] is { Count: > 0 } found)
            {
                builder.Append(builder.Length > 0 ? "; " : string.Empty).Append(f != 3 ? labels[f] : candidate.MainBusiness ? "经营范围首项" : candidate.FirstItemAgrees ? "经营范围（首项与名称相符）" : labels[f]).Append(": ").AppendJoin('、', found);
            }
        }

        if (candidate.CodeEvidence is not null)
        {
            builder.Append(builder.Length > 0 ? "; " : string.Empty).Append("行业代码: ").Append(candidate.CodeEvidence);
        }

        if (candidate.SourceCodeEvidence[3] is { } licenceClass)
        {
            builder.Append(builder.Length > 0 ? "; " : string.Empty).Append("经营范围（国标小类）: ").Append(licenceClass);
        }

        // An industry word of the name or products that agrees with the segment's codes, when it is not the code shown above.
        for (var f = 0; f < 2; f++)
        {
            if (candidate.SourceCodeEvidence[f] is { } word && word != candidate.CodeEvidence && candidate.Terms[f] is not { Count: > 0 })
            {
                builder.Append(builder.Length > 0 ? "; " : string.Empty).Append(labels[f]).Append("行业词: ").Append(word);
            }
        }

        if (candidate.LabelGuess is not null)
        {
            builder.Append(builder.Length > 0 ? "; " : string.Empty).Append("推断: ").Append(candidate.LabelGuess);
        }

        // Which independent sources support the segment and how much each is worth alone (ADR 0202).
        var parts = Enumerable.Range(0, sources.Count).Where(i => sources[i] > 0)
            .Select(i => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{SourceLabels[i]} {SourceChance(i, sources[i]):0.00}"));
        builder.Append(builder.Length > 0 ? "; " : string.Empty).Append("独立依据: ").AppendJoin(" + ", parts);
        return builder.ToString();
    }

    private static readonly string[] SourceLabels = ["名称", "产品", "行业", "经营范围"];

    private void AddTerm(string term, int segment, double weight)
    {
        var folded = ChineseText.Fold(term);
        if (folded.Length >= 2)
        {
            terms.Add((folded, segment, weight * Math.Min(1.0, folded.Length / 4.0)));
        }
    }

    private sealed class Candidate
    {
        private readonly double[] max = new double[4];
        private readonly double[] sum = new double[4];

        public List<string>?[] Terms { get; } = new List<string>?[4];

        public double Code { get; set; }

        public string? CodeEvidence { get; set; }

        public string? LabelGuess { get; set; }

        /// <summary>The industry-code agreement found in each source (name, products, industry cell; the scope: a licence item that is a GB/T class, ADR 0585).</summary>
        public double[] SourceCode { get; } = new double[4];

        /// <summary>The industry word of the name or products (汽车→36), or the licence's class item, that gave <see cref="SourceCode"/>.</summary>
        public string?[] SourceCodeEvidence { get; } = new string?[4];

        /// <summary>Which source a guess of this segment came from (an industry word of the name or products, the label).</summary>
        public bool[] GuessFrom { get; } = new bool[4];

        /// <summary>What a guess from a products word counts for by the word's place in the list (ADR 0202's position factors; ADR 0705).</summary>
        public double ProductsGuessFactor { get; set; } = 1.0;

        /// <summary>True when the company's known industry lies outside the segment's codes (word matches count half).</summary>
        public bool Disagrees { get; set; }

        /// <summary>True for the generic special-vehicle membership (ADR 0245): its confidence stays below the threshold.</summary>
        public bool Generic { get; init; }

        /// <summary>True when only the first item of the business scope (the main business) proposes the segment.</summary>
        public bool MainBusiness { get; init; }

        /// <summary>The name supports the segment and the scope's first item names it too (ADR 0330): the scope weighs as a main business.</summary>
        public bool FirstItemAgrees { get; set; }

        /// <summary>True when an industry word of the name or products (消防, 专用汽车) proposes the segment.</summary>
        public bool NamedByWord { get; set; }

        /// <summary>True when such a word says more than the industry cell (see <see cref="Refines"/>).</summary>
        public bool NamedBySpecificWord { get; set; }

        /// <summary>The company's own name or products name this segment: a word of the segment, or an industry word more specific than the industry cell.</summary>
        public bool IsNamed => NamedBySpecificWord || max[0] + max[1] > 0;

        public bool HasText => max[0] + max[1] + max[2] > 0;

        public bool HasAnyText => HasText || max[3] > 0;

        public bool HasScopeText => max[3] > 0;

        /// <summary>Scope words that name no more than the chain (ADR 0485: they stand only in clauses that deal in the goods).</summary>
        private HashSet<string>? chainOnlyScopeTerms;

        /// <summary>Marks a counted scope word as one that names no more than the chain (ADR 0485).</summary>
        public void NoteChainOnlyScopeTerm(string term) => (chainOnlyScopeTerms ??= new HashSet<string>(StringComparer.Ordinal)).Add(term);

        /// <summary>True when one word of a listed company's licence beside a division is all that names the segment (ADR 0530).</summary>
        public bool OneLicenceLine { get; set; }

        /// <summary>True when a name's trade word guesses the segment and the licence is a drug-trading one that makes nothing (ADR 0675).</summary>
        public bool LicenceTradesTheGoods { get; set; }

        /// <summary>True when the scope names the segment and every one of its words names no more than the chain (ADR 0485).</summary>
        public bool ScopeNamesOnlyTheChain => Terms[3] is { Count: > 0 } found && chainOnlyScopeTerms is { } weak && found.TrueForAll(weak.Contains);

        public void Add(int field, string term, double strength)
        {
            // A shorter word inside one already counted (底盘 in 专用车底盘) adds nothing.
            var found = Terms[field] ??= [];
            if (found.Exists(t => t.Contains(term, StringComparison.Ordinal)))
            {
                return;
            }

            found.Add(term);
            sum[field] += strength;
            max[field] = Math.Max(max[field], strength);
        }

        /// <summary>
        /// The strength (0–1.6) of each independent source: its words of the segment (weighted like the score), the
        /// industry codes it gives, or a guess it makes, whichever is most; word matches count half when the industry disagrees.
        /// </summary>
        public double[] Sources()
        {
            // A span, so the weights live on the stack: Sources() is called several times per candidate (ADR 0835).
            ReadOnlySpan<double> weights = [NameWeight, ProductsWeight, IndustryTextWeight, MainBusiness || FirstItemAgrees ? 1.0 : ScopeSourceWeight];
            var result = new double[4];
            for (var f = 0; f < 4; f++)
            {
                var words = Field(f) * weights[f] * (Disagrees ? DisagreeFactor : 1);
                result[f] = Math.Max(words, Math.Max(SourceCode[f], GuessFrom[f] ? GuessStrength * (f == 1 ? ProductsGuessFactor : 1) : 0));
            }

            return result;
        }

        /// <summary>The field's score: its best word, plus a little for each further word (capped).</summary>
        public double Field(int field) => Math.Min(1.6, max[field] + (0.3 * (sum[field] - max[field])));
    }
}
