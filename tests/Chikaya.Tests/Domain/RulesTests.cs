using Chikaya.Domain.Administrations;
using Chikaya.Domain.Citizens;
using Chikaya.Domain.Routing;
using Chikaya.Domain.Territories;

namespace Chikaya.Tests.Domain;

public sealed class RoutingRulesTests
{
    // territory chain of an arrondissement: 5 (arrondissement) -> 4 (prefecture) -> 1 (region)
    private static readonly int[] Chain = [5, 4, 1];

    [Fact]
    public void The_closest_territory_wins_and_a_theme_rule_beats_an_any_theme_rule_there()
    {
        RoutingRule[] rules = [new(null, 4, 40), new(7, 4, 41), new(null, 1, 10), new(7, null, 99)];
        Assert.Equal(41, RoutingRules.Resolve(7, Chain, rules));
        Assert.Equal(40, RoutingRules.Resolve(8, Chain, rules));
    }

    [Fact]
    public void Without_a_rule_for_the_place_the_national_rule_applies_theme_first()
    {
        RoutingRule[] rules = [new(null, null, 1), new(7, null, 2), new(7, 99, 3)];
        Assert.Equal(2, RoutingRules.Resolve(7, Chain, rules));
        Assert.Equal(1, RoutingRules.Resolve(8, [], rules));
    }

    [Fact]
    public void No_rule_means_no_administration() => Assert.Null(RoutingRules.Resolve(7, Chain, [new(8, 5, 1)]));
}

public sealed class AdministrationHierarchyTests
{
    // ministry 1 <- commune 2 <- arrondissements 3 and 4; ministry 5 alone
    private static readonly AdministrationHierarchy Tree = new([(1, null), (2, 1), (3, 2), (4, 2), (5, null)]);

    [Fact]
    public void Escalation_climbs_from_the_arrondissement_to_the_ministry() => Assert.Equal([2, 1], Tree.Ancestors(3));

    [Fact]
    public void A_supervisor_of_the_commune_oversees_its_arrondissements() =>
        Assert.Equal(new HashSet<int> { 2, 3, 4 }, Tree.SelfAndDescendants(2));

    [Theory]
    [InlineData(2, 3, true)]
    [InlineData(2, 2, true)]
    [InlineData(3, 4, false)]
    [InlineData(2, 5, false)]
    public void A_parent_below_itself_would_close_a_loop(int id, int parent, bool cycle) =>
        Assert.Equal(cycle, Tree.WouldCreateCycle(id, parent));
}

public sealed class ContactRulesTests
{
    [Theory]
    [InlineData("0612345678", "+212612345678")]
    [InlineData("06 12 34 56 78", "+212612345678")]
    [InlineData("+212 6-12-34-56-78", "+212612345678")]
    [InlineData("00212712345678", "+212712345678")]
    [InlineData("12", null)]
    [InlineData("06123456789999", null)]
    public void Moroccan_numbers_are_written_one_way(string input, string? expected) =>
        Assert.Equal(expected, ContactRules.NormalizePhone(input));

    [Theory]
    [InlineData(" Amina@Example.MA ", "amina@example.ma")]
    [InlineData("amina@", null)]
    [InlineData("pas une adresse", null)]
    public void Email_addresses_are_compared_trimmed_and_lower_case(string input, string? expected) =>
        Assert.Equal(expected, ContactRules.NormalizeEmail(input));
}

public sealed class TerritoryTests
{
    private const string Csv = """
        code,kind,parent_code,name_fr,name_ar
        R06,region,,Casablanca-Settat,الدار البيضاء سطات
        P-CASABLANCA,prefecture,R06,Casablanca,الدار البيضاء
        PA-CASA-ANFA,arrondissements_prefecture,P-CASABLANCA,"Casablanca-Anfa, préfecture",الدار البيضاء أنفا
        A-ANFA,arrondissement,PA-CASA-ANFA,Anfa,أنفا
        X-1,planet,,Mars,المريخ
        X-2,region,,
        """;

    [Fact]
    public void The_file_is_read_with_quoted_fields_and_bad_rows_are_reported_by_line()
    {
        var rows = TerritoryCsv.Read(new StringReader(Csv)).ToList();
        Assert.Equal("Casablanca-Anfa, préfecture", rows[2].Territory!.NameFr);
        Assert.Equal((6, "territories.csv.kind"), (rows[4].Line, rows[4].Error));
        Assert.Equal((7, "territories.csv.field-count"), (rows[5].Line, rows[5].Error));
    }

    [Fact]
    public void A_file_without_its_header_is_refused() =>
        Assert.Equal("territories.csv.header", TerritoryCsv.Read(new StringReader("R06,region,,A,B")).Single().Error);

    [Fact]
    public void An_arrondissement_walks_up_to_its_region()
    {
        var territories = TerritoryCsv.Read(new StringReader(Csv)).Where(r => r.Territory is not null).Select(r => r.Territory!);
        var chain = new TerritoryTree(territories).SelfAndAncestors("A-ANFA").Select(t => t.Code);
        Assert.Equal(["A-ANFA", "PA-CASA-ANFA", "P-CASABLANCA", "R06"], chain);
    }
}
